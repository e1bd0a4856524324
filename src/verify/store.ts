// What the verifier keeps between checks: failure counters, locks and one-time-code challenges.
// Keys are pseudonyms and random IDs; nothing a person said is kept. Times are milliseconds from the
// caller's clock (`now`), so expiry follows the clock the caller passes, not the store's.

/** A one-time-code challenge as stored: the code only as a keyed digest. */
export interface StoredChallenge {
  /** Pseudonym of the subject the code was issued for. */
  subject: string;
  /** Hex HMAC of the code. */
  codeDigest: string;
  via: string;
  restricted: boolean;
  issuedAt: number;
  expiresAt: number;
  maxAttempts: number;
}

export interface VerificationStore {
  /** Atomically counts one more failure in a window that starts with the first one; returns the count. */
  addFailure(key: string, now: number, windowMs: number): Promise<number>;
  /** Failures counted in the current window (0 when it has passed). */
  failures(key: string, now: number, windowMs: number): Promise<number>;
  resetFailures(key: string): Promise<void>;
  /** Locks a key until a time. */
  lock(key: string, until: number, now: number): Promise<void>;
  /** When the key's lock ends, or undefined when it is not locked at `now`. */
  lockedUntil(key: string, now: number): Promise<number | undefined>;
  putChallenge(id: string, challenge: StoredChallenge, now: number): Promise<void>;
  /** The challenge and its wrong tries so far, or undefined when unknown or consumed. */
  getChallenge(id: string): Promise<{ challenge: StoredChallenge; failures: number } | undefined>;
  /** Atomically counts a wrong code; returns the count, or undefined when the challenge is gone. */
  addChallengeFailure(id: string): Promise<number | undefined>;
  /** Atomically removes a challenge; true only for the one caller that removed it (single use). */
  consumeChallenge(id: string): Promise<boolean>;
}

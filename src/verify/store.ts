// What the verifier keeps between checks: attempt counters, locks, one-time-code challenges and used token
// IDs. Keys are pseudonyms and random IDs; nothing a person said is kept. Times are milliseconds from the
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

/** What reserving an attempt gave: its number in the current window, or the lock in force (nothing counted). */
export type Reservation = { count: number } | { lockedUntil: number };

export interface VerificationStore {
  /**
   * In one atomic step: when the key is locked at `now`, counts nothing and returns the lock's end; else
   * counts one more attempt in a window that starts with the first one and returns its number. An attempt
   * is reserved this way before anything is compared, so parallel attempts cannot all read a low count.
   */
  reserveAttempt(key: string, now: number, windowMs: number): Promise<Reservation>;
  /** Gives back one reserved attempt (never below zero): a success must not count against an agent or origin. */
  releaseAttempt(key: string): Promise<void>;
  /** Attempts counted in the current window (0 when it has passed). */
  failures(key: string, now: number, windowMs: number): Promise<number>;
  resetFailures(key: string): Promise<void>;
  /** Locks a key until a time (a lock is only ever raised) and, in the same step, clears its attempt count. */
  lock(key: string, until: number, now: number): Promise<void>;
  /** When the key's lock ends, or undefined when it is not locked at `now`. */
  lockedUntil(key: string, now: number): Promise<number | undefined>;
  putChallenge(id: string, challenge: StoredChallenge, now: number): Promise<void>;
  /** The challenge and the tries counted on it so far, or undefined when unknown or consumed. */
  getChallenge(id: string): Promise<{ challenge: StoredChallenge; attempts: number } | undefined>;
  /** Atomically counts one more try of a challenge before its code is compared; undefined when it is gone. */
  addChallengeAttempt(id: string): Promise<number | undefined>;
  /** Atomically removes a challenge; true only for the one caller that removed it (single use). */
  consumeChallenge(id: string): Promise<boolean>;
  /** Records a token ID as used until `expiresAt`; true only for the first caller (single-use tokens). */
  markTokenUsed(tokenId: string, expiresAt: number, now: number): Promise<boolean>;
}

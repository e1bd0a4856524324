// One-time codes for the possession factor (NIST SP 800-63B 5.1.3.2): drawn uniformly from a CSPRNG, kept
// only as a keyed digest, single use, expiring, and dead after a set number of wrong tries.
import { randomBytes, randomInt } from 'node:crypto';
import { digestsEqual } from './digest.js';
import type { VerificationKeys } from './digest.js';
import type { VerificationStore } from './store.js';

/** A code of `digits` decimal digits, uniform over 0 … 10^digits − 1 (crypto.randomInt rejects modulo bias). */
export function generateOtpCode(digits = 6): string {
  if (!Number.isInteger(digits) || digits < 6 || digits > 10) {
    throw new RangeError('caregate: an OTP has 6 to 10 digits');
  }
  return String(randomInt(0, 10 ** digits)).padStart(digits, '0');
}

export interface OtpSettings {
  digits: number;
  ttlMs: number;
  maxAttempts: number;
}

export interface IssueOtpParams {
  /** Pseudonym of the subject. */
  subject: string;
  via: string;
  restricted: boolean;
  now: number;
}

export interface IssuedOtp {
  challengeId: string;
  /** The code, to hand to the sender once; it is not kept. */
  code: string;
  expiresAt: number;
}

export type OtpOutcome = 'ok' | 'unknown' | 'expired' | 'wrong_subject' | 'wrong_code' | 'exhausted';

export interface OtpVerification {
  ok: boolean;
  outcome: OtpOutcome;
  /** Wrong tries left on this challenge (0 once it is used, expired or exhausted). */
  attemptsLeft: number;
  /** Whether the code came over the phone network (SMS or voice), which NIST marks restricted. */
  restricted: boolean;
  via?: string;
}

export interface OtpService {
  issue(params: IssueOtpParams): Promise<IssuedOtp>;
  verify(params: { challengeId: string; code: string; subject: string; now: number }): Promise<OtpVerification>;
  /** Removes a challenge (for example when sending failed). */
  cancel(challengeId: string): Promise<void>;
}

export function createOtpService(store: VerificationStore, keys: VerificationKeys, settings: OtpSettings): OtpService {
  const codeDigest = (challengeId: string, code: string) => keys.hmac('otp', challengeId, code);
  const done = (outcome: OtpOutcome, restricted = false, via?: string): OtpVerification => ({
    ok: outcome === 'ok',
    outcome,
    attemptsLeft: 0,
    restricted,
    ...(via === undefined ? {} : { via }),
  });

  return {
    async issue({ subject, via, restricted, now }) {
      const challengeId = randomBytes(16).toString('base64url');
      const code = generateOtpCode(settings.digits);
      const expiresAt = now + settings.ttlMs;
      await store.putChallenge(
        challengeId,
        {
          subject,
          codeDigest: codeDigest(challengeId, code).toString('hex'),
          via,
          restricted,
          issuedAt: now,
          expiresAt,
          maxAttempts: settings.maxAttempts,
        },
        now,
      );
      return { challengeId, code, expiresAt };
    },

    async verify({ challengeId, code, subject, now }) {
      const entry = await store.getChallenge(challengeId);
      if (!entry) return done('unknown');
      const { challenge } = entry;
      const { restricted, via } = challenge;
      // A challenge belongs to the subject it was issued for; another subject's code proves nothing.
      if (!digestsEqual(Buffer.from(challenge.subject, 'hex'), Buffer.from(subject, 'hex'))) return done('wrong_subject');
      if (now >= challenge.expiresAt) {
        await store.consumeChallenge(challengeId);
        return done('expired', restricted, via);
      }
      // Reserve, then compare: the try is counted atomically first, so parallel guesses cannot all see a
      // low count; a try numbered above the limit is never compared.
      const count = await store.addChallengeAttempt(challengeId);
      if (count === undefined) return done('unknown');
      if (count > challenge.maxAttempts) {
        await store.consumeChallenge(challengeId);
        return done('exhausted', restricted, via);
      }
      const typed = code.replace(/[\s-]/g, '');
      const expected = Buffer.from(challenge.codeDigest, 'hex');
      if (digestsEqual(codeDigest(challengeId, typed), expected)) {
        // Only the caller that removes the challenge succeeds: a code works once.
        return (await store.consumeChallenge(challengeId)) ? done('ok', restricted, via) : done('unknown');
      }
      if (count >= challenge.maxAttempts) {
        await store.consumeChallenge(challengeId);
        return done('exhausted', restricted, via);
      }
      return { ok: false, outcome: 'wrong_code', attemptsLeft: challenge.maxAttempts - count, restricted, via };
    },

    async cancel(challengeId) {
      await store.consumeChallenge(challengeId);
    },
  };
}

// Keyed digests. Values are compared as HMAC-SHA-256 digests (always 32 bytes) with timingSafeEqual, so
// neither the comparison time nor a length mismatch says anything about the value.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { VerificationConfigError } from './errors.js';

export const MIN_KEY_BYTES = 32;

/** What a key is used for; each purpose gets its own subkey derived from the key passed in. */
export type KeyPurpose = 'compare' | 'pseudonym' | 'token' | 'otp';

export interface VerificationKeys {
  /** HMAC-SHA-256 of a value under the subkey for a purpose, with a label that separates uses. */
  hmac(purpose: KeyPurpose, label: string, value: string): Buffer;
}

const HOW_TO_PASS_A_KEY =
  'pass options.key: a secret Buffer or string of at least 32 bytes (for example crypto.randomBytes(32) kept in your secret store), the same in every process that shares a lockout store';

/** Checks the key and derives one subkey per purpose (HKDF-SHA-256). */
export function createKeys(key: unknown): VerificationKeys {
  let material: Buffer;
  if (Buffer.isBuffer(key)) material = key;
  else if (typeof key === 'string') material = Buffer.from(key, 'utf8');
  else throw new VerificationConfigError('missing_key', '/key', `caregate: no HMAC key given; ${HOW_TO_PASS_A_KEY}`);
  if (material.length < MIN_KEY_BYTES) {
    throw new VerificationConfigError(
      'short_key',
      '/key',
      `caregate: the HMAC key has ${material.length} bytes, fewer than ${MIN_KEY_BYTES}; ${HOW_TO_PASS_A_KEY}`,
    );
  }
  const subkeys = new Map<KeyPurpose, Buffer>();
  for (const purpose of ['compare', 'pseudonym', 'token', 'otp'] as const) {
    subkeys.set(purpose, Buffer.from(hkdfSync('sha256', material, 'caregate.verify', purpose, 32)));
  }
  return {
    hmac(purpose, label, value) {
      const subkey = subkeys.get(purpose);
      if (!subkey) throw new Error(`caregate: unknown key purpose ${purpose}`);
      // The label and a NUL keep "a"+"bc" and "ab"+"c" apart.
      return createHmac('sha256', subkey).update(label).update('\0').update(value).digest();
    },
  };
}

/** Constant-time equality of two digests; unequal lengths (never the case for HMAC-SHA-256) are unequal. */
export function digestsEqual(a: Buffer, b: Buffer): boolean {
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}

/** A stable keyed pseudonym for a subject, agent or origin: logs and store keys use it instead of the ID. */
export function pseudonym(keys: VerificationKeys, kind: string, id: string): string {
  return keys.hmac('pseudonym', kind, id).toString('hex');
}

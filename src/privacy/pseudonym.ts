import { createHmac } from 'node:crypto';
import { PrivacyError } from './errors.js';

/** Minimum key length: 32 bytes (256 bits). */
export const MIN_PSEUDONYM_KEY_BYTES = 32;

/** Turns the key option into bytes; refuses a missing or short key with a message that says what to pass. */
export function pseudonymKeyBytes(key: string | Uint8Array | undefined): Buffer {
  if (key === undefined || key === '' || (typeof key !== 'string' && key.length === 0)) {
    throw new PrivacyError(
      'DSAR_CONFIG',
      'the request register needs a pseudonym key to reference subjects; pass options.pseudonymKey (at least 32 random bytes, e.g. `openssl rand -hex 32`), or on the CLI --pseudonym-key-file or CAREGATE_PSEUDONYM_KEY',
    );
  }
  const bytes = typeof key === 'string' ? Buffer.from(key, /^[0-9a-f]+$/i.test(key) && key.length % 2 === 0 ? 'hex' : 'utf8') : Buffer.from(key);
  if (bytes.length < MIN_PSEUDONYM_KEY_BYTES) {
    throw new PrivacyError('DSAR_CONFIG', `the pseudonym key has ${bytes.length} bytes; use at least ${MIN_PSEUDONYM_KEY_BYTES} random bytes (e.g. \`openssl rand -hex 32\`)`);
  }
  return bytes;
}

/** Normalizes an identifier so that "Alice@Example.com " and "alice@example.com" map to the same subject. */
export function normalizeIdentifier(identifier: string): string {
  return identifier.normalize('NFKC').trim().toLowerCase();
}

/** Keyed pseudonym of a subject identifier: "hmac-sha256:" + hex HMAC-SHA-256. Never a plain hash. */
export function pseudonymize(key: Buffer, identifier: string): string {
  return `hmac-sha256:${createHmac('sha256', key).update(normalizeIdentifier(identifier), 'utf8').digest('hex')}`;
}

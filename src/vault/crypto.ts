import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM through Node's crypto. A sealed blob is iv (12 bytes) ‖ tag (16) ‖ ciphertext; the
 * additional data binds a blob to what it belongs to (a data key to its id, a value to its token), so a
 * blob copied to another row does not open.
 */
const IV = 12;
const TAG = 16;

export function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Opens a sealed blob; throws when the key, the additional data or any byte is wrong. */
export function open(key: Buffer, blob: Buffer, aad: string): Buffer {
  if (blob.length < IV + TAG) throw new Error('sealed blob too short');
  const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, IV));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(blob.subarray(IV, IV + TAG));
  return Buffer.concat([decipher.update(blob.subarray(IV + TAG)), decipher.final()]);
}

/** Keyed digest (HMAC-SHA-256) of NUL-joined parts: index entries, token ids, subject and scope ids. */
export function keyedDigest(key: Buffer, ...parts: string[]): Buffer {
  return createHmac('sha256', key).update(parts.join('\0'), 'utf8').digest();
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}

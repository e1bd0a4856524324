import { createHash, createHmac, createPrivateKey, createPublicKey, sign, timingSafeEqual, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { IntegrityIssue } from './chain.js';
import { PrivacyError } from './errors.js';
import type { ChainScan } from './ledger-store.js';

/**
 * Signed checkpoints: {log id, size, head hash, time}, signed with HMAC-SHA-256 or Ed25519 by a key the
 * writer never holds. Kept outside the ledger (WORM storage, another system), they catch what a hash
 * chain alone cannot: a ledger cut back to an earlier length (truncation) or replaced by a re-chained copy
 * (rollback or rewrite).
 */

export const CHECKPOINT_FORMAT = 'caregate.dsar.checkpoint/1';

export interface CheckpointBody {
  format: typeof CHECKPOINT_FORMAT;
  logId: string;
  /** Number of entries covered (entries #0 … #size-1). */
  size: number;
  headHash: string;
  time: string;
  alg: 'hmac-sha256' | 'ed25519';
  keyId: string;
}

export interface Checkpoint extends CheckpointBody {
  /** Base64 signature over the canonical JSON of the body. */
  signature: string;
}

export type CheckpointSigningKey = { alg: 'hmac-sha256'; secret: Uint8Array } | { alg: 'ed25519'; privateKey: KeyObject | string };
export type CheckpointVerifyKey = { alg: 'hmac-sha256'; secret: Uint8Array } | { alg: 'ed25519'; publicKey: KeyObject | string };

const MIN_HMAC_BYTES = 32;

function hmacKeyId(secret: Uint8Array): string {
  return createHmac('sha256', secret).update('caregate checkpoint key id').digest('hex').slice(0, 16);
}

function edKeyId(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

function checkHmacSecret(secret: Uint8Array): void {
  if (secret.length < MIN_HMAC_BYTES) throw new PrivacyError('DSAR_CONFIG', `the checkpoint HMAC key has ${secret.length} bytes; use at least ${MIN_HMAC_BYTES} random bytes`);
}

/** Signs the head of a ledger. */
export function signCheckpoint(head: { logId: string; size: number; headHash: string }, key: CheckpointSigningKey, time = new Date()): Checkpoint {
  let keyId: string;
  let signer: (data: Buffer) => Buffer;
  if (key.alg === 'hmac-sha256') {
    checkHmacSecret(key.secret);
    keyId = hmacKeyId(key.secret);
    signer = (data) => createHmac('sha256', key.secret).update(data).digest();
  } else {
    const priv = typeof key.privateKey === 'string' ? createPrivateKey(key.privateKey) : key.privateKey;
    if (priv.asymmetricKeyType !== 'ed25519') throw new PrivacyError('DSAR_CONFIG', 'the checkpoint private key is not an Ed25519 key');
    keyId = edKeyId(createPublicKey(priv));
    signer = (data) => sign(null, data, priv);
  }
  const body: CheckpointBody = { format: CHECKPOINT_FORMAT, logId: head.logId, size: head.size, headHash: head.headHash, time: time.toISOString(), alg: key.alg, keyId };
  return { ...body, signature: signer(Buffer.from(canonicalJson(body), 'utf8')).toString('base64') };
}

/** True when the checkpoint's signature is valid under `key`. */
export function checkpointSignatureValid(cp: Checkpoint, key: CheckpointVerifyKey): boolean {
  if (cp.format !== CHECKPOINT_FORMAT || cp.alg !== key.alg || typeof cp.signature !== 'string') return false;
  const { signature, ...body } = cp;
  const data = Buffer.from(canonicalJson(body), 'utf8');
  const sig = Buffer.from(signature, 'base64');
  if (key.alg === 'hmac-sha256') {
    const expected = createHmac('sha256', key.secret).update(data).digest();
    return sig.length === expected.length && timingSafeEqual(sig, expected);
  }
  const pub = typeof key.publicKey === 'string' ? createPublicKey(key.publicKey) : key.publicKey;
  return verify(null, data, pub, sig);
}

/** Problems of a ledger against checkpoints: bad signatures, another log, truncation, rollback. */
export function checkAgainstCheckpoints(scan: ChainScan, checkpoints: readonly Checkpoint[], key: CheckpointVerifyKey): IntegrityIssue[] {
  const issues: IntegrityIssue[] = [];
  for (const cp of checkpoints) {
    const label = `checkpoint of ${cp.time} (${cp.size} entries)`;
    if (!checkpointSignatureValid(cp, key)) {
      issues.push({ problem: 'checkpoint_signature', message: `${label}: its signature does not verify with the given key; the checkpoint was altered or signed by another key` });
    } else if (cp.logId !== scan.logId) {
      issues.push({ problem: 'checkpoint_log', message: `${label}: it belongs to ledger ${cp.logId}, not ${scan.logId ?? '(unknown)'}; the ledger was replaced` });
    } else if (scan.size < cp.size) {
      issues.push({
        problem: 'truncated',
        seq: scan.size,
        message: `${label}: the ledger has only ${scan.size} entries; entries #${scan.size} to #${cp.size - 1} were removed (truncation or rollback)`,
      });
    } else if (scan.hashesAt.get(cp.size - 1) !== cp.headHash) {
      issues.push({
        problem: 'rollback',
        seq: cp.size - 1,
        message: `${label}: entry #${cp.size - 1} is not the one the checkpoint signed; the ledger was rewritten (rollback or re-chained copy)`,
      });
    }
  }
  return issues;
}

/** The seqs whose hashes a scan must keep to check these checkpoints. */
export function checkpointSeqs(checkpoints: readonly Checkpoint[]): Set<number> {
  return new Set(checkpoints.map((cp) => cp.size - 1));
}

/**
 * Reads key material: an Ed25519 PEM (private or public), or an HMAC secret (hex, or raw text of at least
 * 32 bytes). For signing pass a private key or secret; for verifying a public key or the secret.
 */
export function parseCheckpointKey(text: string, use: 'sign'): CheckpointSigningKey;
export function parseCheckpointKey(text: string, use: 'verify'): CheckpointVerifyKey;
export function parseCheckpointKey(text: string, use: 'sign' | 'verify'): CheckpointSigningKey | CheckpointVerifyKey {
  const trimmed = text.trim();
  if (trimmed.includes('-----BEGIN')) {
    try {
      if (trimmed.includes('PRIVATE KEY')) {
        const privateKey = createPrivateKey(trimmed);
        return use === 'sign' ? { alg: 'ed25519', privateKey } : { alg: 'ed25519', publicKey: createPublicKey(privateKey) };
      }
      if (use === 'sign') throw new PrivacyError('DSAR_CONFIG', 'signing a checkpoint needs the Ed25519 private key, not the public key');
      return { alg: 'ed25519', publicKey: createPublicKey(trimmed) };
    } catch (err) {
      if (err instanceof PrivacyError) throw err;
      throw new PrivacyError('DSAR_CONFIG', 'the checkpoint key file holds a PEM key that cannot be read; use an Ed25519 key (`openssl genpkey -algorithm ed25519`)');
    }
  }
  const secret = /^[0-9a-f]+$/i.test(trimmed) && trimmed.length % 2 === 0 ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'utf8');
  checkHmacSecret(secret);
  return { alg: 'hmac-sha256', secret };
}

/** Parses checkpoints from JSON (one object, an array, or JSON lines). */
export function parseCheckpoints(text: string): Checkpoint[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  try {
    const value: unknown = trimmed.startsWith('[') ? JSON.parse(trimmed) : trimmed.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as unknown);
    const list = Array.isArray(value) ? value : [value];
    for (const cp of list) {
      const c = cp as Partial<Checkpoint>;
      if (c.format !== CHECKPOINT_FORMAT || typeof c.size !== 'number' || typeof c.headHash !== 'string' || typeof c.logId !== 'string') throw new Error('not a checkpoint');
    }
    return list as Checkpoint[];
  } catch {
    throw new PrivacyError('DSAR_INPUT', `the checkpoint file is not ${CHECKPOINT_FORMAT} JSON (one object, an array or one per line)`);
  }
}

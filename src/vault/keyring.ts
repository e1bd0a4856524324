import { z } from 'zod';
import { CaregateError } from '../errors.js';

/**
 * The vault's keys. Key-encryption keys (KEKs) wrap the data keys that encrypt the values; each has a
 * version, recorded with every wrapped data key, so that a rotation re-wraps under the current version
 * while the older ones still open what they wrapped until they are retired. The index key makes
 * deterministic tokens and the keyed ids of subjects and scopes; it never encrypts anything.
 */
const key32 = z.union([
  z.instanceof(Buffer).refine((b) => b.length === 32, 'a 32-byte key'),
  z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'a 32-byte key in base64 (44 characters, e.g. from `openssl rand -base64 32`)'),
]);

export const keyringSchema = z.strictObject({
  /** Key-encryption keys by version number. */
  keks: z.record(z.string().regex(/^[1-9][0-9]{0,8}$/, 'a version number (1, 2, …)'), key32),
  /** The version new data keys are wrapped under; must be one of `keks`. */
  current: z.number().int().min(1),
  /** HMAC key for the deterministic index and the ids of subjects and scopes. */
  indexKey: key32,
});

export type KeyringInput = z.input<typeof keyringSchema>;

export interface Keyring {
  current: number;
  kek(version: number): Buffer | undefined;
  versions(): number[];
  indexKey: Buffer;
}

const toKey = (k: Buffer | string): Buffer => (Buffer.isBuffer(k) ? Buffer.from(k) : Buffer.from(k, 'base64'));

export function parseKeyring(input: unknown): Keyring {
  const parsed = keyringSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    // The message names the option, never the key material.
    throw new CaregateError('E_VAULT_CONFIG', `invalid vault keys${path ? ` at "keys.${path}"` : ''}: ${issue.message}`, { path: `keys${path ? `.${path}` : ''}` });
  }
  const keks = new Map<number, Buffer>();
  for (const [v, k] of Object.entries(parsed.data.keks)) keks.set(Number(v), toKey(k));
  if (!keks.has(parsed.data.current)) {
    throw new CaregateError('E_VAULT_CONFIG', `vault keys: "current" is version ${parsed.data.current}, but keks has only ${[...keks.keys()].join(', ')}; add that version or change "current"`, { path: 'keys.current' });
  }
  const indexKey = toKey(parsed.data.indexKey);
  for (const [v, k] of keks) {
    if (k.equals(indexKey)) throw new CaregateError('E_VAULT_CONFIG', `vault keys: the index key equals KEK version ${v}; use separate keys`, { path: 'keys.indexKey' });
  }
  return {
    current: parsed.data.current,
    kek: (version) => keks.get(version),
    versions: () => [...keks.keys()].sort((a, b) => a - b),
    indexKey,
  };
}

/**
 * Reads keys from the environment for the CLI: CAREGATE_VAULT_KEKS ("1:<base64>,2:<base64>"),
 * CAREGATE_VAULT_KEK_CURRENT (default: the highest version) and CAREGATE_VAULT_INDEX_KEY.
 */
export function keyringFromEnv(env: NodeJS.ProcessEnv): KeyringInput {
  const list = env.CAREGATE_VAULT_KEKS;
  if (!list) throw new CaregateError('E_VAULT_CONFIG', 'no vault keys: set CAREGATE_VAULT_KEKS to "1:<base64 key>" (32 random bytes each, e.g. `openssl rand -base64 32`) and CAREGATE_VAULT_INDEX_KEY to another such key');
  const keks: Record<string, string> = {};
  for (const item of list.split(',')) {
    const at = item.indexOf(':');
    if (at < 1) throw new CaregateError('E_VAULT_CONFIG', 'CAREGATE_VAULT_KEKS: each entry is "<version>:<base64 key>", separated by commas');
    keks[item.slice(0, at).trim()] = item.slice(at + 1).trim();
  }
  const versions = Object.keys(keks).map(Number);
  const current = env.CAREGATE_VAULT_KEK_CURRENT ? Number(env.CAREGATE_VAULT_KEK_CURRENT) : Math.max(...versions);
  const input = { keks, current, indexKey: env.CAREGATE_VAULT_INDEX_KEY ?? '' };
  parseKeyring(input); // fails here, naming the variable's option, before anything is opened
  return input;
}

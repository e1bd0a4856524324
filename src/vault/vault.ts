import { randomBytes } from 'node:crypto';
import { CaregateError } from '../errors.js';
import type { LedgerStore } from '../privacy/ledger-store.js';
import type { EntryKind } from '../privacy/chain.js';
import type { JsonValue } from '../privacy/canonical-json.js';
import type { TokenRequest, TokenSink } from '../mask/types.js';
import { safeText } from '../safe-output.js';
import { keyedDigest, newDataKey, open, seal } from './crypto.js';
import { parseKeyring, type Keyring, type KeyringInput } from './keyring.js';
import { NO_REVEALS, parseRevealPolicy, type RevealPolicy, type RevealPolicyInput } from './reveal-policy.js';
import type { DataKeyRecord, TokenEntry, VaultStore } from './store.js';
import { formatPreservingToken, labelToken, randomTokenBytes, shownDigits, storeKeyOf, tokenId, } from './token-format.js';

export interface VaultOptions {
  store: VaultStore;
  keys: KeyringInput;
  /** Who may reveal what; without one every reveal is refused (and audited). */
  policy?: RevealPolicyInput;
  /** The hash-chained log every reveal, rotation and erasure is written to (the register's ledger stores). */
  audit?: LedgerStore;
  /** Clock for rate windows and audit entries (tests pin it). */
  now?: () => Date;
}

export type { TokenSink, TokenRequest };

export interface TokenScope {
  /** Tokens of one scope join (same value → same token); other scopes get other tokens. */
  scope: string;
  /** The data subject the values belong to: erasing the subject makes all of them unrecoverable. */
  subject?: string;
  /** deterministic (default): same value and scope → same token; random: a new token each time. */
  mode?: 'deterministic' | 'random';
}

export interface RevealRequest {
  actor: string;
  purpose: string;
}

export type RevealRefusal = 'purpose' | 'actor' | 'rate' | 'unknown' | 'entity' | 'erased';

export interface RevealResult {
  entity: string;
  value: string;
  /** How much of the value was revealed, as the purpose allows. */
  reveal: 'whole' | 'last4' | 'bin-last4';
}

const REFUSAL_TEXT: Record<RevealRefusal, string> = {
  purpose: 'the reveal policy has no such purpose',
  actor: 'this actor may not reveal for this purpose',
  rate: "the actor's reveal budget for this window is spent; wait for the next window",
  unknown: 'no such token in this vault',
  entity: 'this purpose may not reveal values of this entity',
  erased: "the value's data subject was erased (its key destroyed); the value cannot be recovered",
};

export class VaultRefusal extends CaregateError {
  constructor(readonly reason: RevealRefusal) {
    super(`E_VAULT_REFUSED`, `reveal refused: ${REFUSAL_TEXT[reason]}`);
    this.name = 'VaultRefusal';
  }
}

interface LiveKey {
  record: DataKeyRecord;
  key: Buffer;
}

export interface Vault {
  /** A token sink for the `token` mask: pass it to createRedactor({ vault }) or redact(text, { tokens }). */
  scope(scope: TokenScope): TokenSink;
  /** Writes every pending entry durably (one transaction). Tokens handed out are revealable once it resolves. */
  flush(): Promise<void>;
  /** Entries made but not yet written. */
  readonly pending: number;
  reveal(token: string, request: RevealRequest): Promise<RevealResult>;
  /** Re-wraps every data key under the current KEK version; old versions keep opening what they wrap until then. */
  rotate(options: { actor: string }): Promise<{ rewrapped: number }>;
  /** Refuses while any data key is still wrapped under `version`; else records that it may be destroyed. */
  retire(version: number, options: { actor: string }): Promise<void>;
  /** Destroys a subject's data keys: every token of the subject becomes unrecoverable. */
  eraseSubject(subject: string, options: { actor: string; request?: EraseRequestLink }): Promise<{ keys: number; entries: number }>;
  close(): Promise<void>;
}

/** Records the erasure as a task of a delete request in the register (the task is added if not given). */
export interface EraseRequestLink {
  log: {
    addTask(id: string, task: { system: string; kind: 'crypto_shred'; note?: string; actor?: string }): Promise<{ id: string }>;
    updateTask(id: string, taskId: string, update: { status: 'done'; note?: string; actor?: string }): Promise<unknown>;
  };
  requestId: string;
  taskId?: string;
}

const normalizedText = (t: string) => t.normalize('NFKC').trim().toLowerCase();

export async function openVault(options: VaultOptions): Promise<Vault> {
  const keyring: Keyring = parseKeyring(options.keys);
  const policy: RevealPolicy = options.policy ? parseRevealPolicy(options.policy) : NO_REVEALS;
  const store = options.store;
  const now = options.now ?? (() => new Date());
  const ix = keyring.indexKey;
  const id = (kind: string, value: string) => keyedDigest(ix, kind, value).toString('base64url');

  // Data keys this process encrypts with, one per subject (and one for values of no subject). A new one is
  // made, wrapped and queued synchronously, so tokenizing never waits; each flush writes the keys of the
  // entries it writes again, so an entry never lands without its key.
  const liveKeys = new Map<string, LiveKey>();
  const pendingEntries = new Map<string, TokenEntry>();
  const openedKeys = new Map<string, Buffer>();

  const keyFor = (subjectId: string | null): LiveKey => {
    const slot = subjectId ?? '';
    let live = liveKeys.get(slot);
    if (!live) {
      const key = newDataKey();
      const keyId = `dk_${randomBytes(16).toString('base64url')}`;
      const kek = keyring.kek(keyring.current)!;
      live = { key, record: { keyId, subjectId, kekVersion: keyring.current, wrapped: seal(kek, key, `dek:${keyId}`) } };
      liveKeys.set(slot, live);
    }
    return live;
  };

  const audit = async (kind: EntryKind, actor: string, data: Record<string, JsonValue>) => {
    if (!options.audit) return;
    await options.audit.append(() => ({ kind, actor: safeText(actor), data: { ...data, at: now().toISOString() } }), now);
  };

  let flushing: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    const run = flushing.then(async () => {
      if (pendingEntries.size === 0) return;
      const batch = [...pendingEntries.values()];
      const keys = new Map<string, DataKeyRecord>();
      for (const live of liveKeys.values()) keys.set(live.record.keyId, live.record);
      const needed = [...new Set(batch.map((e) => e.keyId))].map((k) => keys.get(k)).filter((k): k is DataKeyRecord => k !== undefined);
      const { collisions, destroyedKeys } = await store.write(needed, batch);
      for (const e of batch) if (pendingEntries.get(e.token) === e) pendingEntries.delete(e.token);
      // Keys of a subject erased by another process while this one still held them: never used again.
      for (const [slot, live] of liveKeys) if (destroyedKeys.includes(live.record.keyId)) liveKeys.delete(slot);
      if (collisions.length) {
        throw new CaregateError(
          'E_VAULT_COLLISION',
          `${collisions.length} format-preserving token(s) met another value's token; they were not stored. Keep fewer digits ("last4" rather than "bin-last4") or use the label form for this entity`,
        );
      }
    });
    flushing = run.catch(() => undefined);
    return run;
  };

  const scope = (s: TokenScope): TokenSink => {
    if (typeof s?.scope !== 'string' || s.scope.length === 0) {
      throw new CaregateError('E_VAULT_CONFIG', 'vault.scope() needs a non-empty scope name (e.g. a tenant or desk id)', { path: 'scope' });
    }
    const scopeId = id('scope', s.scope);
    const subjectId = s.subject === undefined ? null : id('subject', normalizedText(s.subject));
    const deterministic = (s.mode ?? 'deterministic') === 'deterministic';
    return {
      tokenize(r) {
        const value = r.digits || normalizedText(r.text);
        const indexId = deterministic ? id('index', `${r.entity}\0${s.scope}\0${r.form}\0${r.keep}\0${value}`) : null;
        const bytes = indexId ? keyedDigest(ix, 'token', indexId) : randomTokenBytes();
        let written: string;
        let token: string;
        if (r.form === 'format-preserving' && r.digits.length >= 8) {
          const fp = formatPreservingToken(r.text, r.keep, bytes);
          written = fp.written;
          token = `fp:${fp.digits}`;
        } else {
          token = tokenId(bytes);
          written = labelToken(r.entity, token);
        }
        if (!pendingEntries.has(token)) {
          const live = keyFor(subjectId);
          pendingEntries.set(token, {
            token, entity: r.entity, scopeId, indexId, keyId: live.record.keyId, subjectId,
            ciphertext: seal(live.key, Buffer.from(r.text, 'utf8'), `tok:${token}:${r.entity}`),
          });
        }
        return written;
      },
      flush,
    };
  };

  const openKey = async (keyId: string): Promise<Buffer | undefined> => {
    const rec = await store.dataKey(keyId);
    if (!rec) return undefined;
    const kek = keyring.kek(rec.kekVersion);
    if (!kek) {
      throw new CaregateError('E_VAULT_KEY', `a data key is wrapped under KEK version ${rec.kekVersion}, which this keyring does not hold; add that version back to the keys, or run \`caregate vault rotate\` with it present`);
    }
    const cached = openedKeys.get(`${keyId}:${rec.kekVersion}`);
    if (cached) return cached;
    const key = open(kek, rec.wrapped, `dek:${keyId}`);
    openedKeys.set(`${keyId}:${rec.kekVersion}`, key);
    return key;
  };

  const shown = (value: string, reveal: 'last4' | 'bin-last4') => {
    let total = 0;
    for (const ch of value) if (ch >= '0' && ch <= '9') total++;
    const [head, tail] = shownDigits(total, reveal);
    let k = 0;
    return value.replace(/[0-9]/g, (d) => (k++ < head || k > total - tail ? d : '•'));
  };

  const reveal = async (written: string, r: RevealRequest): Promise<RevealResult> => {
    const token = storeKeyOf(String(written ?? ''));
    const actor = String(r?.actor ?? '');
    const purposeName = String(r?.purpose ?? '');
    const refuse = async (reason: RevealRefusal, entity?: string): Promise<never> => {
      await audit('vault_reveal', actor, { token: token ?? null, entity: entity ?? null, purpose: safeText(purposeName), outcome: 'refused', reason });
      throw new VaultRefusal(reason);
    };
    if (!actor) throw new CaregateError('E_VAULT_INPUT', 'reveal needs an actor (who is asking), recorded in the audit log', { path: 'actor' });
    // Counted first: every attempt spends budget, whatever it asks for.
    const windowMs = policy.rateLimit.windowSeconds * 1000;
    const n = await store.countReveal(id('actor', normalizedText(actor)), Math.floor(now().getTime() / windowMs) * windowMs);
    if (n > policy.rateLimit.max) return refuse('rate');
    const purpose = Object.hasOwn(policy.purposes, purposeName) ? policy.purposes[purposeName] : undefined;
    if (!purpose) return refuse('purpose');
    if (purpose.actors && !purpose.actors.some((a) => normalizedText(a) === normalizedText(actor))) return refuse('actor');
    const entry = token ? await store.entry(token) : undefined;
    if (!entry) return refuse('unknown');
    if (!purpose.entities.includes('*') && !purpose.entities.includes(entry.entity)) return refuse('entity', entry.entity);
    const key = await openKey(entry.keyId);
    if (!key) return refuse('erased', entry.entity);
    const value = open(key, entry.ciphertext, `tok:${entry.token}:${entry.entity}`).toString('utf8');
    // The audit entry is durable before the value is handed out: no reveal without its record.
    await audit('vault_reveal', actor, { token: entry.token, entity: entry.entity, purpose: purposeName, outcome: 'allowed', reveal: purpose.reveal });
    return { entity: entry.entity, value: purpose.reveal === 'whole' ? value : shown(value, purpose.reveal), reveal: purpose.reveal };
  };

  return {
    scope,
    flush,
    get pending() {
      return pendingEntries.size;
    },
    reveal,
    async rotate({ actor }) {
      const to = keyring.current;
      const kekTo = keyring.kek(to)!;
      let rewrapped = 0;
      for (const rec of await store.keysNotUnder(to)) {
        const from = keyring.kek(rec.kekVersion);
        if (!from) {
          throw new CaregateError('E_VAULT_KEY', `data keys are wrapped under KEK version ${rec.kekVersion}, which this keyring does not hold; add it to the keys to rotate them`);
        }
        const key = open(from, rec.wrapped, `dek:${rec.keyId}`);
        if (await store.rewrap(rec.keyId, rec.kekVersion, to, seal(kekTo, key, `dek:${rec.keyId}`))) rewrapped++;
      }
      for (const live of liveKeys.values()) {
        if (live.record.kekVersion !== to) live.record = { ...live.record, kekVersion: to, wrapped: seal(kekTo, live.key, `dek:${live.record.keyId}`) };
      }
      await audit('vault_rotated', actor, { toVersion: to, rewrapped });
      return { rewrapped };
    },
    async retire(version, { actor }) {
      const use = (await store.kekUse()).get(version) ?? 0;
      const live = [...liveKeys.values()].some((l) => l.record.kekVersion === version);
      if (use > 0 || live || version === keyring.current) {
        throw new CaregateError(
          'E_VAULT_KEY',
          version === keyring.current
            ? `KEK version ${version} is the current one; make another version current and rotate first`
            : `KEK version ${version} still wraps ${use} data key(s); run \`caregate vault rotate\` first, then retire it`,
        );
      }
      await audit('vault_retired', actor, { version });
    },
    async eraseSubject(subject, { actor, request }) {
      const subjectId = id('subject', normalizedText(subject));
      liveKeys.delete(subjectId);
      for (const [t, e] of pendingEntries) if (e.subjectId === subjectId) pendingEntries.delete(t);
      await flushing;
      const { keys, entries } = await store.shred(subjectId);
      for (const k of [...openedKeys.keys()]) openedKeys.delete(k);
      await audit('vault_shredded', actor, { subject: subjectId, keys, entries, requestId: request ? safeText(request.requestId) : null });
      if (request) {
        const note = `caregate vault: ${keys} data key(s) of the subject destroyed; ${entries} token(s) can no longer be revealed`;
        const taskId = request.taskId ?? (await request.log.addTask(request.requestId, { system: 'caregate-vault', kind: 'crypto_shred', actor })).id;
        await request.log.updateTask(request.requestId, taskId, { status: 'done', note, actor });
      }
      return { keys, entries };
    },
    async close() {
      await flush();
      await store.close();
    },
  };
}

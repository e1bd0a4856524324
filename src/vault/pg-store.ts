import pg from 'pg';
import type { Pool } from 'pg';
import { CaregateError } from '../errors.js';
import { applyMigrations, inTransaction, quoteIdent, type Migration } from '../privacy/pg-migrations.js';
import type { DataKeyRecord, TokenEntry, VaultStore } from './store.js';

/**
 * The vault in PostgreSQL. Tables live in one schema (default "caregate_vault"), created by numbered
 * migrations applied once each under an advisory lock, by the register's migration runner. A flush is one transaction:
 * its data keys and entries are durable together or not at all.
 */
export interface PgVaultStoreOptions {
  /** A pg Pool to use (not closed by the store), or a connection string (a pool is created and closed). */
  pool?: Pool;
  connectionString?: string;
  schema?: string;
}

const SCHEMA_RE = /^[a-z_][a-z0-9_]{0,62}$/;

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: (s) => `
      CREATE TABLE ${s}.vault_keys (
        key_id text PRIMARY KEY,
        subject_id text,
        kek_version integer NOT NULL,
        wrapped bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX vault_keys_subject_idx ON ${s}.vault_keys (subject_id);
      CREATE TABLE ${s}.vault_tokens (
        token text PRIMARY KEY,
        entity text NOT NULL,
        scope_id text NOT NULL,
        index_id text UNIQUE,
        key_id text NOT NULL,
        subject_id text,
        ciphertext bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX vault_tokens_subject_idx ON ${s}.vault_tokens (subject_id);
      CREATE TABLE ${s}.vault_destroyed_keys (
        key_id text PRIMARY KEY,
        destroyed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE ${s}.vault_reveal_counts (
        actor_id text NOT NULL,
        window_start bigint NOT NULL,
        n integer NOT NULL,
        PRIMARY KEY (actor_id, window_start)
      );
    `,
  },
];

type KeyRow = { key_id: string; subject_id: string | null; kek_version: number; wrapped: Buffer };
type EntryRow = { token: string; entity: string; scope_id: string; index_id: string | null; key_id: string; subject_id: string | null; ciphertext: Buffer };

const keyFrom = (r: KeyRow): DataKeyRecord => ({ keyId: r.key_id, subjectId: r.subject_id, kekVersion: r.kek_version, wrapped: r.wrapped });
const entryFrom = (r: EntryRow): TokenEntry => ({
  token: r.token, entity: r.entity, scopeId: r.scope_id, indexId: r.index_id, keyId: r.key_id, subjectId: r.subject_id, ciphertext: r.ciphertext,
});

/**
 * ON CONFLICT (token) arbitrates only the token index. When two writers insert the same deterministic
 * entry at once, the loser may meet the other's row first in the index_id index, which raises a unique
 * violation instead of taking the DO UPDATE path. The winner has committed by then, so the same
 * transaction run again sees the conflict on the token and resolves it as a retried flush.
 */
async function retryOnIndexRace<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      const e = err as { code?: string; constraint?: string };
      if (attempt >= 5 || e.code !== '23505' || !e.constraint?.endsWith('index_id_key')) throw err;
    }
  }
}

export async function openPgVaultStore(options: PgVaultStoreOptions): Promise<VaultStore> {
  const schema = options.schema ?? 'caregate_vault';
  if (!SCHEMA_RE.test(schema)) {
    throw new CaregateError('E_VAULT_CONFIG', 'vault schema: use lower-case letters, digits and "_" (at most 63, not starting with a digit)', { path: 'store.schema' });
  }
  if (!options.pool && !options.connectionString) {
    throw new CaregateError('E_VAULT_CONFIG', 'the PostgreSQL vault store needs a pool or a connectionString', { path: 'store' });
  }
  const pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: 4 });
  const owned = !options.pool;
  const s = quoteIdent(schema);
  const client = await pool.connect();
  try {
    await applyMigrations(client, schema, 'vault', MIGRATIONS);
  } finally {
    client.release();
  }

  return {
    description: `PostgreSQL schema ${schema}`,
    async write(unsortedKeys, unsortedEntries) {
      if (unsortedKeys.length === 0 && unsortedEntries.length === 0) return { collisions: [], destroyedKeys: [] };
      // Rows in one order in every writer: two flushes inserting the same values in other orders would
      // otherwise take their unique-index locks crosswise and deadlock.
      const keys = [...unsortedKeys].sort((a, b) => (a.keyId < b.keyId ? -1 : a.keyId > b.keyId ? 1 : 0));
      const entries = [...unsortedEntries].sort((a, b) => (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
      return retryOnIndexRace(() => inTransaction(pool, async (c) => {
        let destroyedKeys: string[] = [];
        if (keys.length) {
          // Serialized against an erasure of the same subjects (shred takes the same locks), so that a key
          // being destroyed is never written back.
          const subjects = [...new Set(keys.flatMap((k) => (k.subjectId ? [k.subjectId] : [])))].sort();
          for (const subject of subjects) await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`caregate.vault.subject:${schema}:${subject}`]);
          const ids = keys.map((k) => k.keyId);
          destroyedKeys = (await c.query<{ key_id: string }>(`SELECT key_id FROM ${s}.vault_destroyed_keys WHERE key_id = ANY($1::text[])`, [ids])).rows.map((r) => r.key_id);
          await c.query(
            `INSERT INTO ${s}.vault_keys (key_id, subject_id, kek_version, wrapped)
             SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::bytea[]) AS n(key_id, subject_id, kek_version, wrapped)
             WHERE NOT EXISTS (SELECT 1 FROM ${s}.vault_destroyed_keys d WHERE d.key_id = n.key_id)
             ON CONFLICT (key_id) DO NOTHING`,
            [ids, keys.map((k) => k.subjectId), keys.map((k) => k.kekVersion), keys.map((k) => k.wrapped)],
          );
        }
        if (entries.length === 0) return { collisions: [], destroyedKeys };
        // A deterministic entry met again (same index) or a retried flush is left as stored, unless the
        // stored entry's key was destroyed and the new one's lives; any other conflict on the token is a
        // collision the vault must refuse.
        const inserted = await c.query<{ token: string }>(
          `INSERT INTO ${s}.vault_tokens AS t (token, entity, scope_id, index_id, key_id, subject_id, ciphertext)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bytea[])
           ON CONFLICT (token) DO UPDATE SET entity = EXCLUDED.entity, scope_id = EXCLUDED.scope_id, index_id = EXCLUDED.index_id,
             key_id = EXCLUDED.key_id, subject_id = EXCLUDED.subject_id, ciphertext = EXCLUDED.ciphertext
           WHERE NOT EXISTS (SELECT 1 FROM ${s}.vault_keys k WHERE k.key_id = t.key_id)
             AND EXISTS (SELECT 1 FROM ${s}.vault_keys k WHERE k.key_id = EXCLUDED.key_id)
           RETURNING token`,
          [
            entries.map((e) => e.token), entries.map((e) => e.entity), entries.map((e) => e.scopeId), entries.map((e) => e.indexId),
            entries.map((e) => e.keyId), entries.map((e) => e.subjectId), entries.map((e) => e.ciphertext),
          ],
        );
        const done = new Set(inserted.rows.map((r) => r.token));
        const rest = entries.filter((e) => !done.has(e.token));
        if (rest.length === 0) return { collisions: [], destroyedKeys };
        const stored = await c.query<EntryRow>(`SELECT * FROM ${s}.vault_tokens WHERE token = ANY($1::text[]) OR index_id = ANY($2::text[])`, [
          rest.map((e) => e.token),
          rest.flatMap((e) => (e.indexId ? [e.indexId] : [])),
        ]);
        const byToken = new Map(stored.rows.map((r) => [r.token, r]));
        const collisions = rest
          .filter((e) => {
            const had = byToken.get(e.token);
            if (!had) return true; // its index is stored under another token: never for tokens derived from the index
            return had.index_id !== e.indexId || (e.indexId === null && !had.ciphertext.equals(e.ciphertext));
          })
          .map((e) => e.token);
        return { collisions, destroyedKeys };
      }));
    },
    async entry(token) {
      const r = await pool.query<EntryRow>(`SELECT * FROM ${s}.vault_tokens WHERE token = $1`, [token]);
      return r.rows[0] && entryFrom(r.rows[0]);
    },
    async dataKey(keyId) {
      const r = await pool.query<KeyRow>(`SELECT key_id, subject_id, kek_version, wrapped FROM ${s}.vault_keys WHERE key_id = $1`, [keyId]);
      return r.rows[0] && keyFrom(r.rows[0]);
    },
    async keysNotUnder(version) {
      const r = await pool.query<KeyRow>(`SELECT key_id, subject_id, kek_version, wrapped FROM ${s}.vault_keys WHERE kek_version <> $1 ORDER BY key_id`, [version]);
      return r.rows.map(keyFrom);
    },
    async rewrap(keyId, fromVersion, toVersion, wrapped) {
      const r = await pool.query(`UPDATE ${s}.vault_keys SET kek_version = $3, wrapped = $4 WHERE key_id = $1 AND kek_version = $2`, [keyId, fromVersion, toVersion, wrapped]);
      return r.rowCount === 1;
    },
    async kekUse() {
      const r = await pool.query<{ kek_version: number; n: string }>(`SELECT kek_version, count(*) AS n FROM ${s}.vault_keys GROUP BY kek_version`);
      return new Map(r.rows.map((row) => [row.kek_version, Number(row.n)]));
    },
    async shred(subjectId) {
      return inTransaction(pool, async (c) => {
        await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`caregate.vault.subject:${schema}:${subjectId}`]);
        const gone = await c.query<{ key_id: string }>(`DELETE FROM ${s}.vault_keys WHERE subject_id = $1 RETURNING key_id`, [subjectId]);
        const ids = gone.rows.map((r) => r.key_id);
        await c.query(`INSERT INTO ${s}.vault_destroyed_keys (key_id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [ids]);
        const locked = await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${s}.vault_tokens WHERE key_id = ANY($1::text[])`, [ids]);
        return { keys: ids.length, entries: Number(locked.rows[0]!.n) };
      });
    },
    async countReveal(actorId, windowStart) {
      const r = await pool.query<{ n: number }>(
        `INSERT INTO ${s}.vault_reveal_counts (actor_id, window_start, n) VALUES ($1, $2, 1)
         ON CONFLICT (actor_id, window_start) DO UPDATE SET n = ${s}.vault_reveal_counts.n + 1 RETURNING n`,
        [actorId, windowStart],
      );
      return r.rows[0]!.n;
    },
    async close() {
      if (owned) await pool.end();
    },
  };
}

import type { Pool, PoolClient } from 'pg';

/**
 * Schema migrations of the PostgreSQL ledger, applied in order, each once, under an advisory lock so that
 * concurrent openers do not race. Tables live in one schema (default "caregate").
 */

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export type Migration = { version: number; sql: (s: string) => string };

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: (s) => `
      CREATE TABLE ${s}.dsar_ledger (
        seq bigint PRIMARY KEY CHECK (seq >= 0),
        hash char(64) NOT NULL UNIQUE,
        kind text NOT NULL,
        request_id text,
        ts timestamptz NOT NULL,
        line text NOT NULL
      );
      CREATE INDEX dsar_ledger_request_idx ON ${s}.dsar_ledger (request_id);
      CREATE TABLE ${s}.dsar_ledger_head (
        id smallint PRIMARY KEY CHECK (id = 1),
        seq bigint NOT NULL,
        hash char(64) NOT NULL
      );
      INSERT INTO ${s}.dsar_ledger_head (id, seq, hash) VALUES (1, -1, repeat('0', 64));
      CREATE FUNCTION ${s}.dsar_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'caregate: the DSAR ledger is append-only; % is not allowed', TG_OP;
      END $$;
      CREATE TRIGGER dsar_ledger_no_change BEFORE UPDATE OR DELETE ON ${s}.dsar_ledger
        FOR EACH ROW EXECUTE FUNCTION ${s}.dsar_ledger_append_only();
      CREATE TRIGGER dsar_ledger_no_truncate BEFORE TRUNCATE ON ${s}.dsar_ledger
        FOR EACH STATEMENT EXECUTE FUNCTION ${s}.dsar_ledger_append_only();
    `,
  },
];

export const LATEST_MIGRATION = MIGRATIONS.length;

/** Creates the schema and applies the register's missing migrations; returns the versions applied now. */
export function migrate(client: PoolClient, schema: string): Promise<number[]> {
  return applyMigrations(client, schema, 'dsar', MIGRATIONS);
}

/**
 * Creates `schema` and applies the migrations of one component (`name`: its lock and its
 * `<name>_migrations` table) that it lacks, each once, in one transaction under an advisory lock so that
 * concurrent openers do not race. Returns the versions applied now.
 */
export async function applyMigrations(client: PoolClient, schema: string, name: string, migrations: readonly Migration[]): Promise<number[]> {
  const s = quoteIdent(schema);
  const applied: number[] = [];
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`caregate.${name}.migrate:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${s}.${name}_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await client.query<{ version: number }>(`SELECT version FROM ${s}.${name}_migrations`)).rows.map((r) => r.version));
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await client.query(m.sql(s));
      await client.query(`INSERT INTO ${s}.${name}_migrations (version) VALUES ($1)`, [m.version]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
  return applied;
}

/** Runs fn in one transaction on a client of the pool: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

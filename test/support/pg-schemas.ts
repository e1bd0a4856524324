import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { ensureService } from './services.js';

/** The local test database (trust auth, see `.ci/services.sh`). */
export const PG_TEST_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface PgTestSchemas {
  /** A schema name of this test file's own, dropped after the file's tests. */
  newSchema(): string;
  /** An administrator's pool on the test database (open between beforeAll and afterAll). */
  readonly admin: pg.Pool;
}

/**
 * Fresh PostgreSQL schemas for one test file: starts the server when it is down, hands out schema names
 * unique to this run (files run in parallel, and against a database other runs share), and drops them
 * all afterwards. Call at a test file's top level: it registers beforeAll/afterAll hooks.
 */
export function pgTestSchemas(prefix: string): PgTestSchemas {
  const tag = `${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const schemas: string[] = [];
  let admin: pg.Pool | undefined;
  beforeAll(async () => {
    await ensureService(5432);
    admin = new pg.Pool({ connectionString: PG_TEST_URL, max: 2 });
  });
  afterAll(async () => {
    if (!admin) return;
    for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    await admin.end();
  });
  return {
    newSchema() {
      const s = `${tag}_${schemas.length + 1}`;
      schemas.push(s);
      return s;
    },
    get admin() {
      if (!admin) throw new Error('pgTestSchemas: the admin pool exists only inside tests (after beforeAll)');
      return admin;
    },
  };
}

/**
 * What someone able to bypass the request register's append-only triggers could do: runs `edit` in one
 * transaction with the ledger's user triggers off. Tests of tamper detection use it.
 */
export async function withLedgerTriggersOff(admin: pg.Pool, schema: string, edit: (c: pg.PoolClient) => Promise<void>): Promise<void> {
  const c = await admin.connect();
  try {
    await c.query('BEGIN');
    await c.query(`ALTER TABLE "${schema}".dsar_ledger DISABLE TRIGGER USER`);
    await edit(c);
    await c.query(`ALTER TABLE "${schema}".dsar_ledger ENABLE TRIGGER USER`);
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK');
    throw e;
  } finally {
    c.release();
  }
}

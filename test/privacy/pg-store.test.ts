import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PrivacyError, openPgLedger, openRequestLog, verifyLedger } from '../../src/privacy/index.js';
import { PG_TEST_URL, pgTestSchemas, withLedgerTriggersOff } from '../support/pg-schemas.js';
import { registerContract } from './contract.js';
import { SUBJECT, VERIFIED, baseOptions, manualClock } from './helpers.js';

const CONNECTION = PG_TEST_URL;
const pgSchemas = pgTestSchemas('caregate_test');
const newSchema = () => pgSchemas.newSchema();

describe('request register on the PostgreSQL ledger', () => {
  registerContract({
    replayRuns: 8,
    tamperRuns: 20,
    async newPlace() {
      const schema = newSchema();
      return {
        options: { pg: { connectionString: CONNECTION, schema } },
        async lines() {
          return (await pgSchemas.admin.query<{ line: string }>(`SELECT line FROM "${schema}".dsar_ledger ORDER BY seq`)).rows.map((r) => r.line);
        },
        async replace(lines) {
          await withLedgerTriggersOff(pgSchemas.admin, schema, async (c) => {
            await c.query(`DELETE FROM "${schema}".dsar_ledger`);
            for (const [i, line] of lines.entries()) {
              const e = JSON.parse(line) as { hash: string; kind: string; ts: string; requestId?: string };
              await c.query(`INSERT INTO "${schema}".dsar_ledger (seq, hash, kind, request_id, ts, line) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (hash) DO NOTHING`, [i, e.hash, e.kind, e.requestId ?? null, e.ts, line]);
            }
            // A careful tamperer keeps the head row in step (the head check is tested on its own in
            // test/security/ledger-pg-verify.test.ts); what is left to find is in the chain and the checkpoints.
            const last = lines.length > 0 ? (JSON.parse(lines[lines.length - 1] as string) as { hash: string }) : undefined;
            await c.query(`UPDATE "${schema}".dsar_ledger_head SET seq = $1, hash = $2 WHERE id = 1`, [lines.length - 1, last?.hash ?? '0'.repeat(64)]);
          });
        },
      };
    },
  });

  it('creates its schema by migration, once, even when openers race', async () => {
    const schema = newSchema();
    const opened = await Promise.all([1, 2, 3].map(() => openPgLedger({ connectionString: CONNECTION, schema })));
    const loads = await Promise.all(opened.map((s) => s.load()));
    for (const l of loads) expect(l.map((e) => e.kind)).toEqual(['ledger_created']);
    await Promise.all(opened.map((s) => s.close()));
    const versions = await pgSchemas.admin.query(`SELECT version FROM "${schema}".dsar_migrations`);
    expect(versions.rows).toEqual([{ version: 1 }]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the ledger table', async () => {
    const schema = newSchema();
    await (await openPgLedger({ connectionString: CONNECTION, schema })).close();
    for (const sql of [`UPDATE "${schema}".dsar_ledger SET actor = 'x'`.replace('actor', 'kind'), `DELETE FROM "${schema}".dsar_ledger`, `TRUNCATE "${schema}".dsar_ledger`]) {
      await expect(pgSchemas.admin.query(sql)).rejects.toThrow(/append-only/);
    }
  });

  it('two pools appending concurrently keep one valid chain, and each writer re-checks against the other', async () => {
    const schema = newSchema();
    const clock = manualClock('2026-03-05T10:00:00Z');
    const poolA = new pg.Pool({ connectionString: CONNECTION, max: 3 });
    const poolB = new pg.Pool({ connectionString: CONNECTION, max: 3 });
    const [a, b] = await Promise.all([
      openRequestLog({ ...baseOptions(clock.now), pg: { pool: poolA, schema } }),
      openRequestLog({ ...baseOptions(clock.now), pg: { pool: poolB, schema } }),
    ]);
    const per = 25;
    const openMany = (log: typeof a, tag: string) =>
      Promise.all(Array.from({ length: per }, (_, i) => log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject: { ...SUBJECT, identifier: `${tag}${i}` } })));
    const [fromA, fromB] = await Promise.all([openMany(a, 'a'), openMany(b, 'b')]);
    await a.refresh();
    await b.refresh();
    expect(a.snapshot()).toStrictEqual(b.snapshot());
    expect(a.snapshot()).toHaveLength(2 * per);
    expect(a.head()).toStrictEqual(b.head());
    expect(a.head().size).toBe(1 + 2 * per);
    // A writes a transition B has not seen; B's conflicting move is checked against the fresh state.
    const id = fromA[0]!.id;
    await a.transition(id, 'withdrawn', { reason: 'requester withdrew' });
    const err = await b.transition(id, 'acknowledged').catch((e: unknown) => e);
    expect((err as PrivacyError).code).toBe('DSAR_TERMINAL');
    expect(b.get(id)?.status).toBe('withdrawn');
    // Concurrent moves on the same request: exactly one wins.
    const target = fromB[0]!.id;
    await a.transition(target, 'acknowledged');
    await b.refresh();
    await a.transition(target, 'identity_pending', { reason: 'doubt' });
    await b.refresh();
    const results = await Promise.allSettled([
      a.transition(target, 'verified', { verification: VERIFIED }),
      b.transition(target, 'verified', { verification: VERIFIED }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const report = await verifyLedger({ pg: { pool: poolA, schema } });
    expect(report).toMatchObject({ ok: true, entries: 1 + 2 * per + 4 });
    await a.close();
    await b.close();
    await poolA.end();
    await poolB.end();
  });

  it('a reader of an empty database is told to create the ledger first', async () => {
    const err = await openRequestLog({ pg: { connectionString: CONNECTION, schema: newSchema() }, readOnly: true }).catch((e: unknown) => e);
    expect((err as PrivacyError).code).toBe('DSAR_CONFIG');
    expect((err as Error).message).toMatch(/^caregate: there is no ledger in PostgreSQL schema/);
  });
});

// Issue 15 item 10 (PostgreSQL): `dsar verify` checks the head row and the hash, kind, request_id and ts
// columns against the chain, so a superuser who deletes the last row, or edits a column that queries read,
// is found; verify no longer reports OK while the writer refuses to open.
import { describe, expect, it } from 'vitest';
import { PrivacyError, openRequestLog, verifyLedger } from '../../src/privacy/index.js';
import { PG_TEST_URL, pgTestSchemas, withLedgerTriggersOff } from '../support/pg-schemas.js';
import { SUBJECT, baseOptions, manualClock } from '../privacy/helpers.js';

const CONNECTION = PG_TEST_URL;
const pgSchemas = pgTestSchemas('caregate_sec');

/** A register of three requests in a fresh schema; returns the schema. */
async function sample(): Promise<string> {
  const schema = pgSchemas.newSchema();
  const clock = manualClock('2026-03-05T10:00:00Z');
  const log = await openRequestLog({ ...baseOptions(clock.now), pg: { connectionString: CONNECTION, schema } });
  for (let i = 0; i < 3; i++) {
    const r = await log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject: { ...SUBJECT, identifier: `user-${i}` } });
    await log.transition(r.id, 'acknowledged');
  }
  await log.close();
  return schema;
}

/** What a superuser can do: run SQL with the append-only triggers off. */
async function asSuperuser(schema: string, sql: string): Promise<void> {
  await withLedgerTriggersOff(pgSchemas.admin, schema, async (c) => {
    await c.query(sql.replaceAll('$S', `"${schema}"`));
  });
}

const verify = (schema: string) => verifyLedger({ pg: { connectionString: CONNECTION, schema } });
const openWriter = (schema: string) => openRequestLog({ ...baseOptions(() => new Date('2026-03-06T10:00:00Z')), pg: { connectionString: CONNECTION, schema } });

describe('PostgreSQL dsar verify', () => {
  it('a good ledger verifies', async () => {
    const schema = await sample();
    expect((await verify(schema)).ok).toBe(true);
  });

  it('a deleted last row is found by the head row, and the writer refuses too', async () => {
    const schema = await sample();
    await asSuperuser(schema, 'DELETE FROM $S.dsar_ledger WHERE seq = (SELECT max(seq) FROM $S.dsar_ledger)');
    const report = await verify(schema);
    expect(report.ok).toBe(false);
    expect(report.firstProblem?.problem).toBe('truncated');
    expect(report.firstProblem?.message).toMatch(/head row names entry #6 but the last row is entry #5: 1 entry was deleted from the end/);
    const err = await openWriter(schema).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrivacyError);
  });

  it('a row added without moving the head row is found', async () => {
    const schema = await sample();
    await asSuperuser(schema, `UPDATE $S.dsar_ledger_head SET seq = seq - 1`);
    const report = await verify(schema);
    expect(report.firstProblem?.problem).toBe('head_mismatch');
  });

  it.each([
    ['hash', `UPDATE $S.dsar_ledger SET hash = repeat('a', 64) WHERE seq = 2`],
    ['kind', `UPDATE $S.dsar_ledger SET kind = 'note_added' WHERE seq = 2`],
    ['request_id', `UPDATE $S.dsar_ledger SET request_id = 'someone-else' WHERE seq = 2`],
    ['ts', `UPDATE $S.dsar_ledger SET ts = ts - interval '1 day' WHERE seq = 2`],
  ])('an edited %s column is found, named, and the writer refuses to open', async (column, sql) => {
    const schema = await sample();
    await asSuperuser(schema, sql);
    const report = await verify(schema);
    expect(report.ok).toBe(false);
    expect(report.firstProblem).toMatchObject({ problem: 'column_mismatch', seq: 2 });
    expect(report.firstProblem?.message).toContain(`its ${column} column does not match the entry`);
    const err = await openWriter(schema).catch((e: unknown) => e);
    expect((err as PrivacyError).code).toBe('DSAR_INTEGRITY');
  });
});

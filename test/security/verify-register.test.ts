// Issue 18 items 3 and 6: the verifier's check() result goes into the register as it is (one vocabulary of
// factor categories for both), and dates may be given as ISO 8601 strings (or the error names the field).
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PrivacyError, openRequestLog } from '../../src/privacy/index.js';
import { FACTOR_CATEGORIES, VerificationInputError } from '../../src/verify/index.js';
import { SUBJECT, baseOptions, manualClock, tempDir } from '../privacy/helpers.js';
import { GOOD, ON_FILE, T0, makeVerifier, outbox } from '../verify/helpers.js';

const tmp = tempDir('caregate-verify-register-');
afterAll(() => tmp.cleanup());
let n = 0;

async function acknowledgedRequest() {
  const clock = manualClock('2026-03-05T11:00:00Z');
  const log = await openRequestLog({ ...baseOptions(clock.now), ledger: join(tmp.dir, `l-${++n}.jsonl`) });
  const r = await log.open({ type: 'delete', jurisdiction: 'CCPA', channel: 'phone', subject: SUBJECT });
  await log.transition(r.id, 'acknowledged');
  await log.transition(r.id, 'identity_pending');
  clock.set('2026-03-05T12:05:00Z');
  return { log, id: r.id };
}

describe('a real verifier result recorded in the register', () => {
  it('check() with knowledge and possession goes into transition(id, "verified") as it is', async () => {
    const { verifier } = makeVerifier();
    const box = outbox();
    const otp = await verifier.issueOtp({ subjectId: 'cust-77', via: 'email', onFile: ON_FILE, now: T0, send: box.send });
    if (!otp.issued) throw new Error('no code issued');
    const result = await verifier.check({
      action: 'change_address',
      subjectId: 'cust-77',
      onFile: ON_FILE,
      provided: { order_id: GOOD.order_id, postal_code: GOOD.postal_code },
      otp: { challengeId: otp.challengeId, code: box.last().code },
      now: T0,
      channel: 'phone',
    });
    expect(result.allowed).toBe(true);
    expect(result.factorCategories).toEqual(['knowledge', 'possession']);

    const { log, id } = await acknowledgedRequest();
    const verified = await log.transition(id, 'verified', { verification: result });
    expect(verified.verification).toEqual({
      allowed: true,
      level: 'multi_factor',
      factorCategories: ['knowledge', 'possession'],
      dataPointTypes: ['order_id', 'postal_code'],
      at: '2026-03-05T12:05:00.000Z',
    });
    // The token and the reasons are the verifier's: never kept in the register.
    expect(JSON.stringify(log.get(id))).not.toContain(result.token ?? '\u0000');
    await log.close();
  });

  it('a denied result records verification_failed', async () => {
    const { verifier } = makeVerifier();
    const result = await verifier.check({ action: 'order_status', subjectId: 'cust-78', onFile: ON_FILE, provided: { order_id: 'A-999999', postal_code: GOOD.postal_code }, now: T0, channel: 'phone' });
    const { log, id } = await acknowledgedRequest();
    const failed = await log.transition(id, 'verification_failed', { verification: result });
    expect(failed.verification).toMatchObject({ allowed: false, level: 'none', dataPointTypes: ['postal_code'] });
    await log.close();
  });

  it('both sides use one vocabulary; the short forms know/have/are are read as it', async () => {
    expect(FACTOR_CATEGORIES).toEqual(['knowledge', 'possession', 'inherence']);
    const { log, id } = await acknowledgedRequest();
    const v = await log.transition(id, 'verified', { verification: { allowed: true, level: 'reasonable', factorCategories: ['know', 'have'] } });
    expect(v.verification?.factorCategories).toEqual(['knowledge', 'possession']);
    await log.close();
    const again = await acknowledgedRequest();
    const err = await again.log.transition(again.id, 'verified', { verification: { allowed: true, level: 'reasonable', factorCategories: ['somewhat'] } }).catch((e: unknown) => e);
    expect((err as PrivacyError).code).toBe('DSAR_INPUT');
    expect((err as Error).message).toMatch(/must be one of knowledge, possession, inherence/);
    await again.log.close();
  });
});

describe('dates as ISO 8601 strings', () => {
  it('declaration.signedAt, now and verifyToken now accept ISO strings', async () => {
    const { verifier } = makeVerifier();
    const result = await verifier.check({
      action: 'privacy_know_specific',
      subjectId: 'cust-iso',
      onFile: ON_FILE,
      provided: { order_id: GOOD.order_id, postal_code: GOOD.postal_code, email: GOOD.email },
      declaration: { signed: true, signedAt: '2030-01-15T11:59:00Z', documentRef: 'decl-1' },
      now: '2030-01-15T12:00:00.000Z',
      channel: 'phone',
    } as never);
    expect(result.declaration).toMatchObject({ signedAt: '2030-01-15T11:59:00.000Z', recordedAt: '2030-01-15T12:00:00.000Z' });
    expect(result.allowed).toBe(true);
  });

  it('an unreadable signedAt names declaration.signedAt, not now', async () => {
    const { verifier } = makeVerifier();
    const err = await verifier
      .check({ action: 'order_status', subjectId: 'c', onFile: ON_FILE, provided: { order_id: GOOD.order_id }, declaration: { signed: true, signedAt: 'yesterday', documentRef: 'd' }, now: T0, channel: 'phone' } as never)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VerificationInputError);
    expect((err as VerificationInputError).path).toBe('/declaration/signedAt');
    expect((err as Error).message).toMatch(/declaration\.signedAt must be a Date, a number of milliseconds or an ISO 8601 time/);
    expect((err as Error).message).not.toMatch(/\bnow must/);
  });
});

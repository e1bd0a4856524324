import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PrivacyError, openRequestLog } from '../../src/privacy/index.js';
import type { RequestLog, RequestLogOptions } from '../../src/privacy/index.js';
import { FAILED, PSEUDONYM_KEY, SUBJECT, VERIFIED, baseOptions, fakeRedactor, manualClock, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

async function fresh(start = '2026-03-05T10:00:00Z', extra: Partial<RequestLogOptions> = {}) {
  const clock = manualClock(start);
  const ledger = join(tmp.dir, `r-${++n}.jsonl`);
  const log = await openRequestLog({ ...baseOptions(clock.now), ledger, ...extra });
  return { log, clock, ledger };
}

async function refused(p: Promise<unknown>, code: string, message?: RegExp): Promise<PrivacyError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PrivacyError);
  expect((err as PrivacyError).code).toBe(code);
  expect((err as Error).message).toMatch(/^caregate: /);
  if (message) expect((err as Error).message).toMatch(message);
  return err as PrivacyError;
}

async function inProgress(log: RequestLog, type: 'delete' | 'access', jurisdiction: 'CCPA' | 'GDPR' = 'CCPA') {
  const r = await log.open({ type, jurisdiction, channel: 'email', subject: SUBJECT });
  await log.transition(r.id, 'acknowledged');
  if (jurisdiction === 'CCPA') {
    await log.transition(r.id, 'identity_pending');
    await log.transition(r.id, 'verified', { verification: VERIFIED });
  }
  await log.transition(r.id, 'in_progress');
  return r.id;
}

describe('configuration', () => {
  it('refuses to start without a pseudonym key, saying what to pass', async () => {
    const opts = { ...baseOptions(() => new Date()), ledger: join(tmp.dir, 'nokey.jsonl'), pseudonymKey: undefined };
    await refused(openRequestLog(opts), 'DSAR_CONFIG', /pass options\.pseudonymKey \(at least 32 random bytes/);
    await refused(openRequestLog({ ...opts, pseudonymKey: 'short' }), 'DSAR_CONFIG', /has 5 bytes; use at least 32/);
  });

  it('refuses to start without the business time zone or with a bad one, and keeps retention at ≥ 24 months', async () => {
    const opts = { ...baseOptions(() => new Date()), ledger: join(tmp.dir, 'notz.jsonl') };
    await refused(openRequestLog({ ...opts, timeZone: undefined }), 'DSAR_CONFIG', /pass options\.timeZone/);
    await refused(openRequestLog({ ...opts, timeZone: 'Berlin' }), 'DSAR_CONFIG', /not an IANA time zone/);
    await refused(openRequestLog({ ...opts, retentionMonths: 12 }), 'DSAR_CONFIG', /at least 24/);
    await refused(openRequestLog({ ...opts, calendars: { CCPA: 'nowhere' } }), 'DSAR_CALENDAR', /no holiday calendar "nowhere"; use one of/);
  });

  it('subjects are keyed HMAC pseudonyms, never a plain hash; the same person maps to the same reference', async () => {
    const { log } = await fresh();
    const a = await log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject: SUBJECT });
    const b = await log.open({ type: 'delete', jurisdiction: 'GDPR', channel: 'phone', subject: { ...SUBJECT, identifier: '  Jane.Doe@Example.com ' } });
    expect(a.subjectRef).toBe(b.subjectRef);
    expect(a.subjectRef).not.toContain(createHash('sha256').update('jane.doe@example.com').digest('hex'));
    const other = await openRequestLog({ ...baseOptions(() => new Date()), ledger: join(tmp.dir, 'k2.jsonl'), pseudonymKey: 'ab'.repeat(32) });
    expect((await other.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject: SUBJECT })).subjectRef).not.toBe(a.subjectRef);
    await other.close();
    await log.close();
  });

  it('input errors name the field but never echo personal data', async () => {
    const { log } = await fresh();
    const err = await refused(
      log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject: { identifier: 'x', contact: { via: 'email', email: 'not-an-email 4111111111111111' } } }),
      'DSAR_INPUT',
      /subject\.contact\.email must be an email address/,
    );
    expect(err.message).not.toContain('4111');
    await refused(log.open({ type: 'restrict', jurisdiction: 'CCPA', channel: 'email', subject: SUBJECT }), 'DSAR_INPUT', /CCPA has no "restrict" request; its request types are/);
    await refused(log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject: SUBJECT, actor: '4111 1111 1111 1111' }), 'DSAR_INPUT', /actor must be an opaque identifier/);
    await refused(log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject: SUBJECT, actor: '4111111111111111' }), 'DSAR_INPUT', /actor looks like it holds personal data/);
    await log.close();
  });
});

describe('free text goes through the redactor before it is stored', () => {
  it('every free-text field is redacted; no card number reaches the ledger', async () => {
    const redactor = fakeRedactor();
    const { log, ledger, clock } = await fresh('2026-03-05T10:00:00Z', { redactor });
    const card = '4111 1111 1111 1111';
    const r = await log.open({ type: 'delete', jurisdiction: 'GDPR', channel: 'email', subject: SUBJECT, description: `delete card ${card}` });
    await log.transition(r.id, 'acknowledged', { reason: `ack, ${card}` });
    await log.route(r.id, 'privacy-ops', { reason: `route ${card}` });
    await log.transition(r.id, 'in_progress');
    const t = await log.addTask(r.id, { system: 'crm', kind: 'erase', note: `task ${card}` });
    await log.updateTask(r.id, t.id, { status: 'done', note: `done ${card}` });
    await log.addNote(r.id, `note ${card}`);
    clock.advanceDays(1);
    await log.extend(r.id, { noticeSentAt: clock.now(), reason: `extend ${card}` });
    await log.transition(r.id, 'completed', { outcome: 'partially_complied', responseNature: `nature ${card}`, denial: { basis: 'other', explanation: `why ${card}` }, remediesNotified: true });
    await refused(
      log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'postal_mail', subject: { identifier: 'p', contact: { via: 'postal_mail', postalAddress: `1 Main St, ${card}` } } }),
      'DSAR_INPUT',
      /postalAddress seems to hold payment-card, account or government-ID data/,
    );
    await log.close();
    const text = readFileSync(ledger, 'utf8');
    expect(text).not.toMatch(/4111 1111/);
    expect(text.match(/\[REDACTED:card\]/g)).toHaveLength(9);
    expect(text).toContain('jane.doe@example.com'); // contact data needed to answer is kept
  });
});

describe('lifecycle rules beyond the transition table', () => {
  it('CCPA opt-out and limit requests may not wait for identity verification (7060(b)); know/delete/correct must be verified', async () => {
    const { log } = await fresh();
    const o = await log.open({ type: 'opt_out_sale_sharing', jurisdiction: 'CCPA', channel: 'opt_out_signal', subject: SUBJECT });
    await log.transition(o.id, 'acknowledged');
    await refused(log.transition(o.id, 'identity_pending'), 'DSAR_TRANSITION', /may not be made to wait for identity verification \(.*7060\(b\)\)/);
    await log.transition(o.id, 'in_progress');
    const d = await log.open({ type: 'delete', jurisdiction: 'CCPA', channel: 'email', subject: SUBJECT });
    await log.transition(d.id, 'acknowledged');
    await refused(log.transition(d.id, 'in_progress'), 'DSAR_TRANSITION', /must be verified first/);
    await log.close();
  });

  it('GDPR identity checks need a recorded reasonable doubt; verification outcomes must match the state', async () => {
    const { log } = await fresh();
    const r = await log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject: SUBJECT });
    await log.transition(r.id, 'acknowledged');
    await refused(log.transition(r.id, 'identity_pending'), 'DSAR_TRANSITION', /only on reasonable doubt; record the doubt/);
    await log.transition(r.id, 'identity_pending', { reason: 'email differs from the account' });
    await refused(log.transition(r.id, 'verified'), 'DSAR_TRANSITION', /needs the verification outcome/);
    await refused(log.transition(r.id, 'verified', { verification: FAILED }), 'DSAR_TRANSITION', /allowed=false, which does not match verified/);
    const v = await log.transition(r.id, 'verified', { verification: VERIFIED });
    expect(v.verification).toMatchObject({ allowed: true, level: 'reasonable', factorCategories: ['knowledge', 'possession'], dataPointTypes: ['email', 'last_order_id'] });
    await log.close();
  });

  it('denials carry a basis; GDPR refusals record that remedies were explained; Art. 17(3) only for erasure', async () => {
    const { log } = await fresh();
    const r = await log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject: SUBJECT });
    await refused(log.transition(r.id, 'denied'), 'DSAR_TRANSITION', /needs the basis of the denial/);
    await refused(log.transition(r.id, 'denied', { denial: { basis: 'manifestly_unfounded_or_excessive' }, remediesNotified: true }), 'DSAR_TRANSITION', /needs an explanation/);
    await refused(log.transition(r.id, 'denied', { denial: { basis: 'gdpr_art17_3', reference: 'Art. 17(3)(b)' }, remediesNotified: true }), 'DSAR_TRANSITION', /erasure \(delete\) requests only/);
    await refused(log.transition(r.id, 'denied', { denial: { basis: 'unverifiable' } }), 'DSAR_TRANSITION', /right to complain to a supervisory authority/);
    const d = await log.transition(r.id, 'denied', { denial: { basis: 'unverifiable' }, remediesNotified: true, responseNature: 'could not identify' });
    expect(d.response).toMatchObject({ outcome: 'denied', denial: { basis: 'unverifiable' }, remediesNotified: true, date: '2026-03-05' });
    const e = await log.open({ type: 'delete', jurisdiction: 'GDPR', channel: 'email', subject: SUBJECT });
    await refused(log.transition(e.id, 'denied', { denial: { basis: 'gdpr_art17_3', reference: 'legal claims' }, remediesNotified: true }), 'DSAR_TRANSITION', /Art\. 17\(3\)\(b\)/);
    await log.transition(e.id, 'denied', { denial: { basis: 'gdpr_art17_3', reference: 'Art. 17(3)(e)' }, remediesNotified: true });
    const c = await log.open({ type: 'delete', jurisdiction: 'CCPA', channel: 'email', subject: SUBJECT });
    await refused(log.transition(c.id, 'denied', { denial: { basis: 'ccpa_exception' } }), 'DSAR_TRANSITION', /needs the legal reference/);
    await log.transition(c.id, 'denied', { denial: { basis: 'ccpa_exception', reference: 'Civ. Code 1798.105(d)(8)' } });
    await log.close();
  });

  it('a delete request cannot complete while a per-system task or notice is open, nor without any task', async () => {
    const { log } = await fresh();
    const id = await inProgress(log, 'delete');
    await refused(log.transition(id, 'completed'), 'DSAR_TASKS_OPEN', /cannot complete without per-system tasks/);
    const erase = await log.addTask(id, { system: 'crm', kind: 'erase', categories: ['contact'] });
    const sp = await log.addTask(id, { system: 'email-vendor', kind: 'notify_service_provider' });
    const tp = await log.addTask(id, { system: 'ad-partner', kind: 'notify_third_party' });
    await log.updateTask(id, erase.id, { status: 'done' });
    await log.updateTask(id, sp.id, { status: 'in_progress' });
    await refused(log.transition(id, 'completed'), 'DSAR_TASKS_OPEN', /tasks t2 \(notify_service_provider in email-vendor, in_progress\), t3 \(notify_third_party in ad-partner, open\) are still open/);
    await log.updateTask(id, sp.id, { status: 'done' });
    await refused(log.updateTask(id, tp.id, { status: 'not_required' }), 'DSAR_INPUT', /needs a note/);
    await log.updateTask(id, tp.id, { status: 'not_required', note: 'partner contract ended; notice impossible' });
    await refused(log.updateTask(id, sp.id, { status: 'open' }), 'DSAR_TRANSITION', /is done, a final state/);
    const done = await log.transition(id, 'completed', { responseNature: 'deleted' });
    expect(done.tasks.map((t) => t.status)).toEqual(['done', 'done', 'not_required']);
    // terminal: nothing more can be added
    await refused(log.addTask(id, { system: 'crm', kind: 'erase' }), 'DSAR_TERMINAL');
    await refused(log.addNote(id, 'late'), 'DSAR_TERMINAL');
    await refused(log.route(id, 'legal'), 'DSAR_TERMINAL');
    await refused(log.extend(id, { noticeSentAt: new Date(), reason: 'x' }), 'DSAR_TERMINAL');
    await log.close();
  });

  it('partial compliance needs a denial basis; withdrawal records the response; retention ≥ 24 months', async () => {
    const { log } = await fresh('2026-03-05T10:00:00Z', { retentionMonths: 36 });
    const id = await inProgress(log, 'access', 'GDPR');
    await refused(log.transition(id, 'completed', { outcome: 'partially_complied', remediesNotified: true }), 'DSAR_TRANSITION', /partial answer needs the basis/);
    const r = await log.transition(id, 'completed', { outcome: 'partially_complied', denial: { basis: 'legal_exemption', reference: 'Art. 15(4)' }, remediesNotified: true });
    expect(r.retainUntil).toBe('2029-03-05');
    const w = await log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject: SUBJECT });
    expect((await log.transition(w.id, 'withdrawn')).response?.outcome).toBe('withdrawn');
    await log.close();
  });
});

describe('extensions', () => {
  it('GDPR: one extension to receipt + 3 months, with notice and reasons recorded before the first deadline', async () => {
    const { log, clock } = await fresh('2026-01-31T09:00:00Z');
    const r = await log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject: SUBJECT });
    expect(r.deadlines).toMatchObject({ respondBy: '2026-03-02', extendableTo: '2026-04-30' });
    clock.set('2026-02-20T09:00:00Z');
    await refused(log.extend(r.id, { reason: 'complex' }), 'DSAR_EXTENSION', /record when the extension notice/);
    await refused(log.extend(r.id, { noticeSentAt: '2026-02-20T08:00:00Z' }), 'DSAR_EXTENSION', /give the reasons/);
    await refused(log.extend(r.id, { noticeSentAt: '2026-02-21T08:00:00Z', reason: 'complex' }), 'DSAR_EXTENSION', /in the future/);
    const x = await log.extend(r.id, { noticeSentAt: '2026-02-20T08:00:00Z', reason: 'many systems, many requests' });
    expect(x.deadlines.respondBy).toBe('2026-04-30');
    expect(x.extension).toMatchObject({ previousRespondBy: '2026-03-02', respondBy: '2026-04-30', noticeSentAt: '2026-02-20T08:00:00.000Z' });
    await refused(log.extend(r.id, { noticeSentAt: '2026-02-20T08:00:00Z', reason: 'again' }), 'DSAR_EXTENSION', /already extended once/);
    await log.close();
  });

  it('allowed until the end of the deadline day and refused after it, in the business time zone', async () => {
    const { log, clock } = await fresh('2026-03-05T10:00:00Z');
    const r = await log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject: SUBJECT });
    expect(r.deadlines.respondBy).toBe('2026-04-07');
    clock.set('2026-04-07T21:30:00Z'); // 23:30 in Berlin: still the last day
    const late = await log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject: SUBJECT, receivedAt: '2026-03-05T10:00:00Z' });
    expect(late.deadlines.respondBy).toBe('2026-04-07');
    await log.extend(late.id, { noticeSentAt: '2026-04-07T21:00:00Z', reason: 'complex' });
    clock.set('2026-04-07T22:30:00Z'); // 00:30 on Apr 8 in Berlin
    await refused(log.extend(r.id, { noticeSentAt: '2026-04-07T21:00:00Z', reason: 'complex' }), 'DSAR_EXTENSION', /the deadline 2026-04-07 has passed \(today is 2026-04-08 in Europe\/Berlin\)/);
    await log.close();
  });

  it('CCPA: 45 days never paused for verification, one extension to 90 days; opt-outs cannot be extended', async () => {
    const { log, clock } = await fresh('2026-11-20T18:00:00Z', { timeZone: 'America/Los_Angeles' });
    const r = await log.open({ type: 'delete', jurisdiction: 'CCPA', channel: 'phone', subject: SUBJECT });
    expect(r.deadlines).toMatchObject({ acknowledgeBy: '2026-12-07', respondBy: '2027-01-04', extendableTo: '2027-02-18' });
    await log.transition(r.id, 'acknowledged');
    await log.transition(r.id, 'identity_pending');
    clock.set('2026-12-20T18:00:00Z');
    const v = await log.transition(r.id, 'verified', { verification: VERIFIED });
    expect(v.deadlines.respondBy).toBe('2027-01-04'); // the clock did not pause
    const x = await log.extend(r.id, { noticeSentAt: '2026-12-20T17:00:00Z', reason: 'backup systems' });
    expect(x.deadlines.respondBy).toBe('2027-02-18');
    const o = await log.open({ type: 'opt_out_sale_sharing', jurisdiction: 'CCPA', channel: 'web_form', subject: SUBJECT });
    expect(o.deadlines.respondBy).toBe('2027-01-12'); // 15 business days; Christmas and New Year skipped
    await refused(log.extend(o.id, { noticeSentAt: '2026-12-20T17:00:00Z', reason: 'x' }), 'DSAR_EXTENSION', /allows no extension of a opt_out_sale_sharing request/);
    await log.close();
  });

  it('UK GDPR: the month restarts when the identity information arrives', async () => {
    const { log, clock } = await fresh('2026-03-02T10:00:00Z', { timeZone: 'Europe/London' });
    const r = await log.open({ type: 'access', jurisdiction: 'UK_GDPR', channel: 'email', subject: SUBJECT });
    expect(r.deadlines.respondBy).toBe('2026-04-02');
    await log.transition(r.id, 'acknowledged');
    await log.transition(r.id, 'identity_pending', { reason: 'account email differs' });
    clock.set('2026-03-10T10:00:00Z');
    const v = await log.transition(r.id, 'verified', { verification: VERIFIED });
    expect(v.deadlines).toMatchObject({ clockStart: '2026-03-10', respondBy: '2026-04-10', extendableTo: '2026-06-10' });
    // 2026-04-10 is a Friday; Good Friday was 04-03 and Easter Monday 04-06 (England and Wales)
    expect(v.history.at(-1)?.summary).toContain('clock restarted, respond by 2026-04-10');
    await log.close();
  });
});

describe('appeals, routing, lists and metrics', () => {
  it('VCDPA appeals open against a denial, with their own 60-day deadline', async () => {
    const { log } = await fresh('2026-01-10T15:00:00Z', { timeZone: 'America/New_York' });
    const r = await log.open({ type: 'delete', jurisdiction: 'VCDPA', channel: 'email', subject: SUBJECT });
    await refused(log.open({ type: 'appeal', jurisdiction: 'VCDPA', channel: 'email', subject: SUBJECT, appealOf: r.id }), 'DSAR_INPUT', /only a denial or a partial answer can be appealed/);
    await log.transition(r.id, 'denied', { denial: { basis: 'unverifiable' } });
    await refused(log.open({ type: 'appeal', jurisdiction: 'CPA', channel: 'email', subject: SUBJECT, appealOf: r.id }), 'DSAR_INPUT', /same law/);
    const a = await log.open({ type: 'appeal', jurisdiction: 'VCDPA', channel: 'email', subject: SUBJECT, appealOf: r.id });
    expect(a.deadlines).toMatchObject({ respondBy: '2026-03-11' });
    expect(a.appealOf).toBe(r.id);
    await log.close();
  });

  it('lists overdue requests and those due within N days, in each request\'s time zone', async () => {
    const { log, clock } = await fresh('2026-03-05T10:00:00Z');
    const a = await log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject: SUBJECT }); // 2026-04-07
    const c = await log.open({ type: 'delete', jurisdiction: 'CCPA', channel: 'email', subject: SUBJECT, timeZone: 'America/Los_Angeles' }); // ack 03-19, respond 04-19
    await log.route(a.id, 'privacy-ops');
    clock.set('2026-03-19T12:00:00Z');
    expect(log.list({ overdue: true })).toEqual([]);
    expect(log.list({ dueWithinDays: 0 }).map((l) => [l.id, l.nextDeadline])).toEqual([[c.id, { kind: 'acknowledge', date: '2026-03-19' }]]);
    clock.set('2026-03-20T12:00:00Z');
    expect(log.list({ overdue: true }).map((l) => [l.id, l.overdueDays])).toEqual([[c.id, 1]]);
    await log.transition(c.id, 'acknowledged');
    expect(log.list({ overdue: true })).toEqual([]);
    expect(log.list({ dueWithinDays: 30 }).map((l) => l.id)).toEqual([a.id, c.id]);
    expect(log.list({ dueWithinDays: 7 })).toEqual([]);
    expect(log.list({ queue: 'privacy-ops' }).map((l) => l.id)).toEqual([a.id]);
    clock.set('2026-04-08T12:00:00Z');
    expect(log.list({ overdue: true })).toMatchObject([{ id: a.id, overdueDays: 1, nextDeadline: { kind: 'respond', date: '2026-04-07' } }]);
    await log.close();
  });

  it('CCPA 7102 metrics per type: received, complied in whole or part, denied, median and mean days', async () => {
    const { log, clock } = await fresh('2026-02-01T18:00:00Z', { timeZone: 'America/Los_Angeles' });
    const respond = async (days: number, how: 'full' | 'partial' | 'deny') => {
      clock.set('2026-02-01T18:00:00Z');
      const r = await log.open({ type: 'know_specific', jurisdiction: 'CCPA', channel: 'web_form', subject: SUBJECT });
      clock.advanceDays(days);
      if (how === 'deny') return log.transition(r.id, 'denied', { denial: { basis: 'unverifiable' } });
      await log.transition(r.id, 'acknowledged');
      await log.transition(r.id, 'identity_pending');
      await log.transition(r.id, 'verified', { verification: VERIFIED });
      await log.transition(r.id, 'in_progress');
      return log.transition(r.id, 'completed', how === 'partial' ? { outcome: 'partially_complied', denial: { basis: 'ccpa_exception', reference: 'Civ. Code 1798.145' } } : {});
    };
    await respond(10, 'full');
    await respond(20, 'partial');
    await respond(40, 'deny');
    clock.set('2026-02-01T18:00:00Z');
    await log.open({ type: 'know_specific', jurisdiction: 'CCPA', channel: 'web_form', subject: SUBJECT }); // still open
    const m = log.metrics(2026, { jurisdiction: 'CCPA' });
    expect(m.rows).toEqual([
      {
        type: 'know_specific',
        received: 4,
        compliedInWholeOrPart: 2,
        compliedInPart: 1,
        denied: 1,
        deniedUnverifiable: 1,
        deniedNotAConsumer: 0,
        deniedExempt: 0,
        deniedOther: 0,
        withdrawn: 0,
        pending: 1,
        medianDaysToRespond: 20,
        meanDaysToRespond: 23.3,
      },
    ]);
    expect(log.metrics(2025).rows).toEqual([]);
    await log.close();
  });
});

describe('read-only register', () => {
  it('reads without keys and refuses to write', async () => {
    const { log, ledger } = await fresh();
    await log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject: SUBJECT });
    const reader = await openRequestLog({ ledger, readOnly: true });
    expect(reader.snapshot()).toHaveLength(1);
    await refused(reader.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject: SUBJECT }), 'DSAR_READ_ONLY');
    // a reader sees what the writer appends after a refresh
    await log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject: SUBJECT });
    await reader.refresh();
    expect(reader.snapshot()).toStrictEqual(log.snapshot());
    await reader.close();
    await log.close();
    expect(PSEUDONYM_KEY).toHaveLength(64);
  });
});

import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  PrivacyError,
  REQUEST_STATES,
  TRANSITIONS,
  openRequestLog,
  signCheckpoint,
  canonicalJson,
  sealEntry,
  verifyLedger,
} from '../../src/privacy/index.js';
import type { LedgerEntry, RequestLog, RequestLogOptions, RequestState } from '../../src/privacy/index.js';
import { CHECKPOINT_SECRET, SUBJECT, VERIFIED, FAILED, baseOptions, manualClock } from './helpers.js';

/** A fresh, empty place for a ledger, and raw access to its stored lines (to tamper with them). */
export interface Place {
  options: Pick<RequestLogOptions, 'ledger' | 'pg'>;
  /** Stored entries, in stored order, as lines. */
  lines(): Promise<string[]>;
  /** Replaces the stored entries with these lines, bypassing the register (an attacker with write access). */
  replace(lines: string[]): Promise<void>;
}

export interface ContractSettings {
  newPlace(): Promise<Place>;
  /** fast-check runs for the replay property (PostgreSQL is slower). */
  replayRuns: number;
  tamperRuns: number;
}

const KEY = { alg: 'hmac-sha256' as const, secret: CHECKPOINT_SECRET };

async function openAt(place: Place, clock: () => Date, extra: Partial<RequestLogOptions> = {}): Promise<RequestLog> {
  return openRequestLog({ ...baseOptions(clock), ...place.options, ...extra });
}

/** Brings a fresh GDPR access request to `state` along allowed transitions. */
async function driveTo(log: RequestLog, state: RequestState): Promise<string> {
  const req = await log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject: SUBJECT });
  const id = req.id;
  const path: Record<RequestState, Array<[RequestState, object]>> = {
    received: [],
    acknowledged: [['acknowledged', {}]],
    identity_pending: [['acknowledged', {}], ['identity_pending', { reason: 'name does not match the account' }]],
    verified: [['acknowledged', {}], ['identity_pending', { reason: 'doubt' }], ['verified', { verification: VERIFIED }]],
    verification_failed: [['acknowledged', {}], ['identity_pending', { reason: 'doubt' }], ['verification_failed', { verification: FAILED }]],
    in_progress: [['acknowledged', {}], ['in_progress', {}]],
    completed: [['acknowledged', {}], ['in_progress', {}], ['completed', { responseNature: 'copy sent by email' }]],
    denied: [['denied', { denial: { basis: 'manifestly_unfounded_or_excessive', explanation: 'fifth identical request this month' }, remediesNotified: true }]],
    withdrawn: [['withdrawn', { reason: 'requester withdrew by phone' }]],
  };
  for (const [to, opts] of path[state]) await log.transition(id, to, opts);
  expect(log.get(id)?.status).toBe(state);
  return id;
}

/** Random operations on the register; refused ones are fine, anything else is a bug. */
const opArb = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('open' as const), combo: fc.nat(6), channel: fc.constantFrom('email', 'phone', 'web_form') }) },
  // Mostly a move the lifecycle allows from the current state, sometimes any state at all.
  { weight: 8, arbitrary: fc.record({ op: fc.constant('transition' as const), req: fc.nat(), to: fc.constantFrom(...REQUEST_STATES), allowed: fc.nat(5), anyState: fc.nat(4) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('extend' as const), req: fc.nat(), notice: fc.constantFrom('at_receipt', 'now', 'now', 'future', 'before_receipt', 'none') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('route' as const), req: fc.nat(), queue: fc.constantFrom('privacy-ops', 'legal', 'tier2') }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('task' as const), req: fc.nat(), kind: fc.constantFrom('erase', 'notify_service_provider', 'notify_third_party') }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('taskUpdate' as const), req: fc.nat(), task: fc.nat(1), status: fc.constantFrom('in_progress', 'done', 'not_required', 'deferred') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('note' as const), req: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('wait' as const), days: fc.integer({ min: 0, max: 40 }) }) },
);

const COMBOS = [
  ['access', 'GDPR'],
  ['delete', 'GDPR'],
  ['delete', 'CCPA'],
  ['opt_out_sale_sharing', 'CCPA'],
  ['know_specific', 'CCPA'],
  ['delete', 'VCDPA'],
  ['correct', 'UK_GDPR'],
] as const;

type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

async function run(log: RequestLog, clock: ReturnType<typeof manualClock>, ops: Op[]): Promise<{ refused: number; applied: number }> {
  let refused = 0;
  let applied = 0;
  const ids: string[] = [];
  const pick = (n: number) => ids[n % Math.max(ids.length, 1)];
  for (const op of ops) {
    try {
      if (op.op === 'wait') {
        clock.advanceDays(op.days);
        continue;
      }
      if (op.op === 'open') {
        const [type, jurisdiction] = COMBOS[op.combo] as (typeof COMBOS)[number];
        ids.push((await log.open({ type, jurisdiction, channel: op.channel, subject: SUBJECT, description: 'card 4111 1111 1111 1111 in the message' })).id);
        applied++;
        continue;
      }
      const id = pick(op.req);
      if (!id) continue;
      switch (op.op) {
        case 'transition': {
          const next = TRANSITIONS[log.get(id)!.status];
          // Favour the first (forward) move so that sequences reach the end of the lifecycle.
          const to = op.anyState === 0 || next.length === 0 ? op.to : op.allowed < 3 ? (next[0] as RequestState) : (next[op.allowed % next.length] as RequestState);
          await log.transition(id, to, {
            reason: 'recorded reason',
            verification: to === 'verified' ? VERIFIED : to === 'verification_failed' ? FAILED : undefined,
            denial: to === 'denied' ? { basis: 'unverifiable' } : undefined,
            remediesNotified: to === 'denied' ? true : undefined,
          });
          break;
        }
        case 'extend':
          {
            const received = Date.parse(log.get(id)!.receivedAt);
            const at = { at_receipt: received, now: clock.now().getTime(), future: clock.now().getTime() + 3_600_000, before_receipt: received - 1000, none: undefined }[op.notice];
            await log.extend(id, { reason: 'many systems to search', noticeSentAt: at === undefined ? undefined : new Date(at) });
          }
          break;
        case 'route':
          await log.route(id, op.queue, { reason: 'needs review' });
          break;
        case 'task':
          await log.addTask(id, { system: 'crm', kind: op.kind, categories: ['contact'] });
          break;
        case 'taskUpdate':
          await log.updateTask(id, `t${op.task + 1}`, { status: op.status, note: 'done by ops' });
          break;
        case 'note':
          await log.addNote(id, 'called back');
          break;
      }
      applied++;
    } catch (err) {
      if (!(err instanceof PrivacyError)) throw err;
      expect(err.message).toMatch(/^caregate: /);
      refused++;
    }
  }
  return { refused, applied };
}

export function registerContract(settings: ContractSettings): void {
  it('records a request with deadlines, history and the 11 CCR 7101 fields, and replays it', async () => {
    const place = await settings.newPlace();
    const clock = manualClock('2026-03-05T10:00:00Z');
    const log = await openAt(place, clock.now);
    const req = await log.open({ type: 'delete', jurisdiction: 'GDPR', channel: 'web_form', subject: SUBJECT, description: 'please delete; my card 4111 1111 1111 1111' });
    expect(req.deadlines).toMatchObject({ respondBy: '2026-04-07', extendableTo: '2026-06-05' }); // Easter Monday in de-nationwide
    expect(req.subjectRef).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(req.description).toBe('please delete; my card [REDACTED:card]');
    await log.transition(req.id, 'acknowledged');
    await log.route(req.id, 'privacy-ops', { reason: 'erasure across systems' });
    await log.transition(req.id, 'in_progress');
    const t1 = await log.addTask(req.id, { system: 'crm', kind: 'erase', categories: ['contact', 'orders'] });
    await log.addTask(req.id, { system: 'mailer-saas', kind: 'notify_service_provider' });
    await log.updateTask(req.id, t1.id, { status: 'done' });
    await log.updateTask(req.id, 't2', { status: 'done' });
    clock.advanceDays(3);
    const done = await log.transition(req.id, 'completed', { responseNature: 'erased in crm; mailer notified' });
    expect(done.response).toMatchObject({ outcome: 'complied', date: '2026-03-08', nature: 'erased in crm; mailer notified' });
    expect(done.retainUntil).toBe('2028-03-08');
    expect(done.queue).toBe('privacy-ops');
    expect(done.history.map((h) => h.kind)).toEqual(['request_received', 'transition', 'routed', 'transition', 'task_added', 'task_added', 'task_updated', 'task_updated', 'transition']);
    const live = log.snapshot();
    const head = log.head();
    await log.close();
    const again = await openAt(place, clock.now, { readOnly: true });
    expect(again.snapshot()).toStrictEqual(live);
    expect(again.head()).toStrictEqual(head);
    expect((await again.verifyIntegrity()).ok).toBe(true);
    await again.close();
    expect((await place.lines()).join('\n')).not.toMatch(/4111 1111/);
  });

  it('refuses every transition the lifecycle does not allow, and appends nothing for it', async () => {
    const place = await settings.newPlace();
    const clock = manualClock('2026-03-05T10:00:00Z');
    const log = await openAt(place, clock.now);
    let refusals = 0;
    for (const from of REQUEST_STATES) {
      const id = await driveTo(log, from);
      for (const to of REQUEST_STATES) {
        if (TRANSITIONS[from].includes(to)) continue;
        const size = log.head().size;
        const err = await log.transition(id, to, { verification: VERIFIED, denial: { basis: 'unverifiable' }, remediesNotified: true }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(PrivacyError);
        const e = err as PrivacyError;
        if (['completed', 'denied', 'withdrawn'].includes(from)) {
          expect(e.code).toBe('DSAR_TERMINAL');
          expect(e.message).toContain(`is ${from}, a final state`);
        } else {
          expect(e.code).toBe('DSAR_TRANSITION');
          expect(e.message).toContain(`cannot go from ${from} to ${to}; from ${from} it can go to ${TRANSITIONS[from].join(', ')}`);
        }
        expect(log.head().size).toBe(size);
        expect(log.get(id)?.status).toBe(from);
        refusals++;
      }
    }
    expect(refusals).toBe(81 - Object.values(TRANSITIONS).reduce((n, t) => n + t.length, 0));
    await log.close();
  });

  it('fast-check: any sequence of operations replayed from the ledger gives the live state', async () => {
    let totalRefused = 0;
    let totalApplied = 0;
    const kinds = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 10, maxLength: 40, size: 'max' }), async (rest) => {
        const ops: Op[] = [{ op: 'open', combo: 0, channel: 'email' }, ...rest];
        const place = await settings.newPlace();
        const clock = manualClock('2026-01-05T09:00:00Z');
        const log = await openAt(place, clock.now);
        const counts = await run(log, clock, ops);
        totalRefused += counts.refused;
        totalApplied += counts.applied;
        const live = log.snapshot();
        for (const r of live) for (const h of r.history) kinds.add(h.kind === 'transition' ? h.summary.split(':')[0]!.split(' (')[0]! : h.kind);
        const head = log.head();
        await log.close();
        const replayed = await openAt(place, clock.now, { readOnly: true });
        expect(replayed.snapshot()).toStrictEqual(live);
        expect(replayed.head()).toStrictEqual(head);
        await replayed.close();
        const writer = await openAt(place, clock.now);
        expect(writer.snapshot()).toStrictEqual(live);
        await writer.close();
      }),
      { seed: 42, numRuns: settings.replayRuns },
    );
    expect(totalRefused).toBeGreaterThan(0);
    // The sequences reach deep into the lifecycle, not only the first steps.
    expect(totalApplied).toBeGreaterThan(settings.replayRuns * 4);
    for (const k of ['extended', 'routed', 'task_added', 'task_updated', 'note_added', 'in_progress → completed', 'identity_pending → verified']) expect(kinds).toContain(k);
  });

  it('verify detects an edited, removed, inserted or reordered entry and names the first bad one', async () => {
    const place = await settings.newPlace();
    const clock = manualClock('2026-03-05T10:00:00Z');
    const log = await openAt(place, clock.now);
    for (let i = 0; i < 4; i++) {
      const r = await log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject: { ...SUBJECT, identifier: `user-${i}` } });
      await log.transition(r.id, 'acknowledged');
    }
    const checkpoint = signCheckpoint(log.head() as { logId: string; size: number; headHash: string }, KEY, clock.now());
    await log.close();
    const original = await place.lines();
    const n = original.length;
    expect(n).toBe(9);
    const verifyNow = async () => {
      const reader = await openRequestLog({ ...place.options, readOnly: true }).catch((e: unknown) => e);
      if (!(reader instanceof PrivacyError)) await (reader as RequestLog).close();
      return { report: await verifyLedger({ ...place.options, checkpoints: [checkpoint], checkpointKey: KEY }), reader };
    };
    const editOne = (line: string) => {
      const e = JSON.parse(line) as LedgerEntry;
      return canonicalJson({ ...e, actor: e.actor === 'agent-7' ? 'agent-8' : 'agent-7' });
    };
    const cases = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), at: fc.nat(n - 1) }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat(n - 1) }),
      // Inserting at the very end is what a writer does; without per-entry signatures nothing can tell it apart.
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(n - 1) }),
      fc.record({ kind: fc.constant('swap' as const), a: fc.nat(n - 1), b: fc.nat(n - 1) }).filter((c) => c.a !== c.b),
    );
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const lines = [...original];
        let firstBad: number; // 0-based position of the first line that must be reported
        if (c.kind === 'edit') {
          lines[c.at] = editOne(lines[c.at] as string);
          firstBad = c.at;
        } else if (c.kind === 'remove') {
          lines.splice(c.at, 1);
          firstBad = c.at;
        } else if (c.kind === 'insert') {
          // A well-formed entry chained to its predecessor: only its position gives it away.
          const prev = c.at === 0 ? undefined : (JSON.parse(lines[c.at - 1] as string) as LedgerEntry);
          const forged = sealEntry({ kind: 'note_added', actor: 'mallory', requestId: 'x', data: { text: 'forged' } }, prev ? prev.seq + 1 : 0, prev ? prev.hash : '0'.repeat(64), '2026-03-05T10:00:00.000Z');
          lines.splice(c.at, 0, forged.line);
          // At the front it is not a genesis entry; elsewhere it fits its predecessor and the next one breaks.
          firstBad = c.at === 0 ? 0 : c.at + 1;
        } else {
          const [a, b] = [Math.min(c.a, c.b), Math.max(c.a, c.b)];
          [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
          firstBad = a;
        }
        await place.replace(lines);
        const { report, reader } = await verifyNow();
        expect(report.ok).toBe(false);
        const p = report.firstProblem!;
        if (c.kind === 'remove' && c.at === n - 1) {
          expect(p.problem).toBe('truncated'); // only the checkpoint can see a missing last entry
        } else {
          expect(p.line).toBe(firstBad + 1);
          expect(p.message).toMatch(new RegExp(`^entry #${firstBad} \\((line|row) ${firstBad + 1}`));
          // and the register refuses to open it
          expect(reader).toBeInstanceOf(PrivacyError);
          expect((reader as PrivacyError).code).toBe('DSAR_INTEGRITY');
        }
      }),
      { seed: 42, numRuns: settings.tamperRuns },
    );
    await place.replace(original);
    expect((await verifyNow()).report.ok).toBe(true);
  });

  it('signed checkpoints catch truncation and a re-chained (rolled back) copy', async () => {
    const place = await settings.newPlace();
    const clock = manualClock('2026-03-05T10:00:00Z');
    const log = await openAt(place, clock.now);
    const r = await log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject: SUBJECT });
    await log.transition(r.id, 'acknowledged');
    const cp = signCheckpoint(log.head() as { logId: string; size: number; headHash: string }, KEY, clock.now());
    await log.transition(r.id, 'in_progress');
    expect((await log.verifyIntegrity({ checkpoints: [cp], checkpointKey: KEY })).ok).toBe(true);
    await log.close();
    const original = await place.lines();
    const check = (cps = [cp], key = KEY) => verifyLedger({ ...place.options, checkpoints: cps, checkpointKey: key });
    // Truncation to before the checkpoint: the chain itself is still valid.
    await place.replace(original.slice(0, 2));
    let report = await check();
    expect(report.problems.map((p) => p.problem)).toEqual(['truncated']);
    expect(report.firstProblem?.message).toContain('entries #2 to #2 were removed');
    // Rollback: the last entries rewritten and re-chained, so every hash matches again.
    const entries = original.map((l) => JSON.parse(l) as LedgerEntry);
    const rewritten: string[] = [original[0] as string, original[1] as string];
    let prev = entries[1] as LedgerEntry;
    for (const e of entries.slice(2)) {
      const { entry, line } = sealEntry({ kind: e.kind, actor: 'someone-else', requestId: e.requestId, data: e.data }, e.seq, prev.hash, e.ts);
      rewritten.push(line);
      prev = entry;
    }
    await place.replace(rewritten);
    report = await check();
    expect(report.problems.map((p) => p.problem)).toEqual(['rollback']);
    // A forged checkpoint, or one checked with another key, is refused.
    await place.replace(original);
    expect((await check([{ ...cp, size: 1 }])).problems.map((p) => p.problem)).toEqual(['checkpoint_signature']);
    expect((await check([cp], { alg: 'hmac-sha256', secret: Buffer.alloc(32, 1) })).problems.map((p) => p.problem)).toEqual(['checkpoint_signature']);
    expect((await check()).ok).toBe(true);
  });
}

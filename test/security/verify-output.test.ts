// Issue 15 item 1 (verifier and register side): a card number, CVV or SSN that a caller puts into a member
// name, an ID, an action, a channel, a queue, an e-mail or a free-text field never comes out of the library
// raw: not in a thrown error (message, path, issues, location, cause), not in a return value, not in an
// audit log line, not in a ledger line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openRequestLog } from '../../src/privacy/index.js';
import type { RequestLog } from '../../src/privacy/index.js';
import { parsePolicy } from '../../src/verify/index.js';
import { formatCard, separatorStyle, validCard } from '../support/cards.js';
import { ON_FILE, T0, defaultPolicyJson, makeVerifier, outbox, supplied } from '../verify/helpers.js';
import { PSEUDONYM_KEY, manualClock, tempDir } from '../privacy/helpers.js';

interface Secret {
  /** As written into the input. */
  text: string;
  /** What must not come out: the text itself and, for numbers, its digits in any grouping. */
  digits: string;
  kind: 'card' | 'cvv' | 'ssn';
}

const card = fc.tuple(validCard, separatorStyle).map(([c, style]): Secret => ({ text: formatCard(c.digits, style), digits: c.digits, kind: 'card' }));
const cvv = fc.tuple(fc.constantFrom('cvv', 'CVV', 'cvc', 'security code'), fc.integer({ min: 100, max: 9999 })).map(([word, n]): Secret => ({ text: `${word} ${n}`, digits: String(n), kind: 'cvv' }));
const ssn = fc
  .tuple(fc.integer({ min: 1, max: 665 }).filter((a) => a !== 666), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }))
  .map(([a, g, s]): Secret => {
    const text = `${String(a).padStart(3, '0')}-${String(g).padStart(2, '0')}-${String(s).padStart(4, '0')}`;
    return { text, digits: text.replace(/-/g, ''), kind: 'ssn' };
  });
const secret = fc.oneof(card, cvv, ssn);

/** True when the output holds the secret: as written, or (numbers) its digits with separators removed, or a CVV next to its keyword. */
function leaks(output: string, s: Secret): boolean {
  if (output.includes(s.text)) return true;
  if (s.kind === 'cvv') return new RegExp(`(?:cvv|cvc|security code)\\W{0,3}${s.digits}(?!\\d)`, 'i').test(output);
  return output.replace(/[\s\-.\u00a0]/g, '').includes(s.digits);
}

/** Everything an error carries that a caller or a log may see. */
function errorText(err: unknown): string {
  if (!(err instanceof Error)) return JSON.stringify(err) ?? String(err);
  const e = err as Error & Record<string, unknown>;
  const cause = e.cause instanceof Error ? `${e.cause.message} ${e.cause.stack ?? ''}` : JSON.stringify(e.cause ?? null);
  return [e.message, e.stack ?? '', JSON.stringify({ ...e, cause: undefined }), cause].join('\n');
}

/** Runs a call and gives back all it returned or threw, as text. */
async function outputOf(call: () => unknown): Promise<string> {
  try {
    const value = await call();
    return JSON.stringify(value, (_k, v: unknown) => (v instanceof Date ? v.toISOString() : v)) ?? '';
  } catch (err) {
    return errorText(err);
  }
}

const tmp = tempDir('caregate-output-');
afterAll(() => tmp.cleanup());

describe('verifier: no raw value in any output channel', () => {
  const { verifier, lines } = makeVerifier();
  const base = { action: 'order_status', subjectId: 'cust-out-1', onFile: ON_FILE, provided: supplied(['postal_code', 'order_id']), now: T0, channel: 'phone' };

  it('card numbers, CVVs and SSNs in member names, ids, actions, channels and references (property)', async () => {
    await fc.assert(
      fc.asyncProperty(secret, fc.constantFrom('providedKey', 'onFileKey', 'action', 'subjectId', 'agentId', 'origin', 'channel', 'challengeId', 'documentRef', 'correcting'), async (s, where) => {
        const from = lines.length;
        const input: Record<string, unknown> = { ...base };
        if (where === 'providedKey') input['provided'] = { ...base.provided, [s.text]: 'x' };
        else if (where === 'onFileKey') input['onFile'] = { ...ON_FILE, [s.text]: 'x' };
        else if (where === 'challengeId') input['otp'] = { challengeId: s.text, code: '123456' };
        else if (where === 'documentRef') input['declaration'] = { signed: true, signedAt: T0 - 1000, documentRef: `ref ${s.text}` };
        else if (where === 'correcting') Object.assign(input, { action: 'privacy_correct', correcting: [s.text] });
        else input[where] = s.text;
        const out = await outputOf(() => verifier.check(input as never));
        const logged = lines.slice(from).join('\n');
        expect(leaks(out, s), `${where}: ${out}`).toBe(false);
        expect(leaks(logged, s), `${where} (log): ${logged}`).toBe(false);
      }),
      { numRuns: 60, seed: 1501 },
    );
  });

  it('a forbidden value under an innocent name is refused without showing it (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(card, ssn), fc.constantFrom('phone_last4', 'order_id', 'postal_code', 'billing_name'), async (s, name) => {
        const from = lines.length;
        const out = await outputOf(() => verifier.check({ ...base, provided: { ...base.provided, [name]: s.text } }));
        expect(out).toMatch(/forbidden_value/);
        expect(leaks(out, s) || leaks(lines.slice(from).join('\n'), s)).toBe(false);
      }),
      { numRuns: 30, seed: 1502 },
    );
  });

  it('issueOtp and verifyToken: delivery names, ids, actions and channels (property)', async () => {
    const box = outbox();
    await fc.assert(
      fc.asyncProperty(secret, fc.constantFrom('via', 'subjectId', 'agentId', 'tokenAction', 'tokenChannel', 'tokenSubject'), async (s, where) => {
        const from = lines.length;
        let out: string;
        if (where.startsWith('token')) {
          const expectInput: Record<string, unknown> = { subjectId: 'cust-out-1', action: 'order_status', channel: 'phone', now: T0 };
          expectInput[where === 'tokenAction' ? 'action' : where === 'tokenChannel' ? 'channel' : 'subjectId'] = s.text;
          out = await outputOf(() => verifier.verifyToken(`cgv1.${Buffer.from(s.text).toString('base64url')}.x`, expectInput as never));
        } else {
          const input: Record<string, unknown> = { subjectId: 'cust-out-2', via: 'email', onFile: ON_FILE, now: T0, send: box.send };
          input[where] = s.text;
          out = await outputOf(() => verifier.issueOtp(input as never));
        }
        expect(leaks(out, s), `${where}: ${out}`).toBe(false);
        expect(leaks(lines.slice(from).join('\n'), s)).toBe(false);
      }),
      { numRuns: 30, seed: 1503 },
    );
  });

  it('policy errors: data point and action names (property)', async () => {
    await fc.assert(
      fc.asyncProperty(secret, fc.constantFrom('dataPoint', 'action', 'allowed'), async (s, where) => {
        const policy = defaultPolicyJson();
        if (where === 'dataPoint') policy['dataPoints'][s.text] = { normalizer: 'identifier' };
        else if (where === 'action') policy['actions'][s.text] = { requestType: 'account', verification: 'required', reference: 'x' };
        else policy['actions']['order_status']['allowedDataPoints'] = [s.text];
        const out = await outputOf(() => parsePolicy(policy));
        expect(out).toMatch(/VerificationPolicyError|caregate:/);
        expect(leaks(out, s), `${where}: ${out}`).toBe(false);
      }),
      { numRuns: 30, seed: 1504 },
    );
  });
});

describe('request register: no raw value in errors, return values or ledger lines', () => {
  let n = 0;
  const open = (extra: Record<string, unknown> = {}) => {
    const clock = manualClock('2026-03-05T10:00:00Z');
    return openRequestLog({ ledger: join(tmp.dir, `ledger-${++n}.jsonl`), pseudonymKey: PSEUDONYM_KEY, timeZone: 'Europe/Berlin', clock: clock.now, ...extra } as never);
  };
  const subject = { identifier: 'user-1', contact: { via: 'email' as const, email: 'jane.doe@example.com' } };

  it('ids, time zones, queues, e-mails, actors, levels and free text (property)', async () => {
    const log = (await open()) as RequestLog;
    const path = join(tmp.dir, `ledger-${n}.jsonl`);
    const r = await log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject });
    await fc.assert(
      fc.asyncProperty(secret, fc.constantFrom('id', 'timeZone', 'queue', 'email', 'actor', 'externalId', 'level', 'note', 'reason', 'description', 'taskId', 'denialReference'), async (s, where) => {
        // The form an opaque id can take (letters, digits, dashes): a card's digits, an SSN as written, cvv-NNN.
        const digitsOnly = s.kind === 'card' ? s.digits : s.kind === 'ssn' ? s.text : `cvv-${s.digits}`;
        const before = readFileSync(path, 'utf8').length;
        let out: string;
        switch (where) {
          case 'id':
            out = await outputOf(() => log.transition(s.text, 'acknowledged'));
            break;
          case 'timeZone':
            out = await outputOf(() => open({ timeZone: `Europe/${s.text}` }));
            break;
          case 'queue':
            out = await outputOf(() => log.route(r.id, digitsOnly));
            break;
          case 'email':
            out = await outputOf(() => log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject: { identifier: 'u', contact: { via: 'email', email: `${digitsOnly}@example.com` } } }));
            break;
          case 'actor':
            out = await outputOf(() => log.addNote(r.id, 'called back', { actor: digitsOnly }));
            break;
          case 'externalId':
            out = await outputOf(() => log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject, externalId: digitsOnly }));
            break;
          case 'level':
            out = await outputOf(() => log.transition(r.id, 'verification_failed', { verification: { allowed: false, level: digitsOnly, factorCategories: ['knowledge'] } }));
            break;
          case 'note':
            out = await outputOf(() => log.addNote(r.id, `caller read out ${s.text}`));
            break;
          case 'reason':
            out = await outputOf(() => log.route(r.id, 'privacy-ops', { reason: `said ${s.text}` }));
            break;
          case 'description':
            out = await outputOf(() => log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'email', subject, description: `wants data, gave ${s.text}` }));
            break;
          case 'taskId':
            out = await outputOf(() => log.updateTask(r.id, s.text, { status: 'done' }));
            break;
          default:
            out = await outputOf(() => log.extend(r.id, { noticeSentAt: new Date('2026-03-06T10:00:00Z'), reason: `ref ${s.text}` }));
        }
        expect(leaks(out, s), `${where}: ${out}`).toBe(false);
        const appended = readFileSync(path, 'utf8').slice(before);
        expect(leaks(appended, s), `${where}: ledger ${appended}`).toBe(false);
      }),
      { numRuns: 40, seed: 1505 },
    );
    await log.close();
  });
});

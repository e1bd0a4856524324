// Issue 15 item 4: lockout keyed on a canonical form of the subject, agent and origin IDs (case, spaces,
// zero-width and format characters, dash variants, full-width forms do not make a new key); tokens refused
// when issued in the future beyond a bounded skew, and good for one use unless the policy allows reuse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/verify/index.js';
import { canonicalId } from '../../src/verify/ids.js';
import { createKeys, pseudonym } from '../../src/verify/digest.js';
import { issueToken } from '../../src/verify/token.js';
import { BAD, GOOD, KEY, MINUTE, ON_FILE, T0, defaultPolicyJson, makeVerifier } from '../verify/helpers.js';

const wrong = { order_id: BAD.order_id, postal_code: BAD.postal_code };
const right = { order_id: GOOD.order_id, postal_code: GOOD.postal_code };

describe('IDs are keyed on one canonical form', () => {
  const variants = ['CUST-X', ' Cust-x', 'Cust-x\u200b', 'Cust\u2011x', 'cust\u2013x', '\ufeffcust-x', 'ＣＵＳＴ－Ｘ', 'cust-x\u00ad', 'Cust-X\t'];

  it('after Cust-x is locked, its variants are locked too', async () => {
    const { verifier } = makeVerifier();
    const at = (subjectId: string, provided: Record<string, string>) => verifier.check({ action: 'order_status', subjectId, onFile: ON_FILE, provided, now: T0, channel: 'phone' });
    for (let i = 0; i < 5; i++) await at('Cust-x', wrong);
    for (const v of variants) {
      const result = await at(v, right);
      expect(result.allowed, JSON.stringify(v)).toBe(false);
      expect(result.lockedUntil, JSON.stringify(v)).toBeInstanceOf(Date);
    }
  });

  it('agent and origin variants share their limits too', async () => {
    const policy = defaultPolicyJson();
    policy['lockout']['agent'] = { maxFailures: 3, windowMinutes: 60, cooldownMinutes: 30 };
    policy['lockout']['origin'] = { maxFailures: 3, windowMinutes: 60, cooldownMinutes: 30 };
    for (const party of ['agentId', 'origin'] as const) {
      const { verifier } = makeVerifier({ policy });
      const ids = ['Agent-7', 'AGENT\u20117', ' agent-7\u200c'];
      for (const [i, id] of ids.entries()) await verifier.check({ action: 'order_status', subjectId: `s-${party}-${i}`, onFile: ON_FILE, provided: wrong, now: T0, channel: 'phone', [party]: id });
      const next = await verifier.check({ action: 'order_status', subjectId: `s-${party}-next`, onFile: ON_FILE, provided: right, now: T0, channel: 'phone', [party]: 'agent-7' });
      expect(next.lockedUntil, party).toBeInstanceOf(Date);
    }
  });

  it('the canonical form is idempotent and ignores case, format characters and dash variants (property)', () => {
    const dash = fc.constantFrom('-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\ufe63', '\uff0d');
    const invisible = fc.constantFrom('', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (s) => {
        expect(canonicalId(canonicalId(s))).toBe(canonicalId(s));
      }),
      { numRuns: 500, seed: 1541 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{1,8}$/), fc.stringMatching(/^[a-z0-9]{1,8}$/), dash, invisible, fc.boolean(), (a, b, d, z, upper) => {
        const plain = `${a}-${b}`;
        const variant = ` ${upper ? a.toUpperCase() : a}${z}${d}${b} `;
        expect(canonicalId(variant)).toBe(canonicalId(plain));
      }),
      { numRuns: 300, seed: 1542 },
    );
  });
});

describe('tokens', () => {
  const keys = createKeys(KEY);
  const sub = pseudonym(keys, 'subject', canonicalId('c-1'));
  const expectFor = (now: number) => ({ subjectId: 'c-1', action: 'order_status', channel: 'chat', now });

  it('issued more than the allowed skew (30 s by default) in the future are refused', async () => {
    const { verifier } = makeVerifier();
    const ahead = issueToken(keys, { sub, act: ['order_status'], ch: 'chat', lvl: 'reasonable', iat: T0 + 60 * MINUTE, ttlMs: 15 * MINUTE });
    expect(await verifier.verifyToken(ahead.token, expectFor(T0))).toEqual({ valid: false, reason: 'issued_in_future' });
    const slightly = issueToken(keys, { sub, act: ['order_status'], ch: 'chat', lvl: 'reasonable', iat: T0 + 20_000, ttlMs: 15 * MINUTE });
    expect((await verifier.verifyToken(slightly.token, expectFor(T0))).valid).toBe(true);
    const beyond = issueToken(keys, { sub, act: ['order_status'], ch: 'chat', lvl: 'reasonable', iat: T0 + 31_000, ttlMs: 15 * MINUTE });
    expect(await verifier.verifyToken(beyond.token, expectFor(T0))).toEqual({ valid: false, reason: 'issued_in_future' });
  });

  it('the skew is set by policy.token.maxClockSkewSeconds', async () => {
    const policy = defaultPolicyJson();
    policy['token'] = { ttlMinutes: 15, maxClockSkewSeconds: 0 };
    const { verifier } = makeVerifier({ policy });
    const t = issueToken(keys, { sub, act: ['order_status'], ch: 'chat', lvl: 'reasonable', iat: T0 + 1, ttlMs: 15 * MINUTE });
    expect(await verifier.verifyToken(t.token, expectFor(T0))).toEqual({ valid: false, reason: 'issued_in_future' });
  });

  it('are single use: a replay is refused, also by another verifier sharing the store', async () => {
    const store = createMemoryStore();
    const a = makeVerifier({ store }).verifier;
    const b = makeVerifier({ store }).verifier;
    const result = await a.check({ action: 'order_status', subjectId: 'c-1', onFile: ON_FILE, provided: right, now: T0, channel: 'chat' });
    const token = result.token ?? '';
    const uses = await Promise.all([a, b, a, b].map((v) => v.verifyToken(token, expectFor(T0 + MINUTE))));
    expect(uses.filter((u) => u.valid)).toHaveLength(1);
    expect(uses.filter((u) => !u.valid).map((u) => (u.valid ? '' : u.reason))).toEqual(['already_used', 'already_used', 'already_used']);
  });

  it('can be reused within their lifetime when the policy says so', async () => {
    const policy = defaultPolicyJson();
    policy['token'] = { ttlMinutes: 15, allowReuse: true };
    const { verifier } = makeVerifier({ policy });
    const result = await verifier.check({ action: 'order_status', subjectId: 'c-1', onFile: ON_FILE, provided: right, now: T0, channel: 'chat' });
    for (let i = 0; i < 3; i++) expect((await verifier.verifyToken(result.token ?? '', expectFor(T0 + MINUTE))).valid).toBe(true);
  });
});

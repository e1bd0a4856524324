import { describe, it, expect } from 'vitest';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { loadDefaultPolicy, normalize } from '../../src/verify/index.js';
import type { CheckInput, NormalizerName } from '../../src/verify/index.js';
import { MINUTE, T0, makeVerifier } from './helpers.js';

const SEED = { seed: 42, numRuns: 200 } as const;
const policy = loadDefaultPolicy();
const ACTIONS = Object.keys(policy.actions);
const KNOWLEDGE_ACTIONS = ['order_status', 'privacy_know_categories', 'privacy_know_specific', 'privacy_delete', 'privacy_correct'];

// Values written the way people write them. Letters are upper case or mixed, so they cannot be mistaken
// for the lower-case hex of pseudonyms in log lines.
const upper = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-HJ-NP-Z]{${min},${max}}$`));
const valueOf: Record<string, fc.Arbitrary<string>> = {
  order_id: fc.tuple(upper(3, 3), fc.integer({ min: 100000, max: 999999 })).map(([p, n]) => `${p}-${n}`),
  phone_last4: fc.tuple(fc.integer({ min: 201, max: 989 }), fc.integer({ min: 2, max: 9 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9999 }))
    .map(([area, ex, ex2, line]) => `+1 (${area}) ${ex}${String(ex2).padStart(2, '0')}-${String(line).padStart(4, '0')}`),
  postal_code: fc.stringMatching(/^[A-CEGHJ-NPR-TVXY][0-9][A-CEGHJ-NPR-TV-Z] [0-9][A-CEGHJ-NPR-TV-Z][0-9]$/),
  email: fc.tuple(upper(4, 10), upper(4, 10)).map(([local, domain]) => `${local}.Q@${domain}.example`),
  date_of_birth: fc.date({ min: new Date('1930-01-01'), max: new Date('2005-12-31'), noInvalidDate: true })
    .chain((d) => fc.constantFrom(d.toISOString().slice(0, 10), `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`, d.toLocaleDateString('en-US', { timeZone: 'UTC', month: 'long', day: 'numeric', year: 'numeric' }))),
  billing_name: fc.tuple(upper(3, 8), upper(3, 8)).map(([a, b]) => `Ñ${a.toLowerCase()}é ${b}`),
  last_order_amount: fc.integer({ min: 10_000, max: 99_999_999 }).map((cents) => `$${(cents / 100).toFixed(2)}`),
};
const fieldOf = (dp: string) => policy.dataPoints[dp]?.onFileField ?? dp;
const DATA_POINTS = Object.keys(valueOf);

/** A record on file and what the person supplies: for each data point, the same value, another, or nothing. */
const scenario = fc
  .record({
    onFile: fc.record(Object.fromEntries(DATA_POINTS.map((dp) => [dp, valueOf[dp]!])) as Record<string, fc.Arbitrary<string>>),
    other: fc.record(Object.fromEntries(DATA_POINTS.map((dp) => [dp, valueOf[dp]!])) as Record<string, fc.Arbitrary<string>>),
    choice: fc.array(fc.constantFrom('same', 'other', 'absent'), { minLength: DATA_POINTS.length, maxLength: DATA_POINTS.length }),
    subject: upper(8, 12).map((s) => `SUBJ-${s}`),
    action: fc.constantFrom(...ACTIONS),
  })
  .map(({ onFile, other, choice, subject, action }) => {
    const provided: Record<string, string> = {};
    DATA_POINTS.forEach((dp, i) => {
      if (choice[i] === 'same') provided[dp] = onFile[dp]!;
      if (choice[i] === 'other') provided[dp] = other[dp]!;
    });
    const record = Object.fromEntries(DATA_POINTS.map((dp) => [fieldOf(dp), onFile[dp]!]));
    return { onFile: record, provided, subject, action, values: [...Object.values(onFile), ...Object.values(other)] };
  });

function inputFor(s: { onFile: Record<string, string>; provided: Record<string, string>; subject: string; action: string }): CheckInput {
  return {
    action: s.action,
    subjectId: s.subject,
    onFile: s.onFile,
    provided: s.provided,
    now: T0,
    channel: 'phone',
    correcting: ['billing_name'],
    sensitivity: 'standard',
    declaration: { signed: true, signedAt: T0 - MINUTE, documentRef: 'decl-1' },
  };
}

describe('properties (fast-check, seed 42)', () => {
  it('a supplied value that differs from the one on file after normalization never matches; an equal one always does', async () => {
    const { verifier } = makeVerifier();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...DATA_POINTS), fc.nat(), fc.nat(), async (dp, i, j) => {
        const [a, b] = fc.sample(valueOf[dp]!, { seed: i, numRuns: 1 }).concat(fc.sample(valueOf[dp]!, { seed: j, numRuns: 1 }));
        const kind = policy.dataPoints[dp]!.normalizer as NormalizerName;
        const same = normalize(kind, a!) === normalize(kind, b!);
        const result = await verifier.check({
          action: 'order_status',
          subjectId: `P-${++run}`,
          onFile: { [fieldOf(dp)]: a! },
          provided: { [dp]: b! },
          now: T0,
          channel: 'phone',
        });
        expect(result.matchedDataPoints.includes(dp)).toBe(same);
      }),
      SEED,
    );
  });

  it('a value that differs only in case, spacing or accents from the one on file still matches', async () => {
    const { verifier } = makeVerifier();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('order_id', 'postal_code', 'email', 'billing_name'), fc.nat(), async (dp, i) => {
        const [value] = fc.sample(valueOf[dp]!, { seed: i, numRuns: 1 });
        const variant = `  ${value!.toLowerCase().replace(/é/g, 'e')} `;
        const result = await verifier.check({ action: 'order_status', subjectId: `V-${++run}`, onFile: { [fieldOf(dp)]: value! }, provided: { [dp]: variant }, now: T0, channel: 'phone' });
        expect(result.matchedDataPoints).toEqual([dp]);
      }),
      SEED,
    );
  });

  it('the outcome does not depend on the order of the supplied data points', async () => {
    const { verifier } = makeVerifier();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenario, fc.nat(), async (s, shuffleSeed) => {
        const entries = Object.entries(s.provided);
        const shuffled = fc.sample(fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }), { seed: shuffleSeed, numRuns: 1 })[0] ?? [];
        const a = await verifier.check({ ...inputFor(s), subjectId: `${s.subject}-${++run}` });
        const b = await verifier.check({ ...inputFor(s), subjectId: `${s.subject}-${++run}`, provided: Object.fromEntries(shuffled) });
        const view = (r: typeof a) => [r.allowed, r.level, r.matchedDataPoints, r.factorCategories, r.missing, r.attemptsLeft, r.reason, r.internalReason];
        expect(view(b)).toEqual(view(a));
      }),
      SEED,
    );
  });

  it('no supplied or on-file value ever appears in a log line or a returned object', async () => {
    const { verifier, lines } = makeVerifier();
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const before = lines.length;
        const result = await verifier.check(inputFor(s));
        const out = [...lines.slice(before), JSON.stringify(result), inspect(result, { depth: 5 })].join('\n');
        expect(lines.length).toBeGreaterThan(before);
        const secrets = new Set<string>([s.subject]);
        for (const v of s.values) secrets.add(v);
        for (const dp of DATA_POINTS) {
          const kind = policy.dataPoints[dp]!.normalizer as NormalizerName;
          for (const v of s.values) {
            const n = normalize(kind, v);
            if (n.length >= 6) secrets.add(n);
          }
        }
        for (const secret of secrets) expect(out).not.toContain(secret);
      }),
      SEED,
    );
  });

  it('no value appears in any error, for forbidden or unknown data points alike', async () => {
    const { verifier, lines } = makeVerifier();
    const forbidden = ['card_number', 'pan', 'cvv', 'pin', 'ssn', 'full_ssn', 'government_id', 'passport_number', 'password', 'security_answer', 'fingerprint', 'biometric_template', 'shoe_size', 'ssn_last4'];
    await fc.assert(
      fc.asyncProperty(scenario, fc.constantFrom(...forbidden), fc.constantFrom('provided', 'onFile'), upper(6, 16), async (s, name, where, secret) => {
        const input = inputFor(s);
        const poisoned = where === 'provided' ? { ...input, provided: { ...input.provided, [name]: secret } } : { ...input, onFile: { ...input.onFile, [name]: secret } };
        const before = lines.length;
        let caught: unknown;
        try {
          await verifier.check(poisoned);
        } catch (err) {
          caught = err;
        }
        if (where === 'onFile' && (name === 'shoe_size' || name === 'ssn_last4')) {
          // Unknown, harmless fields of the record are not read at all.
          expect(caught).toBeUndefined();
        } else {
          expect(caught).toBeInstanceOf(Error);
          expect(lines.length).toBe(before);
        }
        const text = [String(caught), (caught as Error | undefined)?.stack ?? '', inspect(caught, { depth: 5 }), JSON.stringify(caught ?? null), ...lines.slice(before)].join('\n');
        expect(text).not.toContain(secret);
        for (const v of s.values) expect(text).not.toContain(v);
      }),
      SEED,
    );
  });

  it('knowledge-only actions: allowed exactly when enough usable data points match', async () => {
    const { verifier } = makeVerifier();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenario, fc.constantFrom(...KNOWLEDGE_ACTIONS), async (s, action) => {
        const result = await verifier.check({ ...inputFor({ ...s, action }), subjectId: `K-${++run}` });
        const required = action === 'privacy_know_specific' ? 3 : 2;
        const matching = DATA_POINTS.filter((dp) => {
          if (action === 'privacy_correct' && dp === 'billing_name') return false;
          const provided = s.provided[dp];
          if (provided === undefined) return false;
          const kind = policy.dataPoints[dp]!.normalizer as NormalizerName;
          const n = normalize(kind, provided);
          return n.length > 0 && n === normalize(kind, s.onFile[fieldOf(dp)]!);
        });
        expect([...result.matchedDataPoints].sort()).toEqual([...matching].sort());
        expect(result.allowed).toBe(matching.length >= required);
      }),
      SEED,
    );
  });
});

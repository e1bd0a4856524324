import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { ENGINE_PATTERNS } from '../../src/detect/patterns.js';
import { loadShippedPack, shippedPackNames } from '../../src/rules/load.js';
import { backtrackBound } from '../../src/rules/backtrack-bound.js';
import { assertSafePattern, MAX_BACKTRACK_STEPS, staticAnalysisCount, staticVerdict } from '../../src/rules/regex-safety.js';
import type { Rule } from '../../src/rules/types.js';

// Issue 15 item 6: the verdict on a custom pattern must not depend on how busy the machine is. The deciding
// check is a static bound on backtracking (src/rules/backtrack-bound.ts); nothing in it reads a clock.

const rule = (id: string, detector: Record<string, unknown>): Rule =>
  ({
    id, entity: 'THING', description: 'x', regulations: [], detector, confidence: 0.9, mask: 'label',
    examples: { positive: [{ text: 'aaa', match: 'aaa' }], negative: ['b'] },
  }) as unknown as Rule;
const pack = (rules: Rule[]) => ({ pack: 'custom', version: '1.0.0', description: 'test pack', rules }) as unknown as { pack: string } & Record<string, unknown>;
const shapePack = (pattern: string) => pack([rule('bad-rule', { pattern, maxLength: 200 })]);
const valuePack = (pattern: string) => pack([rule('bad-value', { keywords: ['ref code'], value: [{ pattern, maxLength: 200 }] })]);

const REFUSED = /pattern refused: it (can backtrack catastrophically|could not be bounded)/;

/** Every clock a time budget could read jumps 10 s per read: a machine so loaded that any budget runs out at once. */
function simulateLoad(): void {
  let now = 0;
  vi.spyOn(Date, 'now').mockImplementation(() => (now += 10_000));
  vi.spyOn(performance, 'now').mockImplementation(() => (now += 10_000));
  vi.spyOn(process, 'hrtime').mockImplementation(Object.assign(() => [(now += 10_000) / 1000, 0] as [number, number], { bigint: () => BigInt((now += 10_000)) * 1_000_000n }));
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** A nested bounded repeat whose iterations can split a run of one class in many ways: ways ≥ C(n, k−1). */
const nestedFamily = fc
  .record({
    prefix: fc.constantFrom('', 'XYZZY-', 'ID:', '\\b'),
    cls: fc.constantFrom('a', '[a-z]', '\\w', '[a-z0-9]', '\\d', '[^\\s]', '.'),
    innerMin: fc.integer({ min: 0, max: 2 }),
    innerMax: fc.integer({ min: 16, max: 128 }),
    outerMax: fc.integer({ min: 3, max: 4 }),
    group: fc.constantFrom('(?:', '('),
    tail: fc.constantFrom('!', 'b', '\\n', '#', '$', ''),
  })
  .map(({ prefix, cls, innerMin, innerMax, outerMax, group, tail }) => `${prefix}${group}${cls}{${Math.max(1, innerMin)},${innerMax}}){1,${outerMax}}${tail}`);

/** Two adjacent repeats over overlapping classes: every split point of the run is tried. */
const adjacentFamily = fc
  .record({
    a: fc.constantFrom('a', '[a-z]', '\\w'),
    b: fc.constantFrom('a', '[a-c]', '\\w', '[a-z0-9]'),
    m: fc.integer({ min: 64, max: 256 }),
    n: fc.integer({ min: 64, max: 256 }),
  })
  .map(({ a, b, m, n }) => `${a}{0,${m}}${b}{0,${n}}!`);

/** Alternatives that match the same character, repeated: the ways multiply across groups. */
const alternationFamily = fc
  .record({ groups: fc.integer({ min: 4, max: 8 }), width: fc.integer({ min: 2, max: 3 }) })
  .map(({ groups, width }) => `${`(?:${Array(width).fill('a').join('|')}){1,4}`.repeat(groups)}b`);

/** The analysis' own answer at the limit: 'accepted: N steps', or why it stopped. */
function boundOrRefusal(pattern: string): string {
  try {
    return `accepted: ${backtrackBound(pattern, '', MAX_BACKTRACK_STEPS).steps} steps`;
  } catch (err) {
    return `${(err as Error).constructor.name}: ${(err as Error).message}`;
  }
}

describe('the examples of issue 15 item 6 are refused', () => {
  for (const pattern of ['XYZZY-(?:[a-z]{1,128}){1,4}!', '(?:a{1,64}){1,4}b']) {
    it(`refuses ${pattern} as a shape pattern and as a keyword value, naming the rule`, () => {
      expect(() => createRedactor({ extraPacks: [shapePack(pattern)] })).toThrow(/inline pack "custom" at \/rules\/0\/detector\/pattern: pattern refused: it can backtrack catastrophically/);
      expect(() => createRedactor({ extraPacks: [valuePack(pattern)] })).toThrow(/\/rules\/0\/detector\/value\/0\/pattern: pattern refused/);
    });

    it(`refuses ${pattern} with every clock racing (a machine under load) and with a 1 ms fuzzer budget`, () => {
      simulateLoad();
      expect(staticVerdict(pattern, '').issue).toMatch(/more than 1024 steps/);
      expect(() => assertSafePattern(pattern, '', { file: 'pack.json', pointer: '/rules/0' }, true, 1)).toThrow(REFUSED);
    });
  }

  it('its bound for them is in the millions, against a few hundred for shipped patterns', () => {
    expect(backtrackBound('(?:a{1,64}){1,4}b', '').steps).toBeGreaterThan(1e7);
    expect(backtrackBound('XYZZY-(?:[a-z]{1,128}){1,4}!', '').steps).toBeGreaterThan(1e8);
  });
});

describe('generated families of ambiguous bounded repeats are refused deterministically', () => {
  it.each([
    ['nested repeats', nestedFamily],
    ['adjacent repeats', adjacentFamily],
    ['repeated overlapping alternatives', alternationFamily],
  ] as const)('%s: refused, and refused again under simulated load', (_name, family) => {
    fc.assert(
      fc.property(family, (pattern) => {
        const quiet = boundOrRefusal(pattern);
        expect(quiet, pattern).not.toMatch(/^accepted/);
        expect(() => assertSafePattern(pattern, '', { file: 'p.json', pointer: '/rules/0' }, true)).toThrow(REFUSED);
        simulateLoad();
        try {
          expect(boundOrRefusal(pattern)).toBe(quiet);
          expect(() => assertSafePattern(pattern, 'u', { file: 'p.json', pointer: '/rules/0' }, true)).toThrow(REFUSED);
        } finally {
          vi.restoreAllMocks();
        }
      }),
      { seed: 1511, numRuns: 60 },
    );
  });

  it('the same families made unambiguous (a literal between iterations, disjoint classes) are accepted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 40 }), fc.integer({ min: 2, max: 4 }), (m, k) => {
        // Each iteration ends in '-', which the repeated class cannot match: one way to split any text.
        const pattern = `\\bK(?:[a-z]{1,${m}}-){1,${k}}\\d{2}`;
        expect(staticVerdict(pattern, '').issue, pattern).toBeNull();
        expect(() => createRedactor({ extraPacks: [shapePack(pattern)] })).not.toThrow();
      }),
      { seed: 1512, numRuns: 25 },
    );
  });
});

describe('shipped patterns pass the static bound', () => {
  const patterns: { where: string; source: string; flags: string }[] = [];
  for (const name of shippedPackNames()) {
    for (const r of loadShippedPack(name).rules as Rule[]) {
      const d = r.detector as unknown as Record<string, unknown>;
      if (typeof d.pattern === 'string') patterns.push({ where: `${name}/${r.id}`, source: d.pattern, flags: (d.flags as string) ?? '' });
      for (const [i, v] of ((d.value as { pattern?: string; flags?: string }[]) ?? []).entries()) {
        if (v.pattern) patterns.push({ where: `${name}/${r.id}/value/${i}`, source: v.pattern, flags: `${v.flags ?? ''}y` });
      }
      const before = d.before as { pattern: string; flags?: string } | undefined;
      if (before) patterns.push({ where: `${name}/${r.id}/before`, source: before.pattern, flags: before.flags ?? '' });
    }
  }
  ENGINE_PATTERNS.forEach((re, i) => patterns.push({ where: `engine/${i}`, source: re.source, flags: re.flags }));

  it('finds them', () => expect(patterns.length).toBeGreaterThan(15));
  it.each(patterns)('$where is bounded under the limit', ({ source, flags }) => {
    const verdict = staticVerdict(source, flags);
    expect(verdict.issue).toBeNull();
    expect(verdict.steps).toBeLessThanOrEqual(MAX_BACKTRACK_STEPS);
  });

  it('shipped packs loaded as if they were a user pack (every check on) are accepted', () => {
    const packs = shippedPackNames().map((n) => loadShippedPack(n));
    expect(() => createRedactor({ packs: [], extraPacks: packs.map((p) => ({ ...p, pack: `${p.pack}-copy` }) as unknown as { pack: string } & Record<string, unknown>) })).not.toThrow();
  });
});

describe('loading checks each pattern once, with work linear in the number of rules', () => {
  const shapeRules = (n: number, distinct: boolean, tag: string) =>
    Array.from({ length: n }, (_, i) => rule(`${tag.toLowerCase()}-${i}`, { pattern: `\\b${tag}${distinct ? i : ''}-[A-Z]{2}\\d{6,8}\\b`, maxLength: 24 }));

  it('a pattern shared by 300 rules is analysed once', () => {
    const before = staticAnalysisCount();
    createRedactor({ extraPacks: [pack(shapeRules(300, false, 'SHARED'))] });
    expect(staticAnalysisCount() - before).toBe(1);
  });

  it('N distinct patterns are analysed N times, each with work independent of N', () => {
    const before = staticAnalysisCount();
    createRedactor({ extraPacks: [pack(shapeRules(200, true, 'DIST'))] });
    expect(staticAnalysisCount() - before).toBe(200);
    // The work of one analysis (subsets explored) does not grow with the rule's index or the pack's size.
    const small = backtrackBound('\\bDIST1-[A-Z]{2}\\d{6,8}\\b', '');
    const large = backtrackBound('\\bDIST199-[A-Z]{2}\\d{6,8}\\b', '');
    expect(large.states - small.states).toBeLessThanOrEqual(2);
  });
});

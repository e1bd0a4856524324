import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { ENGINE_PATTERNS } from '../../src/detect/patterns.js';
import { loadShippedPack, shippedPackNames } from '../../src/rules/load.js';
import { recheckVerdict, structuralIssues } from '../../src/rules/regex-safety.js';
import type { Rule } from '../../src/rules/types.js';

/** Every pattern a shipped rule carries, with where it sits. */
function shippedPatterns(): { where: string; source: string; flags: string }[] {
  const out: { where: string; source: string; flags: string }[] = [];
  for (const name of shippedPackNames()) {
    for (const rule of loadShippedPack(name).rules as Rule[]) {
      const d = rule.detector as unknown as Record<string, unknown>;
      if (typeof d.pattern === 'string') out.push({ where: `${name}/${rule.id}/detector`, source: d.pattern, flags: (d.flags as string) ?? '' });
      for (const [i, v] of ((d.value as { pattern?: string; flags?: string }[]) ?? []).entries()) {
        // with the flags the engine compiles it with (src/detect/plan.ts): sticky, read right after the keyword
        if (v.pattern) out.push({ where: `${name}/${rule.id}/value/${i}`, source: v.pattern, flags: `${v.flags ?? ''}y` });
      }
      const before = d.before as { pattern: string; flags?: string } | undefined;
      if (before) out.push({ where: `${name}/${rule.id}/before`, source: before.pattern, flags: before.flags ?? '' });
    }
  }
  return out;
}

describe('ReDoS: every regex is checked against catastrophic backtracking', () => {
  const patterns = [...shippedPatterns(), ...ENGINE_PATTERNS.map((re, i) => ({ where: `engine/${i}`, source: re.source, flags: re.flags }))];

  it('finds the patterns to check', () => {
    expect(patterns.length).toBeGreaterThan(15);
  });

  it('analyses a sticky pattern as anchored: tried at one position, it cannot be pumped over start positions', () => {
    expect(recheckVerdict('\\d+x', '').status).toBe('vulnerable'); // searched: each start position rescans the digits
    expect(recheckVerdict('\\d+x', 'y').status).toBe('safe');
    expect(recheckVerdict('(?:a+)+b', 'y').status).toBe('vulnerable'); // anchoring does not hide nested repetition
  });

  for (const p of patterns) {
    it(`${p.where} is bounded and proven safe by recheck`, () => {
      expect(structuralIssues(p.source)).toEqual([]);
      const verdict = recheckVerdict(p.source, p.flags);
      expect(verdict.status, `${p.where}: ${verdict.issue}`).toBe('safe');
    });
  }

  it('runs every shipped rule against adversarial near-match inputs and reports only what is there', () => {
    const r = createRedactor({ currentYear: 2026 });
    const near = [
      'CVV '.repeat(5000) + '12',
      'password: ' + 'a'.repeat(60_000),
      'DOB: ' + '1/'.repeat(30_000),
      '742 ' + 'Evergreen '.repeat(10_000) + 'Street',
      'DE89 ' + '3704 '.repeat(20_000),
      'SW1A '.repeat(20_000),
      'my name is ' + 'Ab '.repeat(20_000),
      '%B' + '4'.repeat(50_000) + '^',
      'ZIP: ' + '9'.repeat(100_000),
      '(' .repeat(50_000) + '415) 555-2671',
    ];
    for (const text of near) {
      const { text: out } = r.redact(text);
      expect(out.length).toBeGreaterThan(0);
      expect(out.isWellFormed()).toBe(true);
    }
    // The phone at the end of the last input is still found after 50,000 parentheses.
    expect(r.redact('(' .repeat(50_000) + '415) 555-2671').text.endsWith('•••) •••-2671')).toBe(true);
  });
});

describe('custom packs with dangerous patterns are refused at load', () => {
  const pack = (pattern: string) => ({
    pack: 'custom',
    version: '1.0.0',
    description: 'test pack',
    rules: [
      {
        id: 'bad-rule', entity: 'THING', description: 'x', regulations: [],
        detector: { pattern, maxLength: 40 }, confidence: 0.9, mask: 'label',
        examples: { positive: [{ text: 'aaa', match: 'aaa' }], negative: ['b'] },
      },
    ],
  });

  it('refuses nested repetition even when every quantifier is bounded', () => {
    expect(() => createRedactor({ extraPacks: [pack('(?:a{1,20}){1,20}b')] })).toThrow(/nested repetition backtracks exponentially/);
    expect(() => createRedactor({ extraPacks: [pack('(?:a|a){1,30}b')] })).toThrow(/holding alternatives repeats up to 30 times/);
  });

  it('refuses what the static bound on backtracking finds too costly', () => {
    // Each group repeats at most 4 times, so the structural rule lets it through; the bound does not.
    expect(() => createRedactor({ extraPacks: [pack('(?:a|a){1,4}(?:a|a){1,4}(?:a|a){1,4}(?:a|a){1,4}(?:a|a){1,4}b')] })).toThrow(/backtrack catastrophically: from one start position it may take more than 1024 steps/);
  });

  it('refuses unbounded quantifiers, naming the pack, the JSON pointer and the fix', () => {
    expect(() => createRedactor({ extraPacks: [pack('(a+)+b')] })).toThrow(/inline pack "custom" at \/rules\/0\/detector\/pattern: pattern refused: unbounded quantifier '\+'.*use \{0,N\} or \{1,N\}/);
  });

  it('refuses backreferences', () => {
    expect(() => createRedactor({ extraPacks: [pack('(a)\\1')] })).toThrow(/backreference/);
  });

  it('accepts a bounded linear pattern', () => {
    const r = createRedactor({ extraPacks: [pack('\\bAKIA[A-Z0-9]{16}\\b')] });
    expect(r.detect('key AKIAABCDEFGHIJKLMNOP here').map((f) => f.entity)).toEqual(['THING']);
  });
});

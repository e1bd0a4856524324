import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { misspeltCues, slipsOf } from '../../src/detect/cue-typos.js';

const redactor = createRedactor({ currentYear: 2026 });

/** Optimal string alignment distance (Damerau: a swap of neighbours is one edit). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** One slip of a word: a letter dropped, doubled, or swapped with the next. */
const slip = (word: string) =>
  fc.tuple(fc.integer({ min: 0, max: word.length - 2 }), fc.constantFrom('drop', 'double', 'swap')).map(([i, kind]) =>
    kind === 'drop' ? word.slice(0, i) + word.slice(i + 1) : kind === 'double' ? word.slice(0, i + 1) + word[i] + word.slice(i + 1) : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2),
  );

describe('misspelt cues (issue 16)', () => {
  it('every slip of a word is one edit away from it, and not the word itself', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{5,12}$/), (w) => {
        for (const s of slipsOf(w)) {
          expect(s).not.toBe(w);
          expect(editDistance(s, w)).toBe(1);
        }
      }),
      { seed: 1619, numRuns: 200 },
    );
  });

  it('slips that are words of their own, other cues and short words are left out', () => {
    const common = new Set(['type']);
    expect(misspeltCues('typed', common, new Set(['typed']))).not.toContain('type');
    expect(misspeltCues('typed', common, new Set(['typed', 'typd']))).not.toContain('typd');
    expect(misspeltCues('dob', common, new Set(['dob']))).toEqual([]);
    expect(misspeltCues('date of birth', common, new Set())).toContain('date of birh');
  });

  it('a password or date of birth after a misspelt cue is masked', () => {
    const cue = fc.oneof(slip('password'), slip('passcode')).filter((c) => c !== 'password' && c !== 'passcode');
    fc.assert(
      fc.property(cue, fc.stringMatching(/^[a-z]{4,8}[0-9]{2,4}$/), (c, secret) => {
        expect(redactor.redact(`customer: my ${c} is ${secret}`).text).not.toContain(secret);
      }),
      { seed: 1620, numRuns: 150 },
    );
    fc.assert(
      fc.property(slip('birthday').filter((c) => c !== 'birthday'), (c) => {
        expect(redactor.redact(`customer: ${c} is 1955-12-23`).text).not.toContain('1955-12-23');
      }),
      { seed: 1621, numRuns: 60 },
    );
  });

  it('the cue words themselves and ordinary words near a value change nothing new: "I type fast", "typed 2 times"', () => {
    for (const t of ['I type fast and it failed', 'i typed 2 times and it failed', 'we were born in the 1980s']) {
      expect(redactor.redact(t).text).toBe(t);
    }
  });
});

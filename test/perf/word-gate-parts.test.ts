import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gateWithParts } from '../../src/detect/plan.js';

/**
 * The scanner runs the keyword gate as parts cut by first character (V8 leaves patterns over 20 KB
 * unoptimised) and takes their hits in text order. That gives the whole gate's hits when, at every
 * position, at most one part matches and it matches as the whole gate does.
 */
const LETTERS = ['a', 'b', 'c', 'k', 's', 'i', 'é', 'ó', 'ü', 'ß', '1', '2'];
const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 7 }).map((cs) => cs.join(''));
const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' ')).filter((p) => /^[a-z0-9]/i.test(p));

describe('keyword gate parts', () => {
  it('cut a large gate so that exactly the whole gate matches at every position', () => {
    fc.assert(
      fc.property(
        fc.array(phrase, { minLength: 3000, maxLength: 3500 }),
        fc.array(fc.oneof(word, fc.constantFrom(' ', '  ', '\n', '-', '.', 'K', 'S', 'İ', 'ſ', 'K')), { maxLength: 80 }).map((xs) => xs.join('')),
        (phrases, filler) => {
          const { whole, parts, partOf } = gateWithParts(phrases, ['one', 'two'], 'gi');
          expect(parts.length).toBeGreaterThan(1);
          // Some ASCII first characters name their part (the probe of a short text tries that part alone).
          expect(partOf.some((k) => k > 0)).toBe(true);
          for (const p of parts) expect(p.source.length).toBeLessThanOrEqual(16_010);
          const text = `${phrases.slice(0, 40).join(filler.slice(0, 9) || ' ')} ${filler} ${phrases.slice(-30).join(' ').toUpperCase()}`;
          const sticky = (re: RegExp) => new RegExp(re.source, 'iy');
          const w = sticky(whole!);
          const ps = parts.map(sticky);
          for (let i = 0; i < text.length; i++) {
            w.lastIndex = i;
            const expected = w.test(text) ? w.lastIndex : -1;
            const got = ps.map((p) => {
              p.lastIndex = i;
              return p.test(text) ? p.lastIndex : -1;
            }).filter((e) => e >= 0);
            expect(got.length).toBeLessThanOrEqual(1);
            expect(got[0] ?? -1).toBe(expected);
            // The part an ASCII character names is the only one that may match there.
            const c = text.charCodeAt(i);
            const only = c < 128 ? partOf[c]! : 0;
            if (only > 0 && expected >= 0) {
              const p = ps[only - 1]!;
              p.lastIndex = i;
              expect(p.test(text) ? p.lastIndex : -1).toBe(expected);
            }
          }
        },
      ),
      { seed: 20261207, numRuns: 4 },
    );
  });

  it('keep a gate under the limit whole', () => {
    const { whole, parts } = gateWithParts(['card number', 'cvv', 'date of birth'], [], 'gi');
    expect(parts.map((p) => p.source)).toEqual([whole!.source]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/detect/address/tokens.js';

/** Characters the tokenizer decides on: digits, letters (ASCII, accented, caseless), joiners, periods, marks, spaces. */
const CHARS = ['1', '2', '0', '9', 'a', 'B', 'F', 'f', 'x', 'é', 'Ü', '中', '.', ',', '-', '/', "'", '’', ':', '#', ' ', ' ', '\n', '\r', '\t', '\u00a0'];
const text = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 160 }).map((cs) => cs.join(''));
const windows = fc.array(fc.tuple(fc.nat(), fc.nat(60), fc.integer({ min: 1, max: 96 })), { minLength: 1, maxLength: 24 });

/** tokenize with nothing read before in this text: another text first drops what it remembered. */
function fresh(t: string, s: number, e: number, max: number) {
  tokenize('', 0, 0);
  return tokenize(t, s, e, max);
}

describe('address tokens shared between windows', () => {
  it('a window gives the tokens a fresh read of it gives, whatever windows of the text were read before', () => {
    fc.assert(
      fc.property(text, windows, (t, ws) => {
        const got: unknown[] = [];
        tokenize('', 0, 0);
        for (const [a, len, max] of ws) {
          const s = a % t.length;
          got.push(tokenize(t, s, Math.min(t.length, s + len), max));
        }
        ws.forEach(([a, len, max], k) => {
          const s = a % t.length;
          expect(got[k]).toEqual(fresh(t, s, Math.min(t.length, s + len), max));
        });
      }),
      { seed: 20261207, numRuns: 3000 },
    );
  });
});

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

  it('a token remembered from a long window is the token of every window that ends past its reach', () => {
    // Pieces whose token depends on characters after its end: an abbreviation with an inner period
    // ("B.xf" against "B.xfxf"), decimals with long digit tails, codes started by letters, initialisms.
    const piece = fc.constantFrom('B.xf', 'B.xfxf', 'P.za', 'C.V.V.', 'A.bc5', '12.3456789012345678', '4.812.723', '727,55', '30865,117', 'SS11', 'LV-2974', 'G1D', '12B', '22/F', '5th', "l'Abbaye", 'Street', 'St.', '1', ',', '-', '/');
    const sep = fc.constantFrom(' ', '', '\n', '.', ',');
    const texts = fc.array(fc.tuple(piece, sep), { minLength: 1, maxLength: 12 }).map((ps) => ps.map(([p, s]) => p + s).join(''));
    fc.assert(
      fc.property(texts, fc.nat(), (t, a) => {
        const s = a % t.length;
        tokenize('', 0, 0);
        // Remembered from a window to the text's end, then every shorter window from s is read again.
        // (fresh() forgets what was remembered: every window is read before any is compared.)
        tokenize(t, s, t.length, 96);
        const got: unknown[] = [];
        for (let e = t.length; e > s; e--) got.push(tokenize(t, s, e, 96));
        for (let e = t.length; e > s; e--) expect(got[t.length - e]).toEqual(fresh(t, s, e, 96));
      }),
      { seed: 20261208, numRuns: 2000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, type Tok } from '../../src/detect/address/tokens.js';
import { nearStart, windowStart } from '../../src/detect/address/pass.js';
import { wordKey } from '../../src/detect/address/grammar.js';

/** Characters the tokenizer decides on: digits, letters, joiners, periods, marks, spaces and line breaks. */
const CHARS = ['1', '2', '9', 'a', 'B', 'M', 'x', 'é', 'Ü', '中', '.', ',', '-', '/', "'", ':', '#', ' ', ' ', ' ', '\n', '\r', '\t', '\u00a0'];
const text = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 200 }).map((cs) => cs.join(''));

const plain = (t: Tok) => ({ s: t.s, e: t.e, kind: t.kind, dot: t.dot, cap: t.cap, nl: t.nl, para: t.para, decimal: t.decimal, text: t.text });

describe('the tokens before a house number, read from nearStart', () => {
  it('are the window’s own tokens, at least four before the number unless a line break or the window’s start is nearer', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(' ', '\t', '  '), text, (a, sp, b) => {
        // A number after a space or tab, as the house-number gate finds them.
        const t = `${a}${sp}1${b}`;
        const d = a.length + sp.length;
        const end = Math.min(t.length, d + 48);
        tokenize('', 0, 0);
        const from = windowStart(t, d, 72);
        const win = tokenize(t, from, end, 96);
        const p = nearStart(t, d, from);
        const near = tokenize(t, p, end, 96, d);
        expect(p).toBeGreaterThanOrEqual(from);
        expect(near.at(-1)?.s).toBe(d);
        const h = win.findIndex((x) => x.s === d);
        const first = win.findIndex((x) => x.s === near[0]!.s);
        expect(first).toBeGreaterThanOrEqual(0);
        // Every token from the second on is the window's (the first's line-break flags depend on where reading starts).
        near.forEach((x, i) => i > 0 && expect(plain(x)).toEqual(plain(win[first + i]!)));
        expect(near[0]!.e).toBe(win[first]!.e);
        expect(h - first).toBe(near.length - 1);
        // Four tokens before the number, or the window's start, or a line break right before the first.
        expect(near.length - 1 >= 4 || p === from || win[first]!.nl).toBe(true);
      }),
      { seed: 20261207, numRuns: 3000 },
    );
  });
});

describe('wordKey', () => {
  const slow = (w: string) => {
    const k = w.normalize('NFC').toLowerCase().replace(/\.$/, '');
    return /^[\u0600-\u06ff]/.test(k) ? k.replace(/[\u0640\u064B-\u065F\u0670\u06D6-\u06ED]/g, '') : k;
  };
  it('is NFC, lower case, without a final period or Arabic marks, for ASCII and other words alike', () => {
    const ch = fc.constantFrom('a', 'Z', 'm', '.', '-', "'", 'É', 'e\u0301', 'İ', 'ß', 'Σ', 'شَ', 'ـ', 'ا');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(ch, { maxLength: 12 }).map((a) => a.join(''))), (w) => {
        expect(wordKey(w)).toBe(slow(w));
      }),
      { seed: 20261207, numRuns: 5000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { turnLabelEnd } from '../../src/detect/boundaries.js';
import { speakerLabelAt } from '../../src/detect/turn-label.js';

/**
 * speakerLabelAt reads ASCII by character code where it ran a regex per character; the regex version is kept
 * here as the oracle and both read generated line starts (labels, timestamps, emphasis, dash labels, any
 * Unicode letters, spaces and lone surrogates).
 */
function oracle(text: string, i: number): { label: string; end: number } | null {
  let q = i;
  if (text.charCodeAt(q) === 91) {
    const close = text.indexOf(']', q);
    if (close < 0 || close - q > 24) return null;
    q = close + 1;
    while (text.charCodeAt(q) === 32) q++;
  }
  const end = turnLabelEnd(text, q);
  if (end >= 0) {
    let labelEnd = end;
    while (labelEnd > q && /[\s:>*]/.test(text[labelEnd - 1]!)) labelEnd--;
    return { label: text.slice(q, labelEnd).replace(/^\*+/, '').trim().toLowerCase(), end };
  }
  let e = q;
  while (e < text.length && e - q <= 32 && /[\p{L} ]/u.test(text[e]!)) e++;
  if (e > q + 1 && text.charCodeAt(e - 1) === 32 && text.charCodeAt(e) === 45 && text.charCodeAt(e + 1) === 32) {
    return { label: text.slice(q, e).trim().toLowerCase(), end: e + 2 };
  }
  return null;
}

const piece = fc.constantFrom('Agent', 'CUSTOMER', 'Maria López', 'Ünal', 'Speaker 2', '[10:02] ', '**', ':', ' >', ' - ', ' – ', ' ', '\t', '\u00a0', '\u3000', '\r', '\n', ':*', '*', '>', 'ß', '\u0416', '\ud83d\ude00', '\ud800', '9', '-', 'x');

describe('speaker labels read by character code', () => {
  it('reads what the per-character regexes read', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const text = parts.join('');
        for (let i = 0; i <= text.length; i++) expect(speakerLabelAt(text, i)).toEqual(oracle(text, i));
      }),
      { seed: 20261207, numRuns: 500 },
    );
  });

  it('finds labels in the generated lines', () => {
    expect(speakerLabelAt('CUSTOMER - hi', 0)).toEqual({ label: 'customer', end: 11 });
    expect(speakerLabelAt('Agent :\u00a0 hi', 0)).toEqual(oracle('Agent :\u00a0 hi', 0));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { redactInChunks } from '../support/chunked.js';

const redactor = createRedactor({ currentYear: 2026 });
const digitsOf = (s: string) => s.replace(/\D/g, '');

/** Five or six digits, at least three different ones ("00000" reads as nothing), written as one run or in 2–3 groups. */
const short = fc
  .tuple(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 5, maxLength: 6 }), fc.constantFrom('run', 'pairs', 'halves'), fc.constantFrom(' ', '-', '.'))
  .filter(([d]) => new Set(d).size >= 3)
  .map(([d, how, sep]) => {
    const s = d.join('');
    if (how === 'run') return s;
    if (how === 'halves') return `${s.slice(0, 3)}${sep}${s.slice(3)}`;
    return (s.length % 2 ? [s.slice(0, 1), ...(s.slice(1).match(/\d{2}/g) ?? [])] : (s.match(/\d{2}/g) ?? [])).join(sep);
  })
  .filter((w) => !/^\d{1,2}[.-]\d{1,2}[.-]\d{1,4}$/.test(w));

describe('short local numbers beside phone wording (issue 16)', () => {
  it('are masked after a phone cue and its fillers, or before one in the same turn, one shot and streamed (property)', () => {
    fc.assert(
      fc.property(
        short,
        fc.constantFrom('call me on', 'reach me at', 'Mobile:', 'cell', 'Tel:', 'phone is', 'my number is', 'WhatsApp', 'work phone:', 'update phone to'),
        fc.constantFrom('is my cell', "that's my mobile", '- work phone', '(home phone)'),
        fc.boolean(),
        (number, cue, after, before) => {
          const text = before ? `Customer: ${cue} ${number} after 6.\n` : `Customer: ${number} ${after}\n`;
          const out = redactor.redact(text).text;
          expect(digitsOf(out)).toBe('6'.repeat(before && /after 6/.test(text) ? 1 : 0));
          expect(redactInChunks(redactor, text, [4, 9, 15]).text).toBe(out);
        },
      ),
      { seed: 1616, numRuns: 300 },
    );
  });

  it('are kept after order, PIN, code, ZIP and extension words, as amounts, with no phone wording near or only on another line', () => {
    fc.assert(
      fc.property(short, fc.constantFrom('order', 'PIN', 'zip code', 'ticket', 'ext', 'invoice', 'apt', 'refund of'), (number, word) => {
        for (const text of [`phone: see notes. ${word} ${number} updated`, `charged ${number} USD, will call back`, `the number ${number} was wrong`, `Cell: n/a\n${number} parcels arrived`, `Nam Nhật: ${number} came today`, `Ngọc Lâm: ${number} came today`, `refunded C$${number}, ph 505-732-5302`, `build ${number}. cell 396 550 4134 after 5pm`]) {
          const at = text.indexOf(number);
          const phones = redactor.redact(text).findings.filter((f) => f.entity === 'PHONE_NUMBER' && f.start < at + number.length && f.end > at);
          expect(phones).toEqual([]);
        }
      }),
      { seed: 1617, numRuns: 150 },
    );
  });

  it('a cue window that starts inside a word does not read its tail as a cue ("t:" of "Support:")', () => {
    for (let k = 0; k <= 30; k++) {
      const text = `Support: ${'a'.repeat(k)} applied 48213 today`;
      expect(redactor.redact(text).findings.filter((f) => f.entity === 'PHONE_NUMBER')).toEqual([]);
    }
  });
});

describe('a phone number that reads as epoch seconds (issue 16)', () => {
  it('is a phone number beside a cue when written in groups, and a timestamp only as one run', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000_000, max: 2_199_999_999 }), fc.constantFrom('-', ' ', '.'), fc.constantFrom('phone:', 'call me on', 'cell'), (n, sep, cue) => {
        const d = String(n);
        const grouped = `${d.slice(0, 3)}${sep}${d.slice(3, 6)}${sep}${d.slice(6)}`;
        expect(digitsOf(redactor.redact(`${cue} ${grouped} thanks`).text).length).toBeLessThanOrEqual(4);
      }),
      { seed: 1619, numRuns: 200 },
    );
    expect(redactor.redact('called at 1727620800').text).toBe('called at 1727620800');
  });
});

import fc from 'fast-check';
import { getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/index.js';
import { DEFAULT_PHONE_REGIONS } from '../../../src/validators/phone.js';
import { redactInChunks } from '../../support/chunked.js';
import { delimiter, person } from './support.js';

const r = createRedactor({ currentYear: 2026 });
const digitsOf = (s: string) => s.replace(/\D/g, '');

/** A valid mobile number of `region`: the library's example with the digits after the third redrawn from `draw`. */
function mobile(region: string, draw: number[]) {
  const example = getExampleNumber(region as CountryCode, examples);
  if (!example) return undefined;
  const base = digitsOf(example.formatNational());
  for (let attempt = 0; attempt < 20; attempt++) {
    let k = attempt;
    const d = [...base].map((c, i) => (i < 3 ? c : String(draw[k++ % draw.length]! % 10))).join('');
    const p = parsePhoneNumberFromString(d, region as CountryCode);
    if (p?.isValid() && p.country === region) return p;
  }
  return undefined;
}

const draws = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }).filter((d) => new Set(d).size >= 4);
/** An order number column: plain digit runs as long as phone numbers (9–11 digits). */
const orderNumber = fc.integer({ min: 100_000_000, max: 99_999_999_999 }).map(String);

describe('a headerless column of phone numbers (issue 16)', () => {
  it('types its compact cells as phone numbers, learned from a grouped or international number in the column; order numbers beside it stay (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DEFAULT_PHONE_REGIONS), draws, draws, fc.boolean(), delimiter, person, orderNumber, orderNumber,
        (region, drawA, drawB, international, delim, name, orderA, orderB) => {
          const a = mobile(region, drawA);
          const b = mobile(region, drawB);
          fc.pre(a !== undefined && b !== undefined && a.number !== b.number);
          const compact = digitsOf(a!.formatNational());
          // The column's other row holds a number written as a phone number is: grouped, or with its '+'.
          const other = international ? b!.formatInternational() : b!.formatNational();
          fc.pre(!other.includes(delim));
          const rows = [
            [name, compact, orderA, 'pending'],
            [name, other, orderB, 'shipped'],
          ];
          const text = rows.map((cells) => cells.join(delim)).join('\n') + '\n';
          const res = r.redact(text);
          const first = res.text.split('\n')[0]!.split(delim);
          expect(digitsOf(first[1]!).length).toBeLessThanOrEqual(4);
          expect(first[2]).toBe(orderA);
          expect(res.text.split('\n')[1]!.split(delim)[2]).toBe(orderB);
          expect(redactInChunks(r, text, [7, 13, 29]).text).toBe(res.text);
        },
      ),
      { seed: 16, numRuns: 150 },
    );
  });

  it('a compact number with no phone number in its column stays, and a date under one', () => {
    const numbers = (t: string) => r.redact(t).text.split('\n').map((line) => line.split(',')[1]);
    expect(numbers('Maria Lopez,0490627546,pending\nJonas Berg,0479123456,shipped\n')).toEqual(['0490627546', '0479123456', undefined]);
    expect(numbers('Maria Lopez,+32 479 12 34 56,pending\nJonas Berg,0479123456,shipped\nAiko Tanaka,22.01.2026,open\n').slice(1)).toEqual(['••••••3456', '22.01.2026', undefined]);
  });
});

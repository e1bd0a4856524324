import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  NORMALIZER_NAMES,
  normalize,
  normalizeAmount,
  normalizeDate,
  normalizeEmail,
  normalizeIdentifier,
  normalizeLast4,
  normalizeName,
  normalizePhoneLast4,
  normalizePostalCode,
} from '../../src/verify/index.js';

describe('postal codes', () => {
  it.each([
    ['94105', '94105'],
    ['94105-1234', '94105'],
    [' 94105 1234 ', '94105'],
    ['941051234', '94105'],
    ['sw1a 1aa', 'SW1A1AA'],
    ['SW1A  1AA', 'SW1A1AA'],
    ['k1a 0b1', 'K1A0B1'],
    ['', ''],
  ])('%j → %j', (input, expected) => expect(normalizePostalCode(input)).toBe(expected));
});

describe('phone last four', () => {
  it.each([
    ['+1 (415) 555-2671', '2671'],
    ['415.555.2671', '2671'],
    ['tel:+1-415-555-2671', '2671'],
    ['(415) 555-2671 ext. 12', '2671'],
    ['415-555-2671 x99', '2671'],
    ['+44 20 7946 0958', '0958'],
    ['2671', '2671'],
    ['０２６７１', '2671'],
    ['12', ''],
    ['no digits', ''],
  ])('%j → %j', (input, expected) => expect(normalizePhoneLast4(input)).toBe(expected));

  it('reads numbers without a country code in the policy country', () => {
    expect(normalizePhoneLast4('020 7946 0958', { defaultPhoneCountry: 'GB' })).toBe('0958');
  });
});

describe('emails', () => {
  it.each([
    [' Jane.Roe@Example.COM ', 'jane.roe@example.com'],
    ['jane.roe@example.com', 'jane.roe@example.com'],
    ['not an email', ''],
    ['jane@', ''],
  ])('%j → %j', (input, expected) => expect(normalizeEmail(input)).toBe(expected));
});

describe('dates', () => {
  it.each([
    ['1985-07-04', '1985-07-04'],
    ['1985/7/4', '1985-07-04'],
    ['19850704', '1985-07-04'],
    ['07/04/1985', '1985-07-04'],
    ['7/4/1985', '1985-07-04'],
    ['July 4, 1985', '1985-07-04'],
    ['Jul 4 1985', '1985-07-04'],
    ['4 July 1985', '1985-07-04'],
    ['4th July 1985', '1985-07-04'],
    ['04-Jul-1985', '1985-07-04'],
    ['25/12/1985', '1985-12-25'],
    ['1985-02-30', ''],
    ['07/04/85', ''],
    ['yesterday', ''],
  ])('%j → %j', (input, expected) => expect(normalizeDate(input)).toBe(expected));

  it('reads ambiguous numeric dates in the policy order', () => {
    expect(normalizeDate('04/07/1985', { dateOrder: 'DMY' })).toBe('1985-07-04');
    expect(normalizeDate('04/07/1985', { dateOrder: 'MDY' })).toBe('1985-04-07');
  });
});

describe('names', () => {
  it.each([
    ['José Roe', 'jose roe'],
    ['  JOSE   roe ', 'jose roe'],
    ["O'Brien-Smith", 'obrien smith'],
    ['Zoë Ångström', 'zoe angstrom'],
  ])('%j → %j', (input, expected) => expect(normalizeName(input)).toBe(expected));
});

describe('amounts', () => {
  it.each([
    ['$1,234.50', '1234.50'],
    ['1234.5', '1234.50'],
    ['1.234,50 €', '1234.50'],
    ['USD 42', '42.00'],
    ['0.5', '0.50'],
    ['free', ''],
  ])('%j → %j', (input, expected) => expect(normalizeAmount(input)).toBe(expected));
});

describe('identifiers and last four', () => {
  it('identifiers ignore case and punctuation', () => {
    expect(normalizeIdentifier(' #a-100 234 ')).toBe('A100234');
  });
  it('last four takes exactly four digits and refuses a longer number', () => {
    expect(normalizeLast4('1234')).toBe('1234');
    expect(normalizeLast4('4111 1111 1111 1111')).toBe('');
  });
});

describe('normalizing twice changes nothing (property)', () => {
  const realistic = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.emailAddress(),
    fc.stringMatching(/^[0-9 ()+.-]{0,20}$/),
    fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).chain((d) =>
      fc.constantFrom(
        d.toISOString().slice(0, 10),
        d.toDateString(),
        `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`,
        d.toUTCString(),
      ),
    ),
    fc.stringMatching(/^[$€£]?[0-9]{1,3}([.,][0-9]{3})*([.,][0-9]{1,2})?$/),
  );

  it.each(NORMALIZER_NAMES.map((n) => [n]))('%s', (kind) => {
    for (const options of [{}, { dateOrder: 'DMY' as const, defaultPhoneCountry: 'GB' as const }]) {
      fc.assert(
        fc.property(realistic, (value) => {
          const once = normalize(kind, value, options);
          expect(normalize(kind, once, options)).toBe(once);
        }),
        { seed: 42, numRuns: 300 },
      );
    }
  });
});

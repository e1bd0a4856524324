import fc from 'fast-check';
import { getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import { describe, expect, it } from 'vitest';
import { phoneVerdict, validInCountry } from '../../src/validators/phone-verdict.js';
import { DEFAULT_PHONE_REGIONS } from '../../src/validators/phone.js';

/** What the phone validator asked libphonenumber-js before the compiled verdict existed. */
function library(digits: string, international: boolean, region: string): boolean {
  const parsed = parsePhoneNumberFromString(international ? `+${digits}` : digits, region as CountryCode);
  return parsed !== undefined && parsed.isValid();
}

/** The compiled verdict where it answers, else the library (as the phone validator does). */
function combined(digits: string, international: boolean, region: string): boolean {
  return phoneVerdict(digits, international, region) ?? library(digits, international, region);
}

const EXCHANGES = ['2000000', '2125550', '3641234', '4561111', '5550123', '6789012', '7000001', '8251234', '9359999', '2420000'];

describe('phoneVerdict: libphonenumber-js verdicts from its metadata compiled once', () => {
  it('agrees with libphonenumber-js on every North American area code: national (US, CA, with and without the leading 1) and +1', () => {
    let disagreements = 0;
    let valid = 0;
    let checked = 0;
    for (let npa = 200; npa <= 999; npa++) {
      for (const rest of EXCHANGES) {
        const ten = `${npa}${rest}`;
        for (const [digits, international, region] of [[ten, false, 'US'], [ten, false, 'CA'], [`1${ten}`, false, 'US'], [`1${ten}`, true, 'US']] as const) {
          const fast = phoneVerdict(digits, international, region);
          expect(fast).not.toBeUndefined();
          const lib = library(digits, international, region);
          if (fast !== lib) disagreements++;
          if (lib) valid++;
          checked++;
        }
      }
    }
    expect(disagreements).toBe(0);
    // Not one-sided: both verdicts occur.
    expect(valid).toBeGreaterThan(checked / 10);
    expect(valid).toBeLessThan(checked);
  });

  it('agrees with libphonenumber-js on random international numbers of many calling codes (property)', () => {
    const codes = ['1', '7', '20', '27', '31', '33', '34', '39', '44', '49', '52', '55', '61', '81', '86', '91', '353', '358', '800', '882', '971'];
    let answered = 0;
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.stringMatching(/^[0-9]{6,13}$/), (code, rest) => {
        const digits = code + rest;
        const fast = phoneVerdict(digits, true, 'US');
        if (fast !== undefined) answered++;
        expect(combined(digits, true, 'US')).toBe(library(digits, true, 'US'));
      }),
      { numRuns: 4000, seed: 424242 },
    );
    // The compiled path answers most of them (the rest start with a national prefix, for the library).
    expect(answered).toBeGreaterThan(2000);
  });

  it('agrees with libphonenumber-js on real-looking numbers: valid examples of many countries and their one-digit neighbours', () => {
    const examples = ['442071838750', '493012345678', '33142685300', '61291234567', '81312345678', '8613912345678', '919876543210', '12025550123', '14155552671', '35318522000', '97142345678', '5215512345678', '551155556666'];
    for (const e of examples) {
      for (let i = 0; i < e.length; i++) {
        for (const d of '0123456789') {
          const digits = e.slice(0, i) + d + e.slice(i + 1);
          expect(combined(digits, true, 'US'), digits).toBe(library(digits, true, 'US'));
        }
      }
    }
  });

  it('random national numbers under US and CA (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1?[2-9][0-9]{9}$/), fc.constantFrom('US', 'CA'), (digits, region) => {
        expect(phoneVerdict(digits, false, region)).toBe(library(digits, false, region));
      }),
      { numRuns: 3000, seed: 424242 },
    );
  });

  it('leaves to libphonenumber-js what it does not answer for', () => {
    expect(phoneVerdict('415555267', false, 'US')).toBeUndefined();
    expect(phoneVerdict('0415555267', false, 'US')).toBeUndefined();
    expect(phoneVerdict('2071838750', false, 'GB')).toBeUndefined();
    // Bahamas strips a local prefix when parsing national numbers.
    expect(phoneVerdict('2423571234', false, 'BS')).toBeUndefined();
    // A national prefix after the calling code (+44 0…) is the library's to strip.
    expect(phoneVerdict('4402071838750', true, 'US')).toBeUndefined();
  });

  it('validInCountry: isValid() of what the library parsed, in every default region, near its example numbers and at random', () => {
    let answered = 0;
    let valid = 0;
    const check = (digits: string, region: string) => {
      const p = parsePhoneNumberFromString(digits, region as CountryCode);
      if (!p?.country) return;
      const fast = validInCountry(p.country, p.nationalNumber);
      if (fast === undefined) return;
      answered++;
      if (fast) valid++;
      expect(fast, `${region} ${digits}`).toBe(p.isValid());
    };
    for (const region of DEFAULT_PHONE_REGIONS) {
      const example = getExampleNumber(region as CountryCode, examples)?.nationalNumber as string | undefined;
      if (!example) continue;
      for (let i = 0; i < example.length; i++) for (const d of '0123456789') check(example.slice(0, i) + d + example.slice(i + 1), region);
      check(`0${example}`, region);
    }
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{7,13}$/), fc.constantFrom(...DEFAULT_PHONE_REGIONS), (digits, region) => check(digits, region)),
      { numRuns: 3000, seed: 20261207 },
    );
    // Not one-sided: both verdicts occur.
    expect(valid).toBeGreaterThan(answered / 10);
    expect(valid).toBeLessThan(answered);
  });
});

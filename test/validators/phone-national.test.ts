import fc from 'fast-check';
import { getCountries, getCountryCallingCode, getExampleNumber, Metadata, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { nationalReading } from '../../src/validators/phone-national.js';
import { isValidPhone } from '../../src/validators/phone.js';

/**
 * nationalReading follows libphonenumber-js's parse, isValid() and formatNational() for national digits under
 * a region. The library is the oracle: wherever the compiled path answers, it must answer exactly what the
 * library does (null for no parse or invalid, else the national format, character for character).
 */
function library(digits: string, region: string): string | null {
  const p = parsePhoneNumberFromString(digits, region as CountryCode);
  return p !== undefined && p.isValid() ? p.formatNational() : null;
}

const regions = getCountries();
const withExample = regions.filter((c) => getExampleNumber(c, examples) !== undefined);
const exampleOf = new Map<string, string>(withExample.map((c) => [c, getExampleNumber(c, examples)!.formatNational().replace(/\D/g, '')]));
const exampleDigits = (region: string) => exampleOf.get(region)!;

/** Digit strings near what care text holds for a region: its example with digits changed, cut or lengthened, a prefix before it. */
const nearRegion = fc
  .tuple(
    fc.constantFrom(...withExample),
    fc.constantFrom('', '', '', '0', '00', '8', '1', '011', '9', 'cc'),
    fc.array(fc.tuple(fc.nat(40), fc.nat(9)), { maxLength: 4 }),
    fc.integer({ min: -3, max: 3 }),
    fc.stringMatching(/^[0-9]{0,3}$/),
  )
  .map(([region, lead, changes, cut, tail]) => {
    const digits = exampleDigits(region).split('');
    for (const [at, d] of changes) digits[at % digits.length] = String(d);
    // 'cc': the region's calling code written without '+'.
    let s = (lead === 'cc' ? getCountryCallingCode(region as CountryCode) : lead) + digits.join('');
    s = cut < 0 ? s.slice(0, s.length + cut) : s + tail.slice(0, cut);
    return [region, s] as const;
  });

describe('nationalReading: the library\'s national parse and format, compiled once', () => {
  it('agrees with libphonenumber-js on every region\'s example number and its one-digit neighbours', () => {
    let answered = 0;
    let valid = 0;
    let checked = 0;
    for (const region of withExample) {
      const e = exampleDigits(region);
      for (let i = 0; i < e.length; i += 2) {
        for (const d of '0159') {
          const digits = e.slice(0, i) + d + e.slice(i + 1);
          const fast = nationalReading(digits, region);
          checked++;
          if (fast === undefined) continue;
          answered++;
          if (fast !== null) valid++;
          expect(fast, `${region} ${digits}`).toBe(library(digits, region));
        }
      }
    }
    // Not vacuous: most inputs are answered, and both verdicts occur.
    expect(answered).toBeGreaterThan(checked * 0.7);
    expect(valid).toBeGreaterThan(answered / 5);
    expect(valid).toBeLessThan(answered);
  });

  it('agrees with libphonenumber-js on digits near each region\'s numbers, prefixes and lengths changed (property)', () => {
    let answered = 0;
    fc.assert(
      fc.property(nearRegion, ([region, digits]) => {
        const fast = nationalReading(digits, region);
        if (fast === undefined) return;
        answered++;
        expect(fast).toBe(library(digits, region));
      }),
      { numRuns: 10000, seed: 20261207 },
    );
    expect(answered).toBeGreaterThan(6000);
  });

  it('agrees with libphonenumber-js on random digit runs of 3–17 digits in every region (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...regions), fc.stringMatching(/^[0-9]{3,17}$/), (region, digits) => {
        const fast = nationalReading(digits, region);
        if (fast !== undefined) expect(fast).toBe(library(digits, region));
      }),
      { numRuns: 20000, seed: 7 },
    );
  });

  it('agrees with libphonenumber-js on random runs after each region\'s national prefix (kept or stripped, property)', () => {
    const meta = new Metadata() as unknown as { selectNumberingPlan(c: string): void; numberingPlan: { nationalPrefix(): string | undefined } };
    const trunks = regions.map((c) => {
      meta.selectNumberingPlan(c);
      return [c, String(meta.numberingPlan.nationalPrefix() || '')] as const;
    });
    let answered = 0;
    fc.assert(
      fc.property(fc.constantFrom(...trunks), fc.stringMatching(/^[0-9]{4,12}$/), ([region, trunk], rest) => {
        const digits = trunk + rest;
        const fast = nationalReading(digits, region);
        if (fast === undefined) return;
        answered++;
        expect(fast).toBe(library(digits, region));
      }),
      { numRuns: 60000, seed: 12345 },
    );
    expect(answered).toBeGreaterThan(40000);
  });

  it('agrees with libphonenumber-js on runs that start with the region\'s calling code, read as national or international (property)', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.constantFrom(...regions), fc.constantFrom('', '0', '1', '8'), fc.stringMatching(/^[0-9]{3,13}$/), (region, trunk, rest) => {
        const digits = getCountryCallingCode(region) + trunk + rest;
        const fast = nationalReading(digits, region);
        if (fast === undefined) return;
        answered++;
        expect(fast).toBe(library(digits, region));
      }),
      { numRuns: 30000, seed: 99 },
    );
    expect(answered).toBeGreaterThan(8000);
  });

  it('isValidPhone gives libphonenumber-js\'s verdict for national numbers of every region (property)', () => {
    let valid = 0;
    fc.assert(
      fc.property(nearRegion, ([region, digits]) => {
        const lib = parsePhoneNumberFromString(digits, region as CountryCode);
        const expected = lib !== undefined && lib.isValid();
        if (expected) valid++;
        expect(isValidPhone(digits, region)).toBe(expected);
      }),
      { numRuns: 10000, seed: 31337 },
    );
    expect(valid).toBeGreaterThan(1000);
  });

  it('keeps a national prefix the library keeps: the whole number fits the general pattern, the rest does not', () => {
    // Belarus: trunk prefix 8, and 8 800… is a toll-free number of its own.
    expect(nationalReading('800057397', 'BY')).toBe(library('800057397', 'BY'));
    expect(nationalReading('800057397', 'BY')).not.toBeNull();
  });

  it('leaves international input to the library: a dialling prefix or the calling code first', () => {
    expect(nationalReading('00442071838750', 'DE')).toBeUndefined();
    expect(nationalReading('4930123456', 'DE')).toBeUndefined();
    expect(nationalReading('0301234567', 'DE')).not.toBeUndefined();
  });
});

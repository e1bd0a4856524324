import fc from 'fast-check';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { nanpVerdict } from '../../src/validators/nanp-verdict.js';

/** What the phone validator asked libphonenumber-js before the compiled verdict existed. */
function library(digits: string, international: boolean, region: string): boolean {
  const parsed = parsePhoneNumberFromString(international ? `+1${digits}` : digits, region as CountryCode);
  return parsed !== undefined && parsed.isValid();
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('nanpVerdict: libphonenumber-js verdicts on ten-digit North American numbers, from compiled metadata', () => {
  it('agrees with libphonenumber-js on every area code, for exchanges across the range, national (US, CA) and +1', () => {
    let disagreements = 0;
    let valid = 0;
    let checked = 0;
    for (let npa = 200; npa <= 999; npa++) {
      for (const rest of ['2000000', '2125550', '3641234', '4561111', '5550123', '6789012', '7000001', '8251234', '9359999', '2420000']) {
        const digits = `${npa}${rest}`;
        for (const [international, region] of [[false, 'US'], [false, 'CA'], [true, 'US']] as const) {
          const fast = nanpVerdict(digits, international, region);
          expect(fast).not.toBeUndefined();
          const lib = library(digits, international, region);
          if (fast !== lib) disagreements++;
          if (lib) valid++;
          checked++;
        }
      }
    }
    expect(disagreements).toBe(0);
    // The sweep is not one-sided: both verdicts occur in numbers.
    expect(valid).toBeGreaterThan(checked / 10);
    expect(valid).toBeLessThan(checked);
  });

  it('agrees with libphonenumber-js on random ten-digit numbers (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2_000_000_000, max: 9_999_999_999 }), fc.boolean(), fc.constantFrom('US', 'CA'), (n, international, region) => {
        const digits = pad(n, 10);
        expect(nanpVerdict(digits, international, region)).toBe(library(digits, international, region));
      }),
      { numRuns: 3000, seed: 424242 },
    );
  });

  it('leaves to libphonenumber-js what it does not answer for: other lengths, a leading 0 or 1, regions outside +1, local prefixes', () => {
    expect(nanpVerdict('415555267', false, 'US')).toBeUndefined();
    expect(nanpVerdict('14155552671', false, 'US')).toBeUndefined();
    expect(nanpVerdict('1415555267', false, 'US')).toBeUndefined();
    expect(nanpVerdict('0415555267', true, 'US')).toBeUndefined();
    expect(nanpVerdict('2071838750', false, 'GB')).toBeUndefined();
    // Bahamas strips a local prefix when parsing national numbers: not answered for under BS.
    expect(nanpVerdict('2423571234', false, 'BS')).toBeUndefined();
    expect(nanpVerdict('2423571234', true, 'BS')).toBe(library('2423571234', true, 'US'));
  });
});

import fc from 'fast-check';
import { getCountries, getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { formatFits } from '../../src/validators/phone-grouping.js';

/**
 * formatFits gates the library's parse in phone-grouping's writtenAsElsewhere: it must never refuse digits
 * the library's national format writes back exactly (same digits, two groups or more), which is the only
 * case that function accepts. Checked against the library on every region's example number, with digits
 * after the first few changed at random (parse and format are the library's own).
 */
const digitsOf = (s: string) => s.replace(/\D/g, '');
const groupCount = (s: string) => s.split(/\D+/).filter((g) => g !== '').length;

describe('phone-grouping: the format gate before the library', () => {
  it('never refuses a number the national format writes back digit for digit', () => {
    const regions = getCountries().filter((c) => getExampleNumber(c, examples) !== undefined);
    let written = 0;
    let gated = 0;
    fc.assert(
      fc.property(fc.constantFrom(...regions), fc.array(fc.nat(9), { minLength: 1, maxLength: 4 }), fc.nat(), (region, changes, at) => {
        const example = getExampleNumber(region as CountryCode, examples)!.formatNational();
        let digits = digitsOf(example).split('');
        // Change up to four digits after the first two (the lead and the area stay plausible).
        for (const [k, d] of changes.entries()) if (digits.length > 2) digits[2 + ((at + k * 7) % (digits.length - 2))] = String(d);
        const d = digits.join('');
        const p = parsePhoneNumberFromString(d, region as CountryCode);
        if (!p) return;
        const national = p.formatNational();
        if (digitsOf(national) !== d || groupCount(national) < 2) return;
        written++;
        if (!formatFits(region, '9' + d.slice(1))) gated++;
        expect(formatFits(region, d)).toBe(true);
      }),
      { seed: 20261207, numRuns: 6000 },
    );
    // Not vacuous: many numbers were written back, and the gate refuses some digits in those regions.
    expect(written).toBeGreaterThan(1000);
    expect(gated).toBeGreaterThan(100);
  });
});

import { isSupportedCountry, Metadata } from 'libphonenumber-js/max';
import { countryOfNational, validInCountry } from './phone-verdict.js';

/**
 * libphonenumber-js's `parsePhoneNumberFromString(digits, region)`, `isValid()` and `formatNational()` for a
 * national number (ASCII digits, no '+'), with the region's metadata compiled once (issue 20 item 3).
 *
 * phone-grouping asks this for every region a digit run may be a number of: thousands of runs per MB of care
 * text, each costing the library 10–30 µs, most of it building the same regular expressions again
 * (`matchesEntirely`, `chooseFormatForNumber`) and copying option objects. This module follows the library's
 * steps with the same patterns:
 *
 * 1. no international dialling prefix of the region starts the digits, and the region's calling code does
 *    not either (both turn the input into an international number: not answered here);
 * 2. the region's national prefix for parsing is stripped as the library strips it (a transform rule with a
 *    captured group: not answered), and kept when the library would keep it (the whole digits match the
 *    general pattern and the rest does not, or the rest has no possible length of its country);
 * 3. the country: the calling code's country the national number belongs to (phone-verdict.ts), else the region;
 * 4. valid as the library's `isValid()` (phone-verdict.ts validInCountry);
 * 5. the national format: the country's first format whose last leading-digits pattern starts the number and
 *    whose pattern matches it whole, written with its national prefix formatting rule; the bare number when
 *    no format takes it.
 *
 * Returns the national format of a valid number, null for a number the library does not parse or calls
 * invalid, undefined when it does not answer (the caller asks the library).
 * test/validators/phone-national.test.ts compares both on every region.
 */

interface FormatRules {
  /** The format's last leading-digits pattern (as `String.prototype.search` compiles it), or null. */
  leading: RegExp | null;
  /** Its pattern anchored at both ends (the library's matchesEntirely). */
  whole: RegExp;
  /** Its pattern as the library replaces with it (unanchored, first match). */
  replace: RegExp;
  /** Its national format with the national prefix formatting rule applied to the first group. */
  template: string;
}

interface RegionRules {
  code: string;
  /** The international dialling prefix, as the library's stripIddPrefix compiles it. */
  idd: RegExp;
  /** The national prefix for parsing, anchored at the start; null when the region has none. */
  prefix: RegExp | null;
  transform: boolean;
  general: RegExp;
  lengths: readonly number[] | undefined;
}

/** What these functions read of the library's Metadata; should a later version drop one, nothing is answered. */
interface FormatView {
  pattern(): string;
  format(): string;
  leadingDigitsPatterns(): string[];
  nationalPrefixFormattingRule(): string | number | undefined;
}
interface PlanView {
  callingCode(): string;
  IDDPrefix(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  nationalNumberPattern(): string;
  possibleLengths(): number[] | undefined;
  formats(): FormatView[];
}
interface MetadataView {
  hasCountry(country: string): boolean;
  selectNumberingPlan(country: string): void;
  numberingPlan: PlanView;
}
const metadata = () => new Metadata() as unknown as MetadataView;

const regions = new Map<string, RegionRules | false>();
const formatsByCountry = new Map<string, FormatRules[] | false>();
const lengthsByCountry = new Map<string, readonly number[] | undefined | false>();

const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);

function regionRules(region: string): RegionRules | false {
  let r = regions.get(region);
  if (r === undefined) {
    try {
      const meta = metadata();
      if (!isSupportedCountry(region) || !meta.hasCountry(region)) throw new Error('no region');
      meta.selectNumberingPlan(region);
      const np = meta.numberingPlan;
      const prefix = np.nationalPrefixForParsing();
      r = {
        code: np.callingCode(),
        idd: new RegExp(np.IDDPrefix() as string),
        prefix: prefix ? new RegExp(`^(?:${prefix})`) : null,
        transform: !!np.nationalPrefixTransformRule(),
        general: whole(np.nationalNumberPattern()),
        lengths: np.possibleLengths(),
      };
    } catch {
      r = false;
    }
    regions.set(region, r);
  }
  return r;
}

/** A country's possible lengths (the library's checkNumberLength without a type); false: not readable. */
function countryLengths(country: string): readonly number[] | undefined | false {
  let l = lengthsByCountry.get(country);
  if (l === undefined && !lengthsByCountry.has(country)) {
    try {
      const meta = metadata();
      meta.selectNumberingPlan(country);
      l = meta.numberingPlan.possibleLengths();
    } catch {
      l = false;
    }
    lengthsByCountry.set(country, l);
  }
  return l;
}

function countryFormats(country: string): FormatRules[] | false {
  let f = formatsByCountry.get(country);
  if (f === undefined) {
    try {
      const meta = metadata();
      meta.selectNumberingPlan(country);
      f = meta.numberingPlan.formats().map((fmt) => {
        const leading = fmt.leadingDigitsPatterns();
        const rule = fmt.nationalPrefixFormattingRule();
        return {
          leading: leading.length > 0 ? new RegExp(leading[leading.length - 1]!) : null,
          whole: whole(fmt.pattern()),
          replace: new RegExp(fmt.pattern()),
          // formatNationalNumberUsingFormat: the first group reference replaced by the rule when there is one.
          template: rule ? fmt.format().replace(/(\$\d)/, String(rule)) : fmt.format(),
        };
      });
    } catch {
      f = false;
    }
    formatsByCountry.set(country, f);
  }
  return f;
}

/** checkNumberLength's verdicts that make the library keep the national prefix: too short, or a length it has not. */
function impossibleLength(n: number, lengths: readonly number[]): boolean {
  if (lengths[0]! === n) return false;
  if (lengths[0]! > n) return true;
  if (lengths[lengths.length - 1]! < n) return false;
  return lengths.indexOf(n, 1) < 0;
}

/** checkNumberLength without a country or type: too long for every possible length of the region. */
function tooLong(n: number, lengths: readonly number[] | undefined): boolean {
  return lengths !== undefined && lengths[0]! < n && lengths[lengths.length - 1]! < n;
}

/**
 * The library's extractNationalNumber under the region: the national prefix for parsing stripped, or kept
 * when the whole number fits the general pattern and the rest does not, or the rest has no possible length
 * of its country; undefined when a transform rule rewrites it (not followed here).
 */
function extractNational(r: RegionRules, number: string): string | undefined {
  if (number === '' || r.prefix === null) return number;
  const m = r.prefix.exec(number);
  if (m === null) return number;
  const last = m.length - 1;
  if (r.transform && last > 0 && m[last]) return undefined;
  const national = number.slice(m[0].length);
  if (national === number) return number;
  if (r.general.test(number) && !r.general.test(national)) return number;
  if (r.lengths) {
    const c = countryOfNational(r.code, national);
    if (c === null) return undefined;
    const lengths = c === undefined ? r.lengths : countryLengths(c);
    if (lengths === false) return undefined;
    if (lengths && impossibleLength(national.length, lengths)) return number;
  }
  return national;
}

/** A national number as the library parses it under a region: its country and national (significant) number. */
export interface NationalParse {
  country: string;
  national: string;
}

/**
 * The country and national number libphonenumber-js parses national digits into under a region; null when it
 * parses none (too short or too long), undefined when not answered here (the caller asks the library).
 */
export function nationalParse(digits: string, region: string): NationalParse | null | undefined {
  if (digits.length < 3 || digits.length > 17) return undefined;
  const r = regionRules(region);
  if (!r) return undefined;
  // 1. An international dialling prefix (unless a 0 follows it): an international number.
  const idd = r.idd.exec(digits);
  if (idd !== null && idd.index === 0 && idd[0].length > 0 && idd[0].length < digits.length && digits.charCodeAt(idd[0].length) !== 48) return undefined;
  // 2. The national number, and the calling code written without '+', which the library reads as an
  //    international number when the rest fits the general pattern and the whole does not, or the whole is
  //    too long (extractCountryCallingCodeFromInternationalNumberWithoutPlusSign).
  const national = extractNational(r, digits);
  if (national === undefined) return undefined;
  if (digits.startsWith(r.code)) {
    const shorter = extractNational(r, digits.slice(r.code.length));
    if (shorter === undefined) return undefined;
    if ((!r.general.test(national) && r.general.test(shorter)) || tooLong(national.length, r.lengths)) return undefined;
  }
  // 3. The country.
  const exact = countryOfNational(r.code, national);
  if (exact === null) return undefined;
  if (national.length < 2 || national.length > 17) return null;
  return { country: exact ?? region, national };
}

/** libphonenumber-js's formatNational() of a parsed number; undefined when the country's formats cannot be read. */
export function nationalFormat(p: NationalParse): string | undefined {
  const formats = countryFormats(p.country);
  if (!formats) return undefined;
  const national = p.national;
  for (let k = 0; k < formats.length; k++) {
    const f = formats[k]!;
    if ((f.leading === null || national.search(f.leading) === 0) && f.whole.test(national)) return national.replace(f.replace, f.template);
  }
  return national;
}

/** The national format of a valid number, null when the library calls it invalid, undefined: not answered. */
export function nationalReading(digits: string, region: string): string | null | undefined {
  const p = nationalParse(digits, region);
  if (!p) return p;
  const valid = validInCountry(p.country, p.national);
  if (valid === undefined) return undefined;
  return valid ? nationalFormat(p) : null;
}

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

/** The national format of a valid number, null when the library calls it invalid, undefined: not answered. */
export function nationalReading(digits: string, region: string): string | null | undefined {
  if (digits.length < 3 || digits.length > 17) return undefined;
  const r = regionRules(region);
  if (!r) return undefined;
  // 1. An international dialling prefix (unless a 0 follows it) or the calling code: an international number.
  const idd = r.idd.exec(digits);
  if (idd !== null && idd.index === 0 && idd[0].length > 0 && idd[0].length < digits.length && digits.charCodeAt(idd[0].length) !== 48) return undefined;
  if (digits.startsWith(r.code)) return undefined;
  // 2. The national prefix.
  let national = digits;
  if (r.prefix !== null) {
    const m = r.prefix.exec(digits);
    if (m !== null) {
      const last = m.length - 1;
      if (r.transform && last > 0 && m[last]) return undefined;
      national = digits.slice(m[0].length);
      if (national === '') return undefined;
      if (national !== digits) {
        if (r.general.test(digits) && !r.general.test(national)) national = digits;
        else if (r.lengths) {
          const c = countryOfNational(r.code, national);
          if (c === null) return undefined;
          const lengths = c === undefined ? r.lengths : countryLengths(c);
          if (lengths === false) return undefined;
          if (lengths && impossibleLength(national.length, lengths)) national = digits;
        }
      }
    }
  }
  // 3. The country.
  const exact = countryOfNational(r.code, national);
  if (exact === null) return undefined;
  const country = exact ?? region;
  if (national.length < 2 || national.length > 17) return null;
  // 4. Valid.
  const valid = validInCountry(country, national);
  if (valid === undefined) return undefined;
  if (!valid) return null;
  // 5. The national format.
  const formats = countryFormats(country);
  if (!formats) return undefined;
  for (let k = 0; k < formats.length; k++) {
    const f = formats[k]!;
    if ((f.leading === null || national.search(f.leading) === 0) && f.whole.test(national)) return national.replace(f.replace, f.template);
  }
  return national;
}

import { Metadata } from 'libphonenumber-js/max';

/**
 * libphonenumber-js's verdict (`parsePhoneNumberFromString(…).isValid()`) with its own metadata compiled once.
 *
 * Each such call costs 10–30 µs, most of it building the same regular expressions again (its
 * `matchesEntirely` concatenates patterns of a few KB into a new RegExp) and trying each country of a
 * shared calling code in turn (25 for +1). On care text every phone-shaped number meets it. This module
 * follows the library's steps with the same patterns, compiled once per calling code:
 *
 * 1. the calling code: after '+', the first 1–3 digits that are one; for national input, the region's;
 * 2. the national number: the rest, when the numbering plan's national prefix for parsing does not match
 *    its start (when it does, the library may strip or transform it: not answered here), or — for "1" and
 *    eleven digits under a +1 region — the ten digits after the "1", as the library reads them;
 * 3. the country: the first of the calling code's countries (library order) whose leading digits start the
 *    number or, for a country without leading digits, whose number types accept it; failing that, the
 *    region (national input) or the calling code's main country;
 * 4. valid when that country's general pattern and one of its type patterns (within the type's possible
 *    lengths) match the whole number, or only the general pattern for a country without types.
 *
 * National input is answered only under regions of calling code 1 whose national prefix for parsing is
 * plain "1" (US, CA…), for ten digits starting 2–9 or a "1" before them; anything else returns undefined
 * and goes to libphonenumber-js itself. test/validators/phone-verdict.test.ts compares both.
 */
const TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'] as const;

interface CountryRules {
  country: string;
  leading: RegExp | null;
  general: RegExp;
  hasTypes: boolean;
  types: { re: RegExp; lengths: readonly number[] | undefined }[];
}

interface Plan {
  countries: CountryRules[];
  byCountry: Map<string, CountryRules>;
  main: CountryRules;
  /** The main country's national prefix for parsing, anchored at the start. */
  prefix: RegExp | null;
}

/**
 * The Metadata methods the library itself validates with. Its type declarations list only a few of them;
 * should a later version drop one, compile() throws and every number goes to libphonenumber-js.
 */
interface PlanView {
  leadingDigits(): string | undefined;
  nationalNumberPattern(): string;
  hasTypes(): boolean;
  callingCode(): string;
  nationalPrefixForParsing(): string | undefined;
  type(t: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}
interface MetadataView {
  getCountryCodesForCallingCode(code: string): string[] | undefined;
  hasCountry(country: string): boolean;
  hasCallingCode(code: string): boolean;
  selectNumberingPlan(country: string): void;
  numberingPlan: PlanView;
}
const metadata = () => new Metadata() as unknown as MetadataView;

/** Plans by calling code; false: this version of the library cannot be followed, always fall back. */
const plans = new Map<string, Plan | false>();
const regionOk = new Map<string, boolean>();

const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);

function planFor(code: string): Plan | false {
  let plan = plans.get(code);
  if (plan === undefined) plans.set(code, (plan = compile(code)));
  return plan;
}

function compile(code: string): Plan | false {
  try {
    const meta = metadata();
    const countries = (meta.getCountryCodesForCallingCode(code) ?? []).map((country) => compileCountry(meta, country));
    if (!countries.length) return false;
    meta.selectNumberingPlan(countries[0]!.country);
    const p = meta.numberingPlan.nationalPrefixForParsing();
    return { countries, byCountry: new Map(countries.map((c) => [c.country, c])), main: countries[0]!, prefix: p ? new RegExp(`^(?:${p})`) : null };
  } catch {
    return false;
  }
}

function compileCountry(meta: MetadataView, country: string): CountryRules {
  meta.selectNumberingPlan(country);
  const np = meta.numberingPlan;
  const leading = np.leadingDigits();
  const types: CountryRules['types'] = [];
  for (const t of TYPES) {
    const def = np.type(t);
    const pattern = def?.pattern();
    if (def && pattern) types.push({ re: whole(pattern), lengths: def.possibleLengths() });
  }
  // `leading ? … : null` as the library tests it (a falsy value means none).
  return { country, leading: leading ? new RegExp(leading) : null, general: whole(np.nationalNumberPattern()), hasTypes: np.hasTypes(), types };
}

function hasType(c: CountryRules, n: string): boolean {
  if (!c.general.test(n)) return false;
  for (const t of c.types) {
    if (t.lengths && !t.lengths.includes(n.length)) continue;
    if (t.re.test(n)) return true;
  }
  return false;
}

/** Whether national numbers of this region are read as calling code 1 with nothing to strip from ten digits. */
function regionHandled(region: string): boolean {
  let ok = regionOk.get(region);
  if (ok === undefined) {
    ok = false;
    try {
      const meta = metadata();
      if (meta.hasCountry(region)) {
        meta.selectNumberingPlan(region);
        ok = meta.numberingPlan.callingCode() === '1' && meta.numberingPlan.nationalPrefixForParsing() === '1';
      }
    } catch {
      ok = false;
    }
    regionOk.set(region, ok);
  }
  return ok;
}

const MAX_CALLING_CODE = 3;

/**
 * libphonenumber-js's `isValid()` for `digits` (digits only: after '+' when `international`, else read
 * under `region`), or undefined when this input is not one it answers for.
 */
export function phoneVerdict(digits: string, international: boolean, region: string): boolean | undefined {
  let code = '';
  let national = digits;
  let fallback: string | undefined;
  if (international) {
    if (digits.charCodeAt(0) === 48) return undefined;
    const meta = callingCodes();
    if (!meta) return undefined;
    for (let i = 1; i <= MAX_CALLING_CODE && i <= digits.length; i++) {
      if (meta.hasCallingCode(digits.slice(0, i))) {
        code = digits.slice(0, i);
        national = digits.slice(i);
        break;
      }
    }
    if (!code) return undefined;
  } else {
    if (!regionHandled(region)) return undefined;
    // Ten digits starting 2–9 have no national prefix to strip; a leading "1" before them is stripped.
    code = '1';
    fallback = region;
    if (digits.length === 11 && digits.charCodeAt(0) === 49) national = digits.slice(1);
    else if (digits.length !== 10) return undefined;
    if (national.charCodeAt(0) < 50) return undefined;
  }
  const plan = planFor(code);
  if (!plan) return undefined;
  if (international && plan.prefix && plan.prefix.test(national)) return undefined;
  if (national.length < 2 || national.length > 17) return false;
  let chosen: CountryRules | undefined;
  if (plan.countries.length === 1) chosen = plan.main;
  else {
    for (const c of plan.countries) {
      if (c.leading ? national.search(c.leading) === 0 : hasType(c, national)) {
        chosen = c;
        break;
      }
    }
  }
  chosen ??= fallback ? plan.byCountry.get(fallback) : plan.main;
  if (!chosen) return undefined;
  return chosen.hasTypes ? hasType(chosen, national) : chosen.general.test(national);
}

/**
 * libphonenumber-js's getCountryByCallingCode: the calling code's only country, or the first (library order)
 * whose leading digits start the national number or, without leading digits, whose types accept it;
 * undefined when none does; null when this version of the library cannot be followed for the code.
 */
export function countryOfNational(code: string, national: string): string | undefined | null {
  const plan = planFor(code);
  if (!plan) return null;
  if (plan.countries.length === 1) return plan.main.country;
  // getCountryByNationalNumber: an empty national number starts with no leading digits.
  for (const c of plan.countries) if (c.leading ? national !== '' && national.search(c.leading) === 0 : hasType(c, national)) return c.country;
  return undefined;
}

/** Compiled rules by country (false: this version of the library cannot be followed for it). */
const countryRules = new Map<string, CountryRules | false>();

/**
 * libphonenumber-js's `isValid()` of a number it parsed, from its country and national number: the general
 * pattern and one type pattern (within the type's possible lengths), or the general pattern alone for a
 * country without types, as its isValidNumber/getNumberType decide; undefined when the country's metadata
 * cannot be read this way.
 */
export function validInCountry(country: string, national: string): boolean | undefined {
  let c = countryRules.get(country);
  if (c === undefined) {
    try {
      const meta = metadata();
      c = meta.hasCountry(country) ? compileCountry(meta, country) : false;
    } catch {
      c = false;
    }
    countryRules.set(country, c);
  }
  if (!c) return undefined;
  return c.hasTypes ? hasType(c, national) : c.general.test(national);
}

let codesView: MetadataView | false | null = null;
function callingCodes(): MetadataView | false {
  if (codesView === null) {
    try {
      codesView = metadata();
      codesView.hasCallingCode('1');
    } catch {
      codesView = false;
    }
  }
  return codesView;
}

import { Metadata } from 'libphonenumber-js/max';

/**
 * libphonenumber-js's verdict on ten-digit North American numbers, with its own metadata compiled once.
 *
 * `parsePhoneNumber(n, 'US').isValid()` costs 10–30 µs, most of it building the same regular expressions
 * again on every call (its `matchesEntirely` concatenates a pattern of a few KB into a new RegExp) and
 * trying each of the 25 countries of calling code 1 in turn. On care text every phone-shaped number meets
 * it. This module follows the same steps with the same patterns, compiled once:
 *
 * 1. the country is the first of calling code 1's countries (library order) whose leading digits start the
 *    number, or — for a country without leading digits — whose number types accept it;
 * 2. failing that, the default region (national input) or calling code 1's main country (input with +1);
 * 3. valid when that country's general pattern and one of its type patterns (with the type's possible
 *    lengths) match the whole number, or only the general pattern for a country without types.
 *
 * It answers only what it is sure of: ten digits starting 2–9, read under a region of calling code 1 whose
 * national prefix for parsing is plain "1" (US, CA…: such a number has none to strip), or after "+1".
 * Anything else returns undefined and goes to libphonenumber-js itself. test/validators/nanp-verdict.test.ts
 * compares both on every area code and on random numbers.
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
  selectNumberingPlan(country: string): void;
  numberingPlan: PlanView;
}
const metadata = () => new Metadata() as unknown as MetadataView;

/** null: not compiled yet; false: this version of the library cannot be followed, always fall back. */
let plan: Plan | null | false = null;
const regionOk = new Map<string, boolean>();

const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);

function compile(): Plan | false {
  try {
    const meta = metadata();
    const countries = (meta.getCountryCodesForCallingCode('1') ?? []).map((country) => compileCountry(meta, country));
    if (!countries.length) return false;
    return { countries, byCountry: new Map(countries.map((c) => [c.country, c])), main: countries[0]! };
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

/**
 * libphonenumber-js's `isValid()` for `digits` (ten digits, no separators) read under `region`, or after
 * "+1" when `international`; undefined when this input is not one it answers for.
 */
export function nanpVerdict(digits: string, international: boolean, region: string): boolean | undefined {
  if (digits.length !== 10 || digits.charCodeAt(0) < 50) return undefined;
  if (!international && !regionHandled(region)) return undefined;
  plan ??= compile();
  if (!plan) return undefined;
  let chosen: CountryRules | undefined;
  for (const c of plan.countries) {
    if (c.leading ? digits.search(c.leading) === 0 : hasType(c, digits)) {
      chosen = c;
      break;
    }
  }
  chosen ??= international ? plan.main : plan.byCountry.get(region);
  if (!chosen) return undefined;
  return chosen.hasTypes ? hasType(chosen, digits) : chosen.general.test(digits);
}

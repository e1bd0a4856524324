import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { notTimestamp } from './card.js';
import { nationalParse } from './phone-national.js';
import { phoneVerdict, validInCountry } from './phone-verdict.js';
import type { Validator } from './types.js';
import { VerdictCache } from './verdict-cache.js';

/**
 * libphonenumber-js decides, on candidates only (never its own finder over the text, which runs at about
 * 2 MB/s). Logs and transcripts repeat numbers, so verdicts are cached by region and the candidate's
 * digits with its leading '+'. The cache keeps verdicts only (booleans), keyed by a string that is
 * evicted oldest generation first (verdict-cache.ts): it holds no more PII than the text being scanned.
 */
const CACHE_LIMIT = 2048;
const cache = new VerdictCache<boolean>(CACHE_LIMIT);

export function isValidPhone(candidate: string, region: string): boolean {
  const international = candidate.trimStart().startsWith('+');
  const digits = candidate.replace(/\D/g, '');
  // Most numbers are decided from libphonenumber-js's metadata compiled once; the rest by the library.
  const fast = phoneVerdict(digits, international, region);
  if (fast !== undefined) return fast;
  const key = `${international ? '+' : region}:${digits}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const ok = international ? libraryVerdict(`+${digits}`, region) : nationalVerdict(digits, region);
  cache.set(key, ok);
  return ok;
}

function libraryVerdict(input: string, region: string): boolean {
  const parsed = parsePhoneNumberFromString(input, region as CountryCode);
  return parsed !== undefined && parsed.isValid();
}

/** A national number's verdict: its parse followed with compiled metadata (phone-national.ts), else the library's. */
function nationalVerdict(digits: string, region: string): boolean {
  const p = nationalParse(digits, region);
  if (p === null) return false;
  return (p !== undefined ? validInCountry(p.country, p.national) : undefined) ?? libraryVerdict(digits, region);
}

/**
 * The regions national numbers are tried in when `regions` is not configured: customers write from many
 * countries (issue 16).
 */
export const DEFAULT_PHONE_REGIONS: readonly string[] = [
  'US', 'CA', 'GB', 'IE', 'DE', 'FR', 'ES', 'IT', 'NL', 'BE', 'AT', 'CH', 'PL', 'SE', 'IN', 'BR', 'MX', 'AU', 'NZ', 'ZA', 'SG', 'PH', 'JP',
];

/** An extension written after the number ("x036", "ext. 12", "extension 4"): not part of what libphonenumber reads. */
export const EXTENSION = /\s?(?:x|ext\.?|extn|extension|#)\s?\d{1,6}$/i;

/**
 * The international form of a number dialled with the international call prefix "00" (or "011" from North
 * America) instead of '+': "0044 7171 823770", "001-253-366-9781"; undefined for any other number.
 */
export function internationalFromPrefix(digits: string): string | undefined {
  if (digits.length >= 10 && digits.startsWith('00') && digits.charCodeAt(2) !== 48) return `+${digits.slice(2)}`;
  if (digits.length >= 12 && digits.startsWith('011') && digits.charCodeAt(3) !== 48) return `+${digits.slice(3)}`;
  return undefined;
}

/** No ')' without its '(': "(11) 4055-4493", not "16) 3041 6055" cut out of "(11:16) 3041 6055". */
export function parensBalanced(text: string): boolean {
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) open++;
    else if (c === 41 && --open < 0) return false;
  }
  return true;
}

export const phone: Validator = ({ text, digits, options }) => {
  if (!parensBalanced(text)) return false;
  const written = text.replace(EXTENSION, '');
  // Spoken numbers arrive as words; their digits carry the number.
  const candidate = /\d/.test(written) && !/[a-z]/i.test(written) ? written : digits;
  const prefixed = candidate.trimStart().startsWith('+') ? undefined : internationalFromPrefix(digits);
  if (prefixed !== undefined) return isValidPhone(prefixed, options.defaultRegion);
  if (isValidPhone(candidate, options.defaultRegion)) return true;
  if (candidate.trimStart().startsWith('+')) {
    // "+44 (0)20 7946 0958": the trunk prefix in parentheses is not dialled from abroad.
    const withoutTrunk = candidate.replace(/\(0\)/, '');
    return withoutTrunk !== candidate && isValidPhone(withoutTrunk, options.defaultRegion);
  }
  // A ten-digit run that reads as epoch seconds of 2000–2039 ("1727620800") is a timestamp unless the
  // default region calls it a number (written in groups, it is none: notEpochRun).
  if (digits.charCodeAt(0) !== 48 && notEpochRun({ text: written, digits, options }) === false) return false;
  // Other regions for a national number: customers write from many countries ("07429 808635",
  // "05 45 77 21 21", "(11) 99183-0249").
  for (const region of options.regions ?? DEFAULT_PHONE_REGIONS) {
    if (region !== options.defaultRegion && isValidPhone(candidate, region)) return true;
  }
  return false;
};

/**
 * North American numbering plan shape: area code and exchange start with 2–9 (a cheap gate before
 * libphonenumber for 10- and 11-digit numbers).
 */
export const nanp: Validator = ({ digits }) => {
  const d = digits.length === 11 && digits[0] === '1' ? digits.slice(1) : digits;
  if (d.length !== 10) return false;
  return d.charCodeAt(0) >= 50 && d.charCodeAt(3) >= 50;
};

/** A number dialled with "00"/"011" in place of '+', valid as that international number. */
export const phonePrefix00: Validator = ({ digits, options }) => {
  const international = internationalFromPrefix(digits);
  return international !== undefined && isValidPhone(international, options.defaultRegion);
};

/**
 * A phone-shaped run that reads as epoch time (not-timestamp) is a timestamp only when written as one run:
 * digits in groups ("201-074-5929") are a number someone wrote for a reader, which no log writes a timestamp as.
 */
export const notEpochRun: Validator = (input) => (/\d\D+\d/.test(input.text) ? undefined : notTimestamp(input));

/** A number whose parentheses close only what they opened (see parensBalanced). */
export const balancedParens: Validator = ({ text }) => (parensBalanced(text) ? undefined : false);


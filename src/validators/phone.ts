import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { phoneVerdict } from './phone-verdict.js';
import type { Validator } from './types.js';

/**
 * libphonenumber-js decides, on candidates only (never its own finder over the text, which runs at about
 * 2 MB/s). Logs and transcripts repeat numbers, so verdicts are cached by region and the candidate's
 * digits with its leading '+'. The cache keeps verdicts only (booleans), keyed by a string that is
 * evicted in insertion order: it holds no more PII than the text being scanned.
 */
const CACHE_LIMIT = 2048;
const cache = new Map<string, boolean>();

export function isValidPhone(candidate: string, region: string): boolean {
  const international = candidate.trimStart().startsWith('+');
  const digits = candidate.replace(/\D/g, '');
  // Most numbers are decided from libphonenumber-js's metadata compiled once; the rest by the library.
  const fast = phoneVerdict(digits, international, region);
  if (fast !== undefined) return fast;
  const key = `${international ? '+' : region}:${digits}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const parsed = parsePhoneNumberFromString(international ? `+${digits}` : digits, region as CountryCode);
  const ok = parsed !== undefined && parsed.isValid();
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, ok);
  return ok;
}

/**
 * The regions national numbers are tried in when `regions` is not configured: customers write from many
 * countries (issue 16).
 */
export const DEFAULT_PHONE_REGIONS: readonly string[] = [
  'US', 'CA', 'GB', 'IE', 'DE', 'FR', 'ES', 'IT', 'NL', 'BE', 'AT', 'CH', 'PL', 'SE', 'IN', 'BR', 'MX', 'AU', 'NZ', 'ZA', 'SG', 'PH', 'JP',
];

export const phone: Validator = ({ text, digits, options }) => {
  // Spoken numbers arrive as words; their digits carry the number.
  const candidate = /\d/.test(text) && !/[a-z]/i.test(text) ? text : digits;
  if (isValidPhone(candidate, options.defaultRegion)) return true;
  // Other regions for a national number that opens with a trunk '0' (as most outside North America do:
  // "07429 808635", "05 45 77 21 21"); numbers that do not are left to the default region, which keeps
  // the cost of a failed candidate at one lookup.
  if (candidate.trimStart().startsWith('+') || digits.charCodeAt(0) !== 48) return false;
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

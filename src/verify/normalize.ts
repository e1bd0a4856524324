// Normalizers turn the many ways a person writes a value into one form, so that equal values compare equal.
// Each returns '' for a value it cannot use; '' never matches anything. Each is idempotent: f(f(x)) === f(x).
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import validator from 'validator';

export const NORMALIZER_NAMES = [
  'identifier',
  'postal_code',
  'phone_last4',
  'email',
  'date',
  'name',
  'amount',
  'last4',
] as const;
export type NormalizerName = (typeof NORMALIZER_NAMES)[number];

export type DateOrder = 'MDY' | 'DMY';

export interface NormalizeOptions {
  /** How to read an all-numeric date such as 03/04/1990 when both parts could be the month. */
  dateOrder?: DateOrder;
  /** Country used to read phone numbers written without a country code. */
  defaultPhoneCountry?: CountryCode;
}

/** Order IDs and similar codes: letters and digits only, upper case ("#a-1234 " → "A1234"). */
export function normalizeIdentifier(value: string): string {
  return value.normalize('NFKC').toUpperCase().normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
}

/** Postal codes: case and spaces ignored, a US ZIP+4 reduced to the ZIP ("94105-1234" → "94105"). */
export function normalizePostalCode(value: string): string {
  const compact = normalizeIdentifier(value);
  // ZIP+4 (nine digits once the hyphen is gone) compares on its first five digits.
  return /^\d{9}$/.test(compact) ? compact.slice(0, 5) : compact;
}

const ASCII_DIGITS = /[0-9]/g;

/** Last four digits of a phone number written in any format, or four digits given on their own. */
export function normalizePhoneLast4(value: string, options: NormalizeOptions = {}): string {
  const text = value.normalize('NFKC');
  let digits: string | undefined;
  try {
    const parsed = parsePhoneNumberFromString(text, options.defaultPhoneCountry ?? 'US');
    // nationalNumber leaves out the country code and any extension.
    if (parsed && /^\d+$/.test(parsed.nationalNumber)) digits = parsed.nationalNumber;
  } catch {
    digits = undefined;
  }
  if (digits === undefined) {
    const withoutExtension = text.replace(/\s*(?:ext\.?|extension|x|#)\s*\d+\s*$/i, '');
    digits = (withoutExtension.match(ASCII_DIGITS) ?? []).join('');
  }
  return digits.length >= 4 ? digits.slice(-4) : '';
}

/** Email addresses: trimmed, one Unicode form, lower case; '' unless validator accepts it as an address. */
export function normalizeEmail(value: string): string {
  const lowered = value.trim().normalize('NFKC').toLowerCase().normalize('NFKC');
  return validator.isEmail(lowered) ? lowered : '';
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

function isoDate(year: number, month: number, day: number): string {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return '';
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return '';
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Dates in the usual written forms → "YYYY-MM-DD": 1990-03-15, 1990/3/15, 19900315, 03/15/1990,
 * 15.03.1990, 15 March 1990, March 15, 1990, 15-Mar-1990, 15th March 1990. Two-digit years are refused
 * (the century would be a guess). A numeric date whose first part is above 12 is read day-first whatever
 * dateOrder says.
 */
export function normalizeDate(value: string, options: NormalizeOptions = {}): string {
  const text = value
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ');
  let m = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = Number(m[3]);
    const dayFirst = a > 12 || (options.dateOrder === 'DMY' && b <= 12);
    return dayFirst ? isoDate(year, b, a) : isoDate(year, a, b);
  }
  m = /^(\d{1,2})[- ]?([a-z]+)\.?[- ]?(\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS[m[2] ?? ''];
    return month === undefined ? '' : isoDate(Number(m[3]), month, Number(m[1]));
  }
  m = /^([a-z]+)\.? (\d{1,2}) (\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS[m[1] ?? ''];
    return month === undefined ? '' : isoDate(Number(m[3]), month, Number(m[2]));
  }
  return '';
}

/** Names: accents, case, punctuation and extra spaces ignored ("  José  O'Brien-Smith" → "jose obrien smith"). */
export function normalizeName(value: string): string {
  const stripMarks = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');
  return stripMarks(stripMarks(value).toLowerCase())
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Money amounts → "1234.56": currency signs and letters ignored; the last "." or "," followed by one or
 * two digits is the decimal mark, other separators group thousands. '' when there are no digits.
 */
export function normalizeAmount(value: string): string {
  const text = value.normalize('NFKC').replace(/[^0-9.,]/g, '');
  if (!/[0-9]/.test(text)) return '';
  const decimal = /[.,](\d{1,2})$/.exec(text);
  const wholePart = decimal ? text.slice(0, decimal.index) : text;
  const whole = wholePart.replace(/[^0-9]/g, '').replace(/^0+(?=\d)/, '') || '0';
  const cents = decimal ? (decimal[1] ?? '').padEnd(2, '0') : '00';
  return `${whole}.${cents}`;
}

/** The last four digits of a card or (when enabled) an SSN: exactly four digits, else ''. */
export function normalizeLast4(value: string): string {
  const digits = (value.normalize('NFKC').match(ASCII_DIGITS) ?? []).join('');
  // A longer number is refused rather than truncated: it may be a full card number or SSN.
  return digits.length === 4 ? digits : '';
}

/** Normalizes a value with the named normalizer. */
export function normalize(kind: NormalizerName, value: string, options: NormalizeOptions = {}): string {
  switch (kind) {
    case 'identifier':
      return normalizeIdentifier(value);
    case 'postal_code':
      return normalizePostalCode(value);
    case 'phone_last4':
      return normalizePhoneLast4(value, options);
    case 'email':
      return normalizeEmail(value);
    case 'date':
      return normalizeDate(value, options);
    case 'name':
      return normalizeName(value);
    case 'amount':
      return normalizeAmount(value);
    case 'last4':
      return normalizeLast4(value);
  }
}

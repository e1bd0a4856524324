/**
 * What a cell's value looks like, for typing it: by the column's header (the value must fit the entity the
 * header names, so a header read wrong masks nothing odd) or by its neighbours in the row (a short code
 * beside a card number). Every check reads the whole cell, so a cell is one value or none.
 */
import luhn from 'luhn';
import { isDigitCode } from '../chars.js';
import { notDate } from '../../validators/dates.js';
import { EXTENSION, isValidPhone } from '../../validators/phone.js';
import { phoneGrouping } from '../../validators/phone-grouping.js';
import type { ValidatorOptions } from '../../validators/types.js';

const LETTER = /\p{L}/u;
const ALNUM = /[\p{L}\p{N}]/u;
/** A postcode beside a city: 4–6 digits (ZIP+4 too), or a UK, Canadian or Irish code (WC1E 2QY, R5K 9S4, D11 2D6I). */
const POSTCODE = /(?:^|[\s,])(?:[A-Z]{0,2}\d{4,6}(?:-\d{3,4})?|\d{3} \d{2}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]\d{2} ?[A-Z\d]{4})(?:$|[\s,])/;

export function digitsOf(value: string): string {
  let d = '';
  for (let i = 0; i < value.length; i++) if (isDigitCode(value.charCodeAt(i))) d += value[i];
  return d;
}

const CARD_CELL = /^\d[\d -]{10,40}\d$/;

/** A card number cell: 12–19 digits, Luhn-valid, joined only by spaces or dashes. */
export function isCardCell(value: string): boolean {
  // The pattern's bounds first, by character code: most cells (words, short numbers) fail them.
  const n = value.length;
  if (n < 12 || n > 42 || !isDigitCode(value.charCodeAt(0)) || !isDigitCode(value.charCodeAt(n - 1))) return false;
  if (!CARD_CELL.test(value)) return false;
  const d = digitsOf(value);
  return d.length >= 12 && d.length <= 19 && luhn.validate(d);
}

const MONTHS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?$/i;

/** An expiry cell: mm/yy, m/yyyy, mm-yy, mm.yy, yyyy-mm, or a month name and a year ("May 2027", "Jan-27", "May of 2027"). */
export function isExpiryCell(value: string): boolean {
  const m = /^(\d{1,2})\s?[/.-]\s?(\d{2}|\d{4})$/.exec(value);
  if (m) {
    const month = Number(m[1]);
    return month >= 1 && month <= 12 && (m[2]!.length === 2 || m[2]!.startsWith('20'));
  }
  if (/^20\d{2}\s?[/.-]\s?(?:0?[1-9]|1[0-2])$/.test(value)) return true;
  // A month name and a year: "May 2027", "May of 2027", "May/27"; "May 19" is a day of May, not an expiry.
  const w = /^(\p{L}+\.?)(?: of)?(?:[\s/-]{1,2}(20\d{2})|[/-](\d{2}))$/u.exec(value);
  return !!w && MONTHS.test(w[1]!);
}

/** Four digits that read as mmyy (0527): a compact expiry. */
export const isCompactExpiry = (value: string) => /^(?:0[1-9]|1[0-2])\d{2}$/.test(value);

/** A card verification code cell: three or four digits. */
export const isCodeCell = (value: string) => /^\d{3,4}$/.test(value);

/**
 * A national phone number cell: digit groups joined by spaces, dashes, dots or an area code's parentheses,
 * valid in one of the configured regions and grouped as that region writes its numbers (phone-grouping).
 */
export function isPhoneCell(cell: string, options: ValidatorOptions): boolean {
  // An extension after the number ("578 833 958 x9474") belongs to the cell, not to the number's grouping.
  const value = cell.replace(EXTENSION, '');
  if (!/^\(?\d[\d ().-]{5,24}\d$/.test(value)) return false;
  const input = { text: value, digits: digitsOf(value), options };
  // A date cell ("22.01.2026") is no phone number, whatever region would take its digits (as phone-national-grouped reads it).
  return notDate(input) !== false && phoneGrouping(input) === true;
}

/** An international number cell ("+12148680893", "+44 20 7946 0958"), valid for libphonenumber-js. */
export function isInternationalPhoneCell(value: string, options: ValidatorOptions): boolean {
  if (!/^\+\d[\d ().-]{6,24}\d$/.test(value)) return false;
  return isValidPhone(value, options.defaultRegion);
}

/**
 * A cell of a column whose other cells are phone numbers: 7–15 digits written as a phone number is (one run,
 * or groups joined by spaces, dashes, dots or parentheses, a '+' before them), and no date. The column says
 * what the digits are ("0490627546", "2012300000" under numbers grouped as phones), as a header would: even
 * a run that would read as epoch seconds elsewhere.
 */
export function isPhoneColumnCell(cell: string, options: ValidatorOptions): boolean {
  const value = cell.replace(EXTENSION, '');
  if (!/^\+?\(?\d[\d ().-]{5,24}\d$/.test(value)) return false;
  const digits = digitsOf(value);
  const input = { text: value, digits, options };
  return digits.length >= 7 && digits.length <= 15 && notDate(input) !== false;
}

/** A column name: a word or a few, letters first (address_line1, track2, "Card Number", DL#). */
export function isHeaderCell(value: string): boolean {
  return value.length > 0 && value.length <= 40 && /^\p{L}[\p{L}\p{N}_ .#'/()-]*$/u.test(value) && !/\d{3}/.test(value) && value.split(' ').length <= 4;
}


/**
 * Whether a cell under a header that names `entity` holds a value of that kind at all: numbers need their
 * digits, names and streets their letters, an e-mail its '@'. Entities not listed take any cell with a
 * letter or digit (passwords, licences, passports).
 */
export function fitsEntity(entity: string, value: string): boolean {
  // A password may be all symbols (not a markdown rule, ---); every other value has a letter or a digit.
  if (entity === 'PASSWORD') return /[^\s:=|-]/.test(value) && value.length <= 128;
  if (!ALNUM.test(value)) return false;
  const digits = digitsOf(value).length;
  switch (entity) {
    case 'CREDIT_CARD':
      return digits >= 12 && digits <= 19 && /^[\d\s./-]+$/.test(value);
    case 'CARD_CVV':
    case 'PIN':
      return digits >= 3 && digits <= 6 && /^\d+$/.test(value);
    case 'CARD_EXPIRY':
      return isExpiryCell(value) || isCompactExpiry(value);
    case 'DATE_OF_BIRTH':
      return digits >= 2 && digits <= 8 && value.length <= 32;
    case 'US_SSN':
    case 'US_ITIN':
      return digits === 9 && /^[\d\s.-]+$/.test(value);
    case 'US_BANK_ROUTING':
      return digits === 9 && /^[\d\s-]+$/.test(value);
    case 'BANK_ACCOUNT':
    case 'UK_SORT_CODE':
      return digits >= 6 && digits <= 20 && /^[\d\s-]+$/.test(value);
    case 'PHONE_NUMBER':
      return digits >= 6 && digits <= 20 && !LETTER.test(value.replace(/\b(?:ext|x)\b\.?/gi, ''));
    case 'EMAIL':
      return value.includes('@');
    case 'PERSON':
      return LETTER.test(value) && digits === 0 && !value.includes('@') && value.length <= 64;
    case 'STREET_ADDRESS':
      return LETTER.test(value) && !value.includes('@') && value.length <= 120;
    case 'CITY_LINE':
      return LETTER.test(value) && value.length <= 80 && POSTCODE.test(value);
    default:
      return value.length <= 128;
  }
}

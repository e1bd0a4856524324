import { luhnValid } from './luhn-fast.js';
import type { Validator } from './types.js';

/** Luhn (mod 10) checksum of the candidate's digits, as the `luhn` package computes it. */
export const luhnChecksum: Validator = ({ digits }) => digits.length > 0 && luhnValid(digits);

/**
 * Card brands by issuer identification number (IIN) range and length: the ranges of braintree/credit-card-type
 * v10 (visa, mastercard, amex, diners, discover, jcb, unionpay, maestro, mir, elo, hiper, hipercard), widened
 * to the lengths the networks publish (ISO/IEC 7812: 12–19) and completed with the brands that package leaves
 * out (Verve, Troy, RuPay, Dankort, InterPayment, LankaPay). Ranges are compared on the first `len`
 * digits of the number; the first range that matches decides. A data table rather than the package: it
 * has no Verve, Troy or RuPay, no 12-digit Maestro and no 13–15/17-digit Visa, and a lookup per window
 * must not allocate.
 */
interface BrandRange {
  brand: string;
  from: number;
  to: number;
  len: number;
  lengths: readonly number[];
}

const R = (brand: string, from: number, to: number, lengths: readonly number[]): BrandRange => ({
  brand,
  from,
  to,
  len: String(from).length,
  lengths,
});

const span = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
// Not 14 or 15: no Visa is issued in those lengths, and 15-digit Luhn numbers in 4x are IMEIs (TAC 49…).
const VISA = [13, 16, 17, 18, 19];
const MC = [16];
const AMEX = [15];
const DINERS = span(14, 19);
const DISCOVER = span(16, 19);
const JCB = span(16, 19);
const UNIONPAY = span(14, 19);
const MAESTRO = span(12, 19);
const MIR = span(16, 19);
const VERVE = [16, 18, 19];
const SIXTEEN = [16];
const HIPERCARD = [16, 19];

export const CARD_BRANDS: readonly BrandRange[] = [
  R('visa', 4, 4, VISA),
  R('mastercard', 51, 55, MC),
  R('mastercard', 2221, 2720, MC),
  R('amex', 34, 34, AMEX),
  R('amex', 37, 37, AMEX),
  R('diners', 300, 305, DINERS),
  R('diners', 3095, 3095, DINERS),
  R('diners', 36, 36, DINERS),
  R('diners', 38, 39, DINERS),
  R('discover', 6011, 6011, DISCOVER),
  R('discover', 622126, 622925, DISCOVER),
  R('discover', 644, 649, DISCOVER),
  R('discover', 65, 65, DISCOVER),
  R('jcb', 3528, 3589, JCB),
  R('jcb', 3088, 3094, JCB),
  R('jcb', 3096, 3102, JCB),
  R('jcb', 3112, 3120, JCB),
  R('jcb', 3158, 3159, JCB),
  R('jcb', 3337, 3349, JCB),
  // 15 digits only for the old 2131/1800 ranges: a 15-digit Luhn number in 35xx is an IMEI far more often.
  R('jcb', 2131, 2131, [15, 16]),
  R('jcb', 1800, 1800, [15, 16]),
  R('rupay', 353, 353, SIXTEEN),
  R('rupay', 356, 356, SIXTEEN),
  R('lankapay', 357111, 357111, SIXTEEN),
  R('unionpay', 62, 62, UNIONPAY),
  R('unionpay', 81, 81, UNIONPAY),
  R('rupay', 82, 82, SIXTEEN),
  R('rupay', 508, 508, SIXTEEN),
  R('rupay', 60, 60, SIXTEEN),
  R('mir', 2200, 2204, MIR),
  R('verve', 506099, 506198, VERVE),
  R('verve', 507865, 507964, VERVE),
  R('verve', 650002, 650027, VERVE),
  R('dankort', 5019, 5019, SIXTEEN),
  R('hipercard', 606282, 606282, HIPERCARD),
  R('hipercard', 384100, 384100, HIPERCARD),
  R('hipercard', 384140, 384140, HIPERCARD),
  R('hipercard', 384160, 384160, HIPERCARD),
  R('elo', 509000, 509999, SIXTEEN),
  R('elo', 636297, 636368, SIXTEEN),
  R('troy', 9792, 9792, SIXTEEN),
  R('interpayment', 636, 636, span(16, 19)),
  // UATP (airline cards): 15 digits from 1.
  R('uatp', 1, 1, [15]),
  R('maestro', 50, 50, MAESTRO),
  R('maestro', 56, 69, MAESTRO),
  R('maestro', 493698, 493698, MAESTRO),
];

/** The brand a card number belongs to by IIN range and length, or undefined. */
export function cardBrand(digits: string): string | undefined {
  for (const b of CARD_BRANDS) {
    if (digits.length < b.len || !b.lengths.includes(digits.length)) continue;
    const prefix = Number(digits.slice(0, b.len));
    if (prefix >= b.from && prefix <= b.to) return b.brand;
  }
  return undefined;
}

/** IIN range and length decide: Luhn alone lets one random digit run in ten through. */
export const cardIin: Validator = ({ digits }) => cardBrand(digits) !== undefined;

/**
 * The major industry identifier (ISO/IEC 7812, first digit) of a payment card: 1–6 and 8 are issued to
 * card networks (and 9792, Troy); 7 (petroleum) and 9 (national use) are loyalty, fuel and reference
 * numbers, which is what a Luhn-valid 9999… next to the word "card" is.
 */
export const cardMii: Validator = ({ digits }) => {
  const first = digits.charCodeAt(0) - 48;
  return (first >= 1 && first <= 6) || first === 8 || digits.startsWith('9792');
};

/**
 * A 15-digit Luhn number outside every 15-digit card range (Amex, UATP, old JCB, Diners, UnionPay, Maestro)
 * is an IMEI (TAC 35…, 86…, 49…, 01…), even beside card wording ("Device … on firmware …; Credit of 4 €").
 */
export const notImei: Validator = ({ digits }) => (digits.length === 15 && cardBrand(digits) === undefined ? false : undefined);

const EPOCH_MS_2000 = 946_684_800_000;
const EPOCH_MS_2040 = 2_208_988_800_000;
const EPOCH_S_2000 = 946_684_800;
const EPOCH_S_2040 = 2_208_988_800;

/**
 * Epoch timestamps (seconds or milliseconds, years 2000–2039) are log noise, not cards or phones. The range
 * stops at 2040 so that 13-digit Visa numbers (4…) are never taken for milliseconds.
 */
export const notTimestamp: Validator = ({ digits }) => {
  // A run with a leading zero has fewer significant digits than an epoch of its length ("0991 234 567").
  if ((digits.length !== 13 && digits.length !== 10) || digits.charCodeAt(0) === 48) return undefined;
  const n = Number(digits);
  const [lo, hi] = digits.length === 13 ? [EPOCH_MS_2000, EPOCH_MS_2040] : [EPOCH_S_2000, EPOCH_S_2040];
  return n >= lo && n < hi ? false : undefined;
};

const inRange = (digits: string, at: number, lo: number, hi: number) => {
  const n = (digits.charCodeAt(at) - 48) * 10 + digits.charCodeAt(at + 1) - 48;
  return n >= lo && n <= hi;
};

/**
 * A compact calendar date-time, yyyymmddhhmm or yyyymmddhhmmss (years 1900–2099), as PDF metadata, file names
 * and logs write them (`D:20261207060207Z`), is no card even beside card wording; no card range starts 19 or 20
 * at these lengths.
 */
export const notCompactDateTime: Validator = ({ digits }) => {
  if (digits.length !== 12 && digits.length !== 14) return undefined;
  const century = digits.slice(0, 2);
  if (century !== '19' && century !== '20') return undefined;
  const ok = inRange(digits, 4, 1, 12) && inRange(digits, 6, 1, 31) && inRange(digits, 8, 0, 23) && inRange(digits, 10, 0, 59) && (digits.length === 12 || inRange(digits, 12, 0, 59));
  return ok ? false : undefined;
};

/** Whether the last digit of a code is its GS1 check digit (EAN-13, UPC-A: weights 3 and 1 from the right). */
export function gtinCheckValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 2, w = 3; i >= 0; i--, w = 4 - w) sum += (digits.charCodeAt(i) - 48) * w;
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(digits.length - 1) - 48;
}

/**
 * A 12- or 13-digit number written plain whose last digit is its GS1 check digit is a product code
 * (UPC-A, EAN-13: barcodes, device and firmware labels), not a card, when nothing else says card: no
 * grouping, and this validator runs only where no card wording is required (card wording near confirms
 * it through credit-card-near-cue). The trade: one plain 12–13-digit card in ten (old Visa, Maestro, both
 * rare) passes both checks and is left as a product code unless card wording stands near.
 */
export const notGtin: Validator = ({ digits, text }) => (isPlainProductCode(text, digits) ? false : undefined);

/** A UPC-A or EAN-13 written plain: 12 or 13 digits, no separator, a valid GS1 check digit. */
export const isPlainProductCode = (text: string, digits: string): boolean =>
  (digits.length === 12 || digits.length === 13) && text.trim().length === digits.length && gtinCheckValid(digits);

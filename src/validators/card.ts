import luhn from 'luhn';
import type { Validator } from './types.js';

/** Luhn (mod 10) checksum of the candidate's digits, via the `luhn` package. */
export const luhnChecksum: Validator = ({ digits }) => digits.length > 0 && luhn.validate(digits);

/**
 * Card brands by issuer identification number (IIN) range and length, after braintree/credit-card-type
 * v10.3.0 and the ISO/IEC 7812 table (see ../shared/spec/compliance.md 1.8). Ranges are compared on
 * the first `len` digits of the number.
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

const VISA = [13, 16, 18, 19];
const MC = [16];
const AMEX = [15];
const DINERS = [14, 16, 19];
const DISCOVER = [16, 19];
const JCB = [16, 17, 18, 19];
const UNIONPAY = [14, 15, 16, 17, 18, 19];
const MAESTRO = [13, 14, 15, 16, 17, 18, 19];

export const CARD_BRANDS: readonly BrandRange[] = [
  R('visa', 4, 4, VISA),
  R('mastercard', 51, 55, MC),
  R('mastercard', 2221, 2720, MC),
  R('amex', 34, 34, AMEX),
  R('amex', 37, 37, AMEX),
  R('diners', 300, 305, DINERS),
  R('diners', 36, 36, DINERS),
  R('diners', 38, 39, DINERS),
  R('discover', 6011, 6011, DISCOVER),
  R('discover', 644, 649, DISCOVER),
  R('discover', 65, 65, DISCOVER),
  R('jcb', 3528, 3589, JCB),
  R('jcb', 2131, 2131, JCB),
  R('jcb', 1800, 1800, JCB),
  R('unionpay', 62, 62, UNIONPAY),
  R('unionpay', 81, 81, UNIONPAY),
  R('mir', 2200, 2204, [16, 17, 18, 19]),
  R('maestro', 50, 50, MAESTRO),
  R('maestro', 56, 59, MAESTRO),
  R('maestro', 63, 63, MAESTRO),
  R('maestro', 67, 67, MAESTRO),
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

const EPOCH_MS_2000 = 946_684_800_000;
const EPOCH_MS_2100 = 4_102_444_800_000;
const EPOCH_S_2000 = 946_684_800;
const EPOCH_S_2100 = 4_102_444_800;

/** Epoch timestamps (seconds or milliseconds, years 2000–2099) are log noise, not cards or phones. */
export const notTimestamp: Validator = ({ digits }) => {
  if (digits.length !== 13 && digits.length !== 10) return undefined;
  const n = Number(digits);
  const [lo, hi] = digits.length === 13 ? [EPOCH_MS_2000, EPOCH_MS_2100] : [EPOCH_S_2000, EPOCH_S_2100];
  return n >= lo && n < hi ? false : undefined;
};

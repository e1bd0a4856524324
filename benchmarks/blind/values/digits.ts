/** Digits as typed on keyboards of other scripts: values of some locales written in their own digits. */
import type { Piece } from '../doc.js';
import type { Rng } from '../rng.js';

/** The code point of zero in the digit script customers of a locale may type. */
const ZERO_BY_LOCALE: Record<string, number> = {
  ar: 0x0660, ku_ckb: 0x0660, fa: 0x06f0, ur: 0x06f0, ne: 0x0966, bn_BD: 0x09e6, ja: 0xff10, zh_CN: 0xff10, zh_TW: 0xff10, th: 0x0e50,
};

const ZEROS = [...new Set(Object.values(ZERO_BY_LOCALE))];

/** The same text with the digits of the scripts above written as ASCII digits. */
export function toAsciiDigits(s: string): string {
  return s.replace(/\p{Nd}/gu, (ch) => {
    const cp = ch.codePointAt(0)!;
    const zero = ZEROS.find((z) => cp >= z && cp < z + 10);
    return zero === undefined ? ch : String(cp - zero);
  });
}

/** Values people type on a number pad; e-mails, IPs and passwords stay as the keyboard's ASCII. */
const TYPED_ON_NUMBER_PAD = new Set(['CREDIT_CARD', 'PHONE_NUMBER', 'DATE_OF_BIRTH', 'CARD_EXPIRY', 'CARD_CVV', 'US_SSN', 'BANK_ACCOUNT', 'PIN']);

/** Rewrites the ASCII digits of some values (not of plain text or negatives) in the locale's digits. */
export function nativeDigits(pieces: Piece[], locale: string, rng: Rng): Piece[] {
  const zero = ZERO_BY_LOCALE[locale];
  if (zero === undefined) return pieces;
  const convert = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d)));
  return pieces.map((p) => {
    if (typeof p === 'string' || !('value' in p) || !TYPED_ON_NUMBER_PAD.has(p.entity) || !/[0-9]/.test(p.value) || !rng.chance(0.7)) return p;
    return { ...p, value: convert(p.value), form: `${p.form}-native-digits` };
  });
}

import type { Validator } from './types.js';

const digitAt = (s: string, i: number) => s.charCodeAt(i) - 48;

/** Luhn over a digit string (the rightmost digit is the check digit). */
function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digitAt(digits, i);
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** UK NHS number: 10 digits, weights 10…2 over the first nine, check = 11 − sum mod 11 (11 → 0, 10 never issued). */
export const nhsMod11: Validator = ({ digits }) => {
  if (digits.length !== 10) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += digitAt(digits, i) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === digitAt(digits, 9);
};

/** US National Provider Identifier: 10 digits starting 1 or 2, Luhn over the card-issuer prefix 80840 + the number (CMS). */
export const npiLuhn: Validator = ({ digits }) => digits.length === 10 && (digits[0] === '1' || digits[0] === '2') && luhnOk(`80840${digits}`);

/**
 * DEA registration number: a registrant-type letter, a letter (or 9), seven digits; the last digit is the
 * last digit of (d1 + d3 + d5) + 2 × (d2 + d4 + d6) (DEA, 21 CFR 1301).
 */
export const deaCheck: Validator = ({ text }) => {
  const m = /^([ABCDEFGHJKLMPRSTUX])([A-Z9])(\d{7})$/.exec(text.replace(/[\s-]/g, '').toUpperCase());
  if (!m) return false;
  const d = m[3]!;
  const sum = digitAt(d, 0) + digitAt(d, 2) + digitAt(d, 4) + 2 * (digitAt(d, 1) + digitAt(d, 3) + digitAt(d, 5));
  return sum % 10 === digitAt(d, 6);
};

/**
 * Medicare Beneficiary Identifier (CMS format specification): 11 characters, C A AN N A AN N A A N N, where
 * C is 1–9, N a digit, A a letter other than S, L, O, I, B, Z. It has no check digit; the format is the test.
 */
const MBI_LETTER = '[AC-HJKMNP-RT-Y]';
const MBI = new RegExp(`^[1-9]${MBI_LETTER}(?:${MBI_LETTER}|\\d)\\d${MBI_LETTER}(?:${MBI_LETTER}|\\d)\\d${MBI_LETTER}{2}\\d{2}$`);
export const medicareMbi: Validator = ({ text }) => MBI.test(text.replace(/[\s-]/g, '').toUpperCase());

/**
 * Australian Medicare card number: 10 digits (an 11th, the issue number, may follow); the first is 2–6 and
 * the ninth is (d1·1 + d2·3 + d3·7 + d4·9 + d5·1 + d6·3 + d7·7 + d8·9) mod 10 (Services Australia).
 */
export const auMedicare: Validator = ({ digits }) => {
  if (digits.length !== 10 && digits.length !== 11) return false;
  if (digits[0]! < '2' || digits[0]! > '6') return false;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += digitAt(digits, i) * weights[i]!;
  return sum % 10 === digitAt(digits, 8);
};

import type { Validator } from './types.js';

/** ISO 3779 transliteration of VIN letters to values (I, O and Q are never used). */
const VIN_VALUES: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/**
 * Vehicle identification number check digit (49 CFR 565.15): the 9th character is the weighted sum of the
 * transliterated characters mod 11, X for 10. Mandatory in North America; European VINs may lack it, so
 * the packs report those only next to VIN wording.
 */
export const vinCheckDigit: Validator = ({ text }) => {
  const vin = text.toUpperCase();
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin[i]!;
    const value = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : VIN_VALUES[c]!;
    sum += value * VIN_WEIGHTS[i]!;
  }
  const check = sum % 11;
  return vin[8] === (check === 10 ? 'X' : String(check));
};

/** A 17-character VIN shape (letters other than I, O, Q and digits, at least one of each) without its check digit. */
export const vinShape: Validator = ({ text }) => /^[A-HJ-NPR-Z0-9]{17}$/i.test(text) && /\d/.test(text) && /[A-Z]/i.test(text);

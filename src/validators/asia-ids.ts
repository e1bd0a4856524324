import type { Validator } from './types.js';

const digitAt = (s: string, i: number) => s.charCodeAt(i) - 48;

/**
 * Singapore NRIC/FIN: a prefix letter (S, T citizens and PRs; F, G, M foreigners), seven digits and a check
 * letter. Weights 2 7 6 5 4 3 2, plus 4 for T and G and 3 for M; the remainder mod 11 picks the letter from
 * the prefix's table (ICA's published algorithm; the M table is the one announced for M-series FINs in 2022).
 */
const NRIC_TABLES: Readonly<Record<string, { offset: number; letters: string }>> = {
  S: { offset: 0, letters: 'JZIHGFEDCBA' },
  T: { offset: 4, letters: 'JZIHGFEDCBA' },
  F: { offset: 0, letters: 'XWUTRQPNMLK' },
  G: { offset: 4, letters: 'XWUTRQPNMLK' },
  M: { offset: 3, letters: 'XWUTRQPNJLK' },
};
const NRIC_WEIGHTS = [2, 7, 6, 5, 4, 3, 2];

export const sgNric: Validator = ({ text }) => {
  const m = /^([STFGM])(\d{7})([A-Z])$/.exec(text.toUpperCase());
  if (!m) return false;
  const table = NRIC_TABLES[m[1]!]!;
  let sum = table.offset;
  for (let i = 0; i < 7; i++) sum += digitAt(m[2]!, i) * NRIC_WEIGHTS[i]!;
  return table.letters[sum % 11] === m[3];
};

/**
 * Japan My Number (individual number, 12 digits): the check digit is 11 − (Σ Pn·Qn mod 11), 0 when the
 * remainder is 0 or 1, where Pn is the n-th digit from the right of the first eleven and Qn is n + 1 for
 * n ≤ 6 and n − 5 above (Ministry of Internal Affairs ordinance No. 85, 2014).
 */
export const jpMyNumber: Validator = ({ digits }) => {
  if (digits.length !== 12) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += digitAt(digits, 11 - n) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return (r <= 1 ? 0 : 11 - r) === digitAt(digits, 11);
};

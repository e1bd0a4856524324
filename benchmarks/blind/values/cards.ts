/**
 * Card numbers from the networks' IIN ranges and lengths (as published by the networks and
 * summarized in public IIN lists), each completed with a valid Luhn check digit.
 */
import type { Rng } from '../rng.js';

interface Brand {
  name: string;
  /** [from, to] prefixes of equal length, both included. */
  ranges: [string, string][];
  lengths: number[];
  /** Groupings the brand prints, by length. */
  groupings?: Record<number, number[][]>;
}

export const BRANDS: Brand[] = [
  { name: 'visa', ranges: [['4', '4']], lengths: [13, 16, 19] },
  { name: 'visa-electron', ranges: [['4026', '4026'], ['417500', '417500'], ['4508', '4508'], ['4844', '4844'], ['4913', '4913'], ['4917', '4917']], lengths: [16] },
  { name: 'mastercard', ranges: [['51', '55'], ['2221', '2720']], lengths: [16] },
  { name: 'amex', ranges: [['34', '34'], ['37', '37']], lengths: [15], groupings: { 15: [[4, 6, 5]] } },
  { name: 'discover', ranges: [['6011', '6011'], ['644', '649'], ['65', '65'], ['622126', '622925']], lengths: [16, 17, 18, 19] },
  { name: 'diners', ranges: [['300', '305'], ['3095', '3095'], ['36', '36'], ['38', '39']], lengths: [14, 16, 19], groupings: { 14: [[4, 6, 4]], 16: [[4, 4, 4, 4], [4, 6, 6]] } },
  { name: 'jcb', ranges: [['3528', '3589']], lengths: [16, 17, 18, 19] },
  { name: 'jcb-15', ranges: [['1800', '1800'], ['2131', '2131']], lengths: [15], groupings: { 15: [[4, 6, 5]] } },
  { name: 'unionpay', ranges: [['62', '62'], ['81', '81']], lengths: [16, 17, 18, 19] },
  { name: 'maestro', ranges: [['5018', '5018'], ['5020', '5020'], ['5038', '5038'], ['5893', '5893'], ['6304', '6304'], ['6759', '6759'], ['6761', '6763']], lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { name: 'mir', ranges: [['2200', '2204']], lengths: [16, 17, 18, 19] },
  { name: 'rupay', ranges: [['60', '60'], ['508', '508'], ['652', '653']], lengths: [16] },
  { name: 'verve', ranges: [['506099', '506198'], ['650002', '650027'], ['507865', '507964']], lengths: [16, 18, 19] },
  { name: 'troy', ranges: [['9792', '9792']], lengths: [16] },
  { name: 'elo', ranges: [['401178', '401179'], ['431274', '431274'], ['438935', '438935'], ['457631', '457632'], ['504175', '504175'], ['506699', '506778'], ['509000', '509999'], ['627780', '627780'], ['636297', '636297'], ['636368', '636368']], lengths: [16] },
  { name: 'hipercard', ranges: [['606282', '606282'], ['384100', '384100'], ['384140', '384140'], ['384160', '384160'], ['637095', '637095'], ['637568', '637568']], lengths: [16, 19] },
  { name: 'dankort', ranges: [['5019', '5019']], lengths: [16] },
  { name: 'uatp', ranges: [['1', '1']], lengths: [15], groupings: { 15: [[4, 5, 6]] } },
  { name: 'instapayment', ranges: [['637', '639']], lengths: [16] },
];

/** Luhn check digit for a number missing its last digit. */
export function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export interface Card {
  brand: string;
  digits: string;
}

export function randomCard(rng: Rng, brandName?: string): Card {
  const brand = brandName ? BRANDS.find((b) => b.name === brandName)! : rng.pick(BRANDS);
  const [from, to] = rng.pick(brand.ranges);
  const prefix = String(rng.int(Number(from), Number(to))).padStart(from.length, '0');
  const length = rng.pick(brand.lengths);
  const body = prefix + rng.digits(length - prefix.length - 1);
  return { brand: brand.name, digits: body + luhnCheckDigit(body) };
}

/** Group sizes of a number written in fours, the last group shorter: 19 → [4, 4, 4, 4, 3]. */
export function groupsOfFour(n: number): number[] {
  const sizes: number[] = [];
  for (let left = n; left > 0; left -= 4) sizes.push(Math.min(4, left));
  return sizes;
}

/** The groupings a card of this brand and length may be written in. */
export function groupingsFor(card: Card): number[][] {
  const brand = BRANDS.find((b) => b.name === card.brand)!;
  const own = brand.groupings?.[card.digits.length];
  const n = card.digits.length;
  const options = [groupsOfFour(n)];
  if (own) options.push(...own);
  if (n === 19) options.push([4, 4, 4, 7], [6, 13]);
  if (n === 13) options.push([4, 3, 3, 3]);
  return options;
}

export function splitGroups(digits: string, sizes: number[]): string[] {
  const groups: string[] = [];
  let at = 0;
  for (const size of sizes) {
    groups.push(digits.slice(at, at + size));
    at += size;
  }
  if (at < digits.length) groups.push(digits.slice(at));
  return groups;
}

/** Separators between groups: the common ones most of the time, the rarer ones sometimes. */
export function cardSeparator(rng: Rng): string {
  return rng.weighted<string>([
    [' ', 40], ['-', 20], ['', 18], ['.', 4], ['  ', 3], ['\u00a0', 3], ['/', 2], ['_', 1], ['\u2013', 2], ['\u2009', 1], ['\t', 1], ['|', 1], [', ', 2],
  ]);
}

/** A non-Luhn number of the given length (a reference, not a card). */
export function nonLuhnDigits(rng: Rng, length: number): string {
  const body = String(rng.int(1, 9)) + rng.digits(length - 2);
  const check = luhnCheckDigit(body);
  return body + String((check + rng.int(1, 9)) % 10);
}

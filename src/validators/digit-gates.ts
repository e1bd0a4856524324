import { luhnChecksum, cardMii } from './card.js';
import { abaChecksum, itinRange, ssnArea } from './national-id.js';
import { ipv4 } from './network.js';
import { phonePrefix00 } from './phone.js';
import type { Validator } from './types.js';

/**
 * Integer gates for built-in validators, read over a digit window's code-unit ranges (issue 20 item 3): the
 * digit pass asks them before it builds the window's digit string or offers it, and skips a window a gate
 * refuses. A gate refuses only when its validator certainly returns false (and cannot throw) on that window,
 * so skipping changes no output: the candidate would have been refused all the same, with nothing recorded.
 *
 * A window is groups first..last of the digit pass's group arrays: group k holds the ASCII digits
 * text[starts[k], ends[k]) (the scanner's DIGIT class is ASCII 0–9 only), `count` digits in all.
 * Gates are keyed by the built-in function itself: a validator a redactor replaces by name gets no gate.
 */
export type DigitGate = (text: string, starts: Int32Array, ends: Int32Array, first: number, last: number, count: number) => boolean;

/** The window's k-th digit (0-based) as a number 0–9. */
function digitAt(text: string, starts: Int32Array, ends: Int32Array, first: number, k: number): number {
  let g = first;
  while (k >= ends[g]! - starts[g]!) {
    k -= ends[g]! - starts[g]!;
    g++;
  }
  return text.charCodeAt(starts[g]! + k) - 48;
}

/** The window's digits from k on, `len` of them, as one integer (len ≤ 9). */
function digitsValue(text: string, starts: Int32Array, ends: Int32Array, first: number, k: number, len: number): number {
  let v = 0;
  for (let i = 0; i < len; i++) v = v * 10 + digitAt(text, starts, ends, first, k + i);
  return v;
}

/** luhnChecksum: the Luhn sum of the digits (luhnValid's ASCII path), right to left. */
const luhnGate: DigitGate = (text, starts, ends, first, last) => {
  let total = 0;
  let double = false;
  for (let g = last; g >= first; g--) {
    for (let i = ends[g]! - 1; i >= starts[g]!; i--) {
      let d = text.charCodeAt(i) - 48;
      if (double) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      total += d;
      double = !double;
    }
  }
  return total !== 0 && total % 10 === 0;
};

/** phonePrefix00: only digits that internationalFromPrefix reads ("00" then not 0, or "011" then not 0) reach the library. */
const prefix00Gate: DigitGate = (text, starts, ends, first, _last, count) => {
  if (count < 10) return false;
  const d = (k: number) => digitAt(text, starts, ends, first, k);
  if (d(0) !== 0) return false;
  if (d(1) === 0) return d(2) !== 0;
  return count >= 12 && d(1) === 1 && d(2) === 1 && d(3) !== 0;
};

/** ssnArea: nine digits, area not 000, 666 or 9xx, group and serial not zero. */
const ssnGate: DigitGate = (text, starts, ends, first, _last, count) => {
  if (count !== 9) return false;
  const area = digitsValue(text, starts, ends, first, 0, 3);
  if (area === 0 || area === 666 || area >= 900) return false;
  return digitsValue(text, starts, ends, first, 3, 2) !== 0 && digitsValue(text, starts, ends, first, 5, 4) !== 0;
};

/** itinRange: nine digits, 9xx, group 50–65, 70–88, 90–92 or 94–99. */
const itinGate: DigitGate = (text, starts, ends, first, _last, count) => {
  if (count !== 9 || digitAt(text, starts, ends, first, 0) !== 9) return false;
  const group = digitsValue(text, starts, ends, first, 3, 2);
  return (group >= 50 && group <= 65) || (group >= 70 && group <= 88) || (group >= 90 && group <= 92) || group >= 94;
};

/** abaChecksum: nine digits, a Federal Reserve prefix, the 3-7-1 weighted sum. */
const abaGate: DigitGate = (text, starts, ends, first, _last, count) => {
  if (count !== 9) return false;
  const d = (k: number) => digitAt(text, starts, ends, first, k);
  const prefix = d(0) * 10 + d(1);
  if (!(prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80)) return false;
  return (3 * (d(0) + d(3) + d(6)) + 7 * (d(1) + d(4) + d(7)) + (d(2) + d(5) + d(8))) % 10 === 0;
};

/** cardMii: the first digit 1–6 or 8, or the number starts 9792. */
const miiGate: DigitGate = (text, starts, ends, first, _last, count) => {
  const d0 = digitAt(text, starts, ends, first, 0);
  if ((d0 >= 1 && d0 <= 6) || d0 === 8) return true;
  return d0 === 9 && count >= 4 && digitsValue(text, starts, ends, first, 1, 3) === 792;
};

/**
 * ipv4 (validator's isIP, version 4): every group of the window is a whole digit run of the validator's text,
 * and a segment is 0–255 without a leading zero; a longer group or one out of range fails the pattern.
 */
const ipv4Gate: DigitGate = (text, starts, ends, first, last) => {
  for (let g = first; g <= last; g++) {
    const len = ends[g]! - starts[g]!;
    if (len > 3) return false;
    if (len > 1 && text.charCodeAt(starts[g]!) === 48) return false;
    if (len === 3 && digitsValue(text, starts, ends, g, 0, 3) > 255) return false;
  }
  return true;
};

const GATES = new Map<Validator, DigitGate>([
  [luhnChecksum, luhnGate],
  [phonePrefix00, prefix00Gate],
  [ssnArea, ssnGate],
  [itinRange, itinGate],
  [abaChecksum, abaGate],
  [cardMii, miiGate],
  [ipv4, ipv4Gate],
]);

/** The gates of a rule's validators that have one, in order; null when none has. */
export function digitGatesOf(validators: readonly { fn: Validator }[]): DigitGate[] | null {
  const gates: DigitGate[] = [];
  for (const v of validators) {
    const g = GATES.get(v.fn);
    if (g) gates.push(g);
  }
  return gates.length ? gates : null;
}

/** Whether no gate refuses the window. */
export function gatesPass(gates: readonly DigitGate[], text: string, starts: Int32Array, ends: Int32Array, first: number, last: number, count: number): boolean {
  for (let k = 0; k < gates.length; k++) if (!gates[k]!(text, starts, ends, first, last, count)) return false;
  return true;
}

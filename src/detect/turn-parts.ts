import { readSequence } from './spoken-sequence.js';

/**
 * The pieces of a number read out over several turns of a dialogue (card-split.ts, phone-split.ts): a
 * turn that holds one part of the number (written digit groups, number words or both) and little else,
 * and a short acknowledgement of the other speaker between two parts ("ok", "mhm", "sorry, go on").
 */

/** A part's line: at most this much text before its number tokens ("um, it should be") and after them. */
export const PART_LEAD = 48;
const PART_TAIL = 32;
/** The acknowledgement between the parts: a short turn without digits. */
export const ACK_MAX = 32;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The line [from, lineEnd) as far as `from + max`: its end, or -1 when it holds a digit or is too long. */
export function digitFreeLineEnd(text: string, from: number, max: number): number {
  const limit = Math.min(text.length, from + max + 1);
  for (let p = from; p < limit; p++) {
    const c = text.charCodeAt(p);
    if (c === 10) return p;
    if (isDigit(c)) return -1;
  }
  return limit === text.length ? text.length : -1;
}

/** Whether a letter or digit (any script) stands right before p: ASCII by code, the rest by \p{L}\p{N}. */
function wordCharBefore(text: string, p: number): boolean {
  if (p === 0) return false;
  const c = text.charCodeAt(p - 1);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_NUMBER.test(text[p - 1]!);
}
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Past a chat timestamp after a speaker label ("agent: (08:26) ok"). */
export function afterChatTime(text: string, p: number): number {
  let q = p;
  while (text.charCodeAt(q) === 32) q++;
  if (text.charCodeAt(q) !== 40) return p;
  const close = text.indexOf(')', q);
  return close > q && close - q <= 12 && /^\(\d{1,2}:\d{2}(?::\d{2})?\s?(?:[ap]m)?\)$/i.test(text.slice(q, close + 1)) ? close + 1 : p;
}

/**
 * Skips a chat timestamp "(14:46)" and up to `lead` characters of words before a part ("um, it should be"):
 * where its first number token starts, or -1.
 */
function partStart(text: string, from: number, lead: number): number {
  let p = from;
  const limit = Math.min(text.length, from + lead);
  while (p < limit) {
    const c = text.charCodeAt(p);
    if (c === 10) return -1;
    if (c === 40) {
      const close = text.indexOf(')', p);
      if (close < 0 || close - p > 12) return -1;
      p = close + 1;
      continue;
    }
    if (isDigit(c)) return p;
    // The word-start test first (both must hold): inside a word no sequence is read at all.
    if (!wordCharBefore(text, p) && readSequence(text, p, Math.min(text.length, p + 200))) return p;
    p++;
  }
  return -1;
}

/** A number written in parts: each part's span, and the whole number's digits. */
export interface SplitNumber {
  parts: Array<{ start: number; end: number }>;
  digits: string;
}

export interface TurnPart {
  start: number;
  end: number;
  digits: string;
  lineEnd: number;
}

/** One part: its number tokens on one line, then only a short tail without digits up to the line's end. */
export function readPart(text: string, from: number, lead = PART_LEAD): TurnPart | null {
  const s = partStart(text, from, lead);
  if (s < 0) return null;
  const nl = text.indexOf('\n', s);
  const lineEnd = nl < 0 ? text.length : nl;
  const seq = readSequence(text, s, lineEnd);
  if (!seq) return null;
  const end = seq.ends[seq.n - 1]!;
  if (lineEnd - end > PART_TAIL || /\d/.test(text.slice(end, lineEnd))) return null;
  return { start: s, end, digits: seq.digits.join(''), lineEnd };
}

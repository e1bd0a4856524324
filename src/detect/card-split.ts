import { speakerLabelAt } from './turn-label.js';
import { readSequence } from './spoken-sequence.js';

/**
 * A card number read out in two turns of a dialogue, the other speaker acknowledging in between:
 *
 *   Agent: Can I get the card number please?
 *   Customer: 4153 4836 4580          (or "six five double zero, zero nine zero six")
 *   Agent: ok
 *   Customer: 4551 175
 *
 * After a card cue, the reader goes to the answer's turn, reads the first part (written digit groups,
 * number words or both), passes one short turn without digits, and reads the second part in the next turn
 * of the first part's speaker. The two parts are one number (12–19 digits) that its rule's validators
 * check whole; each part is reported on its own span, so the acknowledgement between stays in clear.
 */

export interface SplitNumber {
  parts: Array<{ start: number; end: number }>;
  digits: string;
}

/** How far after the cue the whole reading may go (within limits.ts MAX_MATCH). */
export const SPLIT_REACH = 560;
/** How much of the cue's line may follow it ("… on the front of the card?"), and of a part's line around it. */
const CUE_TAIL = 96;
const PART_LEAD = 48;
const PART_TAIL = 32;
/** The acknowledgement between the parts: a short turn without digits ("ok", "mhm", "go on", "yes?"). */
const ACK_MAX = 32;
const PART_MIN = 4;
/** A first part of 16 digits or more is a whole card number (read by the digit rules), not half of one. */
const FIRST_MAX = 15;
const CARD_MIN = 12;
const CARD_MAX = 19;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The line [from, lineEnd) as far as `limit`: its end, or -1 when it holds a digit or is too long. */
function digitFreeLineEnd(text: string, from: number, max: number): number {
  const limit = Math.min(text.length, from + max + 1);
  for (let p = from; p < limit; p++) {
    const c = text.charCodeAt(p);
    if (c === 10) return p;
    if (isDigit(c)) return -1;
  }
  return limit === text.length ? text.length : -1;
}

/** Past a chat timestamp after a speaker label ("agent: (08:26) ok"). */
function afterChatTime(text: string, p: number): number {
  let q = p;
  while (text.charCodeAt(q) === 32) q++;
  if (text.charCodeAt(q) !== 40) return p;
  const close = text.indexOf(')', q);
  return close > q && close - q <= 12 && /^\(\d{1,2}:\d{2}(?::\d{2})?\s?(?:[ap]m)?\)$/i.test(text.slice(q, close + 1)) ? close + 1 : p;
}

/** Skips a chat timestamp "(14:46)" and the words before a part ("um, it should be"): where its first number token starts. */
function partStart(text: string, from: number): number {
  let p = from;
  const limit = Math.min(text.length, from + PART_LEAD);
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
    const seq = readSequence(text, p, Math.min(text.length, p + 200));
    if (seq && (p === 0 || !/[\p{L}\p{N}]/u.test(text[p - 1]!))) return p;
    p++;
  }
  return -1;
}

/** One part: its number tokens on one line, then only a short tail without digits up to the line's end. */
function readPart(text: string, from: number): { start: number; end: number; digits: string; lineEnd: number } | null {
  const s = partStart(text, from);
  if (s < 0) return null;
  const nl = text.indexOf('\n', s);
  const lineEnd = nl < 0 ? text.length : nl;
  const seq = readSequence(text, s, lineEnd);
  if (!seq) return null;
  const end = seq.ends[seq.n - 1]!;
  if (lineEnd - end > PART_TAIL || /\d/.test(text.slice(end, lineEnd))) return null;
  return { start: s, end, digits: seq.digits.join(''), lineEnd };
}

/** A card number split over two turns after a cue ending at `from`, or null. */
export function readSplitCardAfter(text: string, from: number): SplitNumber | null {
  const reach = Math.min(text.length, from + SPLIT_REACH);
  const cueEnd = digitFreeLineEnd(text, from, CUE_TAIL);
  if (cueEnd < 0 || cueEnd >= reach) return null;
  const first = speakerLabelAt(text, cueEnd + 1);
  if (!first) return null;
  const a = readPart(text, first.end);
  if (!a || a.digits.length < PART_MIN || a.digits.length > FIRST_MAX || a.lineEnd >= reach) return null;
  const ack = speakerLabelAt(text, a.lineEnd + 1);
  if (!ack || ack.label === first.label) return null;
  const ackEnd = digitFreeLineEnd(text, afterChatTime(text, ack.end), ACK_MAX);
  if (ackEnd < 0 || ackEnd >= reach) return null;
  const second = speakerLabelAt(text, ackEnd + 1);
  if (!second || second.label !== first.label) return null;
  const b = readPart(text, second.end);
  if (!b || b.end > reach || b.digits.length < 1) return null;
  const digits = a.digits + b.digits;
  if (digits.length < CARD_MIN || digits.length > CARD_MAX) return null;
  return { parts: [{ start: a.start, end: a.end }, { start: b.start, end: b.end }], digits };
}

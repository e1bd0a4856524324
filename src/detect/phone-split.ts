import { speakerLabelAt } from './turn-label.js';
import { ACK_MAX, afterChatTime, digitFreeLineEnd, readPart, type SplitNumber, type TurnPart } from './turn-parts.js';

/**
 * A phone number read out in pieces over several turns of a dialogue, after a phone cue:
 *
 *   Agent: What's the best number to reach you?
 *   Customer: it's oh seven seven zero zero      (or "it's 07700")
 *   Agent: mhm
 *   Customer: nine double zero one two three
 *
 * From the cue's line and the few turns after it, the reader looks for a turn that holds only the first
 * digits of a number (a few words before them at most), then joins the turns of the same speaker that
 * follow with more digits, passing over one short acknowledgement of the other speaker between two of them.
 * The pieces are one number of 7–15 digits (a phone number's lengths); each piece is reported on its own
 * span, so the acknowledgements stay in clear.
 */

/** How far after the cue the whole reading may go (within limits.ts MAX_MATCH). */
export const PHONE_SPLIT_REACH = 600;
/** Turns after the cue's line where the first piece may stand (the whole number may come first). */
const START_TURNS = 4;
/** Words before the first piece ("yeah so it's") and before a later one ("um", "okay so"). */
const FIRST_LEAD = 24;
const NEXT_LEAD = 16;
/** A first piece longer than this is a whole number (read by the digit rules), not the start of one. */
const FIRST_MAX = 8;
const MAX_PIECES = 4;
const PHONE_MIN = 7;
const PHONE_MAX = 15;
/** An acknowledgement may be a short question ("yes?"); a longer one asks for something else. */
const ACK_QUESTION_MAX = 8;

const lineAfter = (text: string, p: number) => {
  const nl = text.indexOf('\n', p);
  return nl < 0 ? -1 : nl + 1;
};

/** The end of a short acknowledgement turn starting at `ls` (another speaker than `speaker`), or -1. */
function ackEnd(text: string, ls: number, speaker: string): number {
  const label = speakerLabelAt(text, ls);
  if (!label || label.label === speaker) return -1;
  const from = afterChatTime(text, label.end);
  const end = digitFreeLineEnd(text, from, ACK_MAX);
  if (end < 0) return -1;
  const said = text.slice(from, end).trim();
  return said.endsWith('?') && said.length > ACK_QUESTION_MAX ? -1 : end;
}

/** The pieces from a first piece `a` of `speaker`'s turn on, or null when they are not one phone number. */
function chainFrom(text: string, a: TurnPart, speaker: string, reach: number): SplitNumber | null {
  const parts = [{ start: a.start, end: a.end }];
  let digits = a.digits;
  let lineEnd = a.lineEnd;
  while (parts.length < MAX_PIECES && lineEnd < reach) {
    let ls = lineEnd + 1;
    const ack = ackEnd(text, ls, speaker);
    if (ack >= 0) ls = ack + 1;
    if (ls >= reach) break;
    const label = speakerLabelAt(text, ls);
    if (!label || label.label !== speaker) break;
    const from = afterChatTime(text, label.end);
    const b = readPart(text, from, NEXT_LEAD);
    if (!b || b.end > reach || digits.length + b.digits.length > PHONE_MAX) break;
    // "order number #23963-4": a number sign marks a reference, not the rest of the phone number.
    if (text.slice(from, b.start).includes('#')) break;
    parts.push({ start: b.start, end: b.end });
    digits += b.digits;
    lineEnd = b.lineEnd;
  }
  return parts.length >= 2 && digits.length >= PHONE_MIN ? { parts, digits } : null;
}

/**
 * The first piece of a number read from `from` on: a short one, with no digit passed over before it (an
 * area code in parentheses, "(202) 622-8784", belongs to a whole number).
 */
function firstPiece(text: string, from: number): TurnPart | null {
  const a = readPart(text, from, FIRST_LEAD);
  return a && a.digits.length <= FIRST_MAX && !/\d/.test(text.slice(from, a.start)) ? a : null;
}

/** A phone number read out over several turns after a cue ending at `from`, or null. */
export function readSplitPhoneAfter(text: string, from: number): SplitNumber | null {
  const reach = Math.min(text.length, from + PHONE_SPLIT_REACH);
  // The cue's own turn may hold the first piece ("Customer: my cell is 0612").
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const own = speakerLabelAt(text, lineStart);
  const a0 = own ? firstPiece(text, from) : null;
  if (own && a0) {
    const chain = chainFrom(text, a0, own.label, reach);
    if (chain) return chain;
  }
  let ls = lineAfter(text, from);
  for (let turn = 0; turn < START_TURNS && ls > 0 && ls < reach; turn++) {
    const label = speakerLabelAt(text, ls);
    const a = label ? firstPiece(text, afterChatTime(text, label.end)) : null;
    if (label && a) {
      const chain = chainFrom(text, a, label.label, reach);
      if (chain) return chain;
    }
    ls = lineAfter(text, ls);
  }
  return null;
}

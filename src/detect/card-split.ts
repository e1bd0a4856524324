import { speakerLabelAt } from './turn-label.js';
import { ACK_MAX, afterChatTime, digitFreeLineEnd, readPart, type SplitNumber } from './turn-parts.js';

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

/** How far after the cue the whole reading may go (within limits.ts MAX_MATCH). */
export const SPLIT_REACH = 560;
/** How much of the cue's line may follow it ("… on the front of the card?"). */
const CUE_TAIL = 96;
const PART_MIN = 4;
/** A first part of 16 digits or more is a whole card number (read by the digit rules), not half of one. */
const FIRST_MAX = 15;
const CARD_MIN = 12;
const CARD_MAX = 19;

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

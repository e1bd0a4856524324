import { ALPHA, CLASS, DIGIT } from './chars.js';
import { FILLERS, fillerAt, isSpokenJoiner, readNumberToken } from './spoken-words.js';

/** The most number tokens read as one sequence, and the most characters it may span. */
export const MAX_TOKENS = 48;
export const MAX_SEQUENCE_CHARS = 400;
/**
 * The longest written digit group a spoken number takes along ("4111 one one one one 1111 1111",
 * "41 eleven 11 eleven"): a card read out mixes written groups and words.
 */
const MIXED_GROUP = 4;
/** Joiner and filler characters allowed between two tokens ("four, uh, one"). */
const MAX_JOINER = 16;

export interface NumberSequence {
  n: number;
  starts: number[];
  ends: number[];
  digits: string[];
  /** True when at least one token is a word (not all written digits). */
  spoken: boolean;
}

/**
 * Reads consecutive number tokens from `start` — written digit runs and number words — joined by spaces,
 * commas, dots, dashes and fillers ("uh"). Stops at anything else, at MAX_TOKENS or MAX_SEQUENCE_CHARS, and
 * with spokenOnly at a written group of several digits.
 */
export function readSequence(text: string, start: number, limit: number, spokenOnly = false, gluedLeft = false): NumberSequence | null {
  const hardLimit = Math.min(limit, start + MAX_SEQUENCE_CHARS);
  // Most calls start at a word that is no number (every word of a keyword's window): answered before
  // anything is allocated.
  let first = start < hardLimit ? readNumberToken(text, start, hardLimit, gluedLeft) : null;
  if (!first) return null;
  const seq: NumberSequence = { n: 0, starts: [], ends: [], digits: [], spoken: false };
  let p = start;
  while (seq.n < MAX_TOKENS && p < hardLimit) {
    const t = first ?? readNumberToken(text, p, hardLimit, gluedLeft && p === start);
    first = null;
    if (!t) break;
    // A spoken number is words and single digits: a written digit group ends it (spokenOnly).
    if (spokenOnly && t.end - p > MIXED_GROUP && CLASS[text.charCodeAt(p)]! & DIGIT) break;
    if (!(CLASS[text.charCodeAt(p)]! & DIGIT)) seq.spoken = true;
    seq.starts.push(p);
    seq.ends.push(t.end);
    seq.digits.push(t.digits);
    seq.n++;
    let q = t.end;
    while (q < hardLimit && q - t.end <= MAX_JOINER) {
      const c = text.charCodeAt(q);
      if (isSpokenJoiner(c)) {
        q++;
        continue;
      }
      if (CLASS[c]! & ALPHA) {
        const n = fillerAt(text, q, hardLimit);
        if (n) {
          q += n;
          continue;
        }
      }
      break;
    }
    if (q === t.end || q - t.end > MAX_JOINER) break;
    p = q;
  }
  return seq.n ? seq : null;
}

/**
 * From a gate hit (a number word), walks back over the tokens the gate does not fire on — written digit
 * groups of up to MIXED_GROUP digits, "oh"/"o" and fillers — so "4 one 1 1" starts at the "4". Never below `lo`.
 */
export function walkBackSequence(text: string, hit: number, lo: number): number {
  let start = hit;
  let i = hit;
  for (;;) {
    let j = i;
    while (j > lo && isSpokenJoiner(text.charCodeAt(j - 1))) j--;
    if (j === i || j <= lo) break;
    const c = text.charCodeAt(j - 1);
    let k = j - 1;
    if (CLASS[c]! & DIGIT) {
      // Written digit groups of up to MIXED_GROUP digits belong to a spoken number ("4 one 1 1",
      // "4111 one one one one"); a longer group ends it.
      while (k > lo && j - k < MIXED_GROUP && CLASS[text.charCodeAt(k - 1)]! & DIGIT) k--;
      if (k > lo && CLASS[text.charCodeAt(k - 1)]! & DIGIT) break;
      if (k > 0 && CLASS[text.charCodeAt(k - 1)]! & ALPHA) break;
      // A group of several digits joins only when it opens the number: one that follows another written
      // group is the end of a written number (the digit pass reads it), not part of the spoken one.
      if (j - 1 > k) {
        let b = k;
        while (b > lo && isSpokenJoiner(text.charCodeAt(b - 1))) b--;
        if (b > lo && b < k && CLASS[text.charCodeAt(b - 1)]! & DIGIT) break;
      }
      start = k;
      i = k;
      continue;
    }
    if (CLASS[c]! & ALPHA) {
      while (k > lo && CLASS[text.charCodeAt(k - 1)]! & ALPHA) k--;
      if (k > 0 && CLASS[text.charCodeAt(k - 1)]! & (ALPHA | DIGIT)) break;
      const w = text.slice(k, j).toLowerCase();
      if (w === 'oh' || w === 'o') {
        start = k;
        i = k;
        continue;
      }
      if (FILLERS.has(w)) {
        i = k;
        continue;
      }
    }
    break;
  }
  return start;
}

import { ALPHA, CLASS, DIGIT } from '../detect/chars.js';
import { readNumberToken } from '../detect/spoken-words.js';

/**
 * Splits a finding's text into the pieces that carry digits: each written digit, and each spoken number
 * word ("four", "double five"). Masks that keep the last four digits work on these pieces, so a spoken
 * card number is masked word by word in place.
 */
export interface DigitToken {
  start: number;
  end: number;
  digits: string;
}

export function digitTokens(text: string): DigitToken[] {
  const out: DigitToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cls = CLASS[text.charCodeAt(i)]!;
    if (cls & DIGIT) {
      out.push({ start: i, end: i + 1, digits: text[i]! });
      i++;
    } else if (cls & ALPHA && (i === 0 || !(CLASS[text.charCodeAt(i - 1)]! & ALPHA))) {
      const t = readNumberToken(text, i, n);
      if (t) {
        out.push({ start: i, end: t.end, digits: t.digits });
        i = t.end;
      } else {
        while (i < n && CLASS[text.charCodeAt(i)]! & ALPHA) i++;
      }
    } else {
      i++;
    }
  }
  return out;
}

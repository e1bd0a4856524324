import { ALPHA, CLASS, DIGIT } from '../detect/chars.js';
import { unicodeDigitAt } from '../detect/normalize.js';
import { readNumberToken } from '../detect/spoken-words.js';

/**
 * Splits a finding's text into the pieces that carry digits: each written digit, and each spoken number
 * word ("four", "double five"). Masks that keep the last four digits work on these pieces, so a spoken
 * card number is masked word by word in place. A digit of any script (\p{Nd}: full-width, Arabic-Indic,
 * mathematical…) is a piece of its own, so a mask keeps the text's script.
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
    // A URL escape between groups ("4111%201111") is a separator: its hex digits are not the number's.
    if (text.charCodeAt(i) === 37 && /^%[0-9A-Fa-f]{2}/.test(text.slice(i, i + 3))) {
      i += 3;
      continue;
    }
    const u = cls & DIGIT || text.charCodeAt(i) >= 0x80 ? unicodeDigitAt(text, i) : null;
    if (u) {
      out.push({ start: i, end: i + u.len, digits: String(u.digit) });
      i += u.len;
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

import { turnLabelEnd } from './boundaries.js';

/**
 * The speaker label that opens the line at i, for readers that follow a question into its answer: what
 * boundaries.ts reads ("Agent:", "[10:02] Maria Lopez:", "Bot/Agent >"), also after a bracketed timestamp
 * before emphasis ("[00:03:49] **Customer:**"), and the dash labels of some transcript exports
 * ("CUSTOMER - "). Returns the label's name (lower case, timestamp and emphasis left out) and where the
 * turn's text starts, or null when the line opens with no label.
 */
export function speakerLabelAt(text: string, i: number): { label: string; end: number } | null {
  let q = i;
  if (text.charCodeAt(q) === 91) {
    const close = text.indexOf(']', q);
    if (close < 0 || close - q > 24) return null;
    q = close + 1;
    while (text.charCodeAt(q) === 32) q++;
  }
  const end = turnLabelEnd(text, q);
  if (end >= 0) {
    let labelEnd = end;
    while (labelEnd > q && isLabelTail(text, labelEnd - 1)) labelEnd--;
    return { label: text.slice(q, labelEnd).replace(/^\*+/, '').trim().toLowerCase(), end };
  }
  // "CUSTOMER - ", "Agent – ": a short name of letters and spaces, then a dash between spaces.
  let e = q;
  while (e < text.length && e - q <= 32 && isLetterOrSpace(text, e)) e++;
  if (e > q + 1 && text.charCodeAt(e - 1) === 32 && text.charCodeAt(e) === 45 && text.charCodeAt(e + 1) === 32) {
    return { label: text.slice(q, e).trim().toLowerCase(), end: e + 2 };
  }
  return null;
}

const LABEL_TAIL = /[\s:>*]/;
const LETTER_OR_SPACE = /[\p{L} ]/u;

/** `[\s:>*]` on the UTF-16 unit at i: ASCII by its code (\s there is 9–13 and the space), the rest by the regex. */
function isLabelTail(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13) || c === 58 || c === 62 || c === 42;
  return LABEL_TAIL.test(text[i]!);
}

/** `[\p{L} ]` (flag u) on the UTF-16 unit at i: in ASCII only the letters and the space, the rest by the regex. */
function isLetterOrSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || ((c | 32) >= 97 && (c | 32) <= 122);
  return LETTER_OR_SPACE.test(text[i]!);
}

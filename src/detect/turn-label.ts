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
    while (labelEnd > q && /[\s:>*]/.test(text[labelEnd - 1]!)) labelEnd--;
    return { label: text.slice(q, labelEnd).replace(/^\*+/, '').trim().toLowerCase(), end };
  }
  // "CUSTOMER - ", "Agent – ": a short name of letters and spaces, then a dash between spaces.
  let e = q;
  while (e < text.length && e - q <= 32 && /[\p{L} ]/u.test(text[e]!)) e++;
  if (e > q + 1 && text.charCodeAt(e - 1) === 32 && text.charCodeAt(e) === 45 && text.charCodeAt(e + 1) === 32) {
    return { label: text.slice(q, e).trim().toLowerCase(), end: e + 2 };
  }
  return null;
}

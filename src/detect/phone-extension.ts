import { ALPHA, CLASS, DIGIT } from './chars.js';

/**
 * A phone extension written right after a number: "x036", " x332", " ext. 8828", " ext 12", " extn 4",
 * " extension 4521", " #5801" (issue 16). It belongs to the number: masking the number and leaving the extension
 * beside it would leave more of it in clear than the mask keeps.
 */

/** The words that open an extension, longest first (lower case). */
const MARKERS = ['extension', 'extn', 'ext', 'x'] as const;
/** Longest extension read: a space, "extension", '.', a space and six digits. */
export const MAX_EXTENSION = 1 + 9 + 1 + 1 + 6;
const MAX_EXT_DIGITS = 6;

const isDigitAt = (t: string, i: number) => i < t.length && (CLASS[t.charCodeAt(i)]! & DIGIT) !== 0;
const isAlphaAt = (t: string, i: number) => i < t.length && (CLASS[t.charCodeAt(i)]! & ALPHA) !== 0;

/**
 * Whether the lower-case ASCII marker m is written at p, in any case: compared by code unit, no slice. Only an
 * ASCII letter lower-cases to one of the markers' letters (no 'k', whose Kelvin sign would), so this is
 * toLowerCase's answer.
 */
function markerAt(text: string, p: number, m: string): boolean {
  if (text.length - p < m.length) return false;
  for (let i = 0; i < m.length; i++) {
    const c = text.charCodeAt(p + i);
    const l = m.charCodeAt(i);
    if (c !== l && c !== l - 32) return false;
  }
  return true;
}

/** Where an extension that starts at `pos` (right after a number's last digit) ends, or -1. */
export function extensionEnd(text: string, pos: number): number {
  let p = pos;
  if (text.charCodeAt(p) === 32) p++;
  let marker = -1;
  for (let k = 0; k < MARKERS.length; k++) {
    if (markerAt(text, p, MARKERS[k]!)) {
      marker = p + MARKERS[k]!.length;
      break;
    }
  }
  // "#5801" after a space: the extension sign of North American signatures.
  if (marker < 0 && p > pos && text.charCodeAt(p) === 35) marker = p + 1;
  if (marker < 0) return -1;
  p = marker;
  if (text.charCodeAt(p) === 46) p++;
  if (text.charCodeAt(p) === 32) p++;
  const s = p;
  while (p - s < MAX_EXT_DIGITS && isDigitAt(text, p)) p++;
  // Digits, then neither a further digit nor a letter: "x036", not "x0365551234" or "x12abc".
  if (p === s || isDigitAt(text, p) || isAlphaAt(text, p)) return -1;
  // The digits follow the marker itself when nothing joined them ("ext12"); a letter run such as "text"
  // is no marker: the marker must end where letters end.
  if (s === marker && isAlphaAt(text, marker)) return -1;
  return p;
}

/**
 * Where a cue's reach ends (issue 19): a context window or a value read stops at a paragraph break (a blank
 * line) and at a change of turn in a transcript or chat (a line that opens with a speaker label,
 * "Agent:", "[10:02] Maria Lopez:"). A window before a value may reach back into the turn right before the
 * value's own (a question and its answer: "what's your date of birth?" / "Customer: 4 May 1961"), never
 * further; a window after a value stays in the value's turn. Plain code, no regex: it runs on bounded
 * slices at candidates only.
 */

const NL = 10;
const CR = 13;
const isBlank = (c: number) => c === 32 || c === 9 || c === CR;
/** Per ASCII character: 1 when it may stand in a speaker label (letters, digits, space, * / . ' - ( ) _). */
const LABEL_ASCII = Uint8Array.from({ length: 128 }, (_, c) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 32 || c === 42 || c === 47 || c === 46 || c === 39 || c === 45 || c === 40 || c === 41 || c === 95 ? 1 : 0,
);
const isLabelChar = (c: number) => (c < 128 ? LABEL_ASCII[c] === 1 : c >= 0xc0);

/** The longest speaker label read at a line start ("[00:01:02] Customer (Maria Lopez)"). */
const MAX_LABEL = 48;

/** Whether the line starting at i opens with a speaker label followed by ':' or '>' (a turn starts there). */
export function turnStartsAt(text: string, i: number): boolean {
  return turnLabelEnd(text, i) >= 0;
}

/**
 * Where the speaker label that opens the line at i ends (after its ':' or '>' and any emphasis), or -1:
 * "Agent:", "[10:02] Maria Lopez:", "**Customer:**", "Speaker 2:", "Bot/Agent >", "AGENT -" is not one.
 */
export function turnLabelEnd(text: string, i: number): number {
  let p = i;
  const end = Math.min(text.length, i + MAX_LABEL + 24);
  while (p < end && isBlank(text.charCodeAt(p))) p++;
  // Markdown emphasis around a label ("**Agent:**").
  while (p < end && text.charCodeAt(p) === 42) p++;
  if (text.charCodeAt(p) === 91) {
    // A timestamp: "[10:02]", "[00:01:02]".
    const close = text.indexOf(']', p);
    if (close < 0 || close - p > 24) return -1;
    p = close + 1;
    while (p < end && isBlank(text.charCodeAt(p))) p++;
  }
  const s = p;
  const first = text.charCodeAt(p);
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first >= 0xc0)) return -1;
  while (p < end && p - s <= MAX_LABEL && isLabelChar(text.charCodeAt(p))) p++;
  // "Label:" or "Label >" followed by a space, a line end or the text end: not "http://", not "10:30".
  while (p > s && text.charCodeAt(p - 1) === 32 && text.charCodeAt(p) === 62) p--;
  let t = p;
  while (t < end && text.charCodeAt(t) === 32) t++;
  const term = text.charCodeAt(t);
  if ((term !== 58 && term !== 62) || t === s) return -1;
  let q = t + 1;
  while (q < text.length && text.charCodeAt(q) === 42) q++;
  const next = text.charCodeAt(q);
  return q >= text.length || next === 32 || next === 9 || next === NL || next === CR ? q : -1;
}

/** Whether a blank line (two line breaks with only spaces between) ends at line break i (text[i] is '\n'). */
function blankLineBefore(text: string, i: number, lo: number): boolean {
  let p = i - 1;
  while (p >= lo && isBlank(text.charCodeAt(p))) p--;
  return p >= lo && text.charCodeAt(p) === NL;
}

/**
 * Where a window that ends at `end` may start, at the earliest `lo`: after the last blank line, and no
 * earlier than the start of the turn before the one `end` stands in.
 */
export function windowStartBefore(text: string, lo: number, end: number): number {
  let turns = 0;
  for (let i = end - 1; i >= lo; i--) {
    if (text.charCodeAt(i) !== NL) continue;
    if (blankLineBefore(text, i, lo)) return i + 1;
    if (turnStartsAt(text, i + 1) && ++turns === 2) return i + 1;
  }
  return lo;
}

/** Where a window that starts at `start` must end, at the latest `hi`: at a blank line or the next turn. */
export function windowEndAfter(text: string, start: number, hi: number): number {
  for (let i = start; i < hi; i++) {
    if (text.charCodeAt(i) !== NL) continue;
    let p = i + 1;
    while (p < hi && isBlank(text.charCodeAt(p))) p++;
    if (p < text.length && text.charCodeAt(p) === NL) return i;
    if (turnStartsAt(text, i + 1)) return i;
  }
  return hi;
}

/** Whether [from, to) holds a paragraph break (a blank line). */
export function hasParagraphBreak(text: string, from: number, to: number): boolean {
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
    let p = i + 1;
    while (p < to && isBlank(text.charCodeAt(p))) p++;
    if (p < to && text.charCodeAt(p) === NL) return true;
  }
  return false;
}

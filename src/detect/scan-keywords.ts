import { failClosed, offerCandidate, type ScanContext } from './candidate.js';
import { ALPHA, CLASS, DIGIT } from './chars.js';
import type { KeywordPhrase, KeywordTarget } from './plan.js';
import { readSequence } from './spoken-sequence.js';
import { hasParagraphBreak, turnLabelEnd } from './boundaries.js';
import { MASK_GLUE, readNumberToken } from './spoken-words.js';
import { fillerStop, fillerStopsInto } from './cue-fillers.js';
import { currencyAfter, currencyBefore } from './amounts.js';
import { phraseLiteralEnd } from './phrase-literal.js';

/**
 * Keyword-anchored rules (CVV, expiry, DOB, passwords, names, street addresses…): the scanner looks every
 * word up in one hash table of keyword first words (speed.md B1's prefilter, without a regex pass), a sticky
 * regex confirms the whole phrase, and each rule reads its value right after the keyword with a sticky
 * regex or the number reader (written or spoken digits), or right before it within a bounded slice.
 */
export interface KeywordPassState {
  /** End of the last keyword matched (case-insensitive and case-sensitive keywords apart). */
  next: number;
  nextCs: number;
}

/**
 * The scanner found a word whose first word starts these phrases (longest first). The first phrase that
 * matches at h is the keyword; each rule it anchors reads its value.
 */
export function keywordAt(ctx: ScanContext, phrases: readonly KeywordPhrase[], h: number, st: KeywordPassState, cs: boolean): void {
  if (ctx.base + h < (cs ? st.nextCs : st.next)) return;
  const text = ctx.text;
  for (const phrase of phrases) {
    let ke: number;
    if (phrase.lit !== null) {
      ke = phraseLiteralEnd(phrase.lit, text, h);
      if (ke < 0) continue;
    } else {
      phrase.re.lastIndex = h;
      if (!phrase.re.test(text)) continue;
      ke = phrase.re.lastIndex;
    }
    for (const t of phrase.targets) {
      try {
        evaluateKeyword(ctx, t, h, ke);
      } catch (err) {
        failClosed(ctx, t.rule, h, ke + t.maxGap + 16, err);
      }
    }
    if (cs) st.nextCs = ctx.base + ke;
    else st.next = ctx.base + ke;
    return;
  }
}

/**
 * Words that tie the number after them to another value than the cue's: "the card ending 1111", "last four
 * 1234", "order 5512". A number after one of them is skipped, and the cue's value must then be bound by a
 * binding word ("CVV for the card ending 1111 that she used last week is 123").
 */
const OTHER_VALUE_WORDS: ReadonlySet<string> = new Set([
  'ending', 'ends', 'end', 'last', 'first', 'four', 'order', 'ticket', 'case', 'ref', 'reference', 'invoice', 'ext',
  'extension', 'room', 'apt', 'suite', 'unit', 'page', 'step', 'item', 'sku', 'x', 'ord', 'trk', 'tracking', 'rma',
]);

/** A number on the cue's line before the cue: three digits, or two number words in a row ("one four six"). */
const NUMBER_WORD = '(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|double|triple)';
const NUMBER_BEFORE_CUE = new RegExp(`\\d{3}|\\b${NUMBER_WORD}[\\s,.-]{1,3}${NUMBER_WORD}\\b`, 'i');

/** Words that bind the number after them to the cue before them ("… is 123", "… was 4921", "… are 7 3 9"). */
const BINDING_WORDS: ReadonlySet<string> = new Set(['is', 'was', 'are', 'were', 's', 'its', 'reads', 'says', 'be']);

/** Words that keep a binding open: "is just 123", "is the 123", "is my 4921", "was actually 0481". */
const FILLER_WORDS: ReadonlySet<string> = new Set(['the', 'just', 'my', 'a', 'number', 'no', 'code', 'actually', 'now', 'still', 'on', 'file', 'it', 'that', 'should', 'would', 'will', 'uh', 'um']);

/** The longest word of the three word sets above. */
const MAX_CUE_WORD = 9;

/** How far a value may stand after its cue on the same line when a binding word ties it ("… is 123"). */
const FAR_GAP = 160;

const isLetterCode = (c: number) => (CLASS[c]! & ALPHA) !== 0;

/**
 * The number that belongs to a cue ending at `from`, read as written or spoken digits. Up to maxGap
 * characters on, the first number is taken (the cue's fillers, "is", ":", "#", quotes, markdown emphasis,
 * and a number glued to the cue: "cvv123"); a number another value's word stands before ("ending 1111") is
 * skipped, and then, as anywhere up to FAR_GAP on the same line, only a number after a binding word
 * ("is", "was", ":", "=") is taken. Tokens are taken while the count stays within max, so
 * "CVV 123 4000 0000 0000 0006" gives 123, not the card after it. Clock times and transcript timestamps
 * are skipped. Returns null when the number found has too few digits, at a blank line or a second line
 * break (a dialogue answer stands on the next line, no further), or when the gap already holds a
 * redaction ('[LABEL', '•', a mask's '*'): the value was masked before.
 */
export function readNumberAfter(text: string, from: number, maxGap: number, min: number, max: number) {
  const limit = Math.min(text.length, from + Math.max(maxGap, FAR_GAP) + 1);
  const near = from + maxGap;
  let newlines = 0;
  let bound = false;
  let needBinding = false;
  // The last word read, by position: sliced only when a number follows it (most gaps are short).
  let lastWordStart = -1;
  let lastWordEnd = -1;
  for (let p = from; p < limit; p++) {
    const c = text.charCodeAt(p);
    if (c === 10) {
      if (++newlines > 1 || p > near || needBinding) return null;
      // The answer's turn: its speaker label ("Speaker 2:", "[00:05:49] Caller:") holds no value.
      const label = turnLabelEnd(text, p + 1);
      if (label > p + 1) p = label - 1;
      continue;
    }
    if (c === 0x2a && !maskGlueAhead(text, p)) continue;
    if (MASK_GLUE.has(c) || (c === 91 && text.charCodeAt(p + 1) >= 65 && text.charCodeAt(p + 1) <= 90)) return null;
    const cls = CLASS[c]!;
    if (!(cls & (DIGIT | ALPHA))) {
      if (c === 58 || c === 61) bound = true;
      // A sentence end closes the far reach: the value of a later sentence is not this cue's.
      else if ((c === 46 || c === 33 || c === 63) && (p > near || needBinding) && !(CLASS[text.charCodeAt(p + 1)]! & DIGIT)) return null;
      // A full stop that ends the cue's line ends its sentence: the next line's number is another's.
      else if (c === 46 && text.charCodeAt(p + 1) === 10) return null;
      continue;
    }
    const glued = p === from;
    const wordStart = glued || !(CLASS[text.charCodeAt(p - 1)]! & (ALPHA | DIGIT));
    if (!wordStart) continue;
    const seq = readSequence(text, p, text.length, false, glued);
    if (!seq) {
      if (cls & DIGIT) return null; // digits glued to letters: an identifier, not this value
      // A word: a binding word opens a binding, a filler keeps it, any other word closes it (looked at
      // only where a binding is needed: past maxGap, or after a number another value's word took).
      let e = p;
      while (e < limit && isLetterCode(text.charCodeAt(e))) e++;
      if (needBinding || e > near) {
        const w = e - p <= MAX_CUE_WORD ? text.slice(p, e).toLowerCase() : '';
        if (BINDING_WORDS.has(w)) bound = true;
        else if (!FILLER_WORDS.has(w)) bound = false;
      }
      lastWordStart = p;
      lastWordEnd = e;
      p = e - 1;
      continue;
    }
    const last = seq.ends[seq.n - 1]!;
    // A clock time or transcript timestamp ("[00:00:55]", "10:30") between the keyword and the answer is skipped.
    const first = seq.ends[0]!;
    if ((text.charCodeAt(p - 1) === 58 && clockDigitsBefore(text, p - 1)) || (text.charCodeAt(first) === 58 && CLASS[text.charCodeAt(first + 1)]! & DIGIT)) {
      p = last - 1;
      continue;
    }
    // An amount ("TRL 3.645.303", "56,31 €") is never a cue's number.
    const amount = currencyBefore(text, p) || currencyAfter(text, last);
    const inReach = !amount && (bound || (p <= near && !needBinding));
    const lastWord = !bound && lastWordEnd - lastWordStart <= MAX_CUE_WORD ? text.slice(lastWordStart, lastWordEnd).toLowerCase() : '';
    if (!inReach || OTHER_VALUE_WORDS.has(lastWord)) {
      needBinding = true;
      bound = false;
      lastWordStart = lastWordEnd = -1;
      p = last - 1;
      continue;
    }
    let digits = '';
    let k = 0;
    while (k < seq.n && digits.length + seq.digits[k]!.length <= max) digits += seq.digits[k++]!;
    if (digits.length < min) return null;
    // The first groups of a longer written number ("9792-6325-2953-4003", a card in the next CSV row) are
    // no value of their own.
    if (k < seq.n && joinedWritten(text, seq.ends[k - 1]!)) return null;
    return { start: seq.starts[0]!, end: seq.ends[k - 1]!, digits };
  }
  return null;
}

/** Whether a written digit group continues right after e across one '-', '.', '/' or '_' ("4111-1111"). */
function joinedWritten(text: string, e: number): boolean {
  const c = text.charCodeAt(e);
  return (c === 45 || c === 46 || c === 47 || c === 95) && (CLASS[text.charCodeAt(e + 1)]! & DIGIT) !== 0 && (CLASS[text.charCodeAt(e - 1)]! & DIGIT) !== 0;
}

/** Whether the ':' at c ends the hours or minutes of a clock time ("10:", "00:"), not a cue ("CVV2:"). */
function clockDigitsBefore(text: string, c: number): boolean {
  let s = c;
  while (s > 0 && c - s < 3 && CLASS[text.charCodeAt(s - 1)]! & DIGIT) s--;
  return s < c && c - s <= 2 && (s === 0 || !(CLASS[text.charCodeAt(s - 1)]! & (ALPHA | DIGIT)));
}

/** Whether the '*' at p belongs to a mask's run ("****", "•••*") rather than markdown emphasis ("*123*"). */
function maskGlueAhead(text: string, p: number): boolean {
  let e = p;
  while (e < text.length && text.charCodeAt(e) === 0x2a) e++;
  let s = p;
  while (s > 0 && text.charCodeAt(s - 1) === 0x2a) s--;
  return e - s > 2;
}

function evaluateKeyword(ctx: ScanContext, t: KeywordTarget, ks: number, ke: number): void {
  const text = ctx.text;
  if (t.deny) {
    offerCandidate(ctx, t.rule, ks, ke, '', false, undefined);
    return;
  }
  let beforeStart = -1;
  if (t.before) {
    const from = Math.max(0, ks - t.before.maxLength);
    const m = t.before.re.exec(text.slice(from, ks));
    if (!m) return;
    beforeStart = from + m.index;
  }
  let vs = -1;
  let ve = -1;
  let digits = '';
  for (const v of t.values) {
    if (v.kind === 'reader') {
      const r = v.reader.read(text, ke);
      if (r?.parts) {
        // A value written in parts: each part is a candidate of its own, checked on the whole value's digits.
        for (const part of r.parts) offerCandidate(ctx, t.rule, part.start, part.end, r.digits, false, undefined);
        return;
      }
      if (r) {
        vs = r.start;
        ve = r.end;
        digits = r.digits;
        break;
      }
    } else if (v.kind === 'number') {
      let r = readNumberAfter(text, ke, t.maxGap, v.min, v.max);
      // "481 is the cvv", "one four six, that's the code on the back" end their line: the value stands
      // before the cue, not in the next turn.
      if (r && t.span === 'value' && text.lastIndexOf('\n', r.start) >= ke) {
        const before = readNumberBefore(text, ks, v.min, v.max);
        if (before) r = before;
        else if (NUMBER_BEFORE_CUE.test(text.slice(text.lastIndexOf('\n', ks) + 1, ks))) r = null;
      }
      if (r) {
        vs = r.start;
        ve = r.end;
        digits = r.digits;
        break;
      }
    } else {
      const m = matchAfterFillers(v.re, text, ke, t);
      if (m) {
        ({ vs, ve, digits } = patternValue(m));
        break;
      }
    }
  }
  if (vs < 0) {
    // A question and its answer in the next turn ("date of birth?" / "Customer: 4 May 1961"), looked for
    // once no value of any shape stands on the cue's own line ("born the fourteenth of october two
    // thousand six" before "14/10/2006" on the next line). Rules with a filler set opt in for values
    // without digits too (spoken dates).
    const a = answerStart(text, ke);
    for (const v of t.values) {
      if (a < 0) break;
      if (v.kind !== 'pattern' || !(v.reBefore || t.fillers)) continue;
      const m = matchAfterFillers(v.re, text, a, t);
      if (m) {
        ({ vs, ve, digits } = patternValue(m));
        break;
      }
    }
  }
  // A pattern value must stand in the cue's paragraph and turn, or the next turn (a dialogue answer).
  if (vs >= 0 && (hasParagraphBreak(text, ke, vs) || lineBreaks(text, ke, vs) > 1)) {
    vs = -1;
    ve = -1;
    digits = '';
  }
  // Value first ("1234 is the CVV", "On 11 September 1994, their daughter was born"): read before the cue
  // when nothing after it is its value.
  if (vs < 0 && t.values.length && t.span === 'value') {
    for (const v of t.values) {
      const r = v.kind === 'number' ? readNumberBefore(text, ks, v.min, v.max) : v.kind === 'pattern' && v.reBefore ? readPatternBefore(text, ks, v.reBefore) : null;
      if (r) {
        vs = r.start;
        ve = r.end;
        digits = r.digits;
        break;
      }
    }
  }
  if (t.values.length && vs < 0) return;
  let start: number;
  let end: number;
  if (t.span === 'value') {
    start = vs;
    end = ve;
  } else if (t.span === 'keyword-and-value') {
    start = ks;
    end = Math.max(ke, ve);
  } else {
    start = beforeStart >= 0 ? beforeStart : ks;
    end = Math.max(ke, ve);
  }
  if (end <= start) return;
  offerCandidate(ctx, t.rule, start, end, digits, false, undefined);
}

/**
 * Where a pattern's `value` group stands: found by its text within the match (last occurrence), which
 * spares the slow `d` flag; an equal text earlier in the match would be the same value anyway.
 */
function patternValue(m: RegExpExecArray): { vs: number; ve: number; digits: string } {
  const value = m.groups?.value ?? m[0];
  const vs = m.index + m[0].lastIndexOf(value);
  return { vs, ve: vs + value.length, digits: value.replace(/\D/g, '') };
}

/**
 * A sticky value pattern run where the value may start: right at `from`, or after the rule's filler tokens
 * ("on account is", "no.", "I use is", quotes), the farthest place first.
 */
function matchAfterFillers(re: RegExp, text: string, from: number, t: KeywordTarget): RegExpExecArray | null {
  if (!t.fillers) {
    re.lastIndex = from;
    return re.exec(text);
  }
  const n = fillerStopsInto(text, from, t.fillers, t.maxFillers, from + FILLER_REACH);
  for (let i = 0; i < n; i++) {
    re.lastIndex = fillerStop(i);
    const m = re.exec(text);
    if (m) return m;
  }
  return null;
}

/** How far filler tokens may run after a cue (bounded for the stream's hold-back). */
const FILLER_REACH = 96;

function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Words that may stand between a value and its cue after it: "1234 is the CVV", "4921, that's my PIN". */
const BEFORE_CUE_WORDS: ReadonlySet<string> = new Set([
  'is', 'was', 'are', 'the', 'my', 'our', 'your', 'his', 'her', 'their', 'that', 's', 'it', 'its', 'as', 'for', 'this', 'being', 'be', 'will', 'would',
]);

/** How far before its cue a value may end (fillers only between them). */
const BEFORE_GAP = 40;

/** Reads the letters of the word that ends at p back to its start. */
function wordStartBefore(text: string, p: number, lo: number): number {
  let s = p;
  while (s > lo && isLetterCode(text.charCodeAt(s - 1))) s--;
  return s;
}

/**
 * A written number right before a cue, with only binding words and punctuation between them on the same
 * line ("1234 is the CVV", "4921, that's my PIN"). Null when the number is glued to letters or has a count
 * of digits outside [min, max].
 */
export function readNumberBefore(text: string, ks: number, min: number, max: number) {
  const lo = Math.max(0, ks - BEFORE_GAP);
  let p = ks;
  let words = 0;
  while (p > lo) {
    const c = text.charCodeAt(p - 1);
    if (c === 32 || c === 9 || c === 44 || c === 58 || c === 45 || c === 39 || c === 0x2019 || c === 0x2a || c === 34) {
      p--;
      continue;
    }
    if (!isLetterCode(c)) break;
    const s = wordStartBefore(text, p, lo);
    if (!BEFORE_CUE_WORDS.has(text.slice(s, p).toLowerCase()) || ++words > 4) return null;
    p = s;
  }
  if (p === ks || !(CLASS[text.charCodeAt(p - 1)]! & DIGIT)) return null;
  const e = p;
  let s = p;
  const floor = Math.max(0, e - 32);
  while (s > floor) {
    const c = text.charCodeAt(s - 1);
    if (CLASS[c]! & DIGIT) s--;
    else if ((c === 32 || c === 45) && s - 1 > floor && CLASS[text.charCodeAt(s - 2)]! & DIGIT) s--;
    else break;
  }
  // Glued to letters (an identifier) or to what a mask kept ("•000 6"): not a value of its own.
  if (s > 0 && CLASS[text.charCodeAt(s - 1)]! & (ALPHA | DIGIT)) return null;
  let b = s;
  while (b > 0 && s - b < 3 && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 45 || text.charCodeAt(b - 1) === 46)) b--;
  if (b > 0 && MASK_GLUE.has(text.charCodeAt(b - 1))) return null;
  let digits = '';
  for (let i = s; i < e; i++) if (CLASS[text.charCodeAt(i)]! & DIGIT) digits += text[i];
  if (digits.length < min || digits.length > max) return null;
  return { start: s, end: e, digits };
}

/** How far back a value written before its cue may start, and how many words may stand between. */
const PATTERN_BEFORE = 96;
const PATTERN_GAP_WORDS = 5;

/**
 * A value of a pattern (a date, an ID) written before its cue in the same sentence, with at most a few
 * words and no digits between ("On 11 September 1994, their daughter was born", "4 May 1961 is my date of
 * birth"). Only values that hold a digit: a word before a cue is no value.
 */
function readPatternBefore(text: string, ks: number, re: RegExp) {
  let lo = Math.max(0, ks - PATTERN_BEFORE);
  const nl = text.lastIndexOf('\n', ks - 1);
  if (nl >= lo) lo = nl + 1;
  const slice = text.slice(lo, ks);
  re.lastIndex = 0;
  let best: { start: number; end: number; digits: string } | null = null;
  let spoken = false;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const value = m.groups?.value ?? m[0];
    const vs = m.index + m[0].lastIndexOf(value);
    const written = /[0-9]/.test(value);
    if (written || spokenNumberWords(text, lo + vs, lo + vs + value.length) >= 2) {
      best = { start: lo + vs, end: lo + vs + value.length, digits: value.replace(/\D/g, '') };
      spoken = !written;
    }
    if (m[0].length === 0) re.lastIndex++;
  }
  if (!best) return null;
  const gap = text.slice(best.end, ks);
  // Same sentence, no other number, a few words.
  if (/[0-9]|[.!?](?:\s|$)/.test(gap) || (gap.match(/[A-Za-z]+/g)?.length ?? 0) > PATTERN_GAP_WORDS) return null;
  // A value read aloud is bound to a cue after it by binding words only ("may thirteenth, nineteen ninety
  // four - my dob", "… that's my birthday"): number words stand in much other talk.
  if (spoken && !(gap.match(/[A-Za-z]+/g) ?? []).every((w) => BEFORE_CUE_WORDS.has(w.toLowerCase()))) return null;
  return best;
}

/** How many number words ("nineteen", "forty one", "oh") a value without digits holds. */
function spokenNumberWords(text: string, s: number, e: number): number {
  let n = 0;
  for (let p = s; p < e; p++) {
    if (!isLetterCode(text.charCodeAt(p)) || (p > s && isLetterCode(text.charCodeAt(p - 1)))) continue;
    const t = readNumberToken(text, p, e);
    if (t) {
      n++;
      p = t.end - 1;
    }
  }
  return n;
}

/** How much of the cue's line may follow it before the answer's turn ("… date of birth, please?"). */
const QUESTION_TAIL = 48;

/**
 * Where the answer to a cue that ends a question starts: after the line break that ends the cue's line
 * (within QUESTION_TAIL characters, no digit on the way) and after the next line's speaker label. -1 when
 * the next line is no turn of a dialogue.
 */
function answerStart(text: string, ke: number): number {
  const nl = text.indexOf('\n', ke);
  if (nl < 0 || nl - ke > QUESTION_TAIL || hasDigitIn(text, ke, nl)) return -1;
  const label = turnLabelEnd(text, nl + 1);
  if (label >= 0) {
    // A chat time after the speaker's name: "Visitor > (15:44) …".
    TURN_TIME.lastIndex = label;
    return TURN_TIME.test(text) ? TURN_TIME.lastIndex : label;
  }
  // Transcript labels with a dash or after a timestamp: "CUSTOMER - …", "[00:04:09] **Customer:** …".
  DASH_LABEL.lastIndex = nl + 1;
  return DASH_LABEL.test(text) ? DASH_LABEL.lastIndex : -1;
}

/** Whether text[from, to) holds an ASCII digit (`/[0-9]/` on the slice, without the slice). */
function hasDigitIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

const TURN_TIME = /[ \t]{0,3}[([][0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[ \t]?[AaPp][Mm])?[)\]]/y;

const DASH_LABEL = /[ \t]{0,4}(?:\[[0-9:]{4,12}\][ \t]{1,3})?\*{0,2}[A-Za-z][A-Za-z0-9_]{0,23}(?: [A-Za-z(][A-Za-z0-9_)]{0,23})?(?: [-\u2013\u2014]|\*{0,2}:\*{0,2}) /y;

import type { ScanContext } from './candidate.js';
import { S_AT, S_COLON, S_DIGIT, S_LETTER, S_SHAPE, type ScanPlan, type WordEntry } from './plan.js';
import { colonAt, emailAt, type CharPassState } from './scan-chars.js';
import { digitsAt, newDigitPassState, resumeDigits, type DigitPassState } from './scan-digits.js';
import { keywordAt, type KeywordPassState } from './scan-keywords.js';
import { shapeAt, type ShapePassState } from './scan-shapes.js';
import { newSpokenPassState, spokenAt, type SpokenPassState } from './scan-spoken.js';
import { FNV_OFFSET, FNV_PRIME } from './word-table.js';

/**
 * The one pass over the text. A single JavaScript loop reads each character once through the plan's
 * class table: a word is hashed while it is read and looked up in the word table (keyword first words,
 * number words); a digit group hands its run to the digit detector; '@' and ':' go to their detectors;
 * shape rules are tried where their first character stands. Detectors do their work at hits only, and
 * each keeps where it last ended, so the scan can stop at the frontier and resume in the next chunk with
 * the result one pass over the whole text gives.
 */
export interface ScannerState {
  /** Absolute position the next step starts reading at. */
  pos: number;
  digits: DigitPassState;
  spoken: SpokenPassState;
  keywords: KeywordPassState;
  chars: CharPassState;
  shapes: ShapePassState;
}

export function newScannerState(plan: ScanPlan): ScannerState {
  return {
    pos: 0,
    digits: newDigitPassState(plan),
    spoken: newSpokenPassState(plan),
    keywords: { next: 0, nextCs: 0 },
    chars: { emailNext: 0, colonNext: 0 },
    shapes: { next: 0 },
  };
}

const isWordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

export function scan(ctx: ScanContext, plan: ScanPlan, st: ScannerState): void {
  const text = ctx.text;
  const base = ctx.base;
  const end = text.length;
  const limit = ctx.final ? end : ctx.frontier;
  if (!resumeDigits(ctx, plan, st.digits)) return;
  const table = plan.scanTable;
  const words = plan.words;
  const maxWord = words.maxLength;
  const shapeFirst = plan.shapeFirst;
  let i = Math.max(0, st.pos - base, st.digits.next - base);

  while (i < limit) {
    const c = text.charCodeAt(i);
    const k = table[c]!;
    if (k === 0) {
      i++;
      continue;
    }
    if (k & S_LETTER) {
      const s = i;
      let h = FNV_OFFSET;
      let d = c;
      do {
        h = Math.imul(h ^ (d | 0x20), FNV_PRIME);
        i++;
      } while (i < end && table[(d = text.charCodeAt(i))]! & S_LETTER);
      // Keywords and shapes start at word boundaries only (as `\b` would have it).
      if (s > 0 && isWordCode(text.charCodeAt(s - 1))) continue;
      if (i - s <= maxWord) {
        const entry = words.lookup(text, s, i, h);
        if (entry) onWord(ctx, plan, st, entry, s, i);
      }
      if (c < 128 && shapeFirst[c]) shapeAt(ctx, plan, st.shapes, s);
      continue;
    }
    if (k & S_DIGIT) {
      const s = i;
      do i++;
      while (i < end && table[text.charCodeAt(i)]! & S_DIGIT);
      if (plan.digitWords && i - s <= 3 && (s === 0 || !isWordCode(text.charCodeAt(s - 1)))) {
        let h = FNV_OFFSET;
        for (let j = s; j < i; j++) h = Math.imul(h ^ (text.charCodeAt(j) | 0x20), FNV_PRIME);
        const entry = words.lookup(text, s, i, h);
        if (entry) onWord(ctx, plan, st, entry, s, i);
      }
      if (shapeFirst[c] && (s === 0 || !isWordCode(text.charCodeAt(s - 1)))) shapeAt(ctx, plan, st.shapes, s);
      if (!digitsAt(ctx, plan, st.digits, s, i)) {
        st.pos = st.digits.resume;
        return;
      }
      // The run's groups and joiners hold nothing else any detector starts on.
      if (st.digits.next - base > i) i = st.digits.next - base;
      continue;
    }
    if (k & S_AT) emailAt(ctx, plan, st.chars, i);
    else if (k & S_COLON) colonAt(ctx, plan, st.chars, i);
    if (k & S_SHAPE) shapeAt(ctx, plan, st.shapes, i);
    i++;
  }
  st.pos = base + i;
}

function onWord(ctx: ScanContext, plan: ScanPlan, st: ScannerState, entry: WordEntry, s: number, e: number): void {
  if (entry.spoken) spokenAt(ctx, plan, st.spoken, s, e);
  if (entry.phrases.length) keywordAt(ctx, entry.phrases, s, st.keywords, false);
  if (entry.phrasesCs.length) keywordAt(ctx, entry.phrasesCs, s, st.keywords, true);
}

import { failClosed, offerCandidate, type ScanContext } from './candidate.js';
import { ALPHA, CLASS, DIGIT } from './chars.js';
import type { KeywordPhrase, KeywordTarget } from './plan.js';
import { readSequence } from './spoken-sequence.js';
import { MASK_GLUE } from './spoken-words.js';

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
    phrase.re.lastIndex = h;
    if (!phrase.re.test(text)) continue;
    const ke = phrase.re.lastIndex;
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
 * The first number after `from` (within maxGap), read as written or spoken digits. Tokens are taken while
 * the count stays within max, so "CVV 123 4000 0000 0000 0006" gives 123, not the card after it. Returns
 * null when that number has too few digits, or when the gap already holds a redaction ('[LABEL', '•', '*'):
 * the value was masked before.
 */
export function readNumberAfter(text: string, from: number, maxGap: number, min: number, max: number) {
  const limit = Math.min(text.length, from + maxGap + 1);
  let newlines = 0;
  for (let p = from; p < limit; p++) {
    const c = text.charCodeAt(p);
    if (c === 10 && ++newlines > 1) return null;
    if (MASK_GLUE.has(c) || (c === 91 && text.charCodeAt(p + 1) >= 65 && text.charCodeAt(p + 1) <= 90)) return null;
    const cls = CLASS[c]!;
    const wordStart = p === 0 || !(CLASS[text.charCodeAt(p - 1)]! & (ALPHA | DIGIT));
    if (!wordStart || !(cls & (DIGIT | ALPHA))) continue;
    const seq = readSequence(text, p, text.length);
    if (!seq) {
      if (cls & DIGIT) return null; // digits glued to letters: an identifier, not this value
      continue;
    }
    const last = seq.ends[seq.n - 1]!;
    // A clock time or transcript timestamp ("[00:00:55]") between the keyword and the answer is skipped.
    if (text.charCodeAt(p - 1) === 58 || (text.charCodeAt(seq.ends[0]!) === 58 && CLASS[text.charCodeAt(seq.ends[0]! + 1)]! & DIGIT)) {
      p = last;
      continue;
    }
    let digits = '';
    let k = 0;
    while (k < seq.n && digits.length + seq.digits[k]!.length <= max) digits += seq.digits[k++]!;
    if (digits.length < min) return null;
    return { start: seq.starts[0]!, end: seq.ends[k - 1]!, digits };
  }
  return null;
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
    if (v.kind === 'number') {
      const r = readNumberAfter(text, ke, t.maxGap, v.min, v.max);
      if (r) {
        vs = r.start;
        ve = r.end;
        digits = r.digits;
        break;
      }
    } else {
      v.re.lastIndex = ke;
      const m = v.re.exec(text);
      if (m) {
        // The `value` group is found by its text within the match (last occurrence), which spares the
        // slow `d` flag; an equal text earlier in the match would be the same value anyway.
        const value = m.groups?.value ?? m[0];
        vs = m.index + m[0].lastIndexOf(value);
        ve = vs + value.length;
        digits = value.replace(/\D/g, '');
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

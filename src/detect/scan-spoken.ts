import { contextAfter, contextBefore, failClosed, offerCandidate, type ScanContext } from './candidate.js';
import type { ScanPlan } from './plan.js';
import { MAX_TOKENS, readSequence, walkBackSequence, type NumberSequence } from './spoken-sequence.js';

/**
 * Spoken numbers in call transcripts ("four one one one…", "double five", "4 one 1 1"): a gate regex on
 * number words, a bounded walk back over digits and "oh", then the sequence's tokens play the part of digit
 * groups for the digit rules that accept spoken numbers. A window cut out of a longer spoken number (the
 * token before it is a number word) needs context words: the reading may run on into a CVV or an expiry.
 */
export interface SpokenPassState {
  /** End of the last sequence read: number words before it are done, and walk-back stops there. */
  next: number;
  ruleNext: Float64Array;
}

export function newSpokenPassState(plan: ScanPlan): SpokenPassState {
  return { next: 0, ruleNext: new Float64Array(plan.spokenDigitRules.length) };
}

/** How far back from a number word the sequence may start. */
const WALK_BACK = 64;

/** The scanner found a number word at [h, wordEnd). */
export function spokenAt(ctx: ScanContext, plan: ScanPlan, st: SpokenPassState, h: number, wordEnd: number): void {
  if (!plan.spokenDigitRules.length || ctx.base + h < st.next) return;
  const text = ctx.text;
  const s = walkBackSequence(text, h, Math.max(0, st.next - ctx.base, h - WALK_BACK));
  const seq = readSequence(text, s, text.length, true);
  let next = wordEnd;
  if (seq) {
    next = Math.max(next, seq.ends[seq.n - 1]!);
    if (seq.spoken) evaluateSequence(ctx, plan, st, seq);
  }
  st.next = ctx.base + next;
}

// Per sequence: digits and number words before each token (prefix sums), for O(1) window checks.
const cumDigits = new Int32Array(MAX_TOKENS + 1);
const cumWords = new Int32Array(MAX_TOKENS + 1);

function evaluateSequence(ctx: ScanContext, plan: ScanPlan, st: SpokenPassState, seq: NumberSequence): void {
  const rules = plan.spokenDigitRules;
  const text = ctx.text;
  const n = seq.n;
  for (let k = 0; k < n; k++) {
    cumDigits[k + 1] = cumDigits[k]! + seq.digits[k]!.length;
    cumWords[k + 1] = cumWords[k]! + (isWritten(text, seq.starts[k]!) ? 0 : 1);
  }
  // Whether context words stand after token h, per rule (0: not looked yet, 1: yes, 2: no).
  const after = new Int8Array(n * rules.length);
  for (let i = 0; i < n; i++) {
    for (let ri = 0; ri < rules.length; ri++) {
      const dr = rules[ri]!;
      if (st.ruleNext[ri]! > ctx.base + seq.starts[i]!) continue;
      if (dr.spokenWhole && i > 0) continue;
      try {
        // Cut out of a longer spoken number (the token before is a number word that no match of this rule
        // ended on): only with context. A match right before counts as a boundary, as masking makes it one.
        const cut = i > 0 && !isWritten(text, seq.starts[i - 1]!) && st.ruleNext[ri] !== ctx.base + seq.ends[i - 1]!;
        const c = dr.rule.context;
        // offerCandidate refuses a window that needs context words and has none; that answer depends on the
        // text before the window's start and after its end only, so it is looked up once per start and end.
        const needsWords = cut || (c !== null && c.required) || dr.rule.base < ctx.minConfidence;
        if (needsWords && c === null) continue;
        let before = -1;
        let h = i - 1;
        while (h + 1 < n && cumDigits[h + 2]! - cumDigits[i]! <= dr.max) h++;
        // Longest window first: fewer digits, or no number word left in it, ends the search.
        for (; h >= i; h--) {
          if (cumDigits[h + 1]! - cumDigits[i]! < dr.min || cumWords[h + 1] === cumWords[i]) break;
          if (dr.spokenWhole && h !== n - 1) continue;
          if (needsWords) {
            if (before < 0) before = c!.words.test(contextBefore(c!, text, seq.starts[i]!)) ? 1 : 0;
            if (before === 0) {
              const slot = h * rules.length + ri;
              if (after[slot] === 0) after[slot] = c!.words.test(contextAfter(c!, text, seq.ends[h]!)) ? 1 : 2;
              if (after[slot] === 2) continue;
            }
          }
          const value = seq.digits.slice(i, h + 1).join('');
          if (offerCandidate(ctx, dr.rule, seq.starts[i]!, seq.ends[h]!, value, cut, 'spoken')) {
            st.ruleNext[ri] = ctx.base + seq.ends[h]!;
            break;
          }
        }
      } catch (err) {
        failClosed(ctx, dr.rule, seq.starts[i]!, seq.ends[n - 1]!, err);
      }
    }
  }
}

/** Whether the token at `at` is written digits (the written pass already covers all-digit windows). */
function isWritten(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 48 && c <= 57;
}

import { failClosed, offerCandidate, type ScanContext } from './candidate.js';
import type { ScanPlan } from './plan.js';
import { readSequence, walkBackSequence, type NumberSequence } from './spoken-sequence.js';

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

function evaluateSequence(ctx: ScanContext, plan: ScanPlan, st: SpokenPassState, seq: NumberSequence): void {
  const rules = plan.spokenDigitRules;
  for (let i = 0; i < seq.n; i++) {
    for (let ri = 0; ri < rules.length; ri++) {
      const dr = rules[ri]!;
      if (st.ruleNext[ri]! > ctx.base + seq.starts[i]!) continue;
      if (dr.spokenWhole && i > 0) continue;
      try {
        let digits = 0;
        let wordy = false;
        const ends: number[] = [];
        for (let h = i; h < seq.n; h++) {
          const written = isWritten(ctx.text, seq.starts[h]!);
          digits += seq.digits[h]!.length;
          wordy ||= !written;
          if (digits > dr.max) break;
          if (digits >= dr.min && wordy && (!dr.spokenWhole || h === seq.n - 1)) ends.push(h);
        }
        for (let c = ends.length - 1; c >= 0; c--) {
          const h = ends[c]!;
          const value = seq.digits.slice(i, h + 1).join('');
          // Cut out of a longer spoken number (the token before is a number word that no match of this rule
          // ended on): only with context. A match right before counts as a boundary, as masking makes it one.
          const cut = i > 0 && !isWritten(ctx.text, seq.starts[i - 1]!) && st.ruleNext[ri] !== ctx.base + seq.ends[i - 1]!;
          if (offerCandidate(ctx, dr.rule, seq.starts[i]!, seq.ends[h]!, value, cut, 'spoken')) {
            st.ruleNext[ri] = ctx.base + seq.ends[h]!;
            break;
          }
        }
      } catch (err) {
        failClosed(ctx, dr.rule, seq.starts[i]!, seq.ends[seq.n - 1]!, err);
      }
    }
  }
}

/** Whether the token at `at` is written digits (the written pass already covers all-digit windows). */
function isWritten(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 48 && c <= 57;
}

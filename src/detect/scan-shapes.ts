import { failClosed, offerCandidate, type ScanContext } from './candidate.js';
import type { ScanPlan } from './plan.js';

/**
 * Shape rules (IBAN, UK postcodes, track data…): bounded, fixed-offset patterns, combined into one
 * global alternation per flag set, which irregexp runs over the text. Each alternative is a named group
 * telling which rule matched.
 */
export interface ShapePassState {
  /** End of the last shape match: shapes do not start inside one. */
  next: number;
}

/**
 * Runs the shape gates (one global alternation per flag set) from `from` (absolute) to `limit`, taking
 * matches in text order across both; returns where the pass resumes. A match is tried as the sticky
 * alternation would be at its start; the search goes on one character later, or after what was accepted.
 */
export function shapesFrom(ctx: ScanContext, plan: ScanPlan, st: ShapePassState, from: number, limit: number): number {
  const text = ctx.text;
  const cs = plan.shapeGate;
  const ci = plan.shapeGateCi;
  let i = Math.max(0, from - ctx.base);
  let mCs = nextMatch(cs, text, i);
  let mCi = nextMatch(ci, text, i);
  for (;;) {
    const h = Math.min(mCs ? mCs.index : Infinity, mCi ? mCi.index : Infinity);
    if (h >= limit) break;
    if (ctx.base + h >= st.next) {
      if (mCs && mCs.index === h) tryShape(ctx, plan, st, mCs, h);
      if (mCi && mCi.index === h && ctx.base + h >= st.next) tryShape(ctx, plan, st, mCi, h);
    }
    i = Math.max(h + 1, st.next - ctx.base);
    if (mCs && mCs.index < i) mCs = nextMatch(cs, text, i);
    if (mCi && mCi.index < i) mCi = nextMatch(ci, text, i);
  }
  return ctx.base + limit;
}

function nextMatch(re: RegExp | null, text: string, from: number): RegExpExecArray | null {
  if (!re) return null;
  re.lastIndex = from;
  return re.exec(text);
}

function tryShape(ctx: ScanContext, plan: ScanPlan, st: ShapePassState, m: RegExpExecArray, h: number): void {
  const text = ctx.text;
  const e = h + m[0].length;
  for (const name in m.groups) {
    if (m.groups[name] === undefined) continue;
    const { rule, whole } = plan.shapeRules.get(name)!;
    try {
      // Leftmost, longest valid: when the rule refuses the longest match ("DE89 … 00" followed by more
      // digits fails mod-97), shorter matches ending at earlier word boundaries are tried.
      let cut = e;
      while (cut > h && !offerCandidate(ctx, rule, h, cut, text.slice(h, cut).replace(/\D/g, ''), false, undefined)) {
        cut = previousWordEnd(text, h, cut);
        while (cut > h && !whole.test(text.slice(h, cut))) cut = previousWordEnd(text, h, cut);
      }
      // The next shape may start right after what was accepted.
      if (cut > h) st.next = ctx.base + cut;
    } catch (err) {
      failClosed(ctx, rule, h, e, err);
    }
    return;
  }
}

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** The last position before `cut` (and after `from`) that ends a word, or `from` when none does. */
function previousWordEnd(text: string, from: number, cut: number): number {
  for (let i = cut - 1; i > from; i--) {
    if (isWordChar(text.charCodeAt(i - 1)) && !isWordChar(text.charCodeAt(i))) return i;
  }
  return from;
}

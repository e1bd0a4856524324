import { failClosed, offerCandidate, type ScanContext } from './candidate.js';
import type { ScanPlan } from './plan.js';

/**
 * Shape rules (IBAN, UK postcodes, track data…): bounded, fixed-offset patterns, combined into one sticky
 * alternation per flag set and tried only where the scanner sees a character that can start one (computed
 * from each pattern's first atom). Each alternative is a named group telling which rule matched.
 */
export interface ShapePassState {
  /** End of the last shape match: shapes do not start inside one. */
  next: number;
}

/** The scanner found a character at h that can start a shape pattern. */
export function shapeAt(ctx: ScanContext, plan: ScanPlan, st: ShapePassState, h: number): void {
  if (ctx.base + h < st.next) return;
  if (plan.shapeSticky) tryShape(ctx, plan, st, plan.shapeSticky, h);
  if (plan.shapeStickyCi && ctx.base + h >= st.next) tryShape(ctx, plan, st, plan.shapeStickyCi, h);
}

function tryShape(ctx: ScanContext, plan: ScanPlan, st: ShapePassState, re: RegExp, h: number): void {
  const text = ctx.text;
  re.lastIndex = h;
  const m = re.exec(text);
  if (m === null) return;
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

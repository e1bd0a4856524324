import { failClosed, offerCandidate, type ScanContext } from './candidate.js';
import type { ScanPlan } from './plan.js';

/**
 * Shape rules (IBAN, UK postcodes…): bounded, fixed-offset patterns combined into one alternation per
 * flag set, so they cost one pass together. Each alternative is a named group telling which rule matched.
 */
export interface ShapePassState {
  resume: number;
  resumeCi: number;
}

export function scanShapes(ctx: ScanContext, plan: ScanPlan, st: ShapePassState): void {
  if (plan.shapeGate) st.resume = runShape(ctx, plan, plan.shapeGate, st.resume);
  if (plan.shapeGateCi) st.resumeCi = runShape(ctx, plan, plan.shapeGateCi, st.resumeCi);
}

function runShape(ctx: ScanContext, plan: ScanPlan, re: RegExp, resume: number): number {
  const text = ctx.text;
  const end = text.length;
  const frontier = ctx.final ? end : ctx.frontier;
  let p = Math.max(0, resume - ctx.base);
  for (;;) {
    re.lastIndex = p;
    const m = re.exec(text);
    if (m === null) return ctx.base + (ctx.final ? end : Math.max(p, frontier));
    const h = m.index;
    if (!ctx.final && h >= frontier) return ctx.base + h;
    const e = h + m[0].length;
    let next = h + 1;
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
        // The next match may start right after what was accepted (not after the longest match).
        if (cut > h) next = cut;
      } catch (err) {
        failClosed(ctx, rule, h, e, err);
      }
      break;
    }
    p = next;
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

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
    for (const name in m.groups) {
      if (m.groups[name] === undefined) continue;
      const rule = plan.shapeRules.get(name)!;
      try {
        offerCandidate(ctx, rule, h, e, m[0].replace(/\D/g, ''), false, undefined);
      } catch (err) {
        failClosed(ctx, rule, h, e, err);
      }
      break;
    }
    p = Math.max(e, h + 1);
  }
}

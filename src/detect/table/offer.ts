import type { ScanContext } from '../candidate.js';
import { digitsOf } from './cell-shapes.js';
import type { TablePlan } from './plan.js';

/** How sure a cell's type is: named by its header or key, read off its neighbours in the row. */
export const BY_HEADER = 0.9;
export const BY_NEIGHBOUR = 0.8;
/** In a column whose cells earlier rows typed by their neighbours. */
export const BY_COLUMN = 0.7;
/** By its own shape alone (a national phone number cell): other findings over it win. */
export const BY_SHAPE = 0.6;

/** Offers text[start, end) as a finding of `entity`, when an active rule reports that entity. */
export function offerCell(ctx: ScanContext, tp: TablePlan, entity: string, start: number, end: number, confidence: number): void {
  const rule = tp.ruleOf(entity);
  if (!rule || end <= start || confidence < ctx.minConfidence || tp.isMasked(ctx.text.slice(start, end))) return;
  ctx.out.push({
    start: ctx.base + start,
    end: ctx.base + end,
    rule,
    confidence,
    digits: digitsOf(ctx.text.slice(start, end)),
    explain: ctx.explain ? { detector: 'table', baseConfidence: confidence, validators: [], contextWords: [] } : undefined,
    error: undefined,
  });
}

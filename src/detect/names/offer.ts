import type { ScanContext } from '../candidate.js';
import type { CompiledRule } from '../plan.js';

/**
 * Offers a span found by a lexicon detector (names, addresses) with the confidence its evidence earned
 * (a cue, a title, the lists), capped by the rule's confidence: the rule's allow list and the redactor's
 * threshold apply as for every other rule. Offsets are relative to ctx.text.
 */
export function offerScored(ctx: ScanContext, rule: CompiledRule, start: number, end: number, confidence: number, evidence: string[]): boolean {
  if (end <= start) return false;
  if (rule.allow && rule.allow.has(ctx.text.slice(start, end).trim().toLowerCase())) return false;
  const c = Math.round(Math.min(confidence, rule.base) * 1000) / 1000;
  if (c < ctx.minConfidence) return false;
  ctx.out.push({
    start: ctx.base + start,
    end: ctx.base + end,
    rule,
    confidence: c,
    digits: '',
    explain: ctx.explain ? { detector: rule.detector, baseConfidence: rule.base, validators: [], contextWords: evidence } : undefined,
    error: undefined,
  });
  return true;
}

import type { ScanContext } from '../candidate.js';
import type { CompiledRule } from '../plan.js';
import { isLetter, isUpper } from './letters.js';

/**
 * Offers a span found by a lexicon detector (names, addresses) with the confidence its evidence earned
 * (a cue, a title, the lists), capped by the rule's confidence: the rule's allow list and the redactor's
 * threshold apply as for every other rule. Offsets are relative to ctx.text.
 */
export function offerScored(ctx: ScanContext, rule: CompiledRule, start: number, end: number, confidence: number, evidence: string[]): boolean {
  if (rule.entity === 'PERSON') {
    const text = ctx.text;
    // A possessive's "'s" names nobody ("Chandrakala's mother"): the name ends before it.
    const q = text.charCodeAt(end - 2);
    if (end - start > 3 && text.charCodeAt(end - 1) === 115 && (q === 39 || q === 0x2019) && isLetter(text.charCodeAt(end - 3))) end -= 2;
    // People joined by "y", "e", "and", "&" ("Kata y María Elena"): each is masked, the joiner is kept.
    const j = joinerIn(text, start, end);
    if (j) {
      const first = offerScored(ctx, rule, start, j[0], confidence, evidence);
      return offerScored(ctx, rule, j[1], end, confidence, evidence) || first;
    }
  }
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

/** Words that join two people's names in many languages; a capitalised word must follow. */
const JOINERS = new Set(['y', 'e', 'and', 'und', 'et', '&', 'och', 'og', 've', 'en']);

/** The first joiner word inside [s, e) with name words on both sides: [its start - 1, the next word's start], or null. */
function joinerIn(text: string, s: number, e: number): [number, number] | null {
  for (let i = s + 1; i < e - 3; i++) {
    if (text.charCodeAt(i) !== 32) continue;
    let k = i + 1;
    while (k < e && k - i <= 4 && text.charCodeAt(k) !== 32) k++;
    if (k >= e - 1 || text.charCodeAt(k) !== 32 || !isUpper(text.charCodeAt(k + 1)) || !isLetter(text.charCodeAt(i - 1))) continue;
    if (JOINERS.has(text.slice(i + 1, k))) return [i, k + 1];
  }
  return null;
}

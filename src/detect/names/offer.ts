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
  if (rule.entity === 'PERSON' && besideOwnLabel(ctx.text, start, end, rule.entity)) return false;
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

/** How near a masked name a word is judged beside it (a few words on its line). */
const LABEL_REACH = 24;

/**
 * Redacting twice changes nothing: a word beside its entity's label mask (`[PERSON]`, `[PERSON_2]`,
 * `[PERSON:3fa9…]`) was judged by the first pass while the name stood there, capitalised or not, and a
 * word's slot reads differently beside a bracket ("Ana , [PERSON] said" is no list of names any more).
 * So nothing is offered there; a text masked before keeps its neighbours as the first pass left them.
 */
function besideOwnLabel(text: string, start: number, end: number, entity: string): boolean {
  // Bounded scans of the span's line on either side (a search of the whole text per offer is quadratic).
  for (let i = start - 1; i >= 0 && i >= start - LABEL_REACH; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) break;
    if (c === 93 && labelEndingAt(text, i, entity)) return true;
  }
  const last = Math.min(text.length, end + LABEL_REACH);
  for (let i = end; i < last; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) break;
    if (c === 91 && labelStartingAt(text, i, entity)) return true;
  }
  return false;
}

/** A label mask of the entity starts at the '[' at i. */
function labelStartingAt(text: string, i: number, entity: string): boolean {
  if (!text.startsWith(entity, i + 1)) return false;
  const from = i + 1 + entity.length;
  for (let close = from; close < text.length && close - from <= 66; close++) if (text.charCodeAt(close) === 93) return labelTail(text, from, close);
  return false;
}

/** A label mask of the entity ends at the ']' at close. */
function labelEndingAt(text: string, close: number, entity: string): boolean {
  for (let i = close - 1; i >= 0 && close - i <= entity.length + 67; i--) if (text.charCodeAt(i) === 91) return labelStartingAt(text, i, entity);
  return false;
}

/** [from, close) is a label's tail: nothing, `_` and a number, or `:` and lower-case hex (masks.ts). */
function labelTail(text: string, from: number, close: number): boolean {
  if (from === close) return true;
  const c = text.charCodeAt(from);
  if (c !== 95 && c !== 58) return false;
  if (close - from < 2) return false;
  for (let i = from + 1; i < close; i++) {
    const d = text.charCodeAt(i);
    if (!((d >= 48 && d <= 57) || (c === 58 && d >= 97 && d <= 102))) return false;
  }
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

import type { ScanContext } from '../candidate.js';
import { classifyRange } from './classify.js';
import { isLetter, isLower, wordEnd } from './letters.js';
import { offerScored } from './offer.js';
import type { NamesRule } from './plan.js';

/** A sentence's end, then spaces, then a lower-case letter: where a name written in lower case may open a sentence. */
export const LOWER_START_GATE = /[.!?]["”)]? {1,3}(?=\p{Ll})/gu;

/**
 * A name written in lower case opening a sentence ("Blood pressure was normal. scarlett will return",
 * "are you coming? litzy and …"): a distinctive name of the lists (no common word of any list), then a
 * lower-case word or a possessive. Returns where the pass resumes (absolute), as the other passes do.
 */
export function lowerStartsFrom(ctx: ScanContext, r: NamesRule, from: number, limit: number): number {
  const text = ctx.text;
  const gate = LOWER_START_GATE;
  let i = from;
  while (i < limit) {
    gate.lastIndex = i;
    if (!gate.test(text)) break;
    const s = gate.lastIndex;
    if (s >= limit) break;
    i = s;
    const e = wordEnd(text, s, Math.min(text.length, s + 40));
    if (e - s < 3 || text.charCodeAt(e) !== 32 || !isLower(text.charCodeAt(e + 1))) continue;
    const bare = e - s > 2 && text.charCodeAt(e - 2) === 39 && text.charCodeAt(e - 1) === 115 ? e - 2 : e;
    if (classifyRange(r.lex, text, s, bare) !== 'strong') continue;
    const key = text.slice(s, bare);
    if (r.lex.articles.has(key) || r.lex.particles.has(key) || r.lex.commonWords.has(key)) continue;
    // The next word is a word, not a number or a unit ("ama 5 kg").
    if (!isLetter(text.charCodeAt(e + 1))) continue;
    offerScored(ctx, r.rule, s, e, 0.6, ['name lists']);
    i = e;
  }
  return ctx.base + Math.max(i, limit);
}

import type { ScanContext } from '../candidate.js';
import { classifyRange } from './classify.js';
import { isJoiner, isLetter } from './letters.js';
import { offerScored } from './offer.js';
import type { NamesRule } from './plan.js';

/** How many words a display name holds at most, and how far back from '<' it is read. */
const MAX_WORDS = 4;
const REACH = 96;

/**
 * A display name before an e-mail address in angle brackets, in any case and script ("Von: mattes
 * kleininger <matteskleininger@…>", "De : A. Fleury <archange_fleury53@…>", "Fine Karhoff
 * <fine.karhoff@…>"): the words right before '<' on its line, when a name word among them is spelt inside
 * the address's local part (case and accents aside), and every other word is an initial, a name word or
 * spelt there too. A header label or a word of the sentence before stops them ("From:", "write to").
 */
export function displayNamesFrom(ctx: ScanContext, r: NamesRule, from: number, limit: number): number {
  const text = ctx.text;
  let i = from;
  while ((i = text.indexOf('<', i)) >= 0 && i < limit) {
    const lt = i++;
    const at = addressAt(text, lt + 1);
    if (at < 0) continue;
    let e = lt;
    while (e > 0 && lt - e < 2 && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
    if (text.charCodeAt(e - 1) === 34) e--;
    const local = folded(text.slice(lt + 1, at));
    const s = displayStart(r, text, e, local);
    if (s < e) offerScored(ctx, r.rule, s, e, 0.85, ['display name']);
  }
  return ctx.base + limit;
}

/** The '@' of an address starting at p (no space, no '>' before it, within 64 characters), or -1. */
function addressAt(text: string, p: number): number {
  const stop = Math.min(text.length, p + 64);
  for (let j = p; j < stop; j++) {
    const c = text.charCodeAt(j);
    if (c === 64) return j > p ? j : -1;
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 62 || c === 60) return -1;
  }
  return -1;
}

/**
 * Where the display name ending at e starts: words one space (or ", ") apart read back from e, kept while
 * each is an initial, a word spelt in the local part, or a word the lists hold as a name; e when no word
 * the lists hold as a name or no list holds at all is spelt in the local part, or the name is one word no
 * list holds.
 */
function displayStart(r: NamesRule, text: string, e: number, local: string): number {
  let s = e;
  let spelt = false;
  let listed = false;
  let words = 0;
  let p = e;
  for (let n = 0; n < MAX_WORDS && e - p < REACH; n++) {
    // The word ending at p: letters and joiners, an initial's period after it.
    let we = p;
    if (text.charCodeAt(we - 1) === 46) we--;
    let ws = we;
    while (ws > 0 && (isLetter(text.charCodeAt(ws - 1)) || (isJoiner(text.charCodeAt(ws - 1)) && isLetter(text.charCodeAt(ws - 2))))) ws--;
    if (ws === we || (ws > 0 && !separator(text.charCodeAt(ws - 1)))) break;
    const initial = we - ws === 1 && we < p;
    const kind = classifyRange(r.lex, text, ws, we);
    const inLocal = we - ws >= 3 && local.includes(folded(text.slice(ws, we)));
    const nameWord = kind === 'strong' || kind === 'weak' || kind === 'unknown';
    if (!initial && !inLocal && !(nameWord && kind !== 'unknown')) break;
    if (inLocal && nameWord) spelt = true;
    if (nameWord && kind !== 'unknown') listed = true;
    s = ws;
    words++;
    // One space, or a comma and a space ("Adewura, Ifeoma"), before the next word back.
    p = ws;
    if (text.charCodeAt(p - 1) !== 32) break;
    p--;
    if (text.charCodeAt(p - 1) === 44) p--;
    if (!isLetter(text.charCodeAt(p - 1)) && text.charCodeAt(p - 1) !== 46) break;
  }
  // One word no list holds ("Zalando <zalando@…>") may be a brand's name: a person's has two words or a listed one.
  return spelt && (words > 1 || listed) ? s : e;
}

/** A space, a tab, a line break, a quote or a colon: what may stand before a display name's first word. */
const separator = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 34 || c === 58 || c === 44;

/** Lower-case letters only, accents removed ("Muñoz" → "munoz"), so a name meets its spelling in an address. */
function folded(s: string): string {
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x00-\x7f]*$/.test(s);
  return (ascii ? s : s.normalize('NFD').replace(/\p{M}/gu, '')).toLowerCase().replace(/[^\p{L}]/gu, '');
}

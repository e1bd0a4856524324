import { isLower, isUpper } from './letters.js';
import type { NameLexicon } from './lexicon.js';

/**
 * What one word is to the names detector. Order of the checks: words that are never names (function
 * words, roles, titles, field labels no name list holds), then the name lists, then the common-word lists;
 * a capitalised word in none of them is unknown (a name or a brand: context decides).
 */
export type WordKind = 'title' | 'initial' | 'particle' | 'not' | 'strong' | 'weak' | 'common' | 'unknown';

const KINDS: readonly WordKind[] = ['title', 'initial', 'particle', 'not', 'strong', 'weak', 'common', 'unknown'];

/** English clitics read off before the lists are asked: "What's" is "what", "Maria's" is "maria". */
const CLITIC = /(?:n['’]t|['’](?:s|ll|re|ve|d|m))$/;

/**
 * Words seen before, per lexicon, keyed by a hash over the word's character codes (open addressing): care
 * text repeats its words, and a hit costs no string, no lower-casing and no Map probe. A miss classifies
 * the word once (a slice, the set probes) and stores it; the table is emptied when it fills.
 */
class KindCache {
  private readonly bits = 16;
  private readonly hashes = new Int32Array(1 << this.bits);
  private readonly kinds = new Uint8Array(1 << this.bits);
  private readonly keys: (string | undefined)[] = new Array<string | undefined>(1 << this.bits);
  private count = 0;

  constructor(private readonly lex: NameLexicon) {}

  kind(text: string, s: number, e: number): WordKind {
    let h = 0x811c9dc5 | 0;
    for (let i = s; i < e; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const mask = (1 << this.bits) - 1;
    let slot = (h ^ (h >>> 16)) & mask;
    for (;;) {
      const key = this.keys[slot];
      if (key === undefined) break;
      if (this.hashes[slot] === h && key.length === e - s && sameChars(key, text, s)) return KINDS[this.kinds[slot]!]!;
      slot = (slot + 1) & mask;
    }
    const word = text.slice(s, e);
    const kind = classifyFresh(this.lex, word);
    if (this.count >= (mask >> 1)) {
      this.keys.fill(undefined);
      this.count = 0;
      slot = (h ^ (h >>> 16)) & mask;
    }
    this.keys[slot] = word;
    this.hashes[slot] = h;
    this.kinds[slot] = KINDS.indexOf(kind);
    this.count++;
    return kind;
  }
}

function sameChars(key: string, text: string, s: number): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(s + i)) return false;
  return true;
}

const caches = new WeakMap<NameLexicon, KindCache>();
let lastLex: NameLexicon | null = null;
let lastCache: KindCache | null = null;

/** The kind of the word text[s, e) (an initial's or title's period included when the caller passes it). */
export function classifyRange(lex: NameLexicon, text: string, s: number, e: number): WordKind {
  if (lex !== lastLex) {
    let c = caches.get(lex);
    if (!c) caches.set(lex, (c = new KindCache(lex)));
    lastLex = lex;
    lastCache = c;
  }
  return lastCache!.kind(text, s, e);
}

export const classifyWord = (lex: NameLexicon, word: string): WordKind => classifyRange(lex, word, 0, word.length);

function classifyFresh(lex: NameLexicon, word: string): WordKind {
  const lowered = word.toLowerCase();
  const key = (/[^\x00-\x7f]/.test(lowered) ? lowered.normalize('NFC') : lowered).replace(CLITIC, '');
  const bare = key.endsWith('.') ? key.slice(0, -1) : key;
  if (lex.titles.has(bare) && (bare.length > 1 || key.endsWith('.'))) return 'title';
  // "I" and "I'm" are the pronoun; "J" and "J." are initials.
  if (word.length <= 2 && bare.length === 1 && isUpper(word.charCodeAt(0)) && !(bare === 'i' && !key.endsWith('.'))) return 'initial';
  if (lex.particles.has(key) && isLower(word.charCodeAt(0))) return 'particle';
  if (lex.notNames.has(bare) || lex.roles.has(bare)) return 'not';
  // A field label that is also a surname (Price, Swift, Case) is a weak name outside a label: the label
  // parser (labels.ts) keeps "Price:" a field; "Ola Price" is a name.
  if (lex.fieldLabels.has(bare)) return lex.commonNames.has(bare) && !isAllUpper(word) ? 'weak' : 'not';
  // Two- and three-letter words in capitals are acronyms (PII, CEO, ATM) even when some rare name is
  // spelt the same; a name that short written in capitals needs its cue.
  if (bare.length > 1 && bare.length <= 3 && isAllUpper(word)) return 'common';
  if (lex.distinctive.has(bare)) return 'strong';
  if (lex.commonNames.has(bare)) return 'weak';
  // Acronyms (ATM, USB) are no names; a name written in capitals was found in the lists above.
  if (bare.length > 1 && isAllUpper(word)) return 'common';
  if (lex.commonWords.has(bare)) return 'common';
  // A noun after an elided article or preposition, written in lower case after it ("L'ufficio", "Dell'hotel"):
  // no name takes one ("D'Angelo", "O'Brien" keep their capital).
  if (elided(word)) return 'common';
  return 'unknown';
}

/** Elided articles and prepositions with an article (Italian, French, Catalan) that open a noun: "L'", "Dell'", "Nell'". */
const ELIDED = /^(?:[Ll]|[Dd]ell|[Nn]ell|[Aa]ll|[Ss]ull|[Dd]all|[Cc]oll|[Uu]n|[Qq]uell|[Qq]uest)['’]\p{Ll}/u;

/** A word of an elided article, its apostrophe and a lower-case letter ("L'ufficio"); the regex runs only on words with an apostrophe near their start. */
function elided(word: string): boolean {
  const a = word.charCodeAt(1) === 39 || word.charCodeAt(1) === 0x2019 ? 1 : Math.max(word.indexOf("'"), word.indexOf('’'));
  return a > 0 && a <= 5 && ELIDED.test(word);
}

function isAllUpper(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (isLower(word.charCodeAt(i))) return false;
  return true;
}

/** A word that can be part of a name once the context allows it. */
export const nameLike = (k: WordKind) => k === 'strong' || k === 'weak' || k === 'unknown' || k === 'initial';

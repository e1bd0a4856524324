import { isLetter, isJoiner } from './letters.js';
import type { NameLexicon } from './lexicon.js';
import { compactSet, WordIndex } from '../word-set.js';

/**
 * The language of the text around a capitalised word, from the most frequent words of each language
 * (`languageWordLists`, rules/lexicons/function-words.json): each word of two letters or more in the
 * window votes for the languages whose lists hold it, a word of one list only with a whole vote, a word of
 * n lists with 1/n.
 * The window is the run and the text at most BACK characters before it and AHEAD after it (the stretch a
 * stream holds: limits.ts MAX_BACK, and the rest of the run's line), so a stream decides as one pass does.
 * Returns an ISO 639-1 code, or '' when the words say too little (fewer than MIN_VOTES, or no clear lead).
 */
const BACK = 200;
const AHEAD = 160;
const MIN_VOTES = 1.5;
/** The leading language must outvote the next by this factor. */
const LEAD = 1.25;

interface LanguageIndex {
  /** word → its index in langsOf (compact storage: ~24,000 words) */
  of: WordIndex;
  /** The languages listing each word; words listed by the same languages share one array. */
  langsOf: string[][];
  /** The same, as indexes in codes. */
  langIdsOf: number[][];
  codes: string[];
  /** Every word of every list, and the function words of every language. */
  any: Set<string>;
  functionWords: Set<string>;
}

const indexes = new WeakMap<NameLexicon, LanguageIndex>();

function indexOf(lex: NameLexicon): LanguageIndex {
  let ix = indexes.get(lex);
  if (!ix) {
    const of = new Map<string, string[]>();
    const any = new Set<string>();
    const functionWords = new Set<string>();
    for (const [lang, words] of lex.languageWords) {
      for (const [w, rank] of words) {
        any.add(w);
        if (rank < lex.functionWordRank) functionWords.add(w);
        if (w.length > 1) of.set(w, [...(of.get(w) ?? []), lang]);
      }
    }
    const words = [...of.keys()];
    const shared = new Map<string, string[]>();
    const langsOf = words.map((w) => {
      const langs = of.get(w)!;
      const k = langs.join(',');
      const hit = shared.get(k);
      if (hit) return hit;
      shared.set(k, langs);
      return langs;
    });
    const codes = [...lex.languageWords.keys()];
    const ids = new Map<string[], number[]>();
    const langIdsOf = langsOf.map((langs) => {
      let hit = ids.get(langs);
      if (!hit) ids.set(langs, (hit = langs.map((l) => codes.indexOf(l))));
      return hit;
    });
    ix = { of: new WordIndex(words), langsOf, langIdsOf, codes, any: compactSet(any), functionWords: compactSet(functionWords) };
    indexes.set(lex, ix);
  }
  return ix;
}

/**
 * What languageAt has read of the last text: for a word starting at i, its end read to the text's end, the
 * index of its languages in langsOf (-1: none) and where the next word starts, in a direct-mapped table by position (CACHE_SLOTS, a few windows
 * long), valid for one text (`gen`). Windows of nearby capitals overlap: each word is sliced, folded and looked up
 * once per text instead of once per window.
 */
const CACHE_SLOTS = 4096;
const slotGen = new Int32Array(CACHE_SLOTS);
const slotAt = new Int32Array(CACHE_SLOTS);
const slotEnd = new Int32Array(CACHE_SLOTS);
const slotLangs = new Int32Array(CACHE_SLOTS);
/** Where to read on after the word: the next letter, or a point at most GAP further with no letter before it. */
const slotNext = new Int32Array(CACHE_SLOTS);
const GAP = 64;
let gen = 0;
let genText: string | null = null;
let genIx: LanguageIndex | null = null;
/** Votes by language index, and the languages in the order of their first vote (Map order in the votes). */
let votes = new Float64Array(0);
let order = new Int32Array(0);

/** End of the word of letters with inner joiners from i (a letter), read up to b. */
function wordFrom(text: string, i: number, b: number): number {
  let j = i;
  while (j < b && (isLetter(text.charCodeAt(j)) || (isJoiner(text.charCodeAt(j)) && j + 1 < b && isLetter(text.charCodeAt(j + 1))))) j++;
  return j;
}

/** The index in langsOf of the languages listing text[i, j) (a word of two letters or more, at most 12), or -1. */
function langsIndex(ix: LanguageIndex, text: string, i: number, j: number): number {
  if (j - i > 12) return -1;
  let ascii = true;
  for (let k = i; k < j; k++) {
    if (text.charCodeAt(k) > 127) {
      ascii = false;
      break;
    }
  }
  // The lists hold words of two letters or more; an ASCII letter folds to one.
  if (ascii && j - i < 2) return -1;
  const at = ascii ? ix.of.getAsciiLower(text, i, j) : ix.of.get(text.slice(i, j).toLowerCase());
  return at === undefined ? -1 : at;
}

/** The language of the text around [s, e), or ''. */
export function languageAt(lex: NameLexicon, text: string, s: number, e: number): string {
  if (!lex.languageWords.size) return '';
  const ix = indexOf(lex);
  if (text !== genText || ix !== genIx) {
    genText = text;
    genIx = ix;
    gen = (gen + 1) | 0;
  }
  const n = ix.codes.length;
  if (votes.length < n) {
    votes = new Float64Array(n);
    order = new Int32Array(n);
  }
  let voted = 0;
  // Whole words only: the window's first word is read from its start.
  let a = Math.max(0, s - BACK);
  while (a > 0 && a < s && isLetter(text.charCodeAt(a - 1))) a++;
  let b = Math.min(text.length, e + AHEAD);
  while (b < text.length && b > e && isLetter(text.charCodeAt(b))) b--;
  const len = text.length;
  let i = a;
  while (i < b) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // A word's end read to the text's end is its end in the window when it ends by b (the window cuts no joiner
    // before it), so that end and its lookup hold for every window.
    const slot = i & (CACHE_SLOTS - 1);
    let j: number;
    let at: number;
    let next: number;
    if (slotGen[slot] === gen && slotAt[slot] === i) {
      j = slotEnd[slot]!;
      at = slotLangs[slot]!;
      next = slotNext[slot]!;
    } else {
      j = wordFrom(text, i, len);
      at = langsIndex(ix, text, i, j);
      next = j;
      const stop = Math.min(len, j + GAP);
      while (next < stop && !isLetter(text.charCodeAt(next))) next++;
      slotGen[slot] = gen;
      slotAt[slot] = i;
      slotEnd[slot] = j;
      slotLangs[slot] = at;
      slotNext[slot] = next;
    }
    if (j > b) {
      j = wordFrom(text, i, b);
      at = langsIndex(ix, text, i, j);
      next = j;
    }
    if (at >= 0) {
      const langs = ix.langIdsOf[at]!;
      const share = 1 / langs.length;
      for (let k = 0; k < langs.length; k++) {
        const l = langs[k]!;
        // Shares are positive: a language at 0 has had no vote in this window yet.
        if (votes[l] === 0) order[voted++] = l;
        votes[l] = votes[l]! + share;
      }
    }
    // Nothing but non-letters lies between j and next: the loop would step over them one by one.
    i = next;
  }
  let best = -1;
  let top = 0;
  let second = 0;
  for (let k = 0; k < voted; k++) {
    const l = order[k]!;
    const v = votes[l]!;
    votes[l] = 0;
    if (v > top) {
      second = top;
      top = v;
      best = l;
    } else if (v > second) second = v;
  }
  return top >= MIN_VOTES && top >= LEAD * second && best >= 0 ? ix.codes[best]! : '';
}

/** Whether the word text[s, e) is a function word of the language: one of its functionWordRank most frequent words. */
export function frequentIn(lex: NameLexicon, lang: string, text: string, s: number, e: number): boolean {
  if (!lang) return false;
  const rank = lex.languageWords.get(lang)?.get(text.slice(s, e).toLowerCase());
  return rank !== undefined && rank < lex.functionWordRank;
}

/** Whether the word text[s, e) is one of the language's most frequent words (any rank the lists hold). */
export function wordOf(lex: NameLexicon, lang: string, text: string, s: number, e: number): boolean {
  return lang !== '' && lex.languageWords.get(lang)?.has(text.slice(s, e).toLowerCase()) === true;
}

/** Whether a lower-case word is a frequent word of any language (a cheap test before languageAt). */
export const anyLanguageWord = (lex: NameLexicon, word: string): boolean => lex.languageWords.size > 0 && indexOf(lex).any.has(word);

/** Whether a lower-case word is a function word of any language. */
export const anyFunctionWord = (lex: NameLexicon, word: string): boolean => lex.languageWords.size > 0 && indexOf(lex).functionWords.has(word);

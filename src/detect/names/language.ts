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
    ix = { of: new WordIndex(words), langsOf, codes: [...lex.languageWords.keys()], any: compactSet(any), functionWords: compactSet(functionWords) };
    indexes.set(lex, ix);
  }
  return ix;
}

/** The language of the text around [s, e), or ''. */
export function languageAt(lex: NameLexicon, text: string, s: number, e: number): string {
  if (!lex.languageWords.size) return '';
  const ix = indexOf(lex);
  const votes = new Map<string, number>();
  const count = (a: number, b: number) => {
    let i = a;
    while (i < b) {
      if (!isLetter(text.charCodeAt(i))) {
        i++;
        continue;
      }
      let j = i;
      while (j < b && (isLetter(text.charCodeAt(j)) || (isJoiner(text.charCodeAt(j)) && j + 1 < b && isLetter(text.charCodeAt(j + 1))))) j++;
      if (j - i <= 12) {
        const at = ix.of.get(text.slice(i, j).toLowerCase());
        const langs = at === undefined ? undefined : ix.langsOf[at];
        if (langs) for (const l of langs) votes.set(l, (votes.get(l) ?? 0) + 1 / langs.length);
      }
      i = j;
    }
  };
  // Whole words only: the window's first word is read from its start.
  let a = Math.max(0, s - BACK);
  while (a > 0 && a < s && isLetter(text.charCodeAt(a - 1))) a++;
  let b = Math.min(text.length, e + AHEAD);
  while (b < text.length && b > e && isLetter(text.charCodeAt(b))) b--;
  count(a, b);
  let best = '';
  let top = 0;
  let second = 0;
  for (const [l, v] of votes) {
    if (v > top) {
      second = top;
      top = v;
      best = l;
    } else if (v > second) second = v;
  }
  return top >= MIN_VOTES && top >= LEAD * second ? best : '';
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

import { isLower, isUpper } from './letters.js';
import type { NameLexicon } from './lexicon.js';

/**
 * What one word is to the names detector. Order of the checks: words that are never names (function
 * words, roles, field labels, titles), then the name lists, then the common-word lists; a capitalised
 * word in none of them is unknown (a name or a brand: context decides).
 */
export type WordKind = 'title' | 'initial' | 'particle' | 'not' | 'strong' | 'weak' | 'common' | 'unknown';

/** English clitics read off before the lists are asked: "What's" is "what", "Maria's" is "maria". */
const CLITIC = /(?:n['’]t|['’](?:s|ll|re|ve|d|m))$/;

/** Words seen before, per lexicon: care text repeats its words, and a lookup costs several set probes. */
const memo = new WeakMap<NameLexicon, Map<string, WordKind>>();
const MEMO_MAX = 50_000;

export function classifyWord(lex: NameLexicon, word: string): WordKind {
  let m = memo.get(lex);
  if (!m) memo.set(lex, (m = new Map()));
  let kind = m.get(word);
  if (kind === undefined) {
    if (m.size >= MEMO_MAX) m.clear();
    kind = classifyFresh(lex, word);
    m.set(word, kind);
  }
  return kind;
}

function classifyFresh(lex: NameLexicon, word: string): WordKind {
  const lowered = word.toLowerCase();
  const key = (/[^\x00-\x7f]/.test(lowered) ? lowered.normalize('NFC') : lowered).replace(CLITIC, '');
  const bare = key.endsWith('.') ? key.slice(0, -1) : key;
  if (lex.titles.has(bare) && (bare.length > 1 || key.endsWith('.'))) return 'title';
  // "I" and "I'm" are the pronoun; "J" and "J." are initials.
  if (word.length <= 2 && bare.length === 1 && isUpper(word.charCodeAt(0)) && !(bare === 'i' && !key.endsWith('.'))) return 'initial';
  if (lex.particles.has(key) && isLower(word.charCodeAt(0))) return 'particle';
  if (lex.notNames.has(bare) || lex.roles.has(bare) || lex.fieldLabels.has(bare)) return 'not';
  // Two- and three-letter words in capitals are acronyms (PII, CEO, ATM) even when some rare name is
  // spelt the same; a name that short written in capitals needs its cue.
  if (bare.length > 1 && bare.length <= 3 && isAllUpper(word)) return 'common';
  if (lex.distinctive.has(bare)) return 'strong';
  if (lex.commonNames.has(bare)) return 'weak';
  // Acronyms (ATM, USB) are no names; a name written in capitals was found in the lists above.
  if (bare.length > 1 && isAllUpper(word)) return 'common';
  if (lex.commonWords.has(bare)) return 'common';
  return 'unknown';
}

function isAllUpper(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (isLower(word.charCodeAt(i))) return false;
  return true;
}

/** A word that can be part of a name once the context allows it. */
export const nameLike = (k: WordKind) => k === 'strong' || k === 'weak' || k === 'unknown' || k === 'initial';

import { isDigitCode } from './chars.js';
import type { WordEntry } from './plan.js';
import { FNV_OFFSET, FNV_PRIME, type WordTable } from './word-table.js';

const isLetter = (c: number) => (c | 0x20) >= 97 && (c | 0x20) <= 122;

/**
 * Whether the word at p may be where a word gate matches (wordPassOf asks before its regex probe). A gate's
 * match is the first word of a phrase, a run of ASCII letters or of ASCII digits (plan.ts firstWordOf), case
 * folded within ASCII only (no u flag), and ends where that run ends (a phrase end or the lookahead of its rest
 * follows, neither a letter after letters nor a digit after digits): so a match at p needs the run at p to be a
 * key of the word table, with phrases of the gate's case (or spoken, for the case-insensitive gate). Hashed
 * inline over the char codes, no slice; when it fails the probe would fail too, so skipping it changes nothing.
 */
export function mayOpenPhrase(words: WordTable<WordEntry>, text: string, p: number, cs: boolean): boolean {
  const n = text.length;
  let c = text.charCodeAt(p);
  let h = FNV_OFFSET;
  let q = p;
  if (isDigitCode(c)) {
    do {
      h = Math.imul(h ^ c, FNV_PRIME);
      c = text.charCodeAt(++q);
    } while (q < n && isDigitCode(c));
  } else {
    while (q < n && isLetter(c)) {
      h = Math.imul(h ^ (c | 0x20), FNV_PRIME);
      c = text.charCodeAt(++q);
    }
    if (q === p) return false;
  }
  const entry = words.lookup(text, p, q, h);
  return entry !== undefined && (cs ? entry.phrasesCs.length > 0 : entry.phrases.length > 0 || entry.spoken);
}

const plainTables = new WeakMap<object, boolean>();

/**
 * Whether every key of the word table is a run of ASCII letters or of ASCII digits, as mayOpenPhrase assumes
 * (plan.ts builds them so; checked once per table rather than trusted).
 */
export function plainKeys(words: WordTable<WordEntry>): boolean {
  if (words === lastWords) return lastPlain;
  let plain = plainTables.get(words);
  if (plain === undefined) plainTables.set(words, (plain = words.entries.every((e) => /^(?:[a-z]+|[0-9]+)$/.test(e.key))));
  lastWords = words;
  lastPlain = plain;
  return plain;
}
let lastWords: WordTable<WordEntry> | null = null;
let lastPlain = false;


import { WordTrie } from './context-words.js';

/**
 * The filler tokens a rule pack allows between a cue and its value ("DOB on account is …", "passport no. …",
 * "password I use is …", "license number: …"): a cue family's fillers are data, read here by a trie of the pack's
 * words (context-words.ts) with the semantics of the one sticky regex they were read with, never by a regex
 * per phrase.
 */

/** Punctuation that may stand between a cue and its value in any number: `:`, `=`, `#`, quotes, emphasis, dashes. */
const FILLER_PUNCT = `[ \\t:=#"'\u201c\u201d\u2018\u2019*_,.\\-\u2013\u2014()\\u00a0]`;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** , | ; and tab. */
const CELL_DELIMITER: ReadonlySet<number> = new Set([44, 124, 59, 9]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A rule's fillers: the sticky regex they used to be read with, and the trie that reads them now (null: the regex). */
export interface FillerTable {
  re: RegExp;
  trie: WordTrie | null;
}

/**
 * One filler token at a position: a run of filler punctuation, or a filler word or phrase ending on a word
 * boundary (a phrase's spaces match any run of spaces). Null when the rule has no fillers.
 */
export function compileFillers(words: readonly string[] | undefined): FillerTable | null {
  if (!words?.length) return null;
  const sorted = [...new Set(words.map((w) => w.trim().toLowerCase()))].sort((a, b) => b.length - a.length);
  const alts = sorted.map((w) => escape(w).replace(/ +/g, '[ \\t]{1,3}') + (/[\p{L}\p{N}]$/u.test(w) ? '(?![\\p{L}\\p{N}])' : ''));
  // Alternatives of literals only: linear, whatever the pack holds. Kept as the reader of a list the trie
  // cannot read exactly (context-words.ts).
  const re = new RegExp(`${FILLER_PUNCT}+|(?:${alts.join('|')})`, 'iuy');
  return { re, trie: WordTrie.build(sorted, 'filler') };
}

/** FILLER_PUNCT by char code (the class has no cased character, so `iu` adds none). */
const PUNCT = new Set([...' \t:=#"\'\u201c\u201d\u2018\u2019*_,.-\u2013\u2014()\u00a0'].map((c) => c.charCodeAt(0)));
const PUNCT_ASCII = new Uint8Array(128);
for (const c of PUNCT) if (c < 128) PUNCT_ASCII[c] = 1;
export const isFillerPunct = (c: number) => (c < 128 ? PUNCT_ASCII[c] === 1 : PUNCT.has(c));

/** Whether text[s, e) holds a letter or digit (`[\p{L}\p{N}]` with `u`, on code points). */
function hasLetterOrDigit(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)) return true;
      continue;
    }
    LETTER_DIGIT.lastIndex = i;
    if (LETTER_DIGIT.test(text)) return true;
  }
  return false;
}
const LETTER_DIGIT = /[\p{L}\p{N}]/uy;

const grow = (a: Int32Array) => {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
};

/** Stops written by the last fillerStopsInto, farthest first. */
let stopBuf = new Int32Array(128);

/**
 * The places a value may start after a cue ending at `from`: every position reached by skipping filler
 * tokens, the farthest first (so a value is never a filler word: "password is X" gives X, not "is"). At
 * most `maxWords` filler words are skipped; punctuation runs are free but bounded by `limit`.
 */
export function fillerStops(text: string, from: number, table: FillerTable, maxWords: number, limit: number): number[] {
  const n = fillerStopsInto(text, from, table, maxWords, limit);
  return Array.from(stopBuf.subarray(0, n));
}

/**
 * fillerStops without an array per call: the stops are left in `fillerStop(i)`, i < the count returned,
 * farthest first. Valid until the next call.
 */
export function fillerStopsInto(text: string, from: number, table: FillerTable, maxWords: number, limit: number): number {
  let n = 0;
  stopBuf[n++] = from;
  // A cue glued to what follows by a hyphen ("PW-2929Q", "DL-form") is one token, a model or form name.
  // A delimiter right after the cue ("password,ticket", "PASSWORD|IBAN"): a header row, not a value.
  if (CELL_DELIMITER.has(text.charCodeAt(from))) return n;
  if (text.charCodeAt(from) === 45 && from > 0 && WORD_CHAR.test(text[from - 1]!) && WORD_CHAR.test(text[from + 1] ?? '')) return n;
  let p = from;
  let words = 0;
  const end = Math.min(text.length, limit);
  const { re, trie } = table;
  while (p < end) {
    let q: number;
    let punct: boolean;
    if (trie) {
      if (isFillerPunct(text.charCodeAt(p))) {
        q = p + 1;
        while (q < text.length && isFillerPunct(text.charCodeAt(q))) q++;
        punct = true;
      } else {
        q = trie.matchAt(text, p, text.length);
        if (q <= p) break;
        punct = !hasLetterOrDigit(text, p, q);
      }
    } else {
      re.lastIndex = p;
      const m = re.exec(text);
      if (!m || m[0].length === 0) break;
      punct = !/[\p{L}\p{N}]/u.test(m[0]);
      q = re.lastIndex;
    }
    if (!punct && ++words > maxWords) break;
    p = q;
    if (p > end) break;
    // At most one stop per character up to limit: grown once to the largest reach asked for.
    if (n === stopBuf.length) stopBuf = grow(stopBuf);
    stopBuf[n++] = p;
  }
  // Farthest first.
  for (let i = 0, j = n - 1; i < j; i++, j--) {
    const t = stopBuf[i]!;
    stopBuf[i] = stopBuf[j]!;
    stopBuf[j] = t;
  }
  return n;
}

/** The i-th stop of the last fillerStopsInto. */
export const fillerStop = (i: number) => stopBuf[i]!;

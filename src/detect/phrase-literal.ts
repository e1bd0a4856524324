import { isAsciiWord, isJsSpace } from './context-words.js';

/**
 * A keyword phrase read by character code instead of its sticky regex (plan.ts `phrase`): the regex is its
 * characters escaped, each run of inner whitespace one `\s{1,3}`, then `(?![A-Za-z])` after a final letter,
 * `(?![0-9A-Za-z_])` after a final digit or `_`, nothing after punctuation; flags `iy` or `y`, never `u`.
 * Only ASCII phrases are compiled: without `u`, an ASCII character of the pattern matches under `i` only
 * itself and its other ASCII case (no character from 128 on folds to ASCII), so comparing codes is exact.
 * The scanner tries several phrases at every keyword hit, and a regex call costs more than the comparison.
 */
export interface PhraseLiteral {
  /** The phrase's characters; SPACE for each `\s{1,3}` token. */
  codes: Uint16Array;
  /** Whether ASCII letters match either case. */
  ci: boolean;
  /** What must not follow: 0 nothing, 1 an ASCII letter, 2 an ASCII word character. */
  end: number;
}

const SPACE = 0;

/** The literal form of a phrase regex built from `word`, or null when the phrase holds a character from 128 on. */
export function phraseLiteral(word: string, ci: boolean): PhraseLiteral | null {
  const codes: number[] = [];
  const parts = word.trim().split(/\s+/);
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) codes.push(SPACE);
    const w = parts[i]!;
    for (let k = 0; k < w.length; k++) {
      const c = w.charCodeAt(k);
      if (c === SPACE || c >= 128) return null;
      codes.push(c);
    }
  }
  // As plan.ts phraseEnd reads the (untrimmed) word.
  const end = /[A-Za-z]$/.test(word) ? 1 : /\w$/.test(word) ? 2 : 0;
  return { codes: Uint16Array.from(codes), ci, end };
}

const isAsciiLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;

/** Where the phrase matched at h ends, or -1: what `re.lastIndex = h; re.test(text)` gives. */
export function phraseLiteralEnd(p: PhraseLiteral, text: string, h: number): number {
  const codes = p.codes;
  const n = text.length;
  let q = h;
  for (let k = 0; k < codes.length; k++) {
    const want = codes[k]!;
    if (want === SPACE) {
      // Greedy 1–3; the next code is no whitespace, so taking fewer never helps.
      const from = q;
      while (q < n && q - from < 3 && isJsSpace(text.charCodeAt(q))) q++;
      if (q === from) return -1;
      continue;
    }
    if (q >= n) return -1;
    const c = text.charCodeAt(q);
    if (c !== want && !(p.ci && isAsciiLetter(want) && (c | 32) === (want | 32))) return -1;
    q++;
  }
  if (q < n && p.end !== 0) {
    const c = text.charCodeAt(q);
    if (p.end === 1 ? isAsciiLetter(c) : isAsciiWord(c)) return -1;
  }
  return q;
}

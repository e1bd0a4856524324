/**
 * A rule's word list (context words, exclusion words, cue fillers) found by walking a trie of the words'
 * characters, with no regex scan and no string built per window or per word: the lists hold hundreds of
 * phrases, and irregexp tried every alternative, case-insensitively, at every place of every window.
 *
 * The semantics are the regexes' the plan used to build, exactly (test/detect/context-words.test.ts keeps
 * them as the oracle):
 * - context words: `\b(?:w1|w2|…)` with flag `i` (no `u`): an ASCII word boundary before, a phrase's spaces
 *   matching 1–3 whitespace characters, and after a final ASCII letter no ASCII letter, after a final digit
 *   or `_` no ASCII word character;
 * - fillers: a sticky `(?:w1|w2|…)` with flags `iuy`: a phrase's spaces matching 1–3 spaces or tabs, and
 *   after a final letter or digit (any script) no letter or digit.
 * Case folding is the engine's own: characters are grouped by one small regex per distinct character of the
 * list, built once, so a character of the text matches a character of the list exactly when the regex did.
 */

/** Which regex semantics a list is read with (see above). */
export type WordMode = 'context' | 'filler';

/** What must not follow a phrase: nothing, an ASCII letter, an ASCII word character, a letter or digit. */
const END_NONE = 0;
const END_ASCII_LETTER = 1;
const END_ASCII_WORD = 2;
const END_LETTER_DIGIT = 3;

interface TrieNode {
  /** Children by character class. */
  next: Map<number, TrieNode> | null;
  /** The node after a run of separators (the space of a phrase). */
  sep: TrieNode | null;
  /** Phrases ending here as pairs [order, end check], by order: the regex's first alternative wins. */
  ends: number[] | null;
}

const newNode = (): TrieNode => ({ next: null, sep: null, ends: null });

/** Whether c is a word character of a regex without the `u` flag (`\w`, `\b`). */
export const isAsciiWord = (c: number) => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95;

const isAsciiLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;

/** `\s` of a JavaScript regex: WhiteSpace and LineTerminator. */
export function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `[\p{L}\p{N}]` as the filler regex (flags `iu`) reads it after a phrase: sticky, on the code point at lastIndex. */
const LETTER_DIGIT_IU = /[\p{L}\p{N}]/iuy;

const escapeChar = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** How many characters of the text outside ASCII a matcher remembers the class of (bounded for long-lived plans). */
const FOLD_CACHE_LIMIT = 2048;

/**
 * The word list compiled to a trie. Null from `build` when a word cannot be read exactly this way (a filler
 * phrase with a tab or outside the BMP inside, a blank context word): the caller keeps the regex for that list.
 */
export class WordTrie {
  private readonly root: TrieNode = newNode();
  /** Class of each ASCII character, -1 when no character of the list matches it. */
  private readonly ascii = new Int16Array(128).fill(-1);
  /** One regex per class, matching exactly the characters of the text that class's character matches. */
  private readonly classRes: RegExp[] = [];
  /** The list's character each class was first built from. */
  private readonly classReps: number[] = [];
  private readonly folded = new Map<number, number>();
  /** Whether some class matches a character outside ASCII (else every such character is -1 at once). */
  private wideClasses = false;
  /**
   * Which two ASCII characters a phrase may start with, a bit per pair (first << 7 | second): most places a
   * word starts are passed over without a walk.
   */
  private readonly pairs = new Uint32Array(512);
  /** Where the last match found by `last` starts and ends. */
  start = -1;
  end = -1;

  private constructor(
    private readonly mode: WordMode,
    private readonly flags: string,
  ) {}

  /** `words` in the regex's alternative order (the first that matches wins). */
  static build(words: readonly string[], mode: WordMode): WordTrie | null {
    const trie = new WordTrie(mode, mode === 'context' ? 'i' : 'iu');
    const parsed: string[][] = [];
    for (const w of words) {
      const parts = mode === 'context' ? w.trim().split(/\s+/) : w.split(/ +/);
      for (const part of parts) {
        for (let i = 0; i < part.length; i++) {
          const c = part.charCodeAt(i);
          // A filler phrase's tab or other space would compete with the separator; a surrogate is a code point
          // of its own under `u`. Both are left to the regex.
          if (mode === 'filler' && (c === 9 || (c >= 0xd800 && c <= 0xdfff))) return null;
        }
      }
      // A blank context word is an empty alternative, a match at every boundary: left to the regex.
      if (mode === 'context' && parts.length === 1 && parts[0] === '') return null;
      parsed.push(parts);
    }
    parsed.forEach((parts, order) => {
      // An empty filler alternative comes last and ends the loop as no match does.
      if (parts.length === 1 && parts[0] === '') return;
      let node = trie.root;
      parts.forEach((part, i) => {
        if (i > 0) node = node.sep ??= newNode();
        for (let k = 0; k < part.length; k++) {
          const cls = trie.classOfPattern(part.charCodeAt(k));
          node.next ??= new Map();
          let child = node.next.get(cls);
          if (!child) node.next.set(cls, (child = newNode()));
          node = child;
        }
      });
      (node.ends ??= []).push(order, trie.endOf(words[order]!));
    });
    trie.fillAscii();
    trie.fillPairs();
    return trie;
  }

  private endOf(word: string): number {
    if (this.mode === 'filler') return /[\p{L}\p{N}]$/u.test(word) ? END_LETTER_DIGIT : END_NONE;
    return /[A-Za-z]$/.test(word) ? END_ASCII_LETTER : /\w$/.test(word) ? END_ASCII_WORD : END_NONE;
  }

  /** The class of a character of the list: the first class whose regex matches it (case folding is an equivalence). */
  private classOfPattern(c: number): number {
    const s = String.fromCharCode(c);
    for (let i = 0; i < this.classRes.length; i++) if (this.classRes[i]!.test(s)) return i;
    this.classRes.push(new RegExp(`^${escapeChar(s)}$`, this.flags));
    this.classReps.push(c);
    return this.classRes.length - 1;
  }

  private fillAscii(): void {
    for (let i = 0; i < this.classRes.length; i++) {
      const r = this.classReps[i]!;
      if (r < 128) {
        // ASCII folds only to its other case within ASCII, under either flag.
        this.ascii[r] = i;
        if (isAsciiLetter(r)) this.ascii[r ^ 32] = i;
        // Under `u`, k and s also match the Kelvin sign and the long s.
        if (this.mode === 'filler' && isAsciiLetter(r)) this.wideClasses = true;
      } else {
        this.wideClasses = true;
        // A character outside ASCII may fold to an ASCII letter under `u` (the Kelvin sign is k).
        for (let a = 65; a <= 122; a++) if (isAsciiLetter(a) && this.classRes[i]!.test(String.fromCharCode(a))) this.ascii[a] = i;
      }
    }
  }

  private fillPairs(): void {
    const next = this.root.next;
    if (!next) return;
    const mark = (a: number, b: number) => (this.pairs[((a << 7) | b) >>> 5]! |= 1 << (b & 31));
    for (let a = 0; a < 128; a++) {
      const first = this.ascii[a]! >= 0 ? next.get(this.ascii[a]!) : undefined;
      if (!first) continue;
      for (let b = 0; b < 128; b++) {
        // A one-character phrase matches whatever follows (its end check is the walk's); a separator only
        // before a phrase's next word.
        const sep = first.sep !== null && (this.mode === 'filler' ? b === 32 || b === 9 : isJsSpace(b));
        if (first.ends !== null || sep || (this.ascii[b]! >= 0 && first.next?.has(this.ascii[b]!))) mark(a, b);
      }
    }
  }

  /** Whether a phrase may start at p: false only when two ASCII characters there start none. */
  private mayStart(text: string, p: number, hi: number): boolean {
    const a = text.charCodeAt(p);
    if (a >= 128) return this.wideClasses;
    if (p + 1 >= hi) return this.ascii[a]! >= 0;
    const b = text.charCodeAt(p + 1);
    if (b >= 128) return this.ascii[a]! >= 0;
    return (this.pairs[((a << 7) | b) >>> 5]! & (1 << (b & 31))) !== 0;
  }

  /** The class of a character of the text, -1 when it matches no character of the list. */
  private classOf(c: number): number {
    if (c < 128) return this.ascii[c]!;
    if (!this.wideClasses) return -1;
    const known = this.folded.get(c);
    if (known !== undefined) return known;
    let cls = -1;
    // A surrogate matches only itself without `u`, and never a character of a BMP list with it.
    const s = String.fromCharCode(c);
    for (let i = 0; i < this.classRes.length; i++) {
      if (this.classRes[i]!.test(s)) {
        cls = i;
        break;
      }
    }
    if (this.folded.size >= FOLD_CACHE_LIMIT) this.folded.clear();
    this.folded.set(c, cls);
    return cls;
  }

  private endHolds(kind: number, text: string, q: number, hi: number): boolean {
    if (kind === END_NONE || q >= hi) return true;
    const c = text.charCodeAt(q);
    if (kind === END_ASCII_LETTER) return !isAsciiLetter(c);
    if (kind === END_ASCII_WORD) return !isAsciiWord(c);
    if (c < 128) return !(isAsciiWord(c) && c !== 95);
    LETTER_DIGIT_IU.lastIndex = q;
    return !LETTER_DIGIT_IU.test(text);
  }

  /**
   * Where the first phrase (in the regex's order) that matches at p ends, or -1; the text ends at hi. No
   * boundary is checked before p.
   */
  matchAt(text: string, p: number, hi: number): number {
    let node = this.root;
    let q = p;
    let best = -1;
    let bestOrder = 0x7fffffff;
    const spaceOnly = this.mode === 'filler';
    while (q < hi) {
      const c = text.charCodeAt(q);
      if (node.sep !== null && (spaceOnly ? c === 32 || c === 9 : isJsSpace(c))) {
        // `\s{1,3}` (or `[ \t]{1,3}`) before a character that is no separator: the whole run, 1 to 3 long.
        let r = q + 1;
        while (r < hi && r - q <= 3 && (spaceOnly ? text.charCodeAt(r) === 32 || text.charCodeAt(r) === 9 : isJsSpace(text.charCodeAt(r)))) r++;
        if (r - q > 3) break;
        node = node.sep;
        q = r;
        continue;
      }
      if (node.next === null) break;
      const cls = this.classOf(c);
      if (cls < 0) break;
      const child = node.next.get(cls);
      if (child === undefined) break;
      node = child;
      q++;
      const ends = node.ends;
      if (ends !== null) {
        for (let i = 0; i < ends.length; i += 2) {
          if (ends[i]! >= bestOrder) break;
          if (this.endHolds(ends[i + 1]!, text, q, hi)) {
            best = q;
            bestOrder = ends[i]!;
            break;
          }
        }
      }
    }
    return best;
  }

  /** The first p in [from, hi) where a phrase matches after a word boundary (context mode), its end in `end`. */
  private next(text: string, from: number, lo: number, hi: number): number {
    let prevWord = from > lo && isAsciiWord(text.charCodeAt(from - 1));
    for (let p = from; p < hi; p++) {
      const c = text.charCodeAt(p);
      const word = isAsciiWord(c);
      if (word !== prevWord && this.mayStart(text, p, hi)) {
        const e = this.matchAt(text, p, hi);
        if (e >= 0) {
          this.end = e;
          return p;
        }
      }
      prevWord = word;
    }
    return -1;
  }

  /** Whether a phrase stands in text[lo, hi) (read as if the window were the whole string). */
  test(text: string, lo: number, hi: number): boolean {
    return this.next(text, lo, lo, hi) >= 0;
  }

  /** The last of the successive leftmost matches in text[lo, hi), in `start` and `end`; false when none. */
  last(text: string, lo: number, hi: number): boolean {
    let found = false;
    let s = 0;
    let e = 0;
    for (let p = lo; p < hi; ) {
      const m = this.next(text, p, lo, hi);
      if (m < 0) break;
      found = true;
      s = m;
      e = this.end;
      p = e;
    }
    this.start = s;
    this.end = e;
    return found;
  }
}

/**
 * A context or exclusion word list: the trie, or the regex on the window's slice when the trie cannot read
 * the list exactly. `last` leaves the match in `start` and `end`.
 */
export interface WordFinder {
  test(text: string, lo: number, hi: number): boolean;
  last(text: string, lo: number, hi: number): boolean;
  start: number;
  end: number;
}

class RegexFinder implements WordFinder {
  start = -1;
  end = -1;
  private readonly g: RegExp;
  constructor(private readonly re: RegExp) {
    this.g = new RegExp(re.source, 'gi');
  }
  test(text: string, lo: number, hi: number): boolean {
    return this.re.test(text.slice(lo, hi));
  }
  last(text: string, lo: number, hi: number): boolean {
    const s = text.slice(lo, hi);
    this.g.lastIndex = 0;
    let found = false;
    let m: RegExpExecArray | null;
    while ((m = this.g.exec(s)) !== null) {
      found = true;
      this.start = lo + m.index;
      this.end = lo + this.g.lastIndex;
      if (m[0].length === 0) this.g.lastIndex++;
    }
    return found;
  }
}

/** Finders by the regex they stand for, shared by every plan as the regexes are (plan.ts). Bounded, oldest out. */
const FINDER_LIMIT = 4096;
const finders = new Map<RegExp, WordFinder>();

/** The finder for a context regex built from `words` (in its alternative order). */
export function contextFinder(words: readonly string[], re: RegExp): WordFinder {
  let f = finders.get(re);
  if (!f) {
    if (finders.size >= FINDER_LIMIT) finders.delete(finders.keys().next().value as RegExp);
    f = WordTrie.build(words, 'context') ?? new RegexFinder(re);
    finders.set(re, f);
  }
  return f;
}

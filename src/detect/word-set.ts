/**
 * Compact storage for the large word lists (names, common words, language words: ~270,000 words). A JS Set
 * of strings costs each word a heap string (16–24 bytes of header and padding besides its characters) and
 * three table slots of 8 bytes; here the words are the characters of two joined strings (Latin-1 words in a
 * one-byte string, the rest in a two-byte one), located by an offset and a length, and found through an
 * open-addressing Int32Array table over a hash of their character codes: ~3 times less memory, and nothing
 * for the garbage collector to trace. The words keep the order they were added in (Set order).
 *
 * WordSet extends Set and WordIndex extends Map so the lexicons keep their types: reading (has, get, size,
 * iteration) uses the compact storage; a change (add, delete, set, clear) first moves the words into the
 * ordinary Set or Map storage, which serves from then on.
 */

/** The storage: words i = 0…count-1 and their hash table. */
class Words {
  constructor(
    readonly count: number,
    /** Latin-1 words joined. */
    readonly narrow: string,
    /** Words with a character above U+00FF joined. */
    readonly wide: string,
    /** Word i starts at narrow[at[i]], or at wide[~at[i]] when at[i] is negative. */
    readonly at: Int32Array,
    readonly len: Uint16Array,
    /** Slots holding word index + 1, 0 when empty; a power of two long. */
    readonly table: Int32Array,
  ) {}

  /** The index of a word, or -1. */
  indexOf(w: string): number {
    const n = w.length;
    const table = this.table;
    const mask = table.length - 1;
    let slot = hashOf(w) & mask;
    for (;;) {
      const ix = table[slot]!;
      if (ix === 0) return -1;
      if (this.len[ix - 1] === n && this.same(ix - 1, w)) return ix - 1;
      slot = (slot + 1) & mask;
    }
  }

  /** Whether word i is w (same length assumed). */
  same(i: number, w: string): boolean {
    const a = this.at[i]!;
    const pool = a >= 0 ? this.narrow : this.wide;
    const s = a >= 0 ? a : ~a;
    for (let k = 0; k < w.length; k++) if (pool.charCodeAt(s + k) !== w.charCodeAt(k)) return false;
    return true;
  }

  /** The index of text[s, e) lower-cased, a range of ASCII characters only (A–Z fold to a–z, as toLowerCase does there), or -1. */
  indexOfAsciiLower(text: string, s: number, e: number): number {
    const n = e - s;
    let h = 0x811c9dc5 | 0;
    for (let k = s; k < e; k++) {
      const c = text.charCodeAt(k);
      h = Math.imul(h ^ (c >= 65 && c <= 90 ? c | 0x20 : c), 0x01000193);
    }
    h ^= h >>> 16;
    const table = this.table;
    const mask = table.length - 1;
    let slot = h & mask;
    for (;;) {
      const ix = table[slot]!;
      if (ix === 0) return -1;
      if (this.len[ix - 1] === n && this.sameAsciiLower(ix - 1, text, s, n)) return ix - 1;
      slot = (slot + 1) & mask;
    }
  }

  private sameAsciiLower(i: number, text: string, s: number, n: number): boolean {
    const a = this.at[i]!;
    // A word of the ASCII range lies in the narrow string.
    if (a < 0) return false;
    for (let k = 0; k < n; k++) {
      const c = text.charCodeAt(s + k);
      if (this.narrow.charCodeAt(a + k) !== (c >= 65 && c <= 90 ? c | 0x20 : c)) return false;
    }
    return true;
  }

  word(i: number): string {
    const a = this.at[i]!;
    return a >= 0 ? this.narrow.slice(a, a + this.len[i]!) : this.wide.slice(~a, ~a + this.len[i]!);
  }
}

/** FNV-1a over the character codes, its halves folded. */
function hashOf(w: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return h ^ (h >>> 16);
}

function isNarrow(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) > 0xff) return false;
  return true;
}

/**
 * Storages built, by word count: identical word lists (the same file in two lexicons, and in the address
 * grammar) share one, found by comparing the words in order, which costs less than building them again.
 */
const interned = new Map<number, Words[]>();

function builtBefore(words: Iterable<string>, count: number): Words | null {
  next: for (const c of interned.get(count) ?? []) {
    let i = 0;
    for (const w of words) {
      if (i >= count || c.len[i] !== w.length || !c.same(i, w)) continue next;
      i++;
    }
    if (i === count) return c;
  }
  return null;
}

/** Compact storage of distinct words, or null when a word is too long for it (65,535 characters). */
function build(words: Iterable<string>, count: number): Words | null {
  const hit = builtBefore(words, count);
  if (hit) return hit;
  const at = new Int32Array(count);
  const len = new Uint16Array(count);
  const narrow: string[] = [];
  const wide: string[] = [];
  let n = 0;
  let m = 0;
  let size = 8;
  while (size < count * 2) size *= 2;
  const table = new Int32Array(size);
  let i = 0;
  for (const w of words) {
    if (w.length > 0xffff || i >= count) return null;
    len[i] = w.length;
    if (isNarrow(w)) {
      at[i] = n;
      narrow.push(w);
      n += w.length;
    } else {
      at[i] = ~m;
      wide.push(w);
      m += w.length;
    }
    let slot = hashOf(w) & (size - 1);
    while (table[slot] !== 0) slot = (slot + 1) & (size - 1);
    table[slot] = i + 1;
    i++;
  }
  if (i !== count) return null;
  // join('') makes one flat string; a later slice of it is a view, not a copy of the whole.
  const made = new Words(count, narrow.join(''), wide.join(''), at, len, table);
  interned.set(count, [...(interned.get(count) ?? []), made]);
  return made;
}

/** A Set of words in compact storage; see the module comment. */
export class WordSet extends Set<string> {
  #words: Words | null;

  /** `words` must be distinct: a Set (read in place), or an array without repeats. */
  constructor(words: ReadonlySet<string> | readonly string[]) {
    super();
    this.#words = build(words, 'size' in words ? words.size : words.length);
    if (!this.#words) for (const w of words) super.add(w);
  }

  override has(w: string): boolean {
    const ws = this.#words;
    if (ws === null) return super.has(w);
    return typeof w === 'string' && ws.indexOf(w) >= 0;
  }

  override get size(): number {
    return this.#words === null ? super.size : this.#words.count;
  }

  /** Moves the words into the Set's own storage before a change. */
  #thaw(): void {
    const ws = this.#words;
    if (ws === null) return;
    this.#words = null;
    for (let i = 0; i < ws.count; i++) super.add(ws.word(i));
  }

  override add(w: string): this {
    this.#thaw();
    return super.add(w);
  }

  override delete(w: string): boolean {
    this.#thaw();
    return super.delete(w);
  }

  override clear(): void {
    this.#words = null;
    super.clear();
  }

  override *values(): SetIterator<string> {
    const ws = this.#words;
    if (ws === null) return yield* super.values();
    for (let i = 0; i < ws.count; i++) yield ws.word(i);
    return undefined;
  }

  override keys(): SetIterator<string> {
    return this.values();
  }

  override *entries(): SetIterator<[string, string]> {
    for (const w of this.values()) yield [w, w];
    return undefined;
  }

  override [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }

  override forEach(fn: (value: string, key: string, set: Set<string>) => void, thisArg?: unknown): void {
    for (const w of this.values()) fn.call(thisArg, w, w, this);
  }
}

/**
 * A Map from each word to its index in the order the words were added (a language's words by rank), in
 * compact storage; see the module comment.
 */
export class WordIndex extends Map<string, number> {
  #words: Words | null;

  /** `words` must be distinct; word i maps to i. */
  constructor(words: ReadonlySet<string> | readonly string[]) {
    super();
    this.#words = build(words, 'size' in words ? words.size : words.length);
    if (!this.#words) {
      let i = 0;
      for (const w of words) super.set(w, i++);
    }
  }

  override get(w: string): number | undefined {
    const ws = this.#words;
    if (ws === null) return super.get(w);
    if (typeof w !== 'string') return undefined;
    const i = ws.indexOf(w);
    return i >= 0 ? i : undefined;
  }

  override has(w: string): boolean {
    const ws = this.#words;
    if (ws === null) return super.has(w);
    return typeof w === 'string' && ws.indexOf(w) >= 0;
  }

  /**
   * get(text.slice(s, e).toLowerCase()) for a range of ASCII characters only, without making the string (the
   * caller checks the range is ASCII).
   */
  getAsciiLower(text: string, s: number, e: number): number | undefined {
    const ws = this.#words;
    if (ws === null) return super.get(text.slice(s, e).toLowerCase());
    const i = ws.indexOfAsciiLower(text, s, e);
    return i >= 0 ? i : undefined;
  }

  override get size(): number {
    return this.#words === null ? super.size : this.#words.count;
  }

  #thaw(): void {
    const ws = this.#words;
    if (ws === null) return;
    this.#words = null;
    for (let i = 0; i < ws.count; i++) super.set(ws.word(i), i);
  }

  override set(w: string, v: number): this {
    this.#thaw();
    return super.set(w, v);
  }

  override delete(w: string): boolean {
    this.#thaw();
    return super.delete(w);
  }

  override clear(): void {
    this.#words = null;
    super.clear();
  }

  override *entries(): MapIterator<[string, number]> {
    const ws = this.#words;
    if (ws === null) return yield* super.entries();
    for (let i = 0; i < ws.count; i++) yield [ws.word(i), i];
    return undefined;
  }

  override *keys(): MapIterator<string> {
    for (const [w] of this.entries()) yield w;
    return undefined;
  }

  override *values(): MapIterator<number> {
    for (const [, i] of this.entries()) yield i;
    return undefined;
  }

  override [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  override forEach(fn: (value: number, key: string, map: Map<string, number>) => void, thisArg?: unknown): void {
    for (const [w, i] of this.entries()) fn.call(thisArg, i, w, this);
  }
}

/** Sets of at least this many words are worth compacting; smaller ones stay Sets (their lookups are the fastest). */
export const COMPACT_FROM = 512;

/** The set itself when small, else a WordSet of its words in the same order. */
export const compactSet = (set: Set<string>): Set<string> => (set.size >= COMPACT_FROM && !(set instanceof WordSet) ? new WordSet(set) : set);

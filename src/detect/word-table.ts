/**
 * Open-addressed hash table from a lowercase word to what starts with it (keyword phrases, number words).
 * The scanner hashes each word while it reads it (FNV-1a over lowercased ASCII), so a lookup costs one
 * probe and a character compare: no string is built for the words of the text.
 */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** The hash the scanner computes: FNV-1a over char codes with ASCII letters lowercased (c | 0x20). */
export function wordHash(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ (word.charCodeAt(i) | 0x20), FNV_PRIME);
  return h;
}

export class WordTable<T extends { key: string }> {
  private readonly mask: number;
  private readonly hashes: Int32Array;
  private readonly slots: Int32Array;
  readonly entries: T[] = [];
  /** Longest key: longer words are not looked up at all. */
  maxLength = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size <<= 1;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.slots = new Int32Array(size);
  }

  get(key: string): T | undefined {
    const h = wordHash(key);
    for (let i = h & this.mask; this.slots[i] !== 0; i = (i + 1) & this.mask) {
      const e = this.entries[this.slots[i]! - 1]!;
      if (this.hashes[i] === h && e.key === key) return e;
    }
    return undefined;
  }

  add(entry: T): void {
    if (this.entries.length * 2 >= this.mask) throw new Error('caregate: word table full');
    const h = wordHash(entry.key);
    let i = h & this.mask;
    while (this.slots[i] !== 0) i = (i + 1) & this.mask;
    this.entries.push(entry);
    this.hashes[i] = h;
    this.slots[i] = this.entries.length;
    this.maxLength = Math.max(this.maxLength, entry.key.length);
  }

  /** The entry for text[start, end) (lowercased), given the hash the scanner computed for it. */
  lookup(text: string, start: number, end: number, hash: number): T | undefined {
    for (let i = hash & this.mask; this.slots[i] !== 0; i = (i + 1) & this.mask) {
      if (this.hashes[i] !== hash) continue;
      const e = this.entries[this.slots[i]! - 1]!;
      const key = e.key;
      if (key.length !== end - start) continue;
      let k = 0;
      while (k < key.length && (text.charCodeAt(start + k) | 0x20) === key.charCodeAt(k)) k++;
      if (k === key.length) return e;
    }
    return undefined;
  }
}

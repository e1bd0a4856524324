/**
 * Open-addressed hash table from a lowercase word to what starts with it (keyword phrases, number words).
 * Readers hash a word of the text where it stands (FNV-1a over lowercased ASCII), so a lookup costs one
 * probe and a character compare: no string is built for the words of the text.
 */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over the char codes of text[start, end) with ASCII letters lowercased (c | 0x20). */
export function hashRange(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (text.charCodeAt(i) | 0x20), FNV_PRIME);
  return h;
}

export class WordTable<T extends { key: string }> {
  private readonly mask: number;
  private readonly hashes: Int32Array;
  private readonly slots: Int32Array;
  readonly entries: T[] = [];

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size <<= 1;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.slots = new Int32Array(size);
  }

  add(entry: T): void {
    if (this.entries.length * 2 >= this.mask) throw new Error('caregate: word table full');
    const h = hashRange(entry.key, 0, entry.key.length);
    let i = h & this.mask;
    while (this.slots[i] !== 0) i = (i + 1) & this.mask;
    this.entries.push(entry);
    this.hashes[i] = h;
    this.slots[i] = this.entries.length;
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

/**
 * Remembers strings the engine found nothing in. Detection is a pure function of the text for a given
 * redactor, so a remembered verdict is exact, not a guess. Only short strings are kept, in two
 * generations: when the current one is full it becomes the previous one and the older one is dropped, so
 * memory stays bounded (2 × entries × maxLength UTF-16 units) whatever the logs hold, and the last
 * `maxEntries` strings added at least are always known (emptying one set when full forgot them all at
 * once, so a cycle of values a little larger than it, such as the URLs of a busy endpoint, never hit).
 *
 * With `secondSight`, a string is kept only the second time it is added within the doorkeeper's window (a
 * bit per hash, TinyLFU's doorkeeper): values that never repeat (request ids, timestamps) then no longer
 * push the repeating ones (URLs, statuses) out of the generations. A repeated value costs one more engine
 * pass before it is kept; a hash collision only keeps a value on its first sight.
 */
export class CleanCache {
  private current = new Set<string>();
  private previous = new Set<string>();
  private readonly seen: Int32Array | null;
  private marks = 0;

  constructor(
    private readonly maxEntries = 4096,
    private readonly maxLength = 256,
    secondSight = false,
  ) {
    this.seen = secondSight ? new Int32Array(SEEN_WORDS) : null;
  }

  has(text: string): boolean {
    return this.current.has(text) || this.previous.has(text);
  }

  add(text: string): void {
    if (text.length > this.maxLength) return;
    if (this.seen !== null && !this.seenBefore(text)) return;
    this.keep(text);
  }

  private keep(text: string): void {
    if (this.current.size >= this.maxEntries) {
      this.previous = this.current;
      this.current = new Set();
    }
    this.current.add(text);
  }

  /** Whether the doorkeeper had marked text's hash; marks it. Cleared after 16 384 marks (at most an eighth of its bits set). */
  private seenBefore(text: string): boolean {
    const seen = this.seen!;
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const w = (h >>> 5) & (SEEN_WORDS - 1);
    const bit = 1 << (h & 31);
    if ((seen[w]! & bit) !== 0) return true;
    seen[w]! |= bit;
    if (++this.marks >= SEEN_WORDS * 4) {
      seen.fill(0);
      this.marks = 0;
    }
    return false;
  }
}

/** The doorkeeper's size in 32-bit words: 2^17 bits (16 KB), a few percent of false "seen" at 10 000 marks. */
const SEEN_WORDS = 1 << 12;

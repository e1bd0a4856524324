/**
 * Remembers strings the engine found nothing in. Detection is a pure function of the text for a given
 * redactor, so a remembered verdict is exact, not a guess. Only short strings are kept, in two
 * generations: when the current one is full it becomes the previous one and the older one is dropped, so
 * memory stays bounded (2 × entries × maxLength UTF-16 units) whatever the logs hold, and the last
 * `maxEntries` strings added at least are always known (emptying one set when full forgot them all at
 * once, so a cycle of values a little larger than it, such as the URLs of a busy endpoint, never hit).
 */
export class CleanCache {
  private current = new Set<string>();
  private previous = new Set<string>();

  constructor(
    private readonly maxEntries = 4096,
    private readonly maxLength = 256,
  ) {}

  has(text: string): boolean {
    return this.current.has(text) || this.previous.has(text);
  }

  add(text: string): void {
    if (text.length > this.maxLength) return;
    if (this.current.size >= this.maxEntries) {
      this.previous = this.current;
      this.current = new Set();
    }
    this.current.add(text);
  }
}

/**
 * Remembers strings the engine found nothing in. Detection is a pure function of the text for a given
 * redactor, so a remembered verdict is exact, not a guess. Only short strings are kept and the set is
 * emptied when full, so memory stays bounded (entries × maxLength UTF-16 units) whatever the logs hold.
 */
export class CleanCache {
  private readonly seen = new Set<string>();

  constructor(
    private readonly maxEntries = 4096,
    private readonly maxLength = 256,
  ) {}

  has(text: string): boolean {
    return this.seen.has(text);
  }

  add(text: string): void {
    if (text.length > this.maxLength) return;
    if (this.seen.size >= this.maxEntries) this.seen.clear();
    this.seen.add(text);
  }
}

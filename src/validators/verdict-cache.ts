/**
 * A bounded cache of pure answers (verdicts, readings) keyed by strings, in two generations: new entries go
 * to the current map; when it is full it becomes the old one and the oldest generation is dropped whole.
 *
 * Evicting one key at a time in insertion order (`map.delete(map.keys().next().value)`) costs a walk over
 * the deleted slots V8 keeps at the front of a Map until it rehashes: on care text, where most keys are new,
 * every miss paid it. The answers are pure, so which ones are kept changes no result; at most `limit`
 * entries are held, no more PII than the text being scanned.
 */
export class VerdictCache<V> {
  private current = new Map<string, V>();
  private old = new Map<string, V>();
  private readonly half: number;

  constructor(limit: number) {
    this.half = Math.max(1, limit >> 1);
  }

  get(key: string): V | undefined {
    const v = this.current.get(key);
    return v !== undefined ? v : this.old.get(key);
  }

  set(key: string, value: V): void {
    if (this.current.size >= this.half) {
      this.old = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }

  get size(): number {
    return this.current.size + this.old.size;
  }
}

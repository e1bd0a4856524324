/** Edit distance (insertions, deletions, substitutions) between two short names. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** Case and separators do not count: credit_card, credit-card and CREDIT_CARD are one name. */
const fold = (s: string) => s.toLowerCase().replace(/[-_\s]+/g, '-');

/**
 * The candidate closest to `name` (for "did you mean …?"), or undefined when none is close: at most a third
 * of the name's length away once case and separators are folded.
 */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  const target = fold(name);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(target, fold(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(target.length / 3)) ? best : undefined;
}

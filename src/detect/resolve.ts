import type { Candidate } from './candidate.js';

/**
 * Overlap resolution, in exactly one place. Candidates are swept by start into clusters of overlapping
 * spans; within a cluster the winners are chosen greedily: a fail-closed region first, then higher
 * confidence, then the longer span, then the earlier start, then the earlier rule. A cluster is decided
 * only once nothing can join it any more (its end is at or before `limit`), which keeps streams exact.
 */

/** A cluster never grows past this span, so a stream's hold-back stays bounded on pathological input. */
export const CLUSTER_CAP = 4096;

function byStart(a: Candidate, b: Candidate): number {
  return a.start - b.start || b.end - a.end || a.rule.index - b.rule.index;
}

function byStrength(a: Candidate, b: Candidate): number {
  return (
    (a.error ? 0 : 1) - (b.error ? 0 : 1) ||
    b.confidence - a.confidence ||
    b.end - b.start - (a.end - a.start) ||
    a.start - b.start ||
    a.rule.index - b.rule.index
  );
}

export interface Resolution {
  /** Winners of the decided clusters, by start. */
  winners: Candidate[];
  /** Every candidate of the decided clusters (winners and losers), for error reporting. */
  decided: Candidate[];
  /** Candidates of clusters that may still grow. */
  rest: Candidate[];
  /** Start of the first undecided cluster (Infinity when none). */
  restStart: number;
}

export function resolveOverlaps(pending: Candidate[], limit: number): Resolution {
  pending.sort(byStart);
  const winners: Candidate[] = [];
  let i = 0;
  while (i < pending.length) {
    const cs = pending[i]!.start;
    let ce = pending[i]!.end;
    let j = i + 1;
    while (j < pending.length && pending[j]!.start < ce && ce - cs <= CLUSTER_CAP) {
      ce = Math.max(ce, pending[j]!.end);
      j++;
    }
    if (ce > limit) break;
    if (j === i + 1) {
      winners.push(pending[i]!);
    } else {
      const cluster = pending.slice(i, j).sort(byStrength);
      const chosen: Candidate[] = [];
      for (const c of cluster) {
        if (chosen.every((w) => c.end <= w.start || c.start >= w.end)) chosen.push(c);
      }
      chosen.sort(byStart);
      for (const c of chosen) winners.push(c);
    }
    i = j;
  }
  return {
    winners,
    decided: pending.slice(0, i),
    rest: pending.slice(i),
    restStart: i < pending.length ? pending[i]!.start : Infinity,
  };
}

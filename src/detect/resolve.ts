import type { Candidate } from './candidate.js';

/**
 * Overlap resolution, in exactly one place. Candidates are swept by start into clusters of overlapping
 * spans; within a cluster the winners are chosen greedily: a fail-closed region first, then higher
 * confidence, then the longer span, then the earlier start, then the earlier rule. A loser that sticks
 * out of a winner is merged into it (the union is masked), so a partial overlap never leaves part of a
 * value in clear; when a rule that may keep nothing (CVV, password) takes part, its mask covers the union.
 * A cluster is decided only once nothing can join it any more (its end is at or before `limit`), which
 * keeps streams exact.
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

const NONE: readonly Candidate[] = Object.freeze([]);

export function resolveOverlaps(pending: Candidate[], limit: number): Resolution {
  // Most steps of short or clean text have no candidate at all: nothing to sort or copy.
  if (pending.length === 0) return { winners: NONE as Candidate[], decided: NONE as Candidate[], rest: pending, restStart: Infinity };
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
      for (const c of chooseWinners(pending.slice(i, j))) winners.push(c);
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

const overlaps = (a: Candidate, b: Candidate) => a.start < b.end && b.start < a.end;

function chooseWinners(cluster: Candidate[]): Candidate[] {
  cluster.sort(byStrength);
  const chosen: Candidate[] = [];
  const losers: Candidate[] = [];
  for (const c of cluster) (chosen.every((w) => !overlaps(c, w)) ? chosen : losers).push(c);
  for (const l of losers) {
    const hit = chosen.filter((w) => overlaps(l, w));
    const covered = hit.length === 1 && hit[0]!.start <= l.start && hit[0]!.end >= l.end;
    if (covered && !(l.rule.retention === 'none' && hit[0]!.rule.retention !== 'none')) continue;
    // Merge the loser and every winner it touches into one span, kept by the strongest of them.
    const group = [l, ...hit];
    const lead = group.find((c) => c.rule.retention === 'none') ?? hit[0]!;
    const merged: Candidate = {
      ...lead,
      start: Math.min(...group.map((c) => c.start)),
      end: Math.max(...group.map((c) => c.end)),
      digits: lead === l || hit.length > 1 || !covered ? '' : lead.digits,
      error: group.find((c) => c.error)?.error ?? lead.error,
    };
    for (const w of hit) chosen.splice(chosen.indexOf(w), 1);
    chosen.push(merged);
  }
  return chosen.sort(byStart);
}

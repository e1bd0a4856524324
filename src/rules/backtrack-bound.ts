/**
 * A static upper bound on the work a backtracking engine (V8's irregexp) can spend on one start position of
 * a pattern, computed from the pattern alone: the verdict depends on the pattern, never on how busy the
 * machine is (recheck's fuzzer, which this replaces as the deciding check, gave up on busy machines and let
 * `(?:a{1,64}){1,4}b` through).
 *
 * How: refa parses the pattern (flags, case folding, classes and \p{…} resolved into exact character sets);
 * every bounded repeat is unrolled into a position automaton (Glushkov) whose edges carry how many distinct
 * parse paths they stand for. A backtracker walks every path that matches a prefix of the input, so the
 * work for an input is the number of path prefixes it matches. That number is bounded by a subset
 * construction over the automaton (a DAG, since every repeat is bounded) that keeps, per subset, the largest
 * path count per position: strings that end in different subsets are never mixed, so unambiguous patterns
 * such as `(?:\d[ -]?){12,18}\d` stay linear while `(?:[a-z]{1,128}){1,4}!` counts its millions of ways to
 * split a run of letters. Lookarounds count as the product of their own bound (they cannot be backtracked
 * into). Everything is counted, nothing is timed; the sizes are capped, and a pattern past a cap is refused.
 */
import { JS, type CharSet } from 'refa';

type Concatenation = JS.ParseResult['expression']['alternatives'][number];
type Element = Concatenation['elements'][number];

export interface BacktrackBound {
  /** Upper bound on the path prefixes a backtracker can walk from one start position. */
  steps: number;
  /** Character positions of the unrolled automaton (lookarounds included). */
  positions: number;
  /** Subsets explored. */
  states: number;
}

/** Caps on the analysis itself, so that it stays fast (a few ms) whatever the pattern. */
export const ANALYSIS_LIMITS = { positions: 8192, states: 20_000 } as const;

/** Why a pattern could not be bounded: it is refused with this reason. */
export class UnboundedPattern extends Error {}

/** The bound passed the limit given (the analysis stops there: a refused pattern costs no more to check). */
export class TooCostly extends Error {
  constructor(readonly steps: number) {
    super(`more than ${steps} steps`);
  }
}

interface Fragment {
  /** Positions that can match the first character, with the number of paths that reach each. */
  first: Map<number, number>;
  /** Positions that can match the last character, with path counts. */
  last: Map<number, number>;
  /** Ways to match the empty string. */
  empty: number;
}

const EPSILON = (): Fragment => ({ first: new Map(), last: new Map(), empty: 1 });

const addTo = (m: Map<number, number>, k: number, v: number) => m.set(k, (m.get(k) ?? 0) + v);

class Automaton {
  readonly sets: CharSet[] = [];
  readonly follow: Map<number, number>[] = [];
  readonly lookarounds: Concatenation[][] = [];

  position(chars: CharSet): Fragment {
    const p = this.sets.length;
    if (p >= ANALYSIS_LIMITS.positions) {
      throw new UnboundedPattern(`it unrolls to more than ${ANALYSIS_LIMITS.positions} character positions (a repeat copies its body up to its bound); lower the repeat bounds or split it into several rules`);
    }
    this.sets.push(chars);
    this.follow.push(new Map());
    return { first: new Map([[p, 1]]), last: new Map([[p, 1]]), empty: 0 };
  }

  seq(x: Fragment, y: Fragment): Fragment {
    for (const [p, a] of x.last) for (const [q, b] of y.first) addTo(this.follow[p]!, q, a * b);
    const first = new Map(x.first);
    if (x.empty) for (const [q, b] of y.first) addTo(first, q, x.empty * b);
    const last = new Map(y.last);
    if (y.empty) for (const [p, a] of x.last) addTo(last, p, y.empty * a);
    return { first, last, empty: x.empty * y.empty };
  }

  alt(fragments: Fragment[]): Fragment {
    const out: Fragment = { first: new Map(), last: new Map(), empty: 0 };
    for (const f of fragments) {
      for (const [p, a] of f.first) addTo(out.first, p, a);
      for (const [p, a] of f.last) addTo(out.last, p, a);
      out.empty += f.empty;
    }
    return out;
  }

  alternatives(alts: readonly Concatenation[]): Fragment {
    return this.alt(alts.map((c) => this.concatenation(c)));
  }

  concatenation(c: Concatenation): Fragment {
    let f = EPSILON();
    for (const e of c.elements) f = this.seq(f, this.element(e));
    return f;
  }

  element(e: Element): Fragment {
    switch (e.type) {
      case 'CharacterClass':
        return e.characters.isEmpty ? { first: new Map(), last: new Map(), empty: 0 } : this.position(e.characters);
      case 'Assertion':
        // Zero-width and atomic: its own work is bounded separately; here it lets every path through.
        this.lookarounds.push(e.alternatives);
        return EPSILON();
      case 'Alternation':
        // \b, ^, $ arrive as alternations of assertions: one zero-width step, not one path per branch.
        if (e.alternatives.every((c) => c.elements.every((x) => x.type === 'Assertion'))) {
          for (const c of e.alternatives) for (const x of c.elements) if (x.type === 'Assertion') this.lookarounds.push(x.alternatives);
          return EPSILON();
        }
        return this.alternatives(e.alternatives);
      case 'Quantifier': {
        if (!Number.isFinite(e.max)) throw new UnboundedPattern('it has an unbounded repeat');
        // Unrolled: min copies in sequence, then (max − min) nested optional copies, built left to right so
        // that every edge runs from a lower position to a higher one.
        const copies: Fragment[] = [];
        for (let i = 0; i < e.max; i++) copies.push(this.alternatives(e.alternatives));
        let tail = EPSILON();
        for (let i = e.max - 1; i >= e.min; i--) tail = this.alt([this.seq(copies[i]!, tail), EPSILON()]);
        let f = EPSILON();
        for (let i = 0; i < e.min; i++) f = this.seq(f, copies[i]!);
        return this.seq(f, tail);
      }
      default:
        throw new UnboundedPattern('it has a backreference');
    }
  }
}

/** The distinct character sets of some positions, split into the classes of characters that tell them apart. */
function splitByCharacters(sets: CharSet[]): CharSet[][] {
  const bounds = new Set<number>();
  for (const s of sets) for (const r of s.ranges) bounds.add(r.min).add(r.max + 1);
  const points = [...bounds].sort((a, b) => a - b);
  const groups = new Map<string, CharSet[]>();
  for (let i = 0; i + 1 < points.length; i++) {
    const c = points[i]!;
    const members = sets.filter((s) => s.has(c));
    if (!members.length) continue;
    const key = members.map((s) => sets.indexOf(s)).join(',');
    if (!groups.has(key)) groups.set(key, members);
  }
  return [...groups.values()];
}

interface SubsetState {
  positions: number[];
  counts: number[];
  /** Path prefixes walked on the way here (the largest over the strings that lead here). */
  before: number;
}

function explore(a: Automaton, start: Fragment, budget: { states: number }, limit: number): number {
  const buckets = new Map<number, Map<string, SubsetState>>();
  const splitCache = new Map<string, CharSet[][]>();
  let worst = 1;
  const expand = (sources: [Map<number, number>, number][], before: number) => {
    // Candidates: every position that follows, with the paths reaching it.
    const reach = new Map<number, number>();
    for (const [next, count] of sources) for (const [q, m] of next) addTo(reach, q, count * m);
    if (!reach.size) return;
    const distinct = [...new Set([...reach.keys()].map((q) => a.sets[q]!))];
    const cacheKey = distinct.map((s) => a.sets.indexOf(s)).join(',');
    let split = splitCache.get(cacheKey);
    if (!split) splitCache.set(cacheKey, (split = splitByCharacters(distinct)));
    for (const group of split) {
      const positions = [...reach.keys()].filter((q) => group.includes(a.sets[q]!)).sort((x, y) => x - y);
      const counts = positions.map((q) => reach.get(q)!);
      const key = positions.join(',');
      const min = positions[0]!;
      let bucket = buckets.get(min);
      if (!bucket) buckets.set(min, (bucket = new Map()));
      const prior = bucket.get(key);
      if (prior) {
        for (let i = 0; i < counts.length; i++) prior.counts[i] = Math.max(prior.counts[i]!, counts[i]!);
        prior.before = Math.max(prior.before, before);
      } else {
        if (--budget.states < 0) {
          throw new UnboundedPattern(`its analysis needs more than ${ANALYSIS_LIMITS.states} states; simplify its alternatives and repeats`);
        }
        bucket.set(key, { positions, counts, before });
      }
    }
  };
  expand([[start.first, 1]], 1);
  // Edges run from lower positions to higher ones, so the smallest position of a subset grows along every
  // transition: taking subsets by their smallest position sees each after all that lead to it.
  for (let min = 0; min < a.sets.length; min++) {
    const bucket = buckets.get(min);
    if (!bucket) continue;
    buckets.delete(min);
    for (const s of bucket.values()) {
      const here = s.before + s.counts.reduce((x, y) => x + y, 0);
      worst = Math.max(worst, here);
      if (worst > limit) throw new TooCostly(worst);
      expand(s.positions.map((p, i) => [a.follow[p]!, s.counts[i]!]), here);
    }
  }
  return worst;
}

/** The bound of a lookaround that reads one character: the start plus one path. */
const SINGLE_CHARACTER = 2;

/** `\w` in `\b`, `(?!\d)`: one class, known without building an automaton (most lookarounds are these). */
const readsOneCharacter = (alternatives: readonly Concatenation[]) =>
  alternatives.length === 1 && alternatives[0]!.elements.length === 1 && alternatives[0]!.elements[0]!.type === 'CharacterClass';

function boundOf(alternatives: readonly Concatenation[], budget: { states: number; positions: number }, seen: Set<readonly Concatenation[]>, limit: number): number {
  const a = new Automaton();
  const start = a.alternatives(alternatives);
  budget.positions += a.sets.length;
  let steps = explore(a, start, budget, limit);
  let inner = 0;
  for (const look of a.lookarounds) {
    if (seen.has(look)) continue; // the same lookaround in another unrolled copy
    seen.add(look);
    const own = readsOneCharacter(look) ? SINGLE_CHARACTER : boundOf(look, budget, seen, limit);
    // One that reads a single character (\b, ^, $, (?!\d)) is a constant-time check, not a source of growth.
    if (own > SINGLE_CHARACTER) inner += own;
  }
  if (inner) steps *= 1 + inner;
  if (steps > limit) throw new TooCostly(steps);
  return steps;
}

/**
 * The bound for `source` compiled with `flags`. Throws UnboundedPattern when there is none (or finding it
 * would pass the analysis caps), TooCostly as soon as it is known to pass `limit`.
 */
export function backtrackBound(source: string, flags: string, limit = Infinity): BacktrackBound {
  const { expression } = JS.Parser.fromLiteral({ source, flags: flags.replace(/[gyd]/g, '') }).parse({
    backreferences: 'unknown',
    assertions: 'parse',
    simplify: false,
  });
  const budget = { states: ANALYSIS_LIMITS.states, positions: 0 };
  const steps = boundOf(expression.alternatives, budget, new Set(), limit);
  return { steps, positions: budget.positions, states: ANALYSIS_LIMITS.states - budget.states };
}

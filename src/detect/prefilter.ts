import { JS, NFA, type CharSet } from 'refa';

/**
 * Prefilters for short texts (the fixed cost per call: log lines, form fields, ticket fields). A gate regex
 * costs 50–450 ns per call over a 100-character string even when it finds nothing, and a short text runs
 * about twenty of them. Most gates' matches need a character most short texts lack: a digit, a line break,
 * a quote, a capital. So, in the spirit of gitleaks' keyword prefilter, each gate carries what every one of
 * its matches needs (`GateFilter`, computed once from the gate's own pattern by refa), and a text is asked
 * for those characters once each (`TextFeatures`, native indexOf or a one-class regex, asked lazily).
 * A filter is a necessary condition (assertions ignored, case folding and classes resolved exactly), so
 * skipping a gate it rules out never changes what the gate would find.
 */

/** Switched off only by tests, to compare output with and without the prefilters. */
export const PREFILTERS = { enabled: true };

/** Groups of characters a gate may need; each is asked of a text by native code. */
const GROUPS: readonly { name: string; chars: (c: number) => boolean; find: (text: string) => boolean }[] = [
  { name: 'digit', chars: (c) => c >= 48 && c <= 57, find: regexFinder(/[0-9]/) },
  { name: 'capital', chars: (c) => c >= 65 && c <= 90, find: regexFinder(/[A-Z]/) },
  { name: 'non-ASCII', chars: (c) => c >= 128, find: regexFinder(/[^\0-\x7f]/) },
  { name: 'line break', chars: (c) => c === 10, find: (t) => t.includes('\n') },
  { name: 'quote', chars: (c) => c === 34 || c === 39, find: (t) => t.includes('"') || t.includes("'") },
  { name: 'colon', chars: (c) => c === 58, find: (t) => t.includes(':') },
  { name: 'question mark', chars: (c) => c === 63, find: (t) => t.includes('?') },
  { name: '@', chars: (c) => c === 64, find: (t) => t.includes('@') },
];

function regexFinder(re: RegExp): (text: string) => boolean {
  return (text) => re.test(text);
}

/** Which groups a text holds, asked at most once each per text. */
export interface TextFeatures {
  text: string;
  /** Per group: 0 not asked yet, 1 held, 2 not held. */
  known: Uint8Array;
}

export const newTextFeatures = (): TextFeatures => ({ text: '', known: new Uint8Array(GROUPS.length) });

/** Starts asking about `text` (the features object is reused: no allocation per text). */
export function featuresOf(text: string, f: TextFeatures): TextFeatures {
  f.text = text;
  f.known.fill(0);
  return f;
}

function holds(f: TextFeatures, group: number): boolean {
  let k = f.known[group]!;
  if (k === 0) f.known[group] = k = GROUPS[group]!.find(f.text) ? 1 : 2;
  return k === 1;
}

/** Whether the text holds a character of the group with this name (a condition a pass reads off its own code). */
export function textHolds(f: TextFeatures, name: string): boolean {
  return holds(f, GROUPS.findIndex((g) => g.name === name));
}

/**
 * What every match of a gate needs: clauses of groups, each clause met when the text holds one of its groups
 * (one clause per group every match holds, and one for the groups a match's first character is in).
 */
export interface GateFilter {
  clauses: Uint8Array[];
}

/** Whether the gate may match the text (always, without features or filter). */
export function mayMatch(f: TextFeatures | null, gate: GateFilter | null): boolean {
  if (f === null || gate === null) return true;
  for (const clause of gate.clauses) {
    let met = false;
    for (let k = 0; k < clause.length && !met; k++) met = holds(f, clause[k]!);
    if (!met) return false;
  }
  return true;
}

const cache = new Map<string, GateFilter | null>();

/**
 * Patterns longer than this are not analysed (null: the gate always runs). They are the keyword tries,
 * which start with letters and need no group, and whose automata take tens of milliseconds to build.
 */
const MAX_SOURCE = 1000;

/**
 * The filter of a gate regex, or null when it has none (a pattern refa cannot read or too long to be worth
 * it, a match that may be empty or that needs nothing a group holds): such a gate always runs. Cached by
 * pattern and flags, so redactors built alike share the work.
 */
export function gateFilter(re: RegExp, maxSource = MAX_SOURCE): GateFilter | null {
  const key = `${re.flags}/${re.source}${maxSource === MAX_SOURCE ? '' : ' (any length)'}`;
  let f = cache.get(key);
  if (f === undefined) {
    try {
      f = re.source.length > maxSource ? null : compileFilter(re);
    } catch {
      f = null;
    }
    cache.set(key, f);
  }
  return f;
}

/** Whether gate k of an owner's filters (filtersOf; null: no prefilter for this text) may match the text. */
export function gateOpen(pre: TextFeatures | null, filters: readonly (GateFilter | null)[] | null, k: number): boolean {
  return pre === null || filters === null || mayMatch(pre, filters[k]!);
}

const byOwner = new WeakMap<object, (GateFilter | null)[]>();

/**
 * The filters of an owner's gates (a rule's, a plan's), built on first use and kept with the owner: one
 * lookup per owner and text rather than one per gate. `gates` lists them in a fixed order.
 */
export function filtersOf<T extends object>(owner: T, gates: (owner: T) => readonly (RegExp | null)[]): (GateFilter | null)[] {
  let fs = byOwner.get(owner);
  if (fs === undefined) byOwner.set(owner, (fs = gates(owner).map((re) => (re ? gateFilter(re) : null))));
  return fs;
}

/** The groups a character set lies in, or null when some of its characters are in none. */
function coveringGroups(cs: CharSet): number[] | null {
  const out = new Set<number>();
  for (const r of cs.ranges) {
    for (let c = r.min; c <= r.max; c++) {
      const g = GROUPS.findIndex((x) => x.chars(c));
      if (g < 0) return null;
      out.add(g);
      // Everything from 128 on is one group: skip to the range's end.
      if (c >= 128) break;
    }
  }
  return [...out];
}

function compileFilter(re: RegExp): GateFilter | null {
  const { expression, maxCharacter } = JS.Parser.fromLiteral({ source: re.source, flags: re.flags.replace(/[gyd]/g, '') }).parse({ assertions: 'ignore', backreferences: 'throw' });
  const nfa = NFA.fromRegex(expression, { maxCharacter }, { assertions: 'ignore' }, new NFA.LimitedNodeFactory(50_000));
  if (nfa.finals.has(nfa.initial)) return null;
  const clauses: Uint8Array[] = [];
  GROUPS.forEach((g, k) => {
    if (!acceptsWithout(nfa, g.chars)) clauses.push(Uint8Array.of(k));
  });
  // Pairs of groups every match needs one of ("a digit or a capital": the shape alternation).
  for (let a = 0; a < GROUPS.length; a++) {
    for (let b = a + 1; b < GROUPS.length; b++) {
      if (clauses.some((c) => c.length === 1 && (c[0] === a || c[0] === b))) continue;
      if (!acceptsWithout(nfa, (c) => GROUPS[a]!.chars(c) || GROUPS[b]!.chars(c))) clauses.push(Uint8Array.of(a, b));
    }
  }
  let first: Set<number> | null = new Set();
  for (const cs of nfa.initial.out.values()) {
    const groups = coveringGroups(cs);
    if (!groups) {
      first = null;
      break;
    }
    for (const g of groups) first.add(g);
  }
  if (first && !clauses.some((c) => first.has(c[0]!))) clauses.push(Uint8Array.from(first));
  return clauses.length ? { clauses } : null;
}

/** Whether the automaton accepts some string with no character of the group. */
function acceptsWithout(nfa: NFA, inGroup: (c: number) => boolean): boolean {
  // Characters from 128 on are alike for every group: one of them stands for all.
  const outside = (cs: CharSet) =>
    cs.ranges.some((r) => {
      for (let c = r.min; c <= Math.min(r.max, 127); c++) if (!inGroup(c)) return true;
      return r.max >= 128 && !inGroup(Math.max(r.min, 128));
    });
  const seen = new Set<NFA.Node>([nfa.initial]);
  const todo = [nfa.initial];
  while (todo.length) {
    const n = todo.pop()!;
    if (nfa.finals.has(n)) return true;
    for (const [to, cs] of n.out) {
      if (seen.has(to) || !outside(cs)) continue;
      seen.add(to);
      todo.push(to);
    }
  }
  return false;
}

/** Whether text holds at least n ASCII digits. */
export function hasDigits(text: string, n: number): boolean {
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++k >= n) return true;
  }
  return false;
}

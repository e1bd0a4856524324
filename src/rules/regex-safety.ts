import { createRequire } from 'node:module';
import { CaregateError, type ErrorLocation } from '../errors.js';
import { backtrackBound, TooCostly, UnboundedPattern } from './backtrack-bound.js';

/**
 * recheck (large: a Scala.js build) is needed only to check a user's own pack, so it is required on first
 * use rather than imported with caregate.
 */
let recheckModule: typeof import('recheck') | undefined;
const recheck = () => (recheckModule ??= createRequire(import.meta.url)('recheck') as typeof import('recheck'));

/**
 * Rule patterns run on untrusted text, so a pattern that can backtrack catastrophically is refused at
 * load rather than guarded at run time (V8 cannot interrupt a running regex, and its linear engine is too
 * slow to scan with). The gates, none of which depends on time:
 *  1. structure: every quantifier is bounded ({n,m}, ?, no *, + or {n,}), a group holding a repeat or
 *     alternatives repeats at most 4 times, no backreferences, and no lookbehind at the start (18× slower
 *     in V8);
 *  2. a static bound on the steps a backtracker can take from one start position (backtrack-bound.ts),
 *     at most MAX_BACKTRACK_STEPS.
 * recheck's automaton checker and fuzzer (https://makenowjust-labs.github.io/recheck/) are an extra check
 * that can only add a refusal: run on every shipped pattern by the test suite, and on a user's pattern
 * when asked for (`fuzz`). Shipped packs pass all of them in the test suite; user packs are checked (1, 2)
 * when they are loaded.
 */
export interface PatternIssue {
  reason: string;
}

const MAX_REPEAT = 256;

/** How many times a group holding another repeat (or an alternation) may itself repeat. */
const MAX_NESTED_REPEAT = 4;

function quantifierMax(source: string, i: number): { max: number; length: number } | null {
  const c = source[i];
  if (c === '?') return { max: 1, length: 1 };
  if (c === '*' || c === '+') return { max: Infinity, length: 1 };
  const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
  if (!m) return null;
  return { max: m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]), length: m[0].length };
}

export function structuralIssues(source: string): PatternIssue[] {
  const issues: PatternIssue[] = [];
  if (/^\(\?<[=!]/.test(source)) issues.push({ reason: 'starts with a lookbehind; put a literal first and capture the value' });
  // One frame per open group: does it hold a repeat (max > 1) or an alternation?
  const stack: { repeats: boolean; alternation: boolean }[] = [{ repeats: false, alternation: false }];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const n = source[i + 1] ?? '';
      if (/[1-9]/.test(n) || n === 'k') issues.push({ reason: `backreference \\${n} at ${i}` });
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c === '(') {
      stack.push({ repeats: false, alternation: false });
      continue;
    }
    if (c === '|') {
      stack[stack.length - 1]!.alternation = true;
      continue;
    }
    let closed: { repeats: boolean; alternation: boolean } | undefined;
    if (c === ')') {
      closed = stack.length > 1 ? stack.pop() : undefined;
      if (closed?.repeats) stack[stack.length - 1]!.repeats = true;
    }
    const q = quantifierMax(source, c === ')' ? i + 1 : i);
    if (!q || (c !== ')' && !/[?*+{]/.test(c))) continue;
    const at = c === ')' ? i + 1 : i;
    if (q.max === Infinity) {
      issues.push({ reason: `unbounded quantifier '${source.slice(at, at + q.length)}' at ${at}; use {0,N} or {1,N}` });
    } else if (q.max > MAX_REPEAT) {
      issues.push({ reason: `quantifier '${source.slice(at, at + q.length)}' at ${at} repeats more than ${MAX_REPEAT} times` });
    } else if (closed && q.max > MAX_NESTED_REPEAT && (closed.repeats || closed.alternation)) {
      // (a{1,20}){1,20} or (a|a){1,30}: the ways to split a near-match grow exponentially even with bounds.
      issues.push({ reason: `a group holding ${closed.repeats ? 'a repeat' : 'alternatives'} repeats up to ${q.max} times at ${at} (at most ${MAX_NESTED_REPEAT}): nested repetition backtracks exponentially` });
    }
    if (q.max > 1) stack[stack.length - 1]!.repeats = true;
    if (c === ')') i += q.length;
    else i += q.length - 1;
  }
  return issues;
}

/**
 * The most steps a pattern may take from one start position, by the static bound (backtrack-bound.ts).
 * Every shipped pattern stays under 450; `[a-z]{1,256}!` is 257. On 100 KB of 'a', V8 spent 0.1–8 ns per
 * counted step and character across the patterns tried (`(?:a?){8}b`, `a{0,30}a{0,30}b`, nested and
 * adjacent classes), so a pattern at the limit costs at most about 0.8 s per 100 KB of the worst text,
 * whereas the refused `(?:a{1,64}){1,4}b` is bounded only by 17 million steps (minutes).
 */
export const MAX_BACKTRACK_STEPS = 1024;

export interface StaticVerdict {
  /** The bound, or null when the pattern was refused before one was found. */
  steps: number | null;
  issue: string | null;
}

const staticVerdicts = new Map<string, StaticVerdict>();
let analyses = 0;

/** How many patterns the static analysis has examined in this process (cached repeats are not counted). */
export function staticAnalysisCount(): number {
  return analyses;
}

/**
 * The verdict that decides: the static bound on backtracking, cached per pattern and flags. It counts,
 * never times, so the same pattern gets the same verdict on a quiet or a saturated machine.
 */
export function staticVerdict(source: string, flags: string): StaticVerdict {
  const key = `${flags}/${source}`;
  const cached = staticVerdicts.get(key);
  if (cached) return cached;
  analyses++;
  let verdict: StaticVerdict;
  try {
    const { steps } = backtrackBound(source, flags, MAX_BACKTRACK_STEPS);
    verdict = { steps, issue: null };
  } catch (err) {
    if (err instanceof TooCostly) {
      verdict = {
        steps: null,
        issue: `can backtrack catastrophically: from one start position it may take more than ${MAX_BACKTRACK_STEPS} steps (the bound passed ${Math.min(err.steps, 1e15).toPrecision(3)}), because nested or adjacent repeats or alternatives match the same characters in many ways; give the repeats disjoint characters (e.g. a literal between them) or lower their bounds`,
      };
    } else if (err instanceof UnboundedPattern) {
      verdict = { steps: null, issue: `could not be bounded: ${err.message}` };
    } else {
      verdict = { steps: null, issue: `could not be analysed (${(err as Error).message}); simplify it` };
    }
  }
  staticVerdicts.set(key, verdict);
  return verdict;
}

const verdicts = new Map<string, { status: 'safe' | 'vulnerable' | 'unknown'; issue: string | null }>();

/**
 * recheck's verdict, an extra check on top of the static bound (the test suite runs it on every shipped
 * pattern): its automaton checker, then its fuzzer. Only 'vulnerable' refuses. A sticky pattern (flag y: a
 * keyword's value, read right after the keyword) is analysed anchored: the search over every start position
 * that recheck otherwise assumes (and that makes `\d+x` quadratic) never happens.
 *
 * Without `budgetMs` both checkers run to completion: the automaton checker is exact, and the fuzzer, with a
 * fixed seed and its iteration bound, explores the same strings on every run, so the verdict does not depend
 * on the machine's load (a time budget did: a busy machine fuzzed less, and a verdict could change between
 * runs). `budgetMs` bounds the time for a user's pack at load; a timeout then leaves the static verdict in force.
 */
export function recheckVerdict(source: string, flags: string, budgetMs?: number): { status: 'safe' | 'vulnerable' | 'unknown'; issue: string | null } {
  const key = `${budgetMs ?? 'full'}:${flags}/${source}`;
  const cached = verdicts.get(key);
  if (cached) return cached;
  const f = flags.replace(/[^imsu]/g, '');
  if (flags.includes('y')) source = `^(?:${source})`;
  const timeout = budgetMs ?? null;
  // The fuzzer's per-attack clocks (attack, incubation, seeding) are switched off: under load an attack ran past
  // them and a safe pattern was reported polynomial. Its character limits bound the work instead, so the verdict
  // is the same on any machine; only the overall budget, when given, is a clock.
  const limits = { timeout, attackTimeout: null, incubationTimeout: null, seedingTimeout: null };
  let result = recheck().checkSync(source, f, { checker: 'automaton', ...limits });
  if (result.status !== 'vulnerable') {
    const fuzz = recheck().checkSync(source, f, { checker: 'fuzz', ...limits, randomSeed: 20261124 });
    if (fuzz.status === 'vulnerable' || result.status === 'unknown') result = fuzz;
  }
  let issue: string | null = null;
  if (result.status === 'vulnerable') {
    const complexity = result.complexity.type === 'exponential' ? 'exponential' : `polynomial (degree ${(result.complexity as { degree?: number }).degree ?? '?'})`;
    issue = `can backtrack catastrophically: ${complexity} time on inputs such as a ${result.attack.string.length}-character near-match`;
  } else if (result.status === 'unknown' && result.error?.kind !== 'timeout') {
    issue = `its backtracking could not be analysed (${result.error?.kind ?? 'analysis gave up'}); simplify it`;
  }
  const verdict = { status: result.status, issue };
  verdicts.set(key, verdict);
  return verdict;
}

/**
 * Throws a CaregateError naming the rule's location when the pattern does not compile or is unsafe.
 * `untrusted` (a user's pack) adds the static bound to the structural rules; shipped patterns are held to
 * both, and to recheck, by the test suite. `fuzz` also runs recheck with that budget (milliseconds).
 */
export function assertSafePattern(source: string, flags: string, where: ErrorLocation, untrusted: boolean, fuzz?: number): void {
  try {
    new RegExp(source, flags);
  } catch (err) {
    throw new CaregateError('E_RULE_PATTERN', `${describe(where)}: the pattern does not compile: ${(err as Error).message}`, where);
  }
  const issues = structuralIssues(source);
  if (issues.length) {
    throw new CaregateError('E_RULE_REDOS', `${describe(where)}: pattern refused: ${issues.map((i) => i.reason).join('; ')}`, where);
  }
  if (!untrusted) return;
  const { issue } = staticVerdict(source, flags);
  if (issue) throw new CaregateError('E_RULE_REDOS', `${describe(where)}: pattern refused: it ${issue}`, where);
  if (fuzz !== undefined) {
    const extra = recheckVerdict(source, flags, fuzz).issue;
    if (extra) throw new CaregateError('E_RULE_REDOS', `${describe(where)}: pattern refused: it ${extra}`, where);
  }
}

function describe(where: ErrorLocation): string {
  return `${where.file ?? 'rule pack'} at ${where.pointer ?? '/'}`;
}

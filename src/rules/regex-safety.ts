import { createRequire } from 'node:module';
import { CaregateError, type ErrorLocation } from '../errors.js';

/**
 * recheck (large: a Scala.js build) is needed only to check a user's own pack, so it is required on first
 * use rather than imported with caregate.
 */
let recheckModule: typeof import('recheck') | undefined;
const recheck = () => (recheckModule ??= createRequire(import.meta.url)('recheck') as typeof import('recheck'));

/**
 * Rule patterns run on untrusted text, so a pattern that can backtrack catastrophically is refused at
 * load rather than guarded at run time (V8 cannot interrupt a running regex, and its linear engine is too
 * slow to scan with). Two gates:
 *  1. structure: every quantifier is bounded ({n,m}, ?, no *, + or {n,}), a group holding a repeat or
 *     alternatives repeats at most 4 times, no backreferences, and no lookbehind at the start (18× slower
 *     in V8);
 *  2. recheck's analysis (https://makenowjust-labs.github.io/recheck/): its automaton checker, then its
 *     fuzzer within a time budget; 'vulnerable' (exponential or polynomial) is refused, and so is a pattern
 *     it cannot analyse.
 * Shipped packs pass both in the test suite; user packs are checked when they are loaded.
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

/** Time the fuzzer may spend on one pattern; 'unknown' after it is accepted when the other gates passed. */
const FUZZ_BUDGET_MS = 1500;

const verdicts = new Map<string, { status: 'safe' | 'vulnerable' | 'unknown'; issue: string | null }>();

/**
 * recheck's verdict, cached per pattern. The automaton checker is exact and fast for patterns without
 * lookarounds or backreferences; it falls back to recheck's fuzzer (bounded by a timeout) for the rest.
 * A sticky pattern (flag y: a keyword's value, read right after the keyword) is tried at one position only,
 * so it is analysed anchored: the search over every start position that recheck otherwise assumes (and
 * that makes `\d+x` quadratic) never happens.
 */
export function recheckVerdict(source: string, flags: string): { status: 'safe' | 'vulnerable' | 'unknown'; issue: string | null } {
  const key = `${flags}/${source}`;
  const cached = verdicts.get(key);
  if (cached) return cached;
  const f = flags.replace(/[^imsu]/g, '');
  if (flags.includes('y')) source = `^(?:${source})`;
  // The automaton checker is exact for unbounded repeats but treats bounded ones as finite, so the fuzzer
  // (which finds (a{1,20}){1,20}b) runs too, within a budget; the structural rules above bound the rest.
  let result = recheck().checkSync(source, f, { checker: 'automaton', timeout: 5000 });
  if (result.status !== 'vulnerable') {
    // A fixed seed: the same pattern gets the same verdict on every load.
    const fuzz = recheck().checkSync(source, f, { checker: 'fuzz', timeout: FUZZ_BUDGET_MS, randomSeed: 20261124 });
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

/** Throws a CaregateError naming the rule's location when the pattern is unsafe or does not compile. */
export function assertSafePattern(source: string, flags: string, where: ErrorLocation, deep: boolean): void {
  try {
    new RegExp(source, flags);
  } catch (err) {
    throw new CaregateError('E_RULE_PATTERN', `${describe(where)}: the pattern does not compile: ${(err as Error).message}`, where);
  }
  const issues = structuralIssues(source);
  if (issues.length) {
    throw new CaregateError('E_RULE_REDOS', `${describe(where)}: pattern refused: ${issues.map((i) => i.reason).join('; ')}`, where);
  }
  if (deep) {
    const { issue } = recheckVerdict(source, flags);
    if (issue) throw new CaregateError('E_RULE_REDOS', `${describe(where)}: pattern refused: it ${issue}`, where);
  }
}

function describe(where: ErrorLocation): string {
  return `${where.file ?? 'rule pack'} at ${where.pointer ?? '/'}`;
}

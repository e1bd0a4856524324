import { checkSync } from 'recheck';
import { CaregateError, type ErrorLocation } from '../errors.js';

/**
 * Rule patterns run on untrusted text, so a pattern that can backtrack catastrophically is refused at
 * load rather than guarded at run time (V8 cannot interrupt a running regex, and its linear engine is too
 * slow to scan with). Two gates:
 *  1. structure: every quantifier is bounded ({n,m}, ?, no *, + or {n,}), no backreferences, and no
 *     lookbehind at the start (18× slower in V8);
 *  2. recheck's analysis (https://makenowjust-labs.github.io/recheck/): 'vulnerable' (exponential or
 *     polynomial) and 'unknown' are both refused.
 * Shipped packs pass both in the test suite; user packs are checked when they are loaded.
 */
export interface PatternIssue {
  reason: string;
}

const MAX_REPEAT = 256;

export function structuralIssues(source: string): PatternIssue[] {
  const issues: PatternIssue[] = [];
  if (/^\(\?<[=!]/.test(source)) issues.push({ reason: 'starts with a lookbehind; put a literal first and capture the value' });
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
    if (c === '*' || c === '+') {
      // '+' or '*' right after a quantifier would be a possessive/lazy form; both are unbounded here.
      issues.push({ reason: `unbounded quantifier '${c}' at ${i}; use {0,N} or {1,N}` });
      continue;
    }
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (m) {
        if (m[2] !== undefined && m[3] === '') issues.push({ reason: `unbounded quantifier '${m[0]}' at ${i}; give an upper bound` });
        else if (Number(m[3] ?? m[1]) > MAX_REPEAT) issues.push({ reason: `quantifier '${m[0]}' at ${i} repeats more than ${MAX_REPEAT} times` });
        i += m[0].length - 1;
      }
    }
  }
  return issues;
}

const verdicts = new Map<string, { status: 'safe' | 'vulnerable' | 'unknown'; issue: string | null }>();

/**
 * recheck's verdict, cached per pattern. The automaton checker is exact and fast for patterns without
 * lookarounds or backreferences; it falls back to recheck's fuzzer (bounded by a timeout) for the rest.
 */
export function recheckVerdict(source: string, flags: string): { status: 'safe' | 'vulnerable' | 'unknown'; issue: string | null } {
  const key = `${flags}/${source}`;
  const cached = verdicts.get(key);
  if (cached) return cached;
  const f = flags.replace(/[^imsu]/g, '');
  let result = checkSync(source, f, { checker: 'automaton', timeout: 5000 });
  if (result.status === 'unknown') result = checkSync(source, f, { timeout: 10_000 });
  let issue: string | null = null;
  if (result.status === 'vulnerable') {
    const complexity = result.complexity.type === 'exponential' ? 'exponential' : `polynomial (degree ${(result.complexity as { degree?: number }).degree ?? '?'})`;
    issue = `can backtrack catastrophically: ${complexity} time on inputs such as a ${result.attack.string.length}-character near-match`;
  } else if (result.status === 'unknown') {
    issue = `its backtracking could not be proven safe (${result.error?.kind ?? 'analysis gave up'}); simplify it`;
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

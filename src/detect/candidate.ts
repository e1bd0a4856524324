import type { TextFeatures } from './prefilter.js';
import type { ValidatorOptions } from '../validators/types.js';
import { windowEndAfter, windowStartBefore } from './boundaries.js';
import type { CompiledContext, CompiledRule } from './plan.js';
import type { Explanation, ScanError } from './types.js';
import { isJsSpace } from './context-words.js';

/** A match that passed its rule's checks, waiting for overlap resolution. Offsets are absolute. */
export interface Candidate {
  start: number;
  end: number;
  rule: CompiledRule;
  confidence: number;
  /** Digits of a numeric match (masks key labels and pseudonyms on them). */
  digits: string;
  explain: Explanation | undefined;
  error: ScanError | undefined;
}

/** Shared by every pass while one buffer is scanned. */
export interface ScanContext {
  text: string;
  /** Absolute offset of text[0]. */
  base: number;
  /** Hits at or after this index (relative to text) wait for more text, unless final. */
  frontier: number;
  final: boolean;
  out: Candidate[];
  explain: boolean;
  minConfidence: number;
  validatorOptions: ValidatorOptions;
  /**
   * What the text holds, for the gates' prefilters (prefilter.ts): set by the scanner only when this step is
   * the session's first and last (a short text in one call), so a skipped gate leaves no pass state behind
   * that a later step would read. Null otherwise: every gate runs.
   */
  pre: TextFeatures | null;
}

/** The explanation's context words: the regex's matches (only when explaining, off the hot path). */
function collectWords(re: RegExp, text: string): string[] {
  // One global form per context regex, not one per call (V8 compiles each new one).
  let g = globalForms.get(re);
  if (!g) globalForms.set(re, (g = new RegExp(re.source, 'gi')));
  g.lastIndex = 0;
  const found: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = g.exec(text)) !== null) found.push(m[0].toLowerCase().replace(/\s+/g, ' '));
  return found;
}
const globalForms = new WeakMap<RegExp, RegExp>();

/**
 * Where the text a rule's context words are looked for in before a candidate starting at `start` begins: up
 * to c.before characters, not across a blank line, and no further back than the turn before the
 * candidate's own (boundaries.ts).
 */
export function contextBeforeStart(c: CompiledContext, text: string, start: number): number {
  let lo = Math.max(0, start - c.before);
  // A window that starts inside a word does not read the word's tail as a word of its own ("t:" of "Support:").
  while (lo > 0 && lo < start && isWordChar(text, lo - 1) && isWordChar(text, lo)) lo++;
  if (c.sameLine) lo = Math.max(lo, text.lastIndexOf('\n', start - 1) + 1);
  return windowStartBefore(text, lo, start);
}

/** The text before a candidate its rule's context words are looked for in (contextBeforeStart). */
export function contextBefore(c: CompiledContext, text: string, start: number): string {
  return text.slice(contextBeforeStart(c, text, start), start);
}
const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** WORD_CHAR on one UTF-16 unit, ASCII without the regex. */
function isWordChar(text: string, i: number): boolean {
  const ch = text.charCodeAt(i);
  if (ch < 128) return (ch >= 48 && ch <= 57) || ((ch | 32) >= 97 && (ch | 32) <= 122) || ch === 95;
  return WORD_CHAR.test(text[i]!);
}

/** Where the text a rule's context words are looked for in after a candidate ending at `end` ends: its own turn and paragraph. */
export function contextAfterEnd(c: CompiledContext, text: string, end: number): number {
  let hi = Math.min(text.length, end + c.after);
  if (c.sameLine) {
    // The line's end, and the next number: a cue after that number is its own ("build 97548. cell 396 550 4134").
    for (let i = end; i < hi; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 || (ch >= 48 && ch <= 57)) {
        hi = i;
        break;
      }
    }
  }
  return windowEndAfter(text, end, hi);
}

/** The text after a candidate its rule's context words are looked for in (contextAfterEnd). */
export function contextAfter(c: CompiledContext, text: string, end: number): string {
  return text.slice(end, contextAfterEnd(c, text, end));
}

/** How far before a value an exclusion word still names it. */
const EXCLUDE_REACH = 32;

/**
 * Whether an exclusion word stands before the candidate (its window text[bs, start)) with no context word
 * of its own after it: a cue right after the exclusion word ("order number", "tracking number") belongs to it.
 */
export function excludedBefore(c: CompiledContext, text: string, bs: number, start: number): boolean {
  // Only an exclusion word close to the value names it ("order 4155552671", "tracking number 1254…"); one
  // further back is about something else,
  // and on the value's own line: "in case we get disconnected?" is not about the answer on the next line.
  let lo = Math.max(bs, start - EXCLUDE_REACH);
  const nl = start > lo ? text.lastIndexOf('\n', start - 1) : -1;
  if (nl >= lo) lo = nl + 1;
  const ex = c.findExclude!;
  if (!ex.test(text, lo, start)) return false;
  const words = c.findWords;
  if (!words.test(text, lo, start)) return true;
  ex.last(text, lo, start);
  words.last(text, lo, start);
  const exEnd = ex.end;
  const cueStart = words.start;
  if (cueStart < exEnd) return true;
  // Only spaces and # : . - between them.
  for (let i = exEnd; i < cueStart; i++) {
    const ch = text.charCodeAt(i);
    if (!(ch === 35 || ch === 58 || ch === 46 || ch === 45 || isJsSpace(ch))) return false;
  }
  return true;
}

/**
 * Runs a candidate through its rule: allow list, validators (tri-state), context words (boost, required,
 * exclude), then the confidence threshold. Pushes it when it survives. `needsContext` marks a match that
 * is only plausible with context (a window cut out of a longer digit run, an unformatted number).
 */
export function offerCandidate(
  ctx: ScanContext,
  rule: CompiledRule,
  start: number,
  end: number,
  digits: string,
  needsContext: boolean,
  source: 'written' | 'spoken' | undefined,
): boolean {
  const text = ctx.text;
  const value = text.slice(start, end);
  if (rule.allow && rule.allow.has(value.trim().toLowerCase())) return false;

  // Gates in order of cost: context words when the candidate cannot stand without them, exclusion words,
  // then validators; context words that only raise the confidence are looked for last, once the
  // candidate is valid (most digit windows fail Luhn or the IIN table and never need them).
  const c = rule.context;
  const mustHaveContext = needsContext || (c !== null && c.required) || rule.base < ctx.minConfidence;
  if (!c && mustHaveContext) return false;
  let contextHit = false;
  let bs = start;
  let ae = end;
  if (c) {
    bs = contextBeforeStart(c, text, start);
    // A required cue, then exclusion words: both refuse alike and are pure, so the one that refuses most runs
    // first (a candidate that needs a cue usually has none: a phone-shaped run near no phone word).
    if (mustHaveContext) {
      ae = contextAfterEnd(c, text, end);
      contextHit = c.findWords.test(text, bs, start) || c.findWords.test(text, end, ae);
      if (!contextHit) return false;
    }
    // Exclusion words count before the candidate only: "Order 415-555-2671" is an order number, while a
    // phone number followed by "Case 2025-…" (the next CSV cell) is still a phone number. The nearer word
    // decides: in "ref 0878…, cb +599 (0)9 683 1115" or `"account": …, "phone": "073 605 95 91"` the cue
    // after the exclusion word binds the value.
    if (c.findExclude && excludedBefore(c, text, bs, start)) return false;
  }

  // The validators' log is built only when explaining (most candidates are refused and never need it).
  const validatorLog: Explanation['validators'] | null = ctx.explain ? [] : null;
  const input = { text: value, digits, options: ctx.validatorOptions };
  for (const v of rule.validators) {
    const r = v.fn(input);
    if (r === false) return false;
    if (validatorLog) validatorLog.push({ name: v.name, result: r === true ? 'valid' : 'neutral' });
  }
  if (c && !mustHaveContext) {
    ae = contextAfterEnd(c, text, end);
    contextHit = c.findWords.test(text, bs, start) || c.findWords.test(text, end, ae);
  }

  let confidence = rule.base;
  let contextWords: string[] = [];
  if (c && contextHit) {
    confidence = Math.min(1, confidence + c.boost);
    if (ctx.explain) contextWords = [...collectWords(c.words, text.slice(bs, start)), ...collectWords(c.words, text.slice(end, ae))];
  }
  if (confidence < ctx.minConfidence) return false;

  ctx.out.push({
    start: ctx.base + start,
    end: ctx.base + end,
    rule,
    confidence: Math.round(confidence * 1000) / 1000,
    digits,
    explain: ctx.explain
      ? { detector: rule.detector, baseConfidence: rule.base, validators: validatorLog ?? [], contextWords, ...(source ? { source } : {}) }
      : undefined,
    error: undefined,
  });
  return true;
}

/**
 * Fail closed: when a detector or validator throws, the region it was looking at is masked as the rule's
 * entity and the error is reported (message only, never the text).
 */
export function failClosed(ctx: ScanContext, rule: CompiledRule, start: number, end: number, err: unknown): void {
  const s = Math.max(0, start);
  const e = Math.min(ctx.text.length, Math.max(end, s + 1));
  const message = safeMessage(err);
  const error: ScanError = { ruleId: rule.id, start: ctx.base + s, end: ctx.base + e, message };
  ctx.out.push({
    start: ctx.base + s,
    end: ctx.base + e,
    rule,
    confidence: 1,
    digits: '',
    explain: ctx.explain ? { detector: rule.detector, baseConfidence: rule.base, validators: [], contextWords: [], error: message } : undefined,
    error,
  });
}

/** An error's message with every digit and e-mail-like word blanked: a thrown message may quote the value. */
export function safeMessage(err: unknown): string {
  const name = err instanceof Error ? err.name : 'Error';
  const raw = err instanceof Error ? err.message : String(err);
  return `${name}: ${raw.replace(/\S*@\S*/g, '[…]').replace(/\d/g, '#').slice(0, 200)}`;
}

import { newMaskState, type MaskState } from '../mask/types.js';
import type { ValidatorOptions } from '../validators/types.js';
import type { Candidate, ScanContext } from './candidate.js';
import { HOLD_BEHIND, LOOKAHEAD, MAX_BACK, MAX_MATCH, SLICE } from './limits.js';
import type { ScanPlan } from './plan.js';
import { normalizedPoint, normalizeForScan, originalEnd, originalPoint, releaseNormalized, type NormalizedText } from './normalize.js';
import { resolveOverlaps } from './resolve.js';
import { acquireScannerState, holdsNonAscii, releaseScannerState, scan, shortTextFeatures, type ScannerState } from './scanner.js';
import type { Finding, ScanError } from './types.js';

/** What the engine needs besides the plan, fixed when the redactor is created. */
export interface EngineOptions {
  minConfidence: number;
  validatorOptions: ValidatorOptions;
}

export interface SessionOutput {
  /** Redacted text for the part of the input now decided (empty when masking is off). */
  text: string;
  findings: Finding[];
  errors: ScanError[];
}

/** Input is gathered to at least this many characters before a scan step, so tiny writes stay cheap. */
const MIN_STEP = 8192;
/** Texts shorter than this are scanned in one first and last step: ScanSession.once takes them. */
export const ONCE_BELOW = MIN_STEP;

/**
 * One document or stream. Text goes in by push(); each step scans the buffer (one pass, scanner.ts) up to a frontier
 * (MAX_MATCH + LOOKAHEAD before its end), decides every overlap cluster that can no longer grow, emits the
 * text before the first undecided one, and keeps at most HOLD_BEHIND characters behind the frontier.
 * Every pass resumes where it stopped, so any chunking gives the output of one step over the whole text.
 */
export class ScanSession {
  private queue: string[] = [];
  private queued = 0;
  private carry = '';
  /** Absolute offset of carry[0] in the original text, and in the normalized text the scanners read. */
  private base = 0;
  private normBase = 0;
  private emitted = 0;
  private pending: Candidate[] = [];
  private scanner: ScannerState;
  /** Numbered labels of this document: made at the first mask applied (most short texts have none). */
  private maskState: MaskState | null;
  private readonly givenMaskState: MaskState | null;
  private finished = false;

  constructor(
    private readonly plan: ScanPlan,
    private readonly options: EngineOptions,
    private readonly mode: { explain: boolean; mask: boolean },
    /** Shared by the strings of one document (redactValue) so numbered labels stay consistent across them. */
    maskState?: MaskState,
  ) {
    this.maskState = this.givenMaskState = maskState ?? null;
    this.scanner = acquireScannerState(plan);
  }

  /** Characters held back right now (queued input plus carry): bounded by MIN_STEP + SLICE + hold-back. */
  get heldBack(): number {
    return this.queued + this.carry.length;
  }

  push(chunk: string): SessionOutput {
    if (this.finished) throw new Error('caregate: this redaction session has ended; start a new one');
    if (!chunk) return { text: '', findings: [], errors: [] };
    this.queue.push(chunk);
    this.queued += chunk.length;
    if (this.queued < MIN_STEP) return { text: '', findings: [], errors: [] };
    return this.drain(false);
  }

  finish(): SessionOutput {
    if (this.finished) return { text: '', findings: [], errors: [] };
    const out = this.drain(true);
    this.finished = true;
    releaseScannerState(this.plan, this.scanner);
    return out;
  }

  /**
   * A whole text of fewer than MIN_STEP characters, given to a session that was never pushed to: what
   * push(text) then finish() give (one first and last step), without their queue and empty outputs, and the
   * session is then as a new one again (same mode and mask state option), so a redactor can reuse it for the next
   * short text instead of making a session per call. The caller owns the session throughout (never reentered).
   */
  once(text: string): SessionOutput {
    if (this.finished || this.queued !== 0 || this.base !== 0 || this.emitted !== 0 || text.length >= MIN_STEP) {
      throw new Error('caregate: once() takes a fresh session and a text shorter than a scan step');
    }
    const out = this.step(text, true);
    // As the constructor leaves a session: step consumed the text (carry '', every cluster decided).
    this.carry = '';
    this.base = this.normBase = this.emitted = 0;
    if (this.pending.length !== 0) this.pending = [];
    this.maskState = this.givenMaskState;
    // The scanner state through the pool, as finish() then a new session would: reset exactly, or a fresh one.
    releaseScannerState(this.plan, this.scanner);
    this.scanner = acquireScannerState(this.plan);
    return out;
  }

  private drain(final: boolean): SessionOutput {
    const input = this.queue.length === 1 ? this.queue[0]! : this.queue.join('');
    this.queue = [];
    this.queued = 0;
    if (input.length <= SLICE) return this.step(input, final);
    // V8 is far slower on long strings: scan in slices of at most SLICE characters.
    const texts: string[] = [];
    const findings: Finding[] = [];
    const errors: ScanError[] = [];
    for (let i = 0; i < input.length; i += SLICE) {
      let cut = Math.min(input.length, i + SLICE);
      // Never split a surrogate pair between slices.
      if (cut < input.length && (input.charCodeAt(cut - 1) & 0xfc00) === 0xd800) cut++;
      const piece = input.slice(i, cut);
      const out = this.step(piece, final && cut >= input.length);
      texts.push(out.text);
      for (const f of out.findings) findings.push(f);
      for (const e of out.errors) errors.push(e);
      i = cut - SLICE;
    }
    return { text: texts.join(''), findings, errors };
  }

  private step(chunk: string, final: boolean): SessionOutput {
    const buf = this.carry + chunk;
    // The scanners read the normalized buffer (normalize.ts); candidates are in its offsets (normBase on)
    // until they are emitted, when they are mapped back to the original text.
    // A first and last step's prefilter features, read first: they tell normalizing the text is all ASCII.
    const known = final ? shortTextFeatures(buf, this.plan, this.scanner) : null;
    const nt = normalizeForScan(buf, known !== null && !holdsNonAscii(known));
    const text = nt.text;
    const end = text.length;
    const frontier = final ? end : end - (MAX_MATCH + LOOKAHEAD);
    if (!final && frontier <= 0) {
      releaseNormalized(nt);
      this.carry = buf;
      return { text: '', findings: [], errors: [] };
    }
    const ctx: ScanContext = {
      text,
      base: this.normBase,
      frontier,
      final,
      out: this.pending,
      explain: this.mode.explain,
      minConfidence: this.options.minConfidence,
      validatorOptions: this.options.validatorOptions,
      pre: null,
    };
    scan(ctx, this.plan, this.scanner, known);

    // Every candidate starting before `limit` is known: none can start more than MAX_BACK before its hit.
    const limit = final ? Infinity : this.normBase + frontier - MAX_BACK;
    const r = resolveOverlaps(this.pending, limit);
    this.pending = r.rest;
    const toOrig = (p: number) => this.base + originalPoint(nt, p - this.normBase);
    let emitTo = Math.max(this.emitted, final ? this.base + buf.length : toOrig(Math.min(limit, r.restStart)));
    // Never end a step between the halves of a surrogate pair: each step's text must encode on its own.
    if (!final && emitTo > this.emitted && (buf.charCodeAt(emitTo - 1 - this.base) & 0xfc00) === 0xd800) emitTo--;
    const out = this.emit(buf, nt, r.winners, emitTo);
    for (const c of r.decided) if (c.error) out.errors.push(this.mapError(nt, c.error));

    const keepFrom = final ? this.base + buf.length : Math.min(this.emitted, toOrig(Math.max(this.normBase, this.normBase + frontier - HOLD_BEHIND)));
    const cut = Math.max(0, keepFrom - this.base);
    const normCut = final ? end : normalizedPoint(nt, cut);
    // Nothing reads the normalization's offsets after this: its buffers serve the next step.
    releaseNormalized(nt);
    this.carry = buf.slice(cut);
    this.base += cut;
    this.normBase += normCut;
    return out;
  }

  private mapError(nt: NormalizedText, e: ScanError): ScanError {
    return { ...e, start: this.base + originalPoint(nt, e.start - this.normBase), end: this.base + originalEnd(nt, e.end - this.normBase) };
  }

  private emit(buf: string, nt: NormalizedText, winners: Candidate[], emitTo: number): SessionOutput {
    const base = this.base;
    const findings: Finding[] = [];
    let cursor = this.emitted;
    if (winners.length === 0) {
      // Nothing decided to mask: the text up to emitTo as it is.
      this.emitted = Math.max(cursor, emitTo);
      return { text: this.mode.mask && emitTo > cursor ? buf.slice(cursor - base, emitTo - base) : '', findings, errors: [] };
    }
    const parts: string[] = [];
    for (const c of winners) {
      const start = base + originalPoint(nt, c.start - this.normBase);
      const end = base + originalEnd(nt, c.end - this.normBase);
      if (start < cursor) continue; // overlapped across a capped cluster: the earlier span stands
      if (this.mode.mask) {
        parts.push(buf.slice(cursor - base, start - base));
        parts.push(
          c.error
            ? `[${c.rule.entity}]`
            : c.rule.mask.apply({ text: buf.slice(start - base, end - base), digits: c.digits, entity: c.rule.entity, ruleId: c.rule.id, state: (this.maskState ??= newMaskState()) }),
        );
      }
      cursor = end;
      const f: Finding = { ruleId: c.rule.id, entity: c.rule.entity, start, end, confidence: c.confidence };
      if (c.explain) f.explain = c.explain;
      findings.push(f);
    }
    if (this.mode.mask) parts.push(buf.slice(cursor - base, emitTo - base));
    this.emitted = Math.max(cursor, emitTo);
    return { text: parts.join(''), findings, errors: [] };
  }
}

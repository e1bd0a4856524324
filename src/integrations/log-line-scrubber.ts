import { ONCE_BELOW, type ScanSession } from '../detect/session.js';
import type { Redactor, ScanError, ValueFinding } from '../index.js';
import { CleanCache } from './clean-cache.js';
import { inspectJsonLine, quoteLongNumbers } from './json-line.js';
import { newWalkMemo, walkCleanJsonObject, type JsonVerdicts } from './json-walk.js';

/** What scrubbing one log line did. Findings carry JSON pointers and offsets, never the values. */
export interface LineRedaction {
  /** The line to write, without its newline. */
  line: string;
  findings: ValueFinding[];
  errors: ScanError[];
  /** True when redaction itself failed and the line was replaced by a notice (fail closed). */
  withheld: boolean;
}

/**
 * Scrubs serialized log lines. A JSON line is parsed and redacted with redactValue (every string, every
 * number that is a card number, every member under a sensitive key); anything else is redacted as text.
 *
 * Most log lines hold no PII, so the JSON path first checks, member by member, whether redactValue would
 * find anything; when it would not, the original line is returned untouched (no re-serialization).
 * The check asks the same engine the same question, so it never lets through what redactValue would mask
 * (with one stated exception: the numbers pino writes itself, see trustedNumbers); it is cheaper because
 * verdicts on short repeated strings and numbers (keys, host names, statuses) are remembered.
 */
export class LogLineScrubber {
  /**
   * Values kept on their second sight (clean-cache.ts): a log's one-off values (request ids) would otherwise
   * push its recurring ones (URLs, hosts, messages) out of the cache, and each miss costs an engine pass.
   */
  private readonly cleanStrings = new CleanCache(8192, 256, true);
  /** Key → true when the key is clean and not a sensitive-key hint (probed once through redactValue). */
  private readonly keyVerdicts = new Map<string, boolean>();

  private readonly trustedNumbers: ReadonlySet<string>;

  /**
   * @param trustedNumbers top-level members whose number values the clean check does not scan (default
   *   level, time, pid: pino writes them itself, and a fresh epoch-milliseconds time on every line would
   *   otherwise cost an engine pass per line). A line found dirty elsewhere is still redacted whole.
   */
  constructor(
    private readonly redactor: Redactor,
    trustedNumbers: readonly string[] = DEFAULT_TRUSTED_NUMBERS,
  ) {
    this.trustedNumbers = new Set(trustedNumbers);
  }

  scrub(line: string): LineRedaction {
    try {
      return looksLikeJson(line) ? this.scrubJson(line) : this.scrubText(line);
    } catch (err) {
      return withheldLine(err);
    }
  }

  /**
   * Whether `line` is a JSON record the scrubber writes as it is (white space around it, such as the line's
   * own newline, allowed): the clean check walked over the text (json-walk.ts), without JSON.parse and the
   * objects it builds. False when the walker cannot tell: scrub() then decides through JSON.parse.
   */
  isCleanJson(line: string): boolean {
    try {
      return looksLikeJson(line) && walkCleanJsonObject(line, this.verdicts);
    } catch {
      return false;
    }
  }

  private readonly verdicts: JsonVerdicts = {
    key: (name) => this.isCleanKey(name),
    value: (text, isNumber, topKey, depth) => (isNumber && depth === 0 && this.trustedNumbers.has(topKey)) || this.isCleanText(text),
    memo: newWalkMemo(),
  };

  private scrubText(line: string): LineRedaction {
    const r = this.redactor.redact(line);
    return {
      line: r.text,
      findings: r.findings.map((f) => ({ path: '', ruleId: f.ruleId, entity: f.entity, start: f.start, end: f.end, confidence: f.confidence })),
      errors: r.errors,
      withheld: false,
    };
  }

  private scrubJson(line: string): LineRedaction {
    if (walkCleanJsonObject(line, this.verdicts)) return { line, findings: [], errors: [], withheld: false };
    const shape = inspectJsonLine(line);
    let parsed: unknown;
    try {
      parsed = JSON.parse(shape.longNumbers.length ? quoteLongNumbers(line, shape.longNumbers) : line);
    } catch {
      return this.scrubText(line);
    }
    const count = { members: 0 };
    if (this.isCleanRecord(parsed, count) && count.members === shape.members) {
      return { line, findings: [], errors: [], withheld: false };
    }
    const r = this.redactor.redactValue(parsed);
    return { line: JSON.stringify(r.value), findings: r.findings, errors: r.errors, withheld: false };
  }

  private isCleanRecord(record: unknown, count: { members: number }): boolean {
    if (record === null || typeof record !== 'object' || Array.isArray(record) || this.trustedNumbers.size === 0) return this.isClean(record, count);
    for (const key of Object.keys(record)) {
      count.members++;
      const value = (record as Record<string, unknown>)[key];
      if (typeof value === 'number' && this.trustedNumbers.has(key)) continue;
      if (!this.isCleanKey(key) || !this.isClean(value, count)) return false;
    }
    return true;
  }

  /** Whether redactValue would find nothing; counts object members on the way (for the duplicate check). */
  private isClean(value: unknown, count: { members: number }): boolean {
    if (typeof value === 'string') return value.length === 0 || this.isCleanText(value);
    if (typeof value === 'number') return this.isCleanText(Number.isInteger(value) ? BigInt(value).toString() : String(value));
    if (value === null || typeof value !== 'object') return true;
    if (Array.isArray(value)) {
      for (const item of value) if (!this.isClean(item, count)) return false;
      return true;
    }
    for (const key of Object.keys(value)) {
      count.members++;
      if (!this.isCleanKey(key) || !this.isClean((value as Record<string, unknown>)[key], count)) return false;
    }
    return true;
  }

  private isCleanText(text: string): boolean {
    if (this.cleanStrings.has(text)) return true;
    const clean = text.length < ONCE_BELOW ? this.isCleanShort(text) : this.isCleanLong(text);
    if (clean) this.cleanStrings.add(text);
    return clean;
  }

  /**
   * A detection-only session kept for the clean check of short texts (ScanSession.once): most values of a log
   * line are a few characters, where a new session per value costs more than its scan. Null while it scans,
   * so a check from inside one (a validator that logs) gets a session of its own.
   */
  private probe: ScanSession | null = null;

  private isCleanShort(text: string): boolean {
    const session = this.probe ?? this.redactor.session({ mask: false });
    // A redactor of another build may lack once(): this session's push and finish then.
    if (typeof session.once !== 'function') return isClean(session.push(text), session.finish());
    this.probe = null;
    const out = session.once(text);
    // Only after a scan that returned: one that threw may have left the session part-way.
    this.probe = session;
    return out.findings.length + out.errors.length === 0;
  }

  private isCleanLong(text: string): boolean {
    const session = this.redactor.session({ mask: false });
    return isClean(session.push(text), session.finish());
  }

  /** A key is clean when redactValue finds nothing in it and does not treat it as a sensitive-key hint. */
  private isCleanKey(key: string): boolean {
    let verdict = this.keyVerdicts.get(key);
    if (verdict === undefined) {
      const probe = this.redactor.redactValue({ [key]: 'x' });
      verdict = probe.findings.length === 0 && probe.errors.length === 0;
      if (this.keyVerdicts.size >= 4096) this.keyVerdicts.clear();
      if (key.length <= 256) this.keyVerdicts.set(key, verdict);
    }
    return verdict;
  }
}

/** Whether a session's two outputs hold no finding and no detector error. */
const isClean = (a: { findings: unknown[]; errors: unknown[] }, b: { findings: unknown[]; errors: unknown[] }) =>
  a.findings.length + b.findings.length + a.errors.length + b.errors.length === 0;

export const DEFAULT_TRUSTED_NUMBERS: readonly string[] = ['level', 'time', 'pid'];

function looksLikeJson(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) continue;
    return c === 123 /* { */ || c === 91 /* [ */;
  }
  return false;
}

/** Redaction failed: write a notice instead of the line, never the line itself. */
function withheldLine(err: unknown): LineRedaction {
  const code = typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : (err as Error)?.name ?? 'Error';
  return {
    line: JSON.stringify({ caregate: `log line withheld: redaction failed (${code}); the line was not written so no PII could leak` }),
    findings: [],
    errors: [],
    withheld: true,
  };
}

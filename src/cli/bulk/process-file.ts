import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CaregateError } from '../../errors.js';
import { createFormatStream, formatFromExtension, sniffFormat, SNIFF_BYTES, type FormatFinding, type FormatName, type FormatStream } from '../../formats/index.js';
import { newMaskState, type Redactor } from '../../redactor.js';
import { openAtomicFileSync } from '../atomic-output.js';
import type { FileResult, FileTask, LocatedFinding } from './types.js';
import { describeFsError } from './walk.js';

/** Runs one task with a ready redactor (the worker caches one per configuration). Never throws. */
export async function processFile(task: FileTask, redactor: Redactor): Promise<FileResult> {
  const t0 = performance.now();
  const counts = newCounts();
  try {
    checkInterrupt(task);
    if (task.mode === 'redact') {
      const r = await redactFile(task, redactor, counts);
      return { ...r, ms: performance.now() - t0 };
    }
    const buf = await readFile(task.input).catch((err: unknown) => {
      throw cannotRead(task, err);
    });
    const r = await scanBuffer(buf, redactor, { ...task, counts });
    return { ...r, sha256: createHash('sha256').update(buf).digest('hex'), ms: performance.now() - t0 };
  } catch (err) {
    return {
      ok: false,
      bytes: counts.bytes,
      findings: 0,
      byEntity: {},
      byRule: {},
      scanErrors: 0,
      records: 0,
      error: describeError(err, task.source),
      ms: performance.now() - t0,
    };
  }
}

const cannotRead = (task: FileTask, err: unknown) =>
  new CaregateError('E_INPUT', `cannot read ${task.source}: ${describeFsError(err)}`, { file: task.source });

/** Stops the file (E_INTERRUPTED, which the caller's abort turns into "no output") once the run is interrupted. */
function checkInterrupt(task: FileTask): void {
  if (task.interrupt && Atomics.load(task.interrupt, 0) !== 0) {
    throw new CaregateError('E_INTERRUPTED', `${task.source}: not finished: the run was interrupted`, { file: task.source });
  }
}

interface Counts {
  bytes: number;
  byRule: Map<string, number>;
  ruleEntity: Map<string, string>;
}
const newCounts = (): Counts => ({ bytes: 0, byRule: new Map(), ruleEntity: new Map() });
function count(counts: Counts, f: FormatFinding): void {
  counts.byRule.set(f.ruleId, (counts.byRule.get(f.ruleId) ?? 0) + 1);
  if (!counts.ruleEntity.has(f.ruleId)) counts.ruleEntity.set(f.ruleId, f.entity);
}

function describeError(err: unknown, source: string): { code: string; message: string } {
  if (err instanceof CaregateError) return { code: err.code, message: err.message.replace(/^caregate: /, '') };
  const e = err as NodeJS.ErrnoException;
  if (typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code)) return { code: 'E_INPUT', message: `${source}: ${describeFsError(e)}` };
  return { code: 'E_INTERNAL', message: `${source}: ${e instanceof Error ? e.message : String(e)}` };
}

/** The first bytes of a file, to sniff its format by. */
function readHead(fd: number): Uint8Array {
  const buf = Buffer.alloc(SNIFF_BYTES);
  return buf.subarray(0, readSync(fd, buf, 0, SNIFF_BYTES, 0));
}

function summarize(stream: FormatStream, counts: Counts, format: FormatName) {
  const s = stream.summary();
  return {
    ok: true,
    format,
    bytes: counts.bytes,
    findings: s.findings,
    byEntity: s.byEntity,
    byRule: Object.fromEntries([...counts.byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))),
    ruleEntities: Object.fromEntries(counts.ruleEntity),
    scanErrors: s.scanErrors,
    records: s.records,
  };
}

/** Bytes read at a time: small enough that the decoded text stays out of V8's large-object space. */
const CHUNK_BYTES = 1 << 16;

/**
 * Redacts one file through its format into an atomic output (it appears whole or not at all). Reads and
 * writes synchronously on purpose (only a token vault's flush is awaited, before the output is committed): a worker holds one file at a time, so blocking its thread costs nothing, and reading and
 * writing on the thread itself spares each 64 KiB chunk two hand-offs to libuv's threads, which on a pool as
 * wide as the machine compete with the workers for the cores (docs/cli.md, "Figures").
 */
async function redactFile(task: FileTask, redactor: Redactor, counts: Counts): Promise<Omit<FileResult, 'ms'>> {
  if (!task.output) throw new CaregateError('E_USAGE', 'redact task without an output');
  let fd: number;
  try {
    fd = openSync(task.input, 'r');
  } catch (err) {
    throw cannotRead(task, err);
  }
  try {
    let mode: number;
    let format: FormatName;
    try {
      mode = fstatSync(fd).mode;
      format = task.format !== 'auto' ? task.format : (formatFromExtension(task.input) ?? sniffFormat(readHead(fd)));
    } catch (err) {
      throw cannotRead(task, err);
    }
    const transform = createFormatStream(format, redactor, { invalidUtf8: task.invalidUtf8, maxValueBytes: task.maxValueBytes, source: task.source });
    transform.on('finding', (f: FormatFinding) => count(counts, f));
    mkdirSync(dirname(task.output), { recursive: true });
    const out = openAtomicFileSync(task.output);
    try {
      const buf = Buffer.allocUnsafe(CHUNK_BYTES);
      for (;;) {
        let n: number;
        try {
          n = readSync(fd, buf, 0, CHUNK_BYTES, null);
        } catch (err) {
          throw cannotRead(task, err);
        }
        if (n === 0) break;
        checkInterrupt(task);
        counts.bytes += n;
        out.write(transform.redactChunk(buf.subarray(0, n)));
      }
      out.write(transform.redactEnd());
      // The output holds tokens: their vault entries are durable before the output exists.
      await redactor.tokens?.flush();
      if (task.keepMode) out.chmod(mode & 0o7777);
      out.commit();
    } catch (err) {
      out.abort();
      throw err;
    }
    return summarize(transform, counts, format);
  } finally {
    closeSync(fd);
  }
}

export interface ScanBufferOptions {
  source: string;
  /** A file name to pick the format by; the bytes are sniffed when it says nothing. */
  input?: string;
  format: 'auto' | FormatName;
  invalidUtf8: 'replace' | 'error';
  maxValueBytes?: number;
  details?: boolean;
  excerptWidth?: number;
  counts?: Counts;
}

/**
 * Finds what a whole input holds without writing anything: the same format stream as redact (so the same
 * findings), its output kept to make excerpts from. Locations: text gives exact offsets; NDJSON and CSV give
 * the record's line and the column is found by scanning that raw line for the same entity (its k-th one);
 * JSON gives a pointer and is placed the same way over the whole document. A finding that cannot be placed
 * keeps what is known (line or pointer). Excerpts come from masked text only.
 */
export async function scanBuffer(buf: Buffer, redactor: Redactor, o: ScanBufferOptions): Promise<Omit<FileResult, 'ms'>> {
  const counts = o.counts ?? newCounts();
  counts.bytes = buf.length;
  const format = o.format !== 'auto' ? o.format : (o.input ? formatFromExtension(o.input) : undefined) ?? sniffFormat(buf.subarray(0, SNIFF_BYTES));
  const stream = createFormatStream(format, redactor, { invalidUtf8: o.invalidUtf8, maxValueBytes: o.maxValueBytes, source: o.source });
  const found: FormatFinding[] = [];
  stream.on('finding', (f: FormatFinding) => {
    count(counts, f);
    if (o.details) found.push(f);
  });
  const out: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (c: Buffer) => {
      if (o.details) out.push(c);
    });
    stream.once('error', reject);
    stream.once('end', resolve);
    stream.end(buf);
  });
  const result = summarize(stream, counts, format);
  if (!o.details) return result;
  const text = new TextDecoder('utf-8').decode(buf);
  const redacted = Buffer.concat(out).toString('utf8');
  const items = locate(format, text, redacted, found, stream, redactor, o.excerptWidth ?? 160);
  return { ...result, items };
}

/** Start offsets of the lines of a text. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset. */
function lineCol(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

function lineText(text: string, starts: number[], line: number): string {
  const s = starts[line - 1];
  if (s === undefined) return '';
  const next = starts[line];
  let e = next === undefined ? text.length : next - 1;
  if (e > s && text.charCodeAt(e - 1) === 13) e--;
  return text.slice(s, e);
}

/** Cuts a long excerpt down to `width` characters around position `at`, marking the cuts with '…'. */
export function shorten(s: string, at: number, width: number): string {
  if (s.length <= width) return s;
  let from = Math.max(0, Math.min(at - Math.floor(width / 3), s.length - width));
  // never start or end between the halves of a surrogate pair
  if (from > 0 && isLowSurrogate(s.charCodeAt(from))) from++;
  let to = Math.min(s.length, from + width);
  if (to < s.length && isLowSurrogate(s.charCodeAt(to))) to--;
  return `${from > 0 ? '…' : ''}${s.slice(from, to)}${to < s.length ? '…' : ''}`;
}
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function locate(
  format: FormatName,
  text: string,
  redacted: string,
  found: FormatFinding[],
  stream: FormatStream,
  redactor: Redactor,
  width: number,
): LocatedFinding[] {
  const starts = lineStarts(text);
  const base = (f: FormatFinding): LocatedFinding => ({
    ruleId: f.ruleId,
    entity: f.entity,
    confidence: f.confidence,
    ...(f.path !== undefined ? { pointer: f.path } : {}),
    ...(f.record !== undefined ? { record: f.record } : {}),
    ...(f.column !== undefined ? { field: f.column } : {}),
    excerpt: '',
  });

  if (format === 'text') {
    // Every masked region of the text: findings, and detector errors (masked too: fail closed).
    const regions = [
      ...found.map((f) => ({ start: f.start, end: f.end, entity: f.entity as string | undefined })),
      ...stream.scanErrors.map((e) => ({ start: e.start, end: e.end, entity: undefined })),
    ].sort((a, b) => a.start - b.start || b.end - a.end);
    const excerptCache = new Map<number, { text: string; at: Map<number, number> }>();
    const maskedLine = (line: number) => {
      let hit = excerptCache.get(line);
      if (hit) return hit;
      const ls = starts[line - 1]!;
      const le = ls + lineText(text, starts, line).length;
      const state = newMaskState();
      const at = new Map<number, number>();
      let s = '';
      let pos = ls;
      for (const r of regions) {
        if (r.end <= ls || r.start >= le) continue;
        if (r.end <= pos) continue; // inside a region already masked
        const from = Math.max(r.start, pos);
        const to = Math.min(r.end, le);
        s += text.slice(pos, from);
        at.set(r.start, s.length);
        const whole = r.start >= ls && r.end <= le && from === r.start;
        s += r.entity === undefined ? '[REDACTED]' : whole ? redactor.maskEntity(r.entity, text.slice(from, to), state) : `[${r.entity}]`;
        pos = to;
      }
      s += text.slice(pos, le);
      hit = { text: s, at };
      excerptCache.set(line, hit);
      if (excerptCache.size > 64) excerptCache.delete(excerptCache.keys().next().value!);
      return hit;
    };
    return found.map((f) => {
      const a = lineCol(starts, f.start);
      const b = lineCol(starts, f.end);
      const m = maskedLine(a.line);
      return { ...base(f), line: a.line, column: a.column, endLine: b.line, endColumn: b.column, excerpt: shorten(m.text, m.at.get(f.start) ?? 0, width) };
    });
  }

  const outStarts = lineStarts(redacted);
  // CSV drops blank lines: the output line of input line L is L minus the blank lines before it.
  let blanksBefore: number[] | undefined;
  if (format === 'csv') {
    blanksBefore = [0];
    let n = 0;
    for (let l = 1; l <= starts.length; l++) {
      blanksBefore.push(n);
      if (lineText(text, starts, l).length === 0) n++;
    }
  }
  const outLine = (line: number) => lineText(redacted, outStarts, line - (blanksBefore?.[line] ?? 0));

  // Place findings by scanning the raw text for the same entity: the k-th finding of an entity in a record
  // (or the document, for JSON) is taken to be the k-th raw detection of that entity there.
  const rawCache = new Map<number, Map<string, { start: number; end: number }[]>>();
  const detections = (key: number, s: string) => {
    let m = rawCache.get(key);
    if (!m) {
      m = new Map();
      for (const d of redactor.detect(s)) {
        const list = m.get(d.entity) ?? [];
        list.push({ start: d.start, end: d.end });
        m.set(d.entity, list);
      }
      rawCache.clear(); // only the current record is ever needed again (findings come in order)
      rawCache.set(key, m);
    }
    return m;
  };
  const ordinal = new Map<string, number>();
  let lastKey = -1;
  return found.map((f) => {
    const r = base(f);
    if (format === 'json') {
      const k = ordinal.get(f.entity) ?? 0;
      ordinal.set(f.entity, k + 1);
      const d = detections(0, text).get(f.entity)?.[k];
      if (d) {
        const a = lineCol(starts, d.start);
        const b = lineCol(starts, d.end);
        Object.assign(r, { line: a.line, column: a.column, endLine: b.line, endColumn: b.column });
        r.excerpt = shorten(outLine(a.line), a.column - 1, width);
      } else r.excerpt = `${f.path ?? ''}: [${f.entity}]`;
      return r;
    }
    const line = f.line ?? 1;
    if (line !== lastKey) {
      ordinal.clear();
      lastKey = line;
    }
    const k = ordinal.get(f.entity) ?? 0;
    ordinal.set(f.entity, k + 1);
    r.line = line;
    const raw = lineText(text, starts, line);
    const d = detections(line, raw).get(f.entity)?.[k];
    if (d) Object.assign(r, { column: d.start + 1, endLine: line, endColumn: d.end + 1 });
    r.excerpt = shorten(outLine(line), d ? d.start : 0, width);
    return r;
  });
}

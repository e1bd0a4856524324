import { Transform, type TransformCallback } from 'node:stream';
import type { ScanError } from '../detect/types.js';
import type { Redactor } from '../redactor.js';
import { Utf8ChunkDecoder, type InvalidUtf8Policy } from '../stream/utf8.js';
import { WholeCharacters } from '../stream/web-stream.js';

export type FormatName = 'text' | 'ndjson' | 'json' | 'csv';

export interface FormatOptions {
  /** What to do with bytes that are not UTF-8: substitute U+FFFD ('replace', default) or fail ('error'). */
  invalidUtf8?: InvalidUtf8Policy;
  /** Name used in error messages (a file name). */
  source?: string;
  /** Add explanations to the findings (text format). */
  explain?: boolean;
  /**
   * Largest single value held in memory, in bytes (default 16 MiB): a JSON string or member name (JSON,
   * NDJSON), an NDJSON line, a CSV record. A larger one fails with the format's error code (E_JSON, E_NDJSON,
   * E_CSV) naming the line, byte and pointer, instead of growing memory without bound.
   */
  maxValueBytes?: number;
}

/**
 * A finding in a formatted input. Offsets are UTF-16 code units: from the start of the stream for text, from
 * the start of the string for the structured formats, whose findings also say where the string was.
 */
export interface FormatFinding {
  ruleId: string;
  entity: string;
  start: number;
  end: number;
  confidence: number;
  /** JSON, NDJSON: JSON pointer (RFC 6901) of the string or number; "#key" ends it when the key itself held PII. */
  path?: string;
  /** NDJSON: line of the record (1-based). CSV: line where the record starts (1-based). */
  line?: number;
  /** CSV: record number (the header row is 0) and column (its header name, or its 0-based index without one). */
  record?: number;
  column?: string | number;
}

export interface FormatSummary {
  format: FormatName;
  findings: number;
  /** Findings per entity, e.g. { CREDIT_CARD: 3, EMAIL_ADDRESS: 2 }. */
  byEntity: Record<string, number>;
  /** Records processed (lines for NDJSON, rows for CSV without the header, top-level array elements for JSON). */
  records: number;
  /** Detector errors (their regions were masked: fail closed). */
  scanErrors: number;
}

/**
 * The base of every format: a Node Transform, bytes (or strings) in, UTF-8 bytes out. It decodes with the
 * stream decoder (split characters, BOM, invalid-UTF-8 policy), hands text to the format, encodes what comes
 * back without ever splitting a surrogate pair, and counts findings. Findings are 'finding' events.
 */
export abstract class FormatStream extends Transform {
  abstract readonly format: FormatName;
  protected readonly source: string;
  private readonly decoder: Utf8ChunkDecoder;
  private readonly whole = new WholeCharacters();
  private readonly counts = new Map<string, number>();
  private findingTotal = 0;
  protected recordCount = 0;
  readonly scanErrors: ScanError[] = [];

  constructor(
    protected readonly redactor: Redactor,
    protected readonly options: FormatOptions = {},
  ) {
    super({ highWaterMark: 65536, decodeStrings: false, readableObjectMode: false });
    this.source = options.source ?? 'input';
    this.decoder = new Utf8ChunkDecoder(options.invalidUtf8 ?? 'replace', this.source);
  }

  /** Takes decoded text; returns the output now decided. */
  protected abstract takeText(text: string): string;
  /** The input has ended: returns the rest of the output (or throws when the input was cut short). */
  protected abstract finishText(): string;

  override _transform(chunk: unknown, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.out(this.redactChunk(chunk as Uint8Array | string));
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.out(this.redactEnd());
      // Tokens handed out in this stream are durable in the vault before the stream ends.
      const tokens = this.redactor.tokens;
      if (tokens) tokens.flush().then(() => callback(), (err: Error) => callback(err));
      else callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  /**
   * What writing one chunk to the stream does, synchronously: returns the output now decided (whole
   * characters), for a caller that reads and writes the bytes itself (the bulk worker, which holds one file
   * per thread). Findings are still 'finding' events. Use either this or the stream side, not both.
   */
  redactChunk(chunk: Uint8Array | string): string {
    let text: string;
    if (typeof chunk === 'string') text = chunk;
    else if (chunk instanceof Uint8Array) text = this.decoder.decode(chunk);
    else throw new TypeError('caregate: a format stream takes bytes (Buffer/Uint8Array) or strings');
    return this.whole.take(this.takeText(text));
  }

  /** The input has ended: the rest of the output (throws, as the stream would, when the input was cut short). */
  redactEnd(): string {
    const tail = this.decoder.end();
    const last = tail ? this.whole.take(this.takeText(tail)) : '';
    return last + this.whole.take(this.finishText()) + this.whole.end();
  }

  private out(text: string): void {
    if (text) this.push(Buffer.from(text, 'utf8'));
  }

  protected found(f: FormatFinding): void {
    this.findingTotal++;
    this.counts.set(f.entity, (this.counts.get(f.entity) ?? 0) + 1);
    this.emit('finding', f);
  }

  protected scanError(e: ScanError): void {
    this.scanErrors.push(e);
    this.emit('scan-error', e);
  }

  summary(): FormatSummary {
    return {
      format: this.format,
      findings: this.findingTotal,
      byEntity: Object.fromEntries([...this.counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
      records: this.recordCount,
      scanErrors: this.scanErrors.length,
    };
  }
}

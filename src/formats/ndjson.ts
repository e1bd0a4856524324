import { CaregateError } from '../errors.js';
import type { Redactor } from '../redactor.js';
import { FormatStream, type FormatOptions } from './base.js';
import { DEFAULT_MAX_VALUE_BYTES, JsonRedactor, JsonSyntaxError, JsonValueTooLarge } from './json-redactor.js';
import { KeyHints, StringRedactor } from './key-hints.js';

/**
 * NDJSON / JSON Lines: each line is one JSON record, redacted as redactValue() redacts it (strings and
 * numbers scanned, keys scanned, key hints such as cvv and card_number masked whole, one mask state per
 * record) with the line's layout kept; blank lines and line endings (LF or CRLF) are kept. Lines are cut
 * across chunks; only the current line is held. A line that is not JSON fails with E_NDJSON naming its line
 * number, byte offset and the problem.
 */
export class NdjsonFormatStream extends FormatStream {
  readonly format = 'ndjson' as const;
  private readonly json: JsonRedactor;
  private pending: string[] = [];
  private pendingBytes = 0;
  private lineNo = 0;
  private lineByte = 0;
  private readonly maxLineBytes: number;

  constructor(redactor: Redactor, options: FormatOptions = {}) {
    super(redactor, options);
    const shared = { hints: new KeyHints(redactor), strings: new StringRedactor(redactor) };
    this.maxLineBytes = options.maxValueBytes ?? DEFAULT_MAX_VALUE_BYTES;
    this.json = new JsonRedactor(
      redactor,
      {
        onFinding: (f) => this.found({ ...f, line: this.lineNo }),
        onScanError: (e) => this.scanError(e),
      },
      shared,
      { maxValueBytes: this.maxLineBytes },
    );
  }

  protected takeText(text: string): string {
    const out: string[] = [];
    let from = 0;
    for (;;) {
      const nl = text.indexOf('\n', from);
      if (nl < 0) break;
      let line: string;
      if (this.pending.length) {
        this.hold(text.slice(from, nl));
        line = this.pending.join('');
        this.pending = [];
        this.pendingBytes = 0;
      } else {
        line = text.slice(from, nl);
        if (line.length * 3 > this.maxLineBytes && Buffer.byteLength(line, 'utf8') > this.maxLineBytes) this.tooLarge();
      }
      out.push(this.line(line), '\n');
      from = nl + 1;
    }
    if (from < text.length) this.hold(text.slice(from));
    return out.join('');
  }

  /** Keeps a piece of the current line; only that line is held, and it is refused once it outgrows the bound. */
  private hold(piece: string): void {
    this.pending.push(piece);
    // UTF-8 takes at least one byte per UTF-16 unit: the exact count is only needed near the bound.
    this.pendingBytes += piece.length * 3 > this.maxLineBytes - this.pendingBytes ? Buffer.byteLength(piece, 'utf8') : piece.length;
    if (this.pendingBytes > this.maxLineBytes) this.tooLarge();
  }

  private tooLarge(): never {
    this.pending = [];
    throw new CaregateError(
      'E_NDJSON',
      `${this.source} line ${this.lineNo + 1} (starting at byte ${this.lineByte}) is larger than the limit of ${this.maxLineBytes} bytes (maxValueBytes); raise maxValueBytes (--max-value-bytes on the command line) if such lines are expected`,
      { file: this.options.source, line: this.lineNo + 1, byte: this.lineByte },
    );
  }

  protected finishText(): string {
    if (!this.pending.length) return '';
    const line = this.pending.join('');
    this.pending = [];
    this.pendingBytes = 0;
    return line.length ? this.line(line) : '';
  }

  /** One line without its '\n' (a '\r' before it stays with it and is kept). */
  private line(text: string): string {
    this.lineNo++;
    const startByte = this.lineByte;
    this.lineByte += Buffer.byteLength(text, 'utf8') + 1;
    const cr = text.endsWith('\r');
    const body = cr ? text.slice(0, -1) : text;
    if (/^[ \t]*$/.test(body)) return text;
    this.recordCount++;
    this.json.reset();
    try {
      const out = this.json.feed(body) + this.json.end();
      return cr ? out + '\r' : out;
    } catch (err) {
      if (err instanceof JsonSyntaxError) {
        throw new CaregateError(
          'E_NDJSON',
          `${this.source} line ${this.lineNo} is not a JSON record: ${err.problem.replace('the document', 'the line').replace(' (one JSON value per document; several values one per line are NDJSON: --format ndjson)', ' (one JSON value per line)')} (column ${err.column}, byte ${startByte + err.byte})`,
          { file: this.options.source, line: this.lineNo, column: err.column, byte: startByte + err.byte },
        );
      }
      throw err;
    }
  }
}

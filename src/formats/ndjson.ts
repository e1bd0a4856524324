import { CaregateError } from '../errors.js';
import type { Redactor } from '../redactor.js';
import { FormatStream, type FormatOptions } from './base.js';
import { JsonRedactor, JsonSyntaxError } from './json-redactor.js';
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
  private lineNo = 0;
  private lineByte = 0;

  constructor(redactor: Redactor, options: FormatOptions = {}) {
    super(redactor, options);
    const shared = { hints: new KeyHints(redactor), strings: new StringRedactor(redactor) };
    this.json = new JsonRedactor(
      redactor,
      {
        onFinding: (f) => this.found({ ...f, line: this.lineNo }),
        onScanError: (e) => this.scanError(e),
      },
      shared,
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
        this.pending.push(text.slice(from, nl));
        line = this.pending.join('');
        this.pending = [];
      } else line = text.slice(from, nl);
      out.push(this.line(line), '\n');
      from = nl + 1;
    }
    if (from < text.length) this.pending.push(text.slice(from));
    return out.join('');
  }

  protected finishText(): string {
    if (!this.pending.length) return '';
    const line = this.pending.join('');
    this.pending = [];
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

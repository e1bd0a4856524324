import { Parser, type CsvError, type Info } from 'csv-parse';
import { CaregateError } from '../errors.js';
import { newMaskState } from '../mask/types.js';
import type { Redactor } from '../redactor.js';
import { FormatStream, type FormatOptions } from './base.js';
import { DEFAULT_MAX_VALUE_BYTES } from './json-redactor.js';
import { KeyHints, StringRedactor, type ScanOutput } from './key-hints.js';

export interface CsvFormatOptions extends FormatOptions {
  /** The first record names the columns (default true): its names are key hints, e.g. cvv, card_number. */
  header?: boolean;
  /** Field delimiter (default ','). */
  delimiter?: string;
}


/** The synchronous core of csv-parse's Parser (what its own sync API drives). */
interface CsvParseApi {
  parse(data: Buffer | undefined, end: boolean, push: (record: { record: string[]; raw: string; info: Info & { empty_lines: number } }) => void, close: () => void): CsvError | undefined;
}

/**
 * CSV read by csv-parse and written by the rules of csv-stringify: each cell is redacted as text, except that the cells of a column
 * whose header is a key hint (cvv, card_number, ssn, password…) are masked whole, as redactValue() masks values
 * under such keys; header names are scanned too. A field quoted in the input stays quoted in the output (and a
 * field that now needs quotes gets them); the record delimiter (LF or CRLF) and a missing final line end are
 * kept; blank lines are dropped. One mask state per record. Malformed CSV fails with E_CSV naming the line.
 */
export class CsvFormatStream extends FormatStream {
  readonly format = 'csv' as const;
  private readonly api: CsvParseApi;
  private readonly hints: KeyHints;
  private readonly strings: StringRedactor;
  private readonly header: boolean;
  private readonly delimiter: string;
  private columns: { name: string; entity: string | undefined }[] | undefined;
  private recordNo = 0;
  private lastLine = 0;
  private lastEmpty = 0;
  private eol: string | undefined;
  private lastChar = '';

  constructor(redactor: Redactor, options: CsvFormatOptions = {}) {
    super(redactor, options);
    this.header = options.header ?? true;
    this.delimiter = options.delimiter ?? ',';
    this.hints = new KeyHints(redactor);
    this.strings = new StringRedactor(redactor);
    const parser = new Parser({
      info: true,
      raw: true,
      delimiter: this.delimiter,
      skip_empty_lines: true,
      // One record is held at a time; a record larger than this is refused instead of held (maxValueBytes).
      max_record_size: options.maxValueBytes ?? DEFAULT_MAX_VALUE_BYTES,
    });
    this.api = (parser as unknown as { api: CsvParseApi }).api;
    if (typeof this.api?.parse !== 'function') throw new Error('caregate: this csv-parse version has no synchronous parser core (Parser.api.parse)');
  }

  protected takeText(text: string): string {
    if (!text) return '';
    if (this.eol === undefined) {
      const nl = text.indexOf('\n');
      if (nl >= 0) this.eol = (nl > 0 ? text[nl - 1] : this.lastChar) === '\r' ? '\r\n' : '\n';
    }
    this.lastChar = text[text.length - 1]!;
    return this.parse(Buffer.from(text, 'utf8'), false);
  }

  protected finishText(): string {
    const out = this.parse(undefined, true);
    const eol = this.eol ?? '\n';
    // The last record had no line end in the input: give it none in the output either.
    if (this.lastChar !== '\n' && out.endsWith(eol)) return out.slice(0, -eol.length);
    return out;
  }

  private parse(data: Buffer | undefined, end: boolean): string {
    const out: string[] = [];
    const err = this.api.parse(data, end, (r) => out.push(this.record(r.record, quotedFields(r.raw, this.delimiter, r.record.length), r.info)), () => undefined);
    if (err) throw this.csvError(err);
    return out.join('');
  }

  private record(fields: string[], quoted: boolean[], info: Info & { empty_lines: number }): string {
    const line = this.lastLine + 1 + (info.empty_lines - this.lastEmpty);
    this.lastLine = info.lines;
    this.lastEmpty = info.empty_lines;
    const state = newMaskState();
    const onError = (e: { ruleId: string; start: number; end: number; message: string }) => this.scanError(e);
    const recordNo = this.recordNo++;
    const cells: string[] = [];
    if (this.header && !this.columns) {
      this.columns = fields.map((f) => ({ name: f, entity: this.hints.entityOf(f) }));
      fields.forEach((f, i) => cells.push(this.report(this.strings.scan(f, state, onError), recordNo, line, i)));
    } else {
      this.recordCount++;
      fields.forEach((f, i) => {
        const entity = this.columns?.[i]?.entity;
        const r = entity && f.length ? this.strings.masked(f, { entity, key: this.columns![i]!.name }, state) : this.strings.scan(f, state, onError);
        cells.push(this.report(r, recordNo, line, this.columns?.[i]?.name ?? i));
      });
    }
    const eol = this.eol ?? '\n';
    let row = '';
    for (let i = 0; i < cells.length; i++) {
      if (i) row += this.delimiter;
      row += this.field(cells[i]!, quoted[i] ?? false);
    }
    return row + eol;
  }

  /**
   * A field as csv-stringify writes it (RFC 4180), and quoted whenever the input had it quoted: quotes when
   * it holds the delimiter, a quote, CR or LF, quotes inside doubled. (csv-stringify's per-field options cost
   * a normalize_options() call per quoted field, 30 µs a record: this is the same rule without that.)
   */
  private field(value: string, quoted: boolean): string {
    const needs = value.includes(this.delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r');
    if (!quoted && !needs) return value;
    return `"${value.includes('"') ? value.replace(/"/g, '""') : value}"`;
  }

  private report(r: ScanOutput, record: number, line: number, column: string | number): string {
    for (const f of r.findings) this.found({ ruleId: f.ruleId, entity: f.entity, start: f.start, end: f.end, confidence: f.confidence, record, line, column });
    return r.text;
  }

  private csvError(err: CsvError): CaregateError {
    const e = err as CsvError & { lines?: number; code?: string };
    const line = e.lines ?? this.lastLine + 1;
    let problem: string;
    const counts = /expect (\d+), got (\d+)/.exec(e.message);
    switch (e.code) {
      case 'CSV_QUOTE_NOT_CLOSED':
        problem = 'the input ends inside a quoted field (an opening \'"\' is never closed)';
        break;
      case 'CSV_INVALID_CLOSING_QUOTE':
        problem = 'a closing \'"\' is followed by something other than the delimiter or a line end (write "" for a quote inside a quoted field)';
        break;
      case 'INVALID_OPENING_QUOTE':
        problem = 'a \'"\' inside an unquoted field (quote the whole field and write the quote as "")';
        break;
      case 'CSV_MAX_RECORD_SIZE':
        problem = `a record larger than the limit of ${this.options.maxValueBytes ?? DEFAULT_MAX_VALUE_BYTES} bytes (maxValueBytes); raise maxValueBytes (--max-value-bytes on the command line) if such records are expected`;
        break;
      case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      case 'CSV_RECORD_INCONSISTENT_COLUMNS':
        problem = counts ? `the record has ${counts[2]} fields where the first record has ${counts[1]}` : 'the record has a different number of fields than the first record';
        break;
      default:
        // csv-parse's own words, without any quoted piece of the input.
        problem = e.message.replace(/"[^"]*"/g, '…');
    }
    const start = this.lastLine + 1 + ((e as { empty_lines?: number }).empty_lines ?? this.lastEmpty) - this.lastEmpty;
    if (start < line) problem += ` (in the record that starts at line ${start})`;
    return new CaregateError('E_CSV', `${this.source} is not valid CSV at line ${line}: ${problem}`, { file: this.options.source, line }, { cause: err });
  }
}

/**
 * Which fields of a record were quoted in the input, read off the record's raw text (csv-parse's cast hook
 * tells this too, but costs twice the whole parse).
 */
export function quotedFields(raw: string, delimiter: string, count: number): boolean[] {
  const out: boolean[] = [];
  let i = 0;
  while (i < raw.length && (raw[i] === '\n' || raw[i] === '\r')) i++; // blank lines skipped before the record
  for (let f = 0; f < count; f++) {
    if (raw[i] === '"') {
      out.push(true);
      i++;
      for (;;) {
        const q = raw.indexOf('"', i);
        if (q < 0) {
          i = raw.length;
          break;
        }
        if (raw[q + 1] === '"') i = q + 2;
        else {
          i = q + 1;
          break;
        }
      }
      const d = raw.indexOf(delimiter, i);
      i = d < 0 ? raw.length : d + delimiter.length;
    } else {
      out.push(false);
      const d = raw.indexOf(delimiter, i);
      i = d < 0 ? raw.length : d + delimiter.length;
    }
  }
  return out;
}

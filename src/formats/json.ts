import { CaregateError } from '../errors.js';
import type { Redactor } from '../redactor.js';
import { FormatStream, type FormatOptions } from './base.js';
import { JsonRedactor, JsonSyntaxError, JsonValueTooLarge } from './json-redactor.js';

/**
 * A whole JSON document, streamed: the layout is kept byte for byte, strings and numbers that hold PII are
 * replaced (redactValue semantics: keys scanned, key hints, one mask state per document), and output leaves as
 * input arrives, so a top-level array of any size goes through element by element. Malformed JSON fails with
 * E_JSON naming the line, column and byte.
 */
export class JsonFormatStream extends FormatStream {
  readonly format = 'json' as const;
  private readonly json: JsonRedactor;

  constructor(redactor: Redactor, options: FormatOptions = {}) {
    super(redactor, options);
    this.json = new JsonRedactor(redactor, {
      onFinding: (f) => this.found(f),
      onScanError: (e) => this.scanError(e),
      onRecord: () => this.recordCount++,
    }, undefined, { maxValueBytes: options.maxValueBytes });
  }

  protected takeText(text: string): string {
    return this.guard(() => this.json.feed(text));
  }

  protected finishText(): string {
    return this.guard(() => this.json.end());
  }

  private guard(fn: () => string): string {
    try {
      return fn();
    } catch (err) {
      if (err instanceof JsonValueTooLarge) {
        throw new CaregateError(
          'E_JSON',
          `${this.source}: ${err.problem} at line ${err.line}, column ${err.column} (byte ${err.byte}${err.pointer ? `, inside ${err.pointer}` : ''}); raise maxValueBytes (--max-value-bytes on the command line) if such values are expected`,
          { file: this.options.source, line: err.line, column: err.column, byte: err.byte, pointer: err.pointer },
        );
      }
      if (err instanceof JsonSyntaxError) {
        throw new CaregateError(
          'E_JSON',
          `${this.source} is not valid JSON at line ${err.line}, column ${err.column} (byte ${err.byte}${err.pointer ? `, inside ${err.pointer}` : ''}): ${err.problem}`,
          { file: this.options.source, line: err.line, column: err.column, byte: err.byte, pointer: err.pointer },
        );
      }
      throw err;
    }
  }
}

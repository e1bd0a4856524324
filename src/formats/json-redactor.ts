import { numberedName, type ValueFinding } from '../value.js';
import { newMaskState, type MaskState } from '../mask/types.js';
import type { Redactor } from '../redactor.js';
import { safePointerToken } from '../safe-output.js';
import { KeyHints, StringRedactor, type Hint, type ScanOutput } from './key-hints.js';

/** A JSON syntax problem, with its place in the document (line and column 1-based, byte 0-based). */
export class JsonSyntaxError extends Error {
  constructor(
    readonly problem: string,
    readonly line: number,
    readonly column: number,
    readonly byte: number,
    readonly pointer: string,
  ) {
    super(problem);
  }
}

/** A single string or number larger than the limit (maxValueBytes): refused rather than held in memory. */
export class JsonValueTooLarge extends JsonSyntaxError {
  constructor(
    readonly what: 'string' | 'key' | 'number',
    readonly limit: number,
    line: number,
    column: number,
    byte: number,
    pointer: string,
  ) {
    super(`a ${what === 'key' ? 'member name' : what} larger than the limit of ${limit} bytes (maxValueBytes)`, line, column, byte, pointer);
  }
}

/** Default bound on a single JSON string or number, and on an NDJSON line: 16 MiB. */
export const DEFAULT_MAX_VALUE_BYTES = 16 * 1024 * 1024;
// A JSON number has no use for more digits than this; it is carried across chunks whole, so it is kept short.
const MAX_NUMBER_CHARS = 4096;

/** A finding in a JSON document: the same record redactValue() reports (path is a JSON pointer). */
export type JsonValueFinding = ValueFinding;

export interface JsonRedactorHooks {
  onFinding(f: JsonValueFinding): void;
  onScanError(e: { ruleId: string; start: number; end: number; message: string }): void;
  /** Called when an element of the top-level array is complete (records of a JSON document). */
  onRecord?(): void;
}

const enum Exp {
  Value,
  ValueOrEnd,
  KeyOrEnd,
  Key,
  Colon,
  CommaOrEnd,
  Done,
}

const enum Tok {
  None,
  Str,
}

interface Frame {
  obj: boolean;
  /** Current key (object) as it is written to the output (redacted), for pointers. */
  key: string;
  /** Its pointer token (passed through the output gate), made when first needed. */
  token: string | undefined;
  /** Current index (array). */
  index: number;
  /** Hint every child inherits (the container's own). */
  hint: Hint | undefined;
  /** Hint of the current property's value (object): its key's, else the container's. */
  keyHint: Hint | undefined;
  /**
   * Member names of this object that masking changed or numbered: a later name equal to one of them is
   * numbered ("[EMAIL] (2)") so that no member is lost to a duplicate name. Only changed names are kept, so
   * memory follows what was masked, not the object's size.
   */
  maskedNames: Set<string> | undefined;
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const INT = /^-?\d+$/;
const HEX4 = /^[0-9a-fA-F]{4}$/;

function describeChar(c: string): string {
  const code = c.codePointAt(0)!;
  if (code >= 0x21 && code <= 0x7e && !/[A-Za-z0-9]/.test(c)) return `'${c}'`;
  if (/[0-9]/.test(c)) return 'digit';
  if (/[A-Za-z]/.test(c)) return 'letter';
  return `character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A streaming JSON redactor: text goes in by feed() in any pieces, and the document comes out as it goes,
 * with its layout kept byte for byte except the strings and numbers that held PII. Strings and numbers are
 * redacted as redactValue() does (keys scanned; a value under a hinting key such as cvv or card_number
 * masked whatever it holds, and so is everything below it; numbers that are PII become masked strings), with
 * one mask state per document. Nothing is built in memory but the current string or number and the stack of
 * open containers, so a huge top-level array goes through element by element.
 */
export class JsonRedactor {
  private readonly hints: KeyHints;
  private readonly strings: StringRedactor;
  private state: MaskState = newMaskState();
  private stack: Frame[] = [];
  private exp: Exp = Exp.Value;
  private tok: Tok = Tok.None;
  private isKey = false;
  private parts: string[] = [];
  private rawParts: string[] = [];
  private carry = '';
  private seenValue = false;
  // Position of the start of the current buffer in the document.
  private line = 1;
  private column = 1;
  private byte = 0;
  // Bytes of the current string token held so far (its raw text), and where it started.
  private tokenBytes = 0;
  private tokenAt = { line: 1, column: 1, byte: 0 };
  private readonly maxValueBytes: number;

  constructor(
    redactor: Redactor,
    private readonly hooks: JsonRedactorHooks,
    shared?: { hints: KeyHints; strings: StringRedactor },
    limits: { maxValueBytes?: number } = {},
  ) {
    this.hints = shared?.hints ?? new KeyHints(redactor);
    this.strings = shared?.strings ?? new StringRedactor(redactor);
    this.maxValueBytes = limits.maxValueBytes ?? DEFAULT_MAX_VALUE_BYTES;
  }

  /** Starts a new document (NDJSON: one per line). */
  reset(): void {
    this.state = newMaskState();
    this.stack = [];
    this.exp = Exp.Value;
    this.tok = Tok.None;
    this.parts = [];
    this.rawParts = [];
    this.carry = '';
    this.seenValue = false;
    this.line = 1;
    this.column = 1;
    this.byte = 0;
  }

  feed(chunk: string): string {
    return this.run(this.carry + chunk, false);
  }

  end(): string {
    return this.run(this.carry, true);
  }

  private run(buf: string, final: boolean): string {
    this.carry = '';
    const out: string[] = [];
    const n = buf.length;
    let i = 0;
    let copyFrom = 0;
    let stop = n; // where consumption ends (a token cut by the end of the buffer is carried over)

    if (this.tok === Tok.Str) {
      copyFrom = -1;
      const j = this.scanString(buf, 0, 0, final);
      if (j >= 0 && this.tokenBytes + j * 3 > this.maxValueBytes && this.tokenBytes + Buffer.byteLength(buf.slice(0, j), 'utf8') > this.maxValueBytes) this.tooLarge(this.tokenAt);
      if (j < 0) {
        stop = n - this.carry.length;
        return this.close(buf, stop, out, copyFrom, final);
      }
      out.push(this.completeString());
      i = copyFrom = j;
    }

    while (i < n) {
      const c = buf.charCodeAt(i);
      // Whitespace: copied as it is.
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        i++;
        continue;
      }
      switch (this.exp) {
        case Exp.Value:
        case Exp.ValueOrEnd: {
          if (c === 0x5d /* ] */ && this.exp === Exp.ValueOrEnd) {
            this.closeContainer();
            i++;
            continue;
          }
          if (c === 0x22 /* " */) {
            out.push(buf.slice(copyFrom, i));
            copyFrom = -1;
            const j = this.startString(buf, i, false, final);
            if (j < 0) {
              stop = n - this.carry.length;
              return this.close(buf, stop, out, copyFrom, final);
            }
            out.push(this.completeString());
            i = copyFrom = j;
            continue;
          }
          if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
            this.stack.push({ obj: c === 0x7b, key: '', token: undefined, index: 0, hint: this.valueHint(), keyHint: undefined, maskedNames: undefined });
            this.seenValue = true;
            this.exp = c === 0x7b ? Exp.KeyOrEnd : Exp.ValueOrEnd;
            i++;
            continue;
          }
          if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
            let j = i + 1;
            while (j < n) {
              const d = buf.charCodeAt(j);
              if ((d >= 0x30 && d <= 0x39) || d === 0x2e || d === 0x65 || d === 0x45 || d === 0x2b || d === 0x2d) j++;
              else break;
            }
            if (j - i > MAX_NUMBER_CHARS) {
              this.advance(buf, i);
              throw new JsonValueTooLarge('number', MAX_NUMBER_CHARS, this.line, this.column, this.byte, this.pointer());
            }
            if (j === n && !final) {
              this.carry = buf.slice(i);
              stop = i;
              return this.close(buf, stop, out, copyFrom, final);
            }
            const src = buf.slice(i, j);
            if (!NUMBER.test(src)) this.fail(buf, i, 'invalid number');
            out.push(buf.slice(copyFrom, i));
            out.push(this.number(src));
            i = copyFrom = j;
            this.afterValue();
            continue;
          }
          if (c >= 0x61 && c <= 0x7a) {
            let j = i + 1;
            while (j < n) {
              const d = buf.charCodeAt(j);
              if (d >= 0x61 && d <= 0x7a) j++;
              else break;
            }
            if (j - i > 5) this.fail(buf, i, 'unexpected word: expected a value (a string, number, object, array, true, false or null)');
            if (j === n && !final) {
              this.carry = buf.slice(i);
              stop = i;
              return this.close(buf, stop, out, copyFrom, final);
            }
            const word = buf.slice(i, j);
            if (word !== 'true' && word !== 'false' && word !== 'null') this.fail(buf, i, 'unexpected word: expected a value (a string, number, object, array, true, false or null)');
            this.seenValue = true;
            i = j;
            this.afterValue();
            continue;
          }
          this.fail(buf, i, `unexpected ${describeChar(String.fromCodePoint(buf.codePointAt(i)!))}: expected ${this.exp === Exp.ValueOrEnd ? "a value or ']'" : 'a value'}`);
          break;
        }
        case Exp.KeyOrEnd:
        case Exp.Key: {
          if (c === 0x7d /* } */ && this.exp === Exp.KeyOrEnd) {
            this.closeContainer();
            i++;
            continue;
          }
          if (c !== 0x22) {
            this.fail(buf, i, `unexpected ${describeChar(String.fromCodePoint(buf.codePointAt(i)!))}: expected a key (a string in double quotes)${this.exp === Exp.KeyOrEnd ? " or '}'" : ''}`);
          }
          out.push(buf.slice(copyFrom, i));
          copyFrom = -1;
          const j = this.startString(buf, i, true, final);
          if (j < 0) {
            stop = n - this.carry.length;
            return this.close(buf, stop, out, copyFrom, final);
          }
          out.push(this.completeString());
          i = copyFrom = j;
          continue;
        }
        case Exp.Colon:
          if (c !== 0x3a) this.fail(buf, i, `unexpected ${describeChar(String.fromCodePoint(buf.codePointAt(i)!))}: expected ':' after the key`);
          this.exp = Exp.Value;
          i++;
          continue;
        case Exp.CommaOrEnd: {
          const top = this.stack[this.stack.length - 1]!;
          if (c === 0x2c) {
            if (top.obj) this.exp = Exp.Key;
            else {
              top.index++;
              this.exp = Exp.Value;
            }
            i++;
            continue;
          }
          if ((c === 0x7d && top.obj) || (c === 0x5d && !top.obj)) {
            this.closeContainer();
            i++;
            continue;
          }
          this.fail(buf, i, `unexpected ${describeChar(String.fromCodePoint(buf.codePointAt(i)!))}: expected ${top.obj ? "',' or '}'" : "',' or ']'"}`);
          break;
        }
        case Exp.Done:
          this.fail(buf, i, `unexpected ${describeChar(String.fromCodePoint(buf.codePointAt(i)!))} after the end of the document (one JSON value per document; several values one per line are NDJSON: --format ndjson)`);
      }
    }
    return this.close(buf, stop, out, copyFrom, final);
  }

  /** Flushes the copied text, advances the position past the consumed part, and checks the end. */
  private close(buf: string, stop: number, out: string[], copyFrom: number, final: boolean): string {
    if (copyFrom >= 0 && copyFrom < stop) out.push(buf.slice(copyFrom, stop));
    this.advance(buf, stop);
    if (final) {
      if (this.tok === Tok.Str) this.failHere(this.isKey ? 'the document ends inside a key (unterminated string)' : 'the document ends inside a string (unterminated string)');
      if (!this.seenValue) this.failHere('the document is empty: expected a JSON value');
      if (this.stack.length) {
        const top = this.stack[this.stack.length - 1]!;
        this.failHere(`the document ends early: ${this.stack.length} unclosed ${top.obj ? "'{'" : "'['"}${this.stack.length > 1 ? ' (and outer containers)' : ''}`);
      }
      if (this.exp !== Exp.Done) this.failHere('the document ends early: expected a value');
    }
    return out.join('');
  }

  private advance(buf: string, upTo: number): void {
    if (upTo <= 0) return;
    const part = upTo === buf.length ? buf : buf.slice(0, upTo);
    this.byte += Buffer.byteLength(part, 'utf8');
    let nl = part.indexOf('\n');
    if (nl < 0) {
      this.column += part.length;
      return;
    }
    let last = nl;
    while (nl >= 0) {
      this.line++;
      last = nl;
      nl = part.indexOf('\n', nl + 1);
    }
    this.column = part.length - last;
  }

  /**
   * Scans string content from `from` (just after the opening quote, or 0 when continuing); `rawFrom` is where
   * this buffer's part of the raw token starts. Returns the index after the closing quote, or -1 when the
   * buffer ended first (an escape cut short is carried over).
   */
  /** A string (a key or a value) opens with the quote at i; reads it as far as the buffer goes. */
  private startString(buf: string, i: number, isKey: boolean, final: boolean): number {
    this.tok = Tok.Str;
    this.isKey = isKey;
    this.parts = [];
    this.rawParts = [];
    this.tokenBytes = 0;
    const j = this.scanString(buf, i + 1, i, final, () => this.positionOf(buf, i));
    // A whole string in one piece is bounded too (UTF-8 takes at least one byte per UTF-16 unit).
    if (j >= 0 && (j - i) * 3 > this.maxValueBytes && Buffer.byteLength(buf.slice(i, j), 'utf8') > this.maxValueBytes) this.tooLarge(this.positionOf(buf, i));
    return j;
  }

  private tooLarge(at: { line: number; column: number; byte: number }): never {
    throw new JsonValueTooLarge(this.isKey ? 'key' : 'string', this.maxValueBytes, at.line, at.column, at.byte, this.pointer());
  }

  /** The position of buf[i] (buf starts at the current position); only computed for a token cut by a chunk end. */
  private positionOf(buf: string, i: number): { line: number; column: number; byte: number } {
    const part = buf.slice(0, i);
    const nl = part.lastIndexOf('\n');
    let lines = 0;
    for (let k = part.indexOf('\n'); k >= 0; k = part.indexOf('\n', k + 1)) lines++;
    return { line: this.line + lines, column: nl < 0 ? this.column + part.length : part.length - nl, byte: this.byte + Buffer.byteLength(part, 'utf8') };
  }

  private scanString(buf: string, from: number, rawFrom: number, final: boolean, startedAt?: () => { line: number; column: number; byte: number }): number {
    const n = buf.length;
    let start = from;
    let i = from;
    while (i < n) {
      const c = buf.charCodeAt(i);
      if (c === 0x22) {
        if (i > start) this.parts.push(buf.slice(start, i));
        this.rawParts.push(buf.slice(rawFrom, i + 1));
        return i + 1;
      }
      if (c === 0x5c) {
        if (i > start) this.parts.push(buf.slice(start, i));
        if (i + 1 >= n || (buf.charCodeAt(i + 1) === 0x75 && i + 6 > n)) {
          if (final) this.fail(buf, i, 'the document ends inside a string escape');
          this.rawParts.push(buf.slice(rawFrom, i));
          this.carry = buf.slice(i);
          return -1;
        }
        const e = buf.charCodeAt(i + 1);
        let len = 2;
        switch (e) {
          case 0x22: this.parts.push('"'); break;
          case 0x5c: this.parts.push('\\'); break;
          case 0x2f: this.parts.push('/'); break;
          case 0x62: this.parts.push('\b'); break;
          case 0x66: this.parts.push('\f'); break;
          case 0x6e: this.parts.push('\n'); break;
          case 0x72: this.parts.push('\r'); break;
          case 0x74: this.parts.push('\t'); break;
          case 0x75: {
            const hex = buf.slice(i + 2, i + 6);
            if (!HEX4.test(hex)) this.fail(buf, i, 'invalid \\u escape in a string: expected four hex digits');
            this.parts.push(String.fromCharCode(parseInt(hex, 16)));
            len = 6;
            break;
          }
          default:
            this.fail(buf, i, `invalid escape in a string: ${describeChar(buf[i + 1]!)} after '\\'`);
        }
        i += len;
        start = i;
        continue;
      }
      if (c < 0x20) {
        this.fail(buf, i, c === 0x0a || c === 0x0d ? 'line break inside a string (unterminated string, or escape it as \\n)' : `control character ${describeChar(buf[i]!)} inside a string (escape it as \\u00${c.toString(16).padStart(2, '0')})`);
      }
      i++;
    }
    if (i > start) this.parts.push(buf.slice(start, i));
    const rest = buf.slice(rawFrom, n);
    this.rawParts.push(rest);
    // The token goes on into the next chunk: what it holds so far is counted against the bound.
    if (startedAt) this.tokenAt = startedAt();
    this.tokenBytes += Buffer.byteLength(rest, 'utf8');
    if (this.tokenBytes > this.maxValueBytes) this.tooLarge(this.tokenAt);
    return -1;
  }

  /** The string token is complete: redact it (key or value) and give its output text. */
  private completeString(): string {
    this.tok = Tok.None;
    const value = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    const raw = this.rawParts.length === 1 ? this.rawParts[0]! : this.rawParts.join('');
    this.parts = [];
    this.rawParts = [];
    if (this.isKey) {
      const top = this.stack[this.stack.length - 1]!;
      const entity = this.hints.entityOf(value);
      top.keyHint = entity ? { entity, key: value } : top.hint;
      this.exp = Exp.Colon;
      const r = this.strings.scan(value, this.state, (e) => this.hooks.onScanError(e));
      let name = r.text;
      if (name !== value || top.maskedNames?.has(name)) {
        const taken = (top.maskedNames ??= new Set());
        name = numberedName(name, (candidate) => taken.has(candidate));
        taken.add(name);
      }
      // Pointers name the member as it is written out: redacted (numbered if it collided), then passed
      // through the output gate. The name's findings keep their offsets: a number is only appended.
      top.key = name;
      top.token = undefined;
      this.report(r, () => `${this.pointer()}#key`);
      return name === value ? raw : JSON.stringify(name);
    }
    this.seenValue = true;
    const hint = this.valueHint();
    const r = hint && value.length ? this.strings.masked(value, hint, this.state) : this.strings.scan(value, this.state, (e) => this.hooks.onScanError(e));
    this.report(r, () => this.pointer());
    this.afterValue();
    return r.text === value ? raw : JSON.stringify(r.text);
  }

  /** A number, as redactValue treats it: masked whole under a hint, else its digits scanned. */
  private number(src: string): string {
    this.seenValue = true;
    const hint = this.valueHint();
    const v = Number(src);
    if (hint) {
      const r = this.strings.masked(INT.test(src) ? src : String(v), hint, this.state);
      this.report(r, () => this.pointer());
      return JSON.stringify(r.text);
    }
    if (!Number.isFinite(v)) return src;
    const s = INT.test(src) ? (/^-0+$/.test(src) ? '0' : src.replace(/^(-?)0+(?=\d)/, '$1')) : Number.isInteger(v) ? BigInt(v).toString() : String(v);
    const r = this.strings.scan(s, this.state, (e) => this.hooks.onScanError(e));
    if (r.findings.length === 0) return src;
    this.report(r, () => this.pointer());
    return JSON.stringify(r.text);
  }

  private report(r: ScanOutput, path: () => string): void {
    if (r.findings.length === 0) return;
    const p = path();
    for (const f of r.findings) this.hooks.onFinding({ path: p, ruleId: f.ruleId, entity: f.entity, start: f.start, end: f.end, confidence: f.confidence });
  }

  private valueHint(): Hint | undefined {
    const top = this.stack[this.stack.length - 1];
    if (!top) return undefined;
    return top.obj ? top.keyHint : top.hint;
  }

  private afterValue(): void {
    if (this.stack.length === 0) {
      this.exp = Exp.Done;
      return;
    }
    this.exp = Exp.CommaOrEnd;
    if (this.stack.length === 1 && !this.stack[0]!.obj) this.hooks.onRecord?.();
  }

  private closeContainer(): void {
    this.stack.pop();
    this.afterValue();
  }

  /** JSON pointer of the current value, from the redacted member names (no raw value in any pointer). */
  private pointer(): string {
    let p = '';
    for (const f of this.stack) p += '/' + (f.obj ? (f.token ??= safePointerToken(f.key)) : String(f.index));
    return p;
  }

  private fail(buf: string, at: number, problem: string): never {
    this.advance(buf, at);
    this.failHere(problem);
  }

  private failHere(problem: string): never {
    throw new JsonSyntaxError(problem, this.line, this.column, this.byte, this.pointer());
  }
}

import { EventEmitter } from 'node:events';
import type { Redactor } from '../index.js';
import { LogLineScrubber } from './log-line-scrubber.js';
import type { PinoRedactionOptions } from './pino-options.js';
import { toRedactor } from './redactor-source.js';

/** What the wrapped destination needs: pino.destination(), a fs/net stream, process.stdout, or your own. */
export interface DestinationLike {
  write(chunk: string): unknown;
  flushSync?(): void;
  flush?(cb?: (err?: Error | null) => void): void;
  end?(): void;
  on?(event: string, listener: (...args: unknown[]) => void): unknown;
}

export interface RedactingDestinationOptions extends PinoRedactionOptions {
  /**
   * Longest line held back while waiting for its newline, in UTF-16 units (default 1 MiB). A longer
   * line is redacted as text as it arrives, so memory stays bounded whatever a process writes.
   */
  maxLineLength?: number;
}

/**
 * A destination stream that scrubs lines already serialized, then hands them to another destination:
 * `pino(opts, createRedactingDestination(pino.destination({ dest: 1, sync: true })))`, or any writer of
 * newline-delimited JSON whose logger you do not control. Each line is parsed and redacted with
 * redactValue; a line that is not JSON is redacted as text. Writes go through synchronously, so a
 * synchronous inner destination keeps pino's synchronous guarantees (flushSync is forwarded).
 */
export class RedactingDestination extends EventEmitter {
  private readonly scrubber: LogLineScrubber;
  private readonly redactor: Redactor;
  private readonly maxLineLength: number;
  private readonly decoder = new TextDecoder('utf-8');
  /** pino(destination) with no options recognises a stream by this flag; false once ended. */
  writable = true;
  private pending = '';
  /** Set while an over-long line is being redacted as text, until its newline arrives. */
  private longLine: ReturnType<Redactor['session']> | undefined;

  constructor(
    private readonly inner: DestinationLike,
    private readonly options: RedactingDestinationOptions = {},
  ) {
    super();
    if (!inner || typeof inner.write !== 'function') {
      throw new TypeError('caregate: createRedactingDestination(inner) needs a destination with a write() method, e.g. pino.destination(1)');
    }
    this.redactor = toRedactor(options.redactor);
    this.scrubber = new LogLineScrubber(this.redactor, options.trustedNumbers);
    this.maxLineLength = options.maxLineLength ?? 1 << 20;
    for (const event of ['drain', 'error', 'close', 'finish', 'ready']) inner.on?.(event, (...args) => this.emit(event, ...args));
  }

  write(chunk: string | Uint8Array): boolean {
    const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    let out = '';
    let from = 0;
    for (let nl = text.indexOf('\n', from); nl !== -1; nl = text.indexOf('\n', from)) {
      const piece = text.slice(from, nl);
      if (this.longLine) out += this.continueLongLine(piece, true) + '\n';
      else {
        // Re-serialized lines would lose a CRLF's \r; keep the ending the writer chose.
        const line = this.pending + piece;
        this.pending = '';
        out += line.endsWith('\r') ? `${this.scrubLine(line.slice(0, -1))}\r\n` : `${this.scrubLine(line)}\n`;
      }
      from = nl + 1;
    }
    const rest = text.slice(from);
    if (rest) {
      if (this.longLine) out += this.continueLongLine(rest, false);
      else {
        this.pending += rest;
        if (this.pending.length > this.maxLineLength) {
          this.longLine = this.redactor.session();
          out += this.continueLongLine(this.pending, false);
          this.pending = '';
        }
      }
    }
    return out ? this.inner.write(out) !== false : true;
  }

  flushSync(): void {
    this.inner.flushSync?.();
  }

  flush(cb?: (err?: Error | null) => void): void {
    if (this.inner.flush) this.inner.flush(cb);
    else cb?.();
  }

  /** Writes a last line that had no newline, then ends the inner destination. */
  end(): void {
    let out = '';
    const tail = this.decoder.decode();
    if (this.longLine) out += this.continueLongLine(tail, true);
    else if (this.pending || tail) out += this.scrubLine(this.pending + tail);
    this.pending = '';
    this.writable = false;
    if (out) this.inner.write(out);
    this.inner.end?.();
  }

  private scrubLine(line: string): string {
    const r = this.scrubber.scrub(line);
    if (this.options.onRedaction && (r.findings.length || r.errors.length || r.withheld)) {
      this.options.onRedaction({ findings: r.findings, errors: r.errors, withheld: r.withheld });
    }
    return r.line;
  }

  private continueLongLine(text: string, last: boolean): string {
    const session = this.longLine!;
    const a = session.push(text);
    let out = a.text;
    const findings = [...a.findings];
    const errors = [...a.errors];
    if (last) {
      const b = session.finish();
      out += b.text;
      findings.push(...b.findings);
      errors.push(...b.errors);
      this.longLine = undefined;
    }
    if (this.options.onRedaction && (findings.length || errors.length)) {
      this.options.onRedaction({ findings: findings.map((f) => ({ path: '', ...f })), errors, withheld: false });
    }
    return out;
  }
}

export function createRedactingDestination(inner: DestinationLike, options?: RedactingDestinationOptions): RedactingDestination {
  return new RedactingDestination(inner, options);
}

import type { Finding, ScanError } from '../detect/types.js';
import type { Redactor } from '../redactor.js';
import { Utf8ChunkDecoder, type InvalidUtf8Policy } from './utf8.js';

export interface RedactWebStreamOptions {
  /** What to do with bytes that are not UTF-8: substitute U+FFFD ('replace', default) or fail ('error'). */
  invalidUtf8?: InvalidUtf8Policy;
  /** Name used in error messages (a file name). */
  source?: string;
  /** Add explanations to the findings. */
  explain?: boolean;
  /** Called once per finding, in order, with offsets (UTF-16 code units) from the start of the stream. */
  onFinding?: (finding: Finding) => void;
  /** Called for each detector error (the region it looked at was masked: fail closed). */
  onScanError?: (error: ScanError) => void;
  /** Queuing strategy of the writable side (default: the platform's, one chunk). */
  writableStrategy?: QueuingStrategy<string | Uint8Array>;
  /** Queuing strategy of the readable side (default: the platform's). */
  readableStrategy?: QueuingStrategy<string | Uint8Array>;
}

/**
 * A Web TransformStream over the redaction session: strings or bytes in, redacted text out (UTF-8 bytes when
 * fed bytes, strings when fed strings; the first chunk decides). It decodes and encodes by itself rather than
 * chaining TextDecoderStream/TextEncoderStream, which cost several times the redaction in Node 20.
 * The output for any chunking is exactly redactor.redact() of the whole input.
 */
export class RedactWebStream extends TransformStream<string | Uint8Array, string | Uint8Array> {
  private readonly stats: { findingCount: number; errors: ScanError[] };

  constructor(redactor: Redactor, options: RedactWebStreamOptions = {}) {
    const stats = { findingCount: 0, errors: [] as ScanError[] };
    const session = redactor.session({ explain: options.explain ?? false });
    let decoder: Utf8ChunkDecoder | undefined;
    let bytesOut: boolean | undefined;
    const whole = new WholeCharacters();
    const forward = (out: { text: string; findings: Finding[]; errors: ScanError[] }, controller: TransformStreamDefaultController<string | Uint8Array>) => {
      for (const f of out.findings) {
        stats.findingCount++;
        options.onFinding?.(f);
      }
      for (const e of out.errors) {
        stats.errors.push(e);
        options.onScanError?.(e);
      }
      const text = whole.take(out.text);
      if (text) controller.enqueue(bytesOut ? Buffer.from(text, 'utf8') : text);
    };
    super(
      {
        transform(chunk, controller) {
          let text: string;
          if (typeof chunk === 'string') {
            bytesOut ??= false;
            text = chunk;
          } else if (chunk instanceof Uint8Array) {
            bytesOut ??= true;
            decoder ??= new Utf8ChunkDecoder(options.invalidUtf8 ?? 'replace', options.source);
            text = decoder.decode(chunk);
          } else {
            throw new TypeError('caregate: the redaction stream takes strings or bytes (Uint8Array)');
          }
          forward(session.push(text), controller);
        },
        flush(controller) {
          if (decoder) {
            const tail = decoder.end();
            if (tail) forward(session.push(tail), controller);
          }
          forward(session.finish(), controller);
          const rest = whole.end();
          if (rest) controller.enqueue(bytesOut ? Buffer.from(rest, 'utf8') : rest);
          // Tokens handed out in this stream are durable in the vault before the stream ends.
          return redactor.tokens?.flush();
        },
      },
      options.writableStrategy,
      options.readableStrategy,
    );
    this.stats = stats;
  }

  /** Findings so far. */
  get findingCount(): number {
    return this.stats.findingCount;
  }

  /** Detector errors so far (each region was masked). */
  get errors(): readonly ScanError[] {
    return this.stats.errors;
  }
}

export function createRedactWebStream(redactor: Redactor, options?: RedactWebStreamOptions): RedactWebStream {
  return new RedactWebStream(redactor, options);
}

/**
 * Keeps a high surrogate that ends a piece of output until the next piece, so that no emitted chunk splits a
 * surrogate pair: the session may end a step between the two halves, and encoding such a chunk on its own
 * would turn each half into U+FFFD. A lone surrogate still alone at the end is passed on as it is.
 */
export class WholeCharacters {
  private held = '';

  take(text: string): string {
    if (this.held) {
      text = this.held + text;
      this.held = '';
    }
    const n = text.length;
    if (n > 0 && (text.charCodeAt(n - 1) & 0xfc00) === 0xd800) {
      this.held = text[n - 1]!;
      return text.slice(0, n - 1);
    }
    return text;
  }

  end(): string {
    const rest = this.held;
    this.held = '';
    return rest;
  }
}

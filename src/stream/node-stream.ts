import { Transform, type TransformCallback } from 'node:stream';
import type { Finding, ScanError } from '../detect/types.js';
import type { Redactor } from '../redactor.js';
import { Utf8ChunkDecoder, type InvalidUtf8Policy } from './utf8.js';

export interface RedactStreamOptions {
  /** What to do with bytes that are not UTF-8: substitute U+FFFD ('replace', default) or fail ('error'). */
  invalidUtf8?: InvalidUtf8Policy;
  /** Name used in error messages (a file name). */
  source?: string;
  /** Add explanations to the 'finding' events. */
  explain?: boolean;
}

/**
 * A Node Transform over the redaction session: strings or bytes in, redacted text out (UTF-8 bytes when fed
 * bytes). Each finding is emitted as a 'finding' event with offsets from the start of the stream.
 * _transform is synchronous, so backpressure is Node's own; the session holds back at most its bounded
 * carry (see README "Streaming and memory").
 */
export class RedactStream extends Transform {
  private readonly session;
  private decoder: Utf8ChunkDecoder | undefined;
  private bytesOut: boolean | undefined;
  readonly errors: ScanError[] = [];
  findingCount = 0;

  constructor(private readonly redactor: Redactor, private readonly options: RedactStreamOptions = {}) {
    super({ highWaterMark: 65536, decodeStrings: false, readableObjectMode: false });
    this.session = redactor.session({ explain: options.explain ?? false });
  }

  override _transform(chunk: unknown, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      let text: string;
      if (typeof chunk === 'string') {
        this.bytesOut ??= false;
        text = chunk;
      } else if (chunk instanceof Uint8Array) {
        this.bytesOut ??= true;
        this.decoder ??= new Utf8ChunkDecoder(this.options.invalidUtf8 ?? 'replace', this.options.source);
        text = this.decoder.decode(chunk);
      } else {
        throw new TypeError('caregate: the redaction stream takes strings or bytes (Buffer/Uint8Array)');
      }
      this.forward(this.session.push(text));
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      if (this.decoder) {
        const tail = this.decoder.end();
        if (tail) this.forward(this.session.push(tail));
      }
      this.forward(this.session.finish());
      // Tokens handed out in this stream are durable in the vault before the stream ends.
      const tokens = this.redactor.tokens;
      if (tokens) tokens.flush().then(() => callback(), (err: Error) => callback(err));
      else callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  private forward(out: { text: string; findings: Finding[]; errors: ScanError[] }): void {
    for (const f of out.findings) {
      this.findingCount++;
      this.emit('finding', f);
    }
    for (const e of out.errors) {
      this.errors.push(e);
      this.emit('scan-error', e);
    }
    if (out.text) this.push(this.bytesOut ? Buffer.from(out.text, 'utf8') : out.text);
  }
}

export function createRedactStream(redactor: Redactor, options?: RedactStreamOptions): RedactStream {
  return new RedactStream(redactor, options);
}

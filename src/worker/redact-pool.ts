import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { RedactorConfig } from '../config.js';
import type { FormatName } from '../formats/index.js';
import type { RedactedPayload } from './process-message.js';
import type { ThreadTask } from './redact-thread.js';

/**
 * Worker threads for messages large enough that redacting them on the event loop would stall the pulls,
 * publishes and acks of all the others (a 1 MB transcript takes tens of milliseconds). Small messages stay
 * on the event loop: handing them to a thread costs more than redacting them.
 */
export class RedactPool {
  private pool: Piscina<ThreadTask, RedactedPayload> | undefined;

  constructor(
    private readonly threads: number,
    private readonly config: RedactorConfig,
    private readonly invalidUtf8: 'replace' | 'error',
  ) {}

  /** The compiled thread module (worker threads load plain JavaScript, also when this runs from sources). */
  static file(): string {
    if (import.meta.url.endsWith('.ts')) return fileURLToPath(new URL('../../dist/worker/redact-thread.js', import.meta.url));
    return fileURLToPath(new URL('./redact-thread.js', import.meta.url));
  }

  redact(format: FormatName, payload: Uint8Array): Promise<RedactedPayload> {
    this.pool ??= new Piscina<ThreadTask, RedactedPayload>({ filename: RedactPool.file(), minThreads: 0, maxThreads: this.threads, idleTimeout: 30_000 });
    // A copy the thread may own: the message's buffer belongs to the NATS client.
    const copy = new Uint8Array(payload);
    return this.pool.run({ config: this.config, format, payload: copy, invalidUtf8: this.invalidUtf8 }, { transferList: [copy.buffer] });
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}

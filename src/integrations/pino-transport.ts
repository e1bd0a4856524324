/**
 * A pino transport target (runs in pino's worker thread): scrubs each line, then writes it to a file or
 * file descriptor. Load it by its compiled path, which `pinoTransportTarget` gives:
 *
 *   pino({ transport: { target: pinoTransportTarget, options: { destination: 1, redactor: { aggressive: true } } } })
 *
 * Options cross a thread boundary, so they must be plain data (redactor *options*, not a redactor).
 */
import { once } from 'node:events';
import pino from 'pino';
import build from 'pino-abstract-transport';
import type { RedactorConfig } from '../index.js';
import { RedactingDestination } from './pino-destination.js';

export interface CaregateTransportOptions {
  /** File path or file descriptor to write scrubbed lines to (default 1, stdout). */
  destination?: string | number;
  /** Create the file's directory if missing. */
  mkdir?: boolean;
  /** Append to the file (default true). */
  append?: boolean;
  /** Options for createRedactor() in the worker. */
  redactor?: RedactorConfig;
  /** See RedactingDestinationOptions.maxLineLength. */
  maxLineLength?: number;
  /** See PinoRedactionOptions.trustedNumbers. */
  trustedNumbers?: string[];
}

export default async function caregateTransport(options: CaregateTransportOptions = {}) {
  const sink = pino.destination({ dest: options.destination ?? 1, sync: false, mkdir: options.mkdir ?? false, append: options.append ?? true });
  await once(sink, 'ready');
  const destination = new RedactingDestination(sink, {
    ...(options.redactor ? { redactor: options.redactor } : {}),
    ...(options.maxLineLength ? { maxLineLength: options.maxLineLength } : {}),
    ...(options.trustedNumbers ? { trustedNumbers: options.trustedNumbers } : {}),
  });
  return build(
    async (source) => {
      for await (const line of source as AsyncIterable<string>) {
        if (!destination.write(`${line}\n`)) await once(sink, 'drain');
      }
    },
    {
      parse: 'lines',
      // Keep every line as text: the default would JSON.parse each one only to drop lines that are not JSON.
      parseLine: (line) => line,
      metadata: false,
      async close() {
        destination.end();
        await once(sink, 'close');
      },
    },
  );
}

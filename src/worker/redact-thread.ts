import type { FormatName } from '../formats/index.js';
import type { RedactorConfig } from '../config.js';
import { createRedactor, type Redactor } from '../redactor.js';
import { redactPayload, type RedactedPayload } from './process-message.js';

/** One large message for a worker thread: the payload is transferred, not copied. */
export interface ThreadTask {
  config: RedactorConfig;
  format: FormatName;
  payload: Uint8Array;
  invalidUtf8: 'replace' | 'error';
}

// One redactor per thread, built on its first task (a worker serves one configuration).
let redactor: Redactor | undefined;

export default async function redactInThread(t: ThreadTask): Promise<RedactedPayload> {
  redactor ??= createRedactor(t.config);
  return redactPayload(redactor, t.format, t.payload, t.invalidUtf8);
}

/**
 * Piscina worker for `npm run bench:throughput`'s "caregate, worker pool of 2": redacts the documents it is
 * given (strings of about 64 KB, copied to the worker) and returns the redacted text. Separate from the
 * CLI's own pool (`caregate redact --concurrency`).
 */
import { createRedactor } from 'caregate';

const redactor = createRedactor();

export default function redactDoc(doc: string): string {
  return redactor.redact(doc).text;
}

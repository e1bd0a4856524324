// @ts-check
/**
 * Piscina worker for `npm run bench:throughput`'s "caregate, worker pool of 2": redacts the documents it is
 * given (strings of about 64 KB, copied to the worker) and returns the redacted text. Separate from the
 * CLI's own pool (`caregate redact --concurrency`). Plain JavaScript: worker threads under Node 20 do not
 * get tsx's loader hooks, and this file only imports the compiled package.
 */
import { createRedactor } from 'caregate';

const redactor = createRedactor();

/** @param {string} doc */
export default function redactDoc(doc) {
  return redactor.redact(doc).text;
}

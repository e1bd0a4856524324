// The redactor module, not the package index: the index also loads verification, the request register and
// upload inspection (pdfjs), which a pino worker thread or a log hook has no use for.
import type { RedactorConfig } from '../config.js';
import { createRedactor, type Redactor } from '../redactor.js';

/** A ready redactor, or the options to build one (validated by createRedactor). */
export type RedactorSource = Redactor | RedactorConfig;

function isRedactor(source: RedactorSource): source is Redactor {
  return typeof (source as Partial<Redactor>).redactValue === 'function' && typeof (source as Partial<Redactor>).session === 'function';
}

/** Integrations take either; building one per call is the caller's choice, not ours. */
export function toRedactor(source: RedactorSource | undefined): Redactor {
  if (source === undefined) return createRedactor();
  return isRedactor(source) ? source : createRedactor(source);
}

import { PrivacyError } from './errors.js';

/** What the register needs from a redactor: text in, masked text out (findings are used when present). */
export interface TextRedactor {
  redact(text: string): { text: string };
}

/**
 * caregate's default redactor, `createRedactor()` from ../redactor.js, imported on first use so that
 * read-only work (list, show, verify) does not load the detection engine.
 */
export async function loadDefaultRedactor(): Promise<TextRedactor> {
  try {
    const { createRedactor } = await import('../redactor.js');
    return createRedactor();
  } catch (err) {
    throw new PrivacyError('DSAR_CONFIG', "caregate's default redactor could not be created; pass options.redactor to the request register", {}, { cause: err });
  }
}

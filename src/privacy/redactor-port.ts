import { PrivacyError } from './errors.js';

/** What the register needs from a redactor: text in, masked text out. */
export interface TextRedactor {
  redact(text: string): { text: string };
}

// A variable specifier keeps the type checker from resolving the module: the redactor lives in another
// area of the package and the register only needs the method above.
const DEFAULT_REDACTOR_MODULE = '../redactor.js';

/** Loads caregate's default redactor (`createRedactor()` from src/redactor.ts) on first use. */
export async function loadDefaultRedactor(): Promise<TextRedactor> {
  let mod: { createRedactor?: (config?: unknown) => unknown };
  try {
    mod = (await import(DEFAULT_REDACTOR_MODULE)) as typeof mod;
  } catch (err) {
    throw new PrivacyError(
      'DSAR_CONFIG',
      "the default redactor (createRedactor from caregate's redactor module) could not be loaded; pass options.redactor to the request register",
      {},
      { cause: err },
    );
  }
  const redactor = typeof mod.createRedactor === 'function' ? mod.createRedactor() : undefined;
  if (!redactor || typeof (redactor as TextRedactor).redact !== 'function') {
    throw new PrivacyError('DSAR_CONFIG', 'the redactor module has no createRedactor() returning { redact(text) }; pass options.redactor to the request register');
  }
  return redactor as TextRedactor;
}

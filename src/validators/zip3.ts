import { readFileSync } from 'node:fs';
import type { Validator } from './types.js';

/** The restricted three-digit ZIP areas (≤ 20,000 people) shipped as data with their Census source. */
export const RESTRICTED_ZIP3_FILE = new URL('../../rules/hipaa/restricted-zip3.json', import.meta.url);

let restricted: ReadonlySet<string> | undefined;

export function restrictedZip3(): ReadonlySet<string> {
  restricted ??= new Set((JSON.parse(readFileSync(RESTRICTED_ZIP3_FILE, 'utf8')) as { zip3: string[] }).zip3);
  return restricted;
}

/** A US ZIP (or ZIP+4) whose first three digits form a restricted area: Safe Harbor hides the whole ZIP. */
export const zip3Restricted: Validator = ({ digits }) => (digits.length === 5 || digits.length === 9) && restrictedZip3().has(digits.slice(0, 3));

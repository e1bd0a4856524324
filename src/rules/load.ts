import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { CaregateError } from '../errors.js';
import { loadPackValidator } from './pack-validator.js';
import type { RulePack } from './types.js';

/** The folder of shipped rule packs (src/rules/ and dist/rules/ both sit two levels under the package). */
export const RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

/** Shipped packs, in the order they are loaded by default. */
export const DEFAULT_PACKS: readonly string[] = ['pci', 'pii-core', 'pii-us', 'pii-eu', 'pii-names'];

let validatePack: ValidateFunction | undefined;

function packValidator(): ValidateFunction {
  validatePack ??= loadPackValidator();
  return validatePack;
}

/** The most telling schema error: the deepest one, skipping the oneOf summaries ajv adds. */
function pickError(errors: ErrorObject[]): ErrorObject {
  const specific = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if');
  const pool = specific.length ? specific : errors;
  return pool.reduce((a, b) => (b.instancePath.length > a.instancePath.length ? b : a));
}

function explain(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return `unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === 'enum') return `${e.message}: ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  if (e.keyword === 'const') return `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
  return e.message ?? 'is invalid';
}

/** Validates a parsed pack against rules/schema.json; throws naming the file, the JSON pointer and the reason. */
export function validatePackShape(data: unknown, file: string): RulePack {
  const validate = packValidator();
  if (!validate(data)) {
    const e = pickError(validate.errors ?? []);
    const pointer = e.instancePath || '/';
    throw new CaregateError('E_RULE_PACK', `invalid rule pack ${file} at ${pointer}: ${explain(e)}`, { file, pointer });
  }
  return data as RulePack;
}

/** Reads and validates a pack from a JSON file. */
export function loadPackFile(path: string): RulePack {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CaregateError('E_RULE_PACK_READ', `cannot read rule pack ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file: path });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const offset = jsonErrorOffset(text);
    const byte = Buffer.byteLength(text.slice(0, offset));
    const line = text.slice(0, offset).split('\n').length;
    throw new CaregateError(
      'E_RULE_PACK_JSON',
      `rule pack ${path}${line ? ` line ${line}` : ''} is not valid JSON: ${(err as Error).message}`,
      { file: path, line, byte },
    );
  }
  return validatePackShape(data, path);
}

/** The shipped packs by name (pci, pii-core, pii-us, pii-eu). */
export function loadShippedPack(name: string): RulePack {
  return loadPackFile(`${RULES_DIR}${name}.json`);
}

export function shippedPackNames(): string[] {
  return readdirSync(RULES_DIR)
    .filter((f) => f.endsWith('.json') && f !== 'schema.json' && !f.includes('policy') && !f.includes('deadlines'))
    .map((f) => f.slice(0, -5))
    .filter((n) => {
      try {
        const data = JSON.parse(readFileSync(`${RULES_DIR}${n}.json`, 'utf8')) as { rules?: unknown };
        return Array.isArray(data.rules);
      } catch {
        return false;
      }
    });
}

/**
 * Where JSON text stops being valid: the shortest prefix that fails for another reason than ending early.
 * (V8's messages in Node 20 do not always give a position.) A binary search over prefixes, since any
 * extension of an invalid prefix is invalid too.
 */
export function jsonErrorOffset(text: string): number {
  const validPrefix = (k: number) => {
    try {
      JSON.parse(text.slice(0, k));
      return true;
    } catch (e) {
      // Failing only because the text stops (at its end) means the prefix itself is fine so far.
      const message = (e as Error).message;
      const at = /at position (\d+)/.exec(message);
      return /end of JSON input/.test(message) || (at !== null && Number(at[1]) >= k);
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (validPrefix(mid)) lo = mid;
    else hi = mid - 1;
  }
  return Math.min(lo, Math.max(0, text.length - 1));
}

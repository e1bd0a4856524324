import type { ScanError } from './detect/types.js';
import { CaregateError } from './errors.js';
import { newMaskState } from './mask/types.js';
import type { Redactor, RedactValueResult } from './redactor.js';

/** A finding inside a value: `path` is a JSON pointer (RFC 6901) to the string it was found in. */
export interface ValueFinding {
  path: string;
  ruleId: string;
  entity: string;
  start: number;
  end: number;
  confidence: number;
}

/** Key names compared without case or punctuation: "Card-Number", "card_number" and "cardNumber" are one. */
export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const escapePointer = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Walks objects and arrays: strings are scanned, numbers that are card numbers (or other PII) are caught
 * and become masked strings, and values under sensitive keys (cvv, card_number, ssn, password…) are masked
 * whatever they contain. Keys are scanned too. The input is never modified.
 */
export function redactDeep<T>(redactor: Redactor, value: T, keyHints: Record<string, string>): RedactValueResult<T> {
  const findings: ValueFinding[] = [];
  const errors: ScanError[] = [];
  const state = newMaskState();
  const seen = new WeakSet<object>();

  const scan = (s: string, path: string): string => {
    const session = redactor.session({ maskState: state });
    const a = session.push(s);
    const b = session.finish();
    for (const f of [...a.findings, ...b.findings]) findings.push({ path, ruleId: f.ruleId, entity: f.entity, start: f.start, end: f.end, confidence: f.confidence });
    errors.push(...a.errors, ...b.errors);
    return a.text + b.text;
  };

  const masked = (raw: string, entity: string, path: string, key: string): string => {
    findings.push({ path, ruleId: `key-hint:${normalizeKey(key)}`, entity, start: 0, end: raw.length, confidence: 1 });
    return redactor.maskEntity(entity, raw, state);
  };

  const walk = (v: unknown, path: string, hint: { entity: string; key: string } | undefined): unknown => {
    if (typeof v === 'string') return hint && v.length ? masked(v, hint.entity, path, hint.key) : scan(v, path);
    if (typeof v === 'number' || typeof v === 'bigint') {
      if (hint) return masked(String(v), hint.entity, path, hint.key);
      if (typeof v === 'number' && !Number.isFinite(v)) return v;
      const s = typeof v === 'bigint' ? v.toString() : Number.isInteger(v) ? BigInt(v).toString() : String(v);
      const before = findings.length;
      const out = scan(s, path);
      return findings.length > before ? out : v;
    }
    if (v === null || typeof v !== 'object') return v;
    if (v instanceof Date || ArrayBuffer.isView(v)) return v;
    if (seen.has(v)) throw new CaregateError('E_INPUT_CYCLE', `redactValue: the value refers to itself at ${path || '/'}; pass a tree, not a graph`, { pointer: path || '/' });
    seen.add(v);
    try {
      if (Array.isArray(v)) return v.map((item, i) => walk(item, `${path}/${i}`, hint));
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(v as Record<string, unknown>)) {
        const childPath = `${path}/${escapePointer(key)}`;
        const entity = keyHints[normalizeKey(key)];
        const safeKey = scan(key, `${childPath}#key`);
        // defineProperty: a "__proto__" key from parsed JSON stays a member instead of setting the prototype.
        Object.defineProperty(out, safeKey, { value: walk(child, childPath, entity ? { entity, key } : hint), enumerable: true, writable: true, configurable: true });
      }
      return out;
    } finally {
      seen.delete(v);
    }
  };

  return { value: walk(value, '', undefined) as T, findings, errors };
}

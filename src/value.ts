import type { ScanError } from './detect/types.js';
import { CaregateError } from './errors.js';
import { newMaskState } from './mask/types.js';
import type { Redactor, RedactValueResult } from './redactor.js';
import { safePointerToken } from './safe-output.js';

/**
 * A finding inside a value: `path` is a JSON pointer (RFC 6901) to the string it was found in, built from
 * the redacted member names (a name that held a card number appears masked, `/[CREDIT_CARD]`), and ending
 * in "#key" when the member name itself held the finding.
 */
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

/** The entity a key hints at: own members of the table only, so "constructor" or "toString" hint at nothing. */
export function keyHintOf(keyHints: Readonly<Record<string, string>>, key: string): string | undefined {
  const k = normalizeKey(key);
  return Object.hasOwn(keyHints, k) ? keyHints[k] : undefined;
}

/**
 * The member name used in the output when `name` is already taken in `out` (two names that differ only in
 * what was masked, "cvv 123" and "cvv 456" both becoming "cvv •••"): "name (2)", "name (3)"…, so no value is lost.
 */
export function freeMemberName(out: object, name: string): string {
  return numberedName(name, (candidate) => Object.hasOwn(out, candidate));
}

/** `name`, or the first of "name (2)", "name (3)"… that is not taken. */
export function numberedName(name: string, taken: (candidate: string) => boolean): string {
  if (!taken(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken(candidate)) return candidate;
  }
}

interface Hint {
  entity: string;
  key: string;
}

/** An open container of the walk: the input, its copy being filled, and the child being visited. */
interface Frame {
  src: object;
  out: unknown[] | Record<string, unknown>;
  array: boolean;
  /** Array items, or the object's [name, value] entries. */
  items: unknown[];
  i: number;
  hint: Hint | undefined;
  /** Object: the current member's name in the output, and its pointer token once asked for. */
  name: string;
  token: string | undefined;
}

/**
 * Walks objects and arrays: strings are scanned, numbers that are card numbers (or other PII) are caught
 * and become masked strings, and values under sensitive keys (cvv, card_number, ssn, password…) are masked
 * whatever they contain, unless they already are a mask of that entity (redacting twice changes nothing).
 * Keys are scanned too; two keys that become equal once masked are both kept (the later one numbered, see
 * freeMemberName). The input is never modified.
 *
 * The walk keeps its own stack (no recursion), so the depth of the value is bounded by memory only: arrays
 * nested 100,000 deep are walked like flat ones. A value that refers to itself fails with E_INPUT_CYCLE.
 */
export function redactDeep<T>(redactor: Redactor, value: T, keyHints: Readonly<Record<string, string>>): RedactValueResult<T> {
  const findings: ValueFinding[] = [];
  const errors: ScanError[] = [];
  const state = newMaskState();
  const stack: Frame[] = [];
  const open = new Set<object>();

  /** JSON pointer of the current value, from the redacted member names of the open containers. */
  const pointer = (): string => {
    let p = '';
    for (const f of stack) {
      if (f.array) p += `/${f.i}`;
      else p += `/${(f.token ??= safePointerToken(f.name))}`;
    }
    return p;
  };

  const scan = (s: string, path: () => string): string => {
    const session = redactor.session({ maskState: state });
    const a = session.push(s);
    const b = session.finish();
    if (a.findings.length || b.findings.length) {
      const p = path();
      for (const f of [...a.findings, ...b.findings]) findings.push({ path: p, ruleId: f.ruleId, entity: f.entity, start: f.start, end: f.end, confidence: f.confidence });
    }
    errors.push(...a.errors, ...b.errors);
    return a.text + b.text;
  };

  const masked = (raw: string, hint: Hint): string => {
    const out = redactor.maskEntity(hint.entity, raw, state);
    // Already a mask of its entity: left as it is, and nothing was found.
    if (out !== raw) findings.push({ path: pointer(), ruleId: `key-hint:${normalizeKey(hint.key)}`, entity: hint.entity, start: 0, end: raw.length, confidence: 1 });
    return out;
  };

  /** A leaf's redacted value, or a container's (still empty) copy, pushed to be filled. */
  const enter = (v: unknown, hint: Hint | undefined): unknown => {
    if (typeof v === 'string') return hint && v.length ? masked(v, hint) : scan(v, pointer);
    if (typeof v === 'number' || typeof v === 'bigint') {
      if (hint) return masked(String(v), hint);
      if (typeof v === 'number' && !Number.isFinite(v)) return v;
      const s = typeof v === 'bigint' ? v.toString() : Number.isInteger(v) ? BigInt(v).toString() : String(v);
      const before = findings.length;
      const out = scan(s, pointer);
      return findings.length > before ? out : v;
    }
    if (v === null || typeof v !== 'object') return v;
    if (v instanceof Date || ArrayBuffer.isView(v)) return v;
    if (open.has(v)) {
      throw new CaregateError('E_INPUT_CYCLE', `redactValue: the value refers to itself at ${pointer() || '/'}; pass a tree, not a graph`, { pointer: pointer() || '/' });
    }
    open.add(v);
    const array = Array.isArray(v);
    const out: unknown[] | Record<string, unknown> = array ? [] : {};
    stack.push({ src: v, out, array, items: array ? (v as unknown[]) : Object.entries(v), i: -1, hint, name: '', token: undefined });
    return out;
  };

  const result = enter(value, undefined);
  while (stack.length) {
    const f = stack[stack.length - 1]!;
    f.i++;
    if (f.i >= f.items.length) {
      stack.pop();
      open.delete(f.src);
      continue;
    }
    if (f.array) {
      (f.out as unknown[]).push(enter(f.items[f.i], f.hint));
      continue;
    }
    const [key, child] = f.items[f.i] as [string, unknown];
    const before = findings.length;
    const safeKey = scan(key, () => '');
    f.name = freeMemberName(f.out, safeKey);
    f.token = undefined;
    // The name's own findings point at the name as it is in the output (masked, numbered if it collided).
    if (findings.length > before) {
      const at = `${pointer()}#key`;
      for (let k = before; k < findings.length; k++) findings[k]!.path = at;
    }
    const entity = keyHintOf(keyHints, key);
    const childOut = enter(child, entity ? { entity, key } : f.hint);
    // defineProperty: a "__proto__" key from parsed JSON stays a member instead of setting the prototype.
    Object.defineProperty(f.out, f.name, { value: childOut, enumerable: true, writable: true, configurable: true });
  }
  return { value: result as T, findings, errors };
}

import { z } from 'zod';
import { CaregateError } from '../errors.js';
import type { Redactor, ScanError, ValueFinding } from '../index.js';
import { compilePointerPattern, mayMatchBelow, matchesPointer, pointerSegments, selectsEverything, type PointerPattern } from './pointer-pattern.js';
import { safePointerToken } from '../safe-output.js';
import type { SensitiveDigits } from './json-body-reader.js';
import { forbiddenDataProblem, type ForbiddenField, type Problem } from './problem.js';
import { toRedactor, type RedactorSource } from './redactor-source.js';

/** Shared by the Express middleware and the Fastify plugin. */
export interface BodyPolicyOptions {
  /** The redactor to use, or its options (default: createRedactor()). */
  redactor?: RedactorSource;
  /**
   * Request body fields to redact, as JSON pointer patterns ('*' one level, '**' any depth).
   * Default ['/**']: every string in the body. [] redacts nothing (the forbid check still runs).
   */
  fields?: string[];
  /** Refuse the request (422) when any of `entities` is found in any of `fields`. Off by default. */
  forbid?: { fields: string[]; entities?: string[] };
  /** Largest request body accepted, in bytes (default 100 KiB). Larger bodies get 413. */
  limit?: number;
  /** Redact JSON response bodies too (default false). */
  redactResponse?: boolean;
}

/** Attached to the request for auditing: where PII was found and what kind; never the values. */
export interface RequestRedaction {
  findings: ValueFinding[];
  /** Detector errors; their regions were masked (fail closed). */
  errors: ScanError[];
  /** Set when the response body was redacted too. */
  response?: { findings: ValueFinding[]; errors: ScanError[] };
}

export type PolicyOutcome = ({ ok: true; body: unknown } & RequestRedaction) | { ok: false; problem: Problem };

export interface BodyPolicy {
  readonly limit: number;
  readonly redactResponse: boolean;
  applyToRequest(body: unknown): PolicyOutcome;
  /** Whether an integer's digits are PII: the body readers keep such integers as their source digits. */
  sensitiveDigits: SensitiveDigits;
  redactResponseBody(body: unknown): { value: unknown; findings: ValueFinding[]; errors: ScanError[] };
}

export const DEFAULT_BODY_LIMIT = 100 * 1024;
export const DEFAULT_FORBIDDEN_ENTITIES = ['CREDIT_CARD', 'CARD_CVV'];

const pointerPattern = z.string().refine((p) => p === '' || p.startsWith('/'), 'a JSON pointer pattern starting with "/", e.g. "/notes" or "/**"');
const optionsSchema = z.strictObject({
  redactor: z.custom<RedactorSource>((v) => typeof v === 'object' && v !== null, 'a redactor or redactor options').optional(),
  fields: z.array(pointerPattern).optional(),
  forbid: z.strictObject({ fields: z.array(pointerPattern).min(1), entities: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/)).min(1).optional() }).optional(),
  limit: z.number().int().positive().optional(),
  redactResponse: z.boolean().optional(),
});

export function createBodyPolicy(options: BodyPolicyOptions = {}): BodyPolicy {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.map(String).join('.');
    const message = issue.code === 'unrecognized_keys' ? `unknown option ${issue.keys.join(', ')}; the options are: ${Object.keys(optionsSchema.shape).join(', ')}` : issue.message;
    throw new CaregateError('E_CONFIG', `invalid body policy option${at ? ` "${at}"` : ''}: ${message}`, { path: at || undefined });
  }
  const redactor = toRedactor(options.redactor);
  const fields = (options.fields ?? ['/**']).map(compilePointerPattern);
  const forbidFields = options.forbid?.fields.map(compilePointerPattern) ?? [];
  const forbidEntities = new Set(options.forbid?.entities ?? DEFAULT_FORBIDDEN_ENTITIES);
  const everything = fields.some(selectsEverything);

  return {
    limit: options.limit ?? DEFAULT_BODY_LIMIT,
    redactResponse: options.redactResponse ?? false,
    applyToRequest(body) {
      if (body === undefined) return { ok: true, body, findings: [], errors: [] };
      const whole = forbidFields.length || everything ? redactor.redactValue(body) : undefined;
      if (whole && forbidFields.length) {
        const refused = forbiddenFields(whole.findings, forbidFields, forbidEntities);
        if (refused.length) return { ok: false, problem: forbiddenDataProblem(refused) };
      }
      if (everything) return { ok: true, body: whole!.value, findings: whole!.findings, errors: whole!.errors };
      return { ok: true, ...redactSelected(redactor, body, fields) };
    },
    redactResponseBody(body) {
      return redactor.redactValue(body);
    },
    sensitiveDigits(digits) {
      return redactor.detect(digits).length > 0;
    },
  };
}

function forbiddenFields(findings: readonly ValueFinding[], patterns: readonly PointerPattern[], entities: ReadonlySet<string>): ForbiddenField[] {
  const seen = new Set<string>();
  const out: ForbiddenField[] = [];
  for (const f of findings) {
    if (!entities.has(f.entity)) continue;
    const inName = f.path.endsWith('#key');
    const pointer = inName ? f.path.slice(0, -4) : f.path;
    const segments = pointerSegments(pointer);
    if (!patterns.some((p) => matchesPointer(segments, p))) continue;
    const id = `${pointer}\u0000${f.entity}\u0000${inName}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ pointer, entity: f.entity, in: inName ? 'name' : 'value' });
  }
  return out;
}

/**
 * Redacts only the selected fields. Each selected node is redacted inside a copy of its ancestors' member
 * names, so sensitive-key hints still apply ({ payment: { cvv: "123" } } with "/payment/cvv" selected) and
 * finding paths come out as pointers into the whole body. The walk keeps its own stack (any depth).
 */
function redactSelected(redactor: Redactor, body: unknown, patterns: readonly PointerPattern[]): { body: unknown; findings: ValueFinding[]; errors: ScanError[] } {
  const findings: ValueFinding[] = [];
  const errors: ScanError[] = [];

  const redactNode = (node: unknown, segments: readonly string[]): unknown => {
    let wrapped: unknown = node;
    for (let i = segments.length - 1; i >= 0; i--) wrapped = { [segments[i]!]: wrapped };
    const r = redactor.redactValue(wrapped);
    // Finding paths are made of gated member names: compare with the same.
    const own = `/${segments.map(safePointerToken).join('/')}`;
    for (const f of r.findings) {
      // The ancestors' names were scanned again only as wrapping; their findings belong to unselected fields.
      if (f.path.endsWith('#key') && own.startsWith(f.path.slice(0, -4)) && f.path.slice(0, -4) !== own) continue;
      findings.push(f);
    }
    errors.push(...r.errors);
    let out = r.value;
    for (let i = 0; i < segments.length; i++) out = Object.values(out as Record<string, unknown>)[0];
    return out;
  };

  /** A node's output: redacted if selected, copied (to be filled) if something below may be, else itself. */
  interface Open {
    entries: [string, unknown][];
    out: unknown[] | Record<string, unknown>;
    array: boolean;
    segments: string[];
    i: number;
  }
  const stack: Open[] = [];
  const visit = (node: unknown, segments: string[]): unknown => {
    if (patterns.some((p) => matchesPointer(segments, p))) return redactNode(node, segments);
    if (node === null || typeof node !== 'object' || !patterns.some((p) => mayMatchBelow(segments, p))) return node;
    const array = Array.isArray(node);
    const out: unknown[] | Record<string, unknown> = array ? [] : {};
    stack.push({ entries: array ? (node as unknown[]).map((v, i) => [String(i), v]) : Object.entries(node), out, array, segments, i: 0 });
    return out;
  };

  const result = visit(body, []);
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.entries.length) {
      stack.pop();
      continue;
    }
    const [key, child] = top.entries[top.i++]!;
    const out = visit(child, [...top.segments, key]);
    if (top.array) (top.out as unknown[]).push(out);
    else Object.defineProperty(top.out, key, { value: out, enumerable: true, writable: true, configurable: true });
  }
  return { body: result, findings, errors };
}

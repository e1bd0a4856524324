import { z } from 'zod';
import { FACTOR_CATEGORIES, factorCategoryOf } from '../verify/factors.js';
import { PrivacyError } from './errors.js';
import { CHANNELS, DENIAL_BASES, JURISDICTIONS, REQUEST_STATES, REQUEST_TYPES, TASK_KINDS, TASK_STATUSES } from './types.js';

/**
 * Shapes of what callers pass to the register, checked at the boundary. Messages name the option, never
 * echo its value (it may be personal data).
 */

const instant = z.union([z.date(), z.string()]).transform((v, ctx) => {
  const d = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'must be an ISO 8601 time such as 2026-03-05T10:00:00Z' });
    return z.NEVER;
  }
  return d;
});

/** Opaque identifiers of staff, systems, queues, categories: no spaces, no free text. */
export const opaqueId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,127}$/, 'must be an opaque identifier: letters, digits and . _ : / @ - (at most 128)');

const email = z.string().max(254).regex(/^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/, 'must be an email address');
const phone = z.string().regex(/^\+[1-9][0-9]{6,14}$/, 'must be an E.164 phone number such as +14155550100');

export const ContactSchema = z
  .strictObject({
    via: z.enum(['email', 'phone', 'postal_mail', 'account', 'agent']),
    email: email.optional(),
    phone: phone.optional(),
    postalAddress: z.string().min(1).max(500).optional(),
    name: z.string().regex(/^[\p{L}\p{M}][\p{L}\p{M} .,'-]{0,199}$/u, 'must be a name: letters, spaces and . , \' - only').optional(),
  })
  .superRefine((c, ctx) => {
    const need = c.via === 'email' ? 'email' : c.via === 'phone' ? 'phone' : c.via === 'postal_mail' ? 'postalAddress' : undefined;
    if (need && !c[need]) ctx.addIssue({ code: 'custom', path: [need], message: `is needed to answer by ${c.via}` });
  });

export const OpenRequestSchema = z.strictObject({
  type: z.enum(REQUEST_TYPES),
  jurisdiction: z.enum(JURISDICTIONS),
  channel: z.enum(CHANNELS),
  subject: z.strictObject({ identifier: z.string().min(1).max(512), contact: ContactSchema }),
  receivedAt: instant.optional(),
  timeZone: z.string().min(1).optional(),
  description: z.string().max(4000).optional(),
  externalId: opaqueId.optional(),
  appealOf: z.string().min(1).optional(),
  actor: opaqueId.optional(),
});
export type OpenRequestInput = z.input<typeof OpenRequestSchema>;

/** A factor category in the verifier's vocabulary (knowledge, possession, inherence); know/have/are are read as those. */
const factorCategory = z.string().transform((name, ctx) => {
  const category = factorCategoryOf(name);
  if (!category) {
    ctx.addIssue({ code: 'custom', message: `must be one of ${FACTOR_CATEGORIES.join(', ')}` });
    return z.NEVER;
  }
  return category;
});

const outcomeSchema = z.strictObject({
  allowed: z.boolean(),
  level: z.string().regex(/^[a-z0-9_.-]{1,64}$/, 'must be a level name such as reasonably_high'),
  factorCategories: z.array(factorCategory).max(3),
  at: instant.optional(),
  dataPointTypes: z.array(z.string().regex(/^[a-z0-9_.-]{1,64}$/, 'must be data-point type names, never values')).max(32).optional(),
});

// Fields of the verifier's check() result that the register does not keep: the token is a secret, the
// reasons and counters are the verifier's business. What is kept is the outcome above.
const CHECK_RESULT_ONLY = ['matchedDataPoints', 'missing', 'attemptsLeft', 'token', 'tokenExpiresAt', 'reason', 'internalReason', 'lockedUntil', 'declaration', 'reference'];

/**
 * The verification outcome: either the outcome's own fields, or the verifier's check() result as it is
 * (recognised by matchedDataPoints, which becomes dataPointTypes).
 */
export const VerificationSchema = z.preprocess((v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || !Object.hasOwn(v, 'matchedDataPoints')) return v;
  const result = v as Record<string, unknown>;
  const outcome: Record<string, unknown> = { ...result };
  for (const k of CHECK_RESULT_ONLY) delete outcome[k];
  if (outcome['dataPointTypes'] === undefined) outcome['dataPointTypes'] = result['matchedDataPoints'];
  return outcome;
}, outcomeSchema);

export const DenialSchema = z.strictObject({
  basis: z.enum(DENIAL_BASES),
  reference: z.string().min(1).max(200).optional(),
  explanation: z.string().min(1).max(4000).optional(),
});

export const TransitionSchema = z.strictObject({
  actor: opaqueId.optional(),
  at: instant.optional(),
  reason: z.string().min(1).max(4000).optional(),
  verification: VerificationSchema.optional(),
  denial: DenialSchema.optional(),
  outcome: z.enum(['complied', 'partially_complied']).optional(),
  responseNature: z.string().min(1).max(4000).optional(),
  remediesNotified: z.boolean().optional(),
});
/** The verifier's check() result, passed as it is (only the outcome is kept). */
export interface CheckResultLike {
  allowed: boolean;
  level: string;
  factorCategories: readonly string[];
  matchedDataPoints: readonly string[];
  [field: string]: unknown;
}
export type VerificationInput = z.input<typeof outcomeSchema> | CheckResultLike;
export type TransitionOptions = Omit<z.input<typeof TransitionSchema>, 'verification'> & { verification?: VerificationInput };

export const ExtendSchema = z.strictObject({
  actor: opaqueId.optional(),
  noticeSentAt: instant.optional(),
  reason: z.string().max(4000).optional(),
});
export type ExtendOptions = z.input<typeof ExtendSchema>;

export const RouteSchema = z.strictObject({
  queue: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be a queue name such as privacy-ops'),
  reason: z.string().min(1).max(4000).optional(),
  actor: opaqueId.optional(),
  at: instant.optional(),
});
export type RouteOptions = Omit<z.input<typeof RouteSchema>, 'queue'>;

export const AddTaskSchema = z.strictObject({
  system: opaqueId,
  kind: z.enum(TASK_KINDS),
  categories: z.array(opaqueId).max(64).optional(),
  note: z.string().min(1).max(4000).optional(),
  actor: opaqueId.optional(),
  at: instant.optional(),
});
export type AddTaskInput = z.input<typeof AddTaskSchema>;

export const UpdateTaskSchema = z.strictObject({
  status: z.enum(TASK_STATUSES),
  note: z.string().min(1).max(4000).optional(),
  actor: opaqueId.optional(),
  at: instant.optional(),
});
export type UpdateTaskInput = z.input<typeof UpdateTaskSchema>;

export const NoteSchema = z.strictObject({ text: z.string().min(1).max(4000), actor: opaqueId.optional(), at: instant.optional() });

export const ListFilterSchema = z.strictObject({
  status: z.array(z.enum(REQUEST_STATES)).optional(),
  jurisdiction: z.enum(JURISDICTIONS).optional(),
  type: z.enum(REQUEST_TYPES).optional(),
  queue: z.string().optional(),
  overdue: z.boolean().optional(),
  dueWithinDays: z.number().int().min(0).max(3660).optional(),
  now: instant.optional(),
});
export type ListFilter = z.input<typeof ListFilterSchema>;

/** Parses with a schema; on failure throws DSAR_INPUT naming the option and what is expected. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path.length ? issue.path.join('.') : what;
    const message = issue?.code === 'unrecognized_keys' ? `unknown option ${issue.keys.join(', ')}` : issue?.code === 'invalid_value' || issue?.code === 'invalid_type' ? issue.message.replace(/, received.*$/, '') : issue?.message;
    throw new PrivacyError('DSAR_INPUT', `${what}: ${path} ${message}`, { path });
  }
  return result.data;
}

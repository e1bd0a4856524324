import { z } from 'zod';
import { CaregateError } from '../errors.js';

/**
 * Who may see what, and why. A reveal names a purpose; the purpose lists the entities it may reveal and
 * how much of them (whole, or only the digits a mask would show), optionally the actors allowed; every
 * actor has a budget of reveal attempts per window, counted before anything else is checked, so that
 * neither a burst of requests nor guessing tokens gets around it.
 */
const purposeName = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, 'a purpose name of lower-case letters, digits, "_" or "-"');
const entityName = z.string().regex(/^(\*|[A-Z][A-Z0-9_]*)$/, 'an entity such as "CREDIT_CARD", or "*" for any');

export const revealPolicySchema = z.strictObject({
  purposes: z.record(
    purposeName,
    z.strictObject({
      entities: z.array(entityName).min(1),
      /** whole: the value as stored; last4 / bin-last4: only the digits such a mask shows. */
      reveal: z.enum(['whole', 'last4', 'bin-last4']).default('whole'),
      /** Actors allowed for this purpose; any actor when absent. */
      actors: z.array(z.string().min(1).max(200)).optional(),
    }),
  ),
  rateLimit: z.strictObject({ max: z.number().int().min(1), windowSeconds: z.number().int().min(1) }).default({ max: 20, windowSeconds: 3600 }),
});

export type RevealPolicyInput = z.input<typeof revealPolicySchema>;
export type RevealPolicy = z.output<typeof revealPolicySchema>;

/** A policy that allows nothing: reveals are refused until a policy says otherwise. */
export const NO_REVEALS: RevealPolicy = { purposes: {}, rateLimit: { max: 1, windowSeconds: 3600 } };

export function parseRevealPolicy(input: unknown): RevealPolicy {
  const parsed = revealPolicySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  throw new CaregateError('E_VAULT_POLICY', `invalid reveal policy${path ? ` at "${path}"` : ''}: ${issue.message}`, { path: path || undefined });
}

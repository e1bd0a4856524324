import { z } from 'zod';
import { CaregateError } from '../errors.js';

/** Upload kinds a policy can let through unscanned. Text, PDF and DOCX are always scanned. */
export const ALLOWABLE_KINDS = ['images', 'archives', 'binary'] as const;
export type AllowableKind = (typeof ALLOWABLE_KINDS)[number];

/** Entities that block a PDF or DOCX: a document cannot be rewritten safely, so card data in it refuses it. */
export const DEFAULT_BLOCK_ENTITIES: readonly string[] = ['CREDIT_CARD', 'CARD_CVV', 'CARD_TRACK_DATA', 'PIN'];

export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;
export const DEFAULT_MAX_EXPANDED_BYTES = 100 * 1024 * 1024;

const uploadPolicySchema = z.strictObject({
  /** Let these kinds through unscanned (verdict 'clean'); by default they are blocked. */
  allow: z.array(z.enum(ALLOWABLE_KINDS)).default([]),
  /** Uploads larger than this are blocked; reading stops as soon as the limit is passed. */
  maxBytes: z.number().int().positive().default(DEFAULT_MAX_BYTES),
  /** Most a DOCX may unpack to (zip bombs); past it the upload is blocked before it is unpacked. */
  maxExpandedBytes: z.number().int().positive().default(DEFAULT_MAX_EXPANDED_BYTES),
  /** Entities that block a PDF or DOCX. Other findings in a document are reported with verdict 'clean'. */
  blockEntities: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'entity names are upper case, like CREDIT_CARD')).default([...DEFAULT_BLOCK_ENTITIES]),
  /** Text that is not valid UTF-8: substitute U+FFFD and redact ('replace') or block the upload ('error'). */
  invalidUtf8: z.enum(['replace', 'error']).default('replace'),
});

export type UploadPolicy = z.input<typeof uploadPolicySchema>;
export type ResolvedUploadPolicy = z.output<typeof uploadPolicySchema>;

/** Validates an upload policy; a wrong option fails naming its path and what is allowed. */
export function parseUploadPolicy(input: unknown): ResolvedUploadPolicy {
  const parsed = uploadPolicySchema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    message = `unknown option ${issue.keys.map((k) => `"${k}"`).join(', ')}; the options are: ${Object.keys(uploadPolicySchema.shape).join(', ')}`;
  }
  throw new CaregateError('E_CONFIG', `invalid upload policy${path ? ` option "${path}"` : ''}: ${message}`, { path: `policy${path ? `.${path}` : ''}` });
}

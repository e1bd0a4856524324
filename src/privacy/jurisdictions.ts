import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PrivacyError } from './errors.js';
import { JURISDICTIONS, REQUEST_TYPES } from './types.js';
import type { JurisdictionId, RequestType } from './types.js';

/** rules/privacy-deadlines.json: request types, periods and references per jurisdiction, validated by zod. */

export const PeriodSchema = z.strictObject({
  unit: z.enum(['months', 'calendar_days', 'business_days']),
  count: z.number().int().positive().max(366),
  rollToWorkingDay: z.boolean(),
});
export type Period = z.infer<typeof PeriodSchema>;

export const TypeRuleSchema = z.strictObject({
  respond: PeriodSchema,
  /** Total period from receipt after the one allowed extension; null = no extension. */
  extendTo: PeriodSchema.nullable(),
  /** Period for confirming receipt; null = no such duty. */
  acknowledge: PeriodSchema.nullable(),
  /** required: must pass identity verification; on_doubt: only with a recorded reasonable doubt; not_allowed: may not be gated on it. */
  verification: z.enum(['required', 'on_doubt', 'not_allowed']),
  reference: z.string().min(1),
  confidence: z.enum(['V', 'S', 'M']),
});
export type TypeRule = z.infer<typeof TypeRuleSchema>;

export const JurisdictionSchema = z.strictObject({
  name: z.string().min(1),
  defaultCalendar: z.string().min(1),
  /** latest_of_receipt_and_identity: the period restarts from the day the identity information arrives (UK). */
  clockStart: z.enum(['receipt', 'latest_of_receipt_and_identity']),
  references: z.array(z.string().min(1)).min(1),
  /** A denial must record that the subject was told of the right to complain and to a judicial remedy (GDPR Art. 12(4)). */
  denialNoticeRequiresRemedies: z.boolean(),
  types: z.partialRecord(z.enum(REQUEST_TYPES), TypeRuleSchema),
});
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;

export const RulesFileSchema = z.strictObject({
  version: z.string().min(1),
  note: z.string().optional(),
  jurisdictions: z.partialRecord(z.enum(JURISDICTIONS), JurisdictionSchema),
});
export type PrivacyRules = z.infer<typeof RulesFileSchema>;

const RULES_URL = new URL('../../rules/privacy-deadlines.json', import.meta.url);
let cached: PrivacyRules | undefined;

/** Validates a rules object; throws a PrivacyError naming the first bad field. */
export function parseRules(data: unknown, source = 'rules/privacy-deadlines.json'): PrivacyRules {
  const parsed = RulesFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PrivacyError('DSAR_CONFIG', `${source} is invalid at /${issue?.path.join('/')}: ${issue?.message}; fix the file`, {
      file: source,
      pointer: `/${issue?.path.join('/') ?? ''}`,
    });
  }
  for (const [id, j] of Object.entries(parsed.data.jurisdictions)) {
    if (id === 'CCPA' && j.clockStart !== 'receipt') {
      throw new PrivacyError('DSAR_CONFIG', `${source}: CCPA's clock never pauses for verification (11 CCR 7021(b)); clockStart must be "receipt"`);
    }
  }
  return parsed.data;
}

/** The bundled rules, read once. */
export function loadRules(): PrivacyRules {
  cached ??= parseRules(JSON.parse(readFileSync(RULES_URL, 'utf8')));
  return cached;
}

export function jurisdictionRule(rules: PrivacyRules, id: string): Jurisdiction {
  const j = (rules.jurisdictions as Record<string, Jurisdiction | undefined>)[id];
  if (!j) throw new PrivacyError('DSAR_INPUT', `unknown jurisdiction "${id}"; use one of ${Object.keys(rules.jurisdictions).join(', ')}`);
  return j;
}

export function typeRule(rules: PrivacyRules, jurisdiction: JurisdictionId, type: RequestType): TypeRule {
  const rule = jurisdictionRule(rules, jurisdiction).types[type];
  if (!rule) {
    const allowed = Object.keys(jurisdictionRule(rules, jurisdiction).types).join(', ');
    throw new PrivacyError('DSAR_INPUT', `${jurisdiction} has no "${type}" request; its request types are ${allowed}`);
  }
  return rule;
}

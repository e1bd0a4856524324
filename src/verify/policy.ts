// The verification policy: its zod schema, the rules zod cannot express, and loading it from JSON.
import { readFileSync } from 'node:fs';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { z } from 'zod';
import { safeText } from '../safe-output.js';
import { VerificationPolicyError, jsonPointer } from './errors.js';
import { FACTOR_CATEGORIES } from './factors.js';
import type { FactorCategory } from './factors.js';
import { forbiddenDataPoint, isSsnLastFour } from './forbidden.js';
import { NORMALIZER_NAMES } from './normalize.js';

export { FACTOR_CATEGORIES };
export type { FactorCategory };

/** Degree of certainty an action asks for (CCPA 11 CCR 7062 wording; multi_factor = knowledge + possession). */
export const LEVELS = ['reasonable', 'reasonably_high', 'multi_factor'] as const;
export type Level = (typeof LEVELS)[number];

export const REQUEST_TYPES = [
  'account',
  'know_categories',
  'know_specific',
  'delete',
  'correct',
  'opt_out_sale_share',
  'limit_spi',
  'admt_opt_out',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** Requests a business may not gate on identity verification (CCPA 11 CCR 7060(b)). */
export const UNGATED_REQUEST_TYPES: ReadonlySet<RequestType> = new Set(['opt_out_sale_share', 'limit_spi', 'admt_opt_out']);
/** Action names that are opt-out or limit requests whatever requestType a policy gives them. */
export const UNGATED_ACTION_NAMES: ReadonlySet<string> = new Set(['privacy_opt_out', 'privacy_limit', 'privacy_admt_opt_out']);

export const OTP_DELIVERIES = ['sms', 'voice', 'email'] as const;
export type OtpDelivery = (typeof OTP_DELIVERIES)[number];

const reference = z.string().min(1);
const dataPointName = z.string().min(1).max(64);
const fieldName = z.string().min(1).max(64);

const dataPointSchema = z.strictObject({
  normalizer: z.enum(NORMALIZER_NAMES),
  /** Field of the on-file record holding the value (default: the data point name). */
  onFileField: fieldName.optional(),
  description: z.string().optional(),
});

const requirementFields = {
  requiredDataPoints: z.int().min(0).max(20),
  requiredFactorCategories: z.array(z.enum(FACTOR_CATEGORIES)).min(1),
  allowedDataPoints: z.array(dataPointName).min(1).optional(),
  requiresDeclaration: z.boolean().default(false),
  level: z.enum(LEVELS),
  reference,
};

const sensitiveTierSchema = z.strictObject({
  ...requirementFields,
  /** Data categories that make a request sensitive (e.g. precise geolocation, family photos). */
  categories: z.array(z.string().min(1)).min(1),
});

const actionSchema = z.strictObject({
  description: z.string().optional(),
  requestType: z.enum(REQUEST_TYPES),
  verification: z.enum(['required', 'none']),
  reference,
  requiredDataPoints: requirementFields.requiredDataPoints.optional(),
  requiredFactorCategories: requirementFields.requiredFactorCategories.optional(),
  allowedDataPoints: requirementFields.allowedDataPoints,
  requiresDeclaration: z.boolean().optional(),
  level: requirementFields.level.optional(),
  sensitive: sensitiveTierSchema.optional(),
});

const deliverySchema = z.strictObject({
  onFileField: fieldName,
  restricted: z.boolean(),
  reference,
  note: z.string().optional(),
});

const limitSchema = z.strictObject({
  maxFailures: z.int().min(1).max(100),
  windowMinutes: z.number().positive().max(7 * 24 * 60),
  cooldownMinutes: z.number().positive().max(7 * 24 * 60),
});

export const verificationPolicySchema = z.strictObject({
  $comment: z.string().optional(),
  version: z.literal(1),
  name: z.string().min(1),
  /** The last four digits of an SSN may be a data point only when this is true (off by default). */
  allowSsnLast4: z.boolean().default(false),
  normalization: z
    .strictObject({
      dateOrder: z.enum(['MDY', 'DMY']).default('MDY'),
      defaultPhoneCountry: z.string().length(2).default('US'),
    })
    .prefault({}),
  dataPoints: z.record(dataPointName, dataPointSchema),
  otp: z
    .strictObject({
      // NIST SP 800-63B 5.1.3.2: at least 20 bits (6 digits ≈ 19.93, the accepted truncation), 10 minutes at most.
      digits: z.int().min(6).max(10).default(6),
      ttlMinutes: z.number().positive().max(10).default(10),
      // NIST SP 800-63B 5.2.2 caps consecutive failures at 100.
      maxAttempts: z.int().min(1).max(100).default(3),
      deliveries: z
        .strictObject({ sms: deliverySchema.optional(), voice: deliverySchema.optional(), email: deliverySchema.optional() })
        .prefault({}),
    })
    .prefault({}),
  lockout: z
    .strictObject({
      subject: limitSchema.prefault({ maxFailures: 5, windowMinutes: 24 * 60, cooldownMinutes: 30 }),
      agent: limitSchema.prefault({ maxFailures: 20, windowMinutes: 60, cooldownMinutes: 30 }),
      origin: limitSchema.prefault({ maxFailures: 10, windowMinutes: 60, cooldownMinutes: 30 }),
    })
    .prefault({}),
  token: z
    .strictObject({
      ttlMinutes: z.number().positive().max(24 * 60).default(15),
      /** How far in the future a token's issue time may be (clock differences between processes). */
      maxClockSkewSeconds: z.number().min(0).max(300).default(30),
      /** A token is good for one verifyToken() unless this is true. */
      allowReuse: z.boolean().default(false),
    })
    .prefault({}),
  actions: z.record(z.string().min(1).max(64), actionSchema),
});

/** A validated policy (defaults filled in). */
export type VerificationPolicy = z.output<typeof verificationPolicySchema>;
export type VerificationPolicyInput = z.input<typeof verificationPolicySchema>;
export type ActionPolicy = VerificationPolicy['actions'][string];

/** What one action (or its sensitive tier) asks for, with the data points it may use spelled out. */
export interface Requirement {
  requiredDataPoints: number;
  requiredFactorCategories: FactorCategory[];
  allowedDataPoints: string[];
  requiresDeclaration: boolean;
  level: Level;
  reference: string;
}

interface Issue {
  code: string;
  path: string;
  message: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Forbidden names (and values used as names) are looked for before the shape is checked, so that this is the error a person sees. */
function forbiddenNameIssues(input: unknown): Issue[] {
  const issues: Issue[] = [];
  const check = (name: unknown, path: PropertyKey[]) => {
    if (typeof name !== 'string') return;
    // A name is shown in errors, audit events and results: one the engine would mask is a value, not a name.
    if (safeText(name) !== name) {
      issues.push({ code: 'value_as_name', path: jsonPointer(path), message: `${JSON.stringify(safeText(name))} holds data the redactor masks (a card number, SSN, …); name data points, fields and actions with words` });
      return;
    }
    const hit = forbiddenDataPoint(name);
    if (hit) {
      issues.push({
        code: 'forbidden_data_point',
        path: jsonPointer(path),
        message: `${JSON.stringify(safeText(name))} may not be a verification data point: ${hit.why}. Remove it from the policy`,
      });
    }
  };
  if (!isRecord(input)) return issues;
  const dataPoints = input['dataPoints'];
  if (isRecord(dataPoints)) {
    for (const [name, def] of Object.entries(dataPoints)) {
      check(name, ['dataPoints', name]);
      if (isRecord(def)) check(def['onFileField'], ['dataPoints', name, 'onFileField']);
    }
  }
  const actions = input['actions'];
  if (isRecord(actions)) {
    for (const [name, def] of Object.entries(actions)) {
      if (safeText(name) !== name) {
        issues.push({ code: 'value_as_name', path: jsonPointer(['actions', name]), message: `${JSON.stringify(safeText(name))} holds data the redactor masks (a card number, SSN, …); name actions with words` });
        continue;
      }
      if (!isRecord(def)) continue;
      for (const [tier, path] of [
        [def, ['actions', name]],
        [def['sensitive'], ['actions', name, 'sensitive']],
      ] as const) {
        if (!isRecord(tier) || !Array.isArray(tier['allowedDataPoints'])) continue;
        tier['allowedDataPoints'].forEach((dp, i) => check(dp, [...path, 'allowedDataPoints', i]));
      }
    }
  }
  const otp = isRecord(input['otp']) ? input['otp'] : undefined;
  const deliveries = otp && isRecord(otp['deliveries']) ? otp['deliveries'] : undefined;
  for (const [via, def] of Object.entries(deliveries ?? {})) {
    if (isRecord(def)) check(def['onFileField'], ['otp', 'deliveries', via, 'onFileField']);
  }
  return issues;
}

const GATING_FIELDS = [
  'requiredDataPoints',
  'requiredFactorCategories',
  'allowedDataPoints',
  'requiresDeclaration',
  'level',
  'sensitive',
] as const;

function ruleIssues(policy: VerificationPolicy): Issue[] {
  const issues: Issue[] = [];
  const add = (code: string, path: PropertyKey[], message: string) => issues.push({ code, path: jsonPointer(path), message });
  const dataPointNames = Object.keys(policy.dataPoints);

  if (!isSupportedCountry(policy.normalization.defaultPhoneCountry)) {
    add('unknown_country', ['normalization', 'defaultPhoneCountry'], 'defaultPhoneCountry must be an ISO 3166-1 alpha-2 code libphonenumber-js knows, such as "US" or "GB"');
  }
  for (const [name, def] of Object.entries(policy.dataPoints)) {
    if ((isSsnLastFour(name) || isSsnLastFour(def.onFileField ?? '')) && !policy.allowSsnLast4) {
      add('ssn_last4_disabled', ['dataPoints', name], `"${name}" is the last four digits of an SSN, which is off by default; set "allowSsnLast4": true only if you have decided it is necessary (CCPA 11 CCR 7060(c)(2)), or remove it`);
    }
  }
  for (const via of ['sms', 'voice'] as const) {
    const delivery = policy.otp.deliveries[via];
    if (delivery && !delivery.restricted) {
      add('restricted_not_marked', ['otp', 'deliveries', via, 'restricted'], `${via} codes travel over the phone network, which NIST SP 800-63B 5.1.3.3 marks RESTRICTED; set "restricted": true`);
    }
  }
  const hasDelivery = OTP_DELIVERIES.some((via) => policy.otp.deliveries[via] !== undefined);

  const checkRequirement = (
    tier: { requiredDataPoints: number; requiredFactorCategories: FactorCategory[]; allowedDataPoints?: string[] | undefined },
    path: PropertyKey[],
    requestType: RequestType,
  ) => {
    const categories = tier.requiredFactorCategories;
    if (categories.includes('inherence')) {
      add('unsupported_factor_category', [...path, 'requiredFactorCategories'], 'the inherence category needs biometrics, which caregate refuses as verification data; use knowledge and possession');
    }
    if (new Set(categories).size !== categories.length) {
      add('duplicate_factor_category', [...path, 'requiredFactorCategories'], 'list each factor category once');
    }
    if (categories.includes('knowledge') !== tier.requiredDataPoints > 0) {
      add('inconsistent_factor_categories', [...path, 'requiredFactorCategories'], 'data points are the knowledge category: list "knowledge" exactly when requiredDataPoints is above 0 (matching several data points is still one factor category)');
    }
    if (categories.includes('possession') && !hasDelivery) {
      add('no_possession_delivery', [...path, 'requiredFactorCategories'], 'the possession category needs a one-time code delivery in otp.deliveries (sms, voice or email)');
    }
    const allowed = tier.allowedDataPoints ?? dataPointNames;
    tier.allowedDataPoints?.forEach((dp, i) => {
      if (!dataPointNames.includes(dp)) add('unknown_data_point', [...path, 'allowedDataPoints', i], `"${dp}" is not defined in dataPoints; define it there or remove it`);
    });
    // A correction never verifies with the attribute being corrected (7060(h)), so one fewer is usable.
    const usable = requestType === 'correct' ? allowed.length - 1 : allowed.length;
    if (tier.requiredDataPoints > usable) {
      add('unsatisfiable', [...path, 'requiredDataPoints'], `requires ${tier.requiredDataPoints} data points but only ${usable} can be used${requestType === 'correct' ? ' (the corrected attribute is excluded)' : ''}; allow more data points or require fewer`);
    }
  };

  for (const [name, action] of Object.entries(policy.actions)) {
    const path = ['actions', name];
    const ungated = UNGATED_REQUEST_TYPES.has(action.requestType) || UNGATED_ACTION_NAMES.has(name);
    const gatingPresent = GATING_FIELDS.filter((f) => action[f] !== undefined);
    if (ungated && (action.verification !== 'none' || gatingPresent.length > 0)) {
      add('opt_out_gated', action.verification !== 'none' ? [...path, 'verification'] : [...path, gatingPresent[0] ?? 'verification'], `"${name}" is an opt-out or limit request, which may not require identity verification (CCPA 11 CCR 7060(b)); set "verification": "none" and remove ${['requiredDataPoints', 'requiredFactorCategories', 'requiresDeclaration', 'level'].join(', ')}`);
      continue;
    }
    if (action.verification === 'none') {
      if (gatingPresent.length > 0) {
        add('inconsistent_action', [...path, gatingPresent[0] ?? ''], `"${name}" says "verification": "none" but sets ${gatingPresent.join(', ')}; remove them or set "verification": "required"`);
      }
      continue;
    }
    const missing = (['requiredDataPoints', 'requiredFactorCategories', 'level'] as const).filter((f) => action[f] === undefined);
    if (missing.length > 0) {
      add('missing_requirement', [...path, missing[0] ?? ''], `"${name}" requires verification but does not say ${missing.join(', ')}`);
      continue;
    }
    checkRequirement(
      { requiredDataPoints: action.requiredDataPoints ?? 0, requiredFactorCategories: action.requiredFactorCategories ?? [], allowedDataPoints: action.allowedDataPoints },
      path,
      action.requestType,
    );
    if (action.sensitive) checkRequirement(action.sensitive, [...path, 'sensitive'], action.requestType);
  }
  return issues;
}

function fail(issues: Issue[]): never {
  const [first, ...rest] = issues;
  if (!first) throw new VerificationPolicyError('invalid_policy', '', 'caregate: invalid verification policy');
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''}: see error.issues)` : '';
  const where = first.path === '' ? 'the top level' : first.path;
  throw new VerificationPolicyError(
    first.code,
    first.path,
    `caregate: verification policy, at ${where}: ${first.message}${more}`,
    issues.map((i) => ({ ...i, message: `caregate: verification policy, at ${i.path || 'the top level'}: ${i.message}` })),
  );
}

/** Validates a policy object (parsed JSON or built in code) and fills in defaults; throws VerificationPolicyError. */
export function parsePolicy(input: unknown): VerificationPolicy {
  const forbidden = forbiddenNameIssues(input);
  if (forbidden.length > 0) fail(forbidden);
  const parsed = verificationPolicySchema.safeParse(input);
  if (!parsed.success) {
    fail(
      parsed.error.issues.map((issue) => ({
        code: `schema_${issue.code}`,
        path: jsonPointer(issue.path),
        message: `${issue.message}; fix the policy (the fields are described in docs/verification.md)`,
      })),
    );
  }
  const rules = ruleIssues(parsed.data);
  if (rules.length > 0) fail(rules);
  return parsed.data;
}

/** Reads and validates a policy JSON file. */
export function loadPolicyFile(file: string | URL): VerificationPolicy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const why = err instanceof Error && 'code' in err ? String(err.code) : 'unreadable';
    throw new VerificationPolicyError('unreadable_policy', '', `caregate: cannot read the verification policy file ${String(file)} (${why}); pass the path of a readable JSON file`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new VerificationPolicyError('invalid_json', '', `caregate: the verification policy file ${String(file)} is not valid JSON (${err instanceof Error ? err.message : 'parse error'})`);
  }
  return parsePolicy(json);
}

/** URL of the default policy shipped with the package (src/verify and dist/verify both sit two levels down). */
export const DEFAULT_POLICY_URL = new URL('../../rules/verification-policy.json', import.meta.url);

/** The default policy, rules/verification-policy.json, validated. */
export function loadDefaultPolicy(): VerificationPolicy {
  return loadPolicyFile(DEFAULT_POLICY_URL);
}

/**
 * The requirement for an action: its sensitive tier when the request is sensitive, else its standard one;
 * 'not_required' when the action takes no verification; undefined when the policy has no such action.
 */
export function requirementFor(
  policy: VerificationPolicy,
  actionName: string,
  sensitive: boolean,
): Requirement | 'not_required' | undefined {
  const action = Object.hasOwn(policy.actions, actionName) ? policy.actions[actionName] : undefined;
  if (!action) return undefined;
  if (action.verification === 'none') return 'not_required';
  const tier = sensitive && action.sensitive ? action.sensitive : undefined;
  return {
    requiredDataPoints: tier?.requiredDataPoints ?? action.requiredDataPoints ?? 0,
    requiredFactorCategories: [...(tier?.requiredFactorCategories ?? action.requiredFactorCategories ?? [])],
    allowedDataPoints: [...(tier?.allowedDataPoints ?? action.allowedDataPoints ?? Object.keys(policy.dataPoints))],
    requiresDeclaration: tier?.requiresDeclaration ?? action.requiresDeclaration ?? false,
    level: tier?.level ?? action.level ?? 'reasonable',
    reference: tier?.reference ?? action.reference,
  };
}

/** True when the request names data categories the action's sensitive tier lists (or says it is sensitive). */
export function isSensitiveRequest(
  action: ActionPolicy,
  request: { sensitivity?: 'standard' | 'sensitive' | undefined; dataCategories?: readonly string[] | undefined },
): boolean {
  if (!action.sensitive) return false;
  if (request.sensitivity === 'sensitive') return true;
  if (request.dataCategories && request.dataCategories.some((c) => action.sensitive?.categories.includes(c))) return true;
  // A delete request that names neither is held to the higher tier: the safer reading of 7062(d).
  return request.sensitivity === undefined && (request.dataCategories === undefined || request.dataCategories.length === 0);
}

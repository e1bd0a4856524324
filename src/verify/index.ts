// Public API of identity verification.
export { createVerifier, PERJURY_DECLARATION_TEXT } from './verifier.js';
export type {
  CheckInput,
  CheckResult,
  Declaration,
  IssueOtpInput,
  IssueOtpResult,
  Missing,
  Verifier,
  VerifierOptions,
} from './verifier.js';
export {
  DEFAULT_POLICY_URL,
  FACTOR_CATEGORIES,
  LEVELS,
  REQUEST_TYPES,
  UNGATED_ACTION_NAMES,
  UNGATED_REQUEST_TYPES,
  isSensitiveRequest,
  loadDefaultPolicy,
  loadPolicyFile,
  parsePolicy,
  requirementFor,
  verificationPolicySchema,
} from './policy.js';
export type { ActionPolicy, FactorCategory, Level, OtpDelivery, RequestType, Requirement, VerificationPolicy, VerificationPolicyInput } from './policy.js';
export {
  normalize,
  normalizeAmount,
  normalizeDate,
  normalizeEmail,
  normalizeIdentifier,
  normalizeLast4,
  normalizeName,
  normalizePhoneLast4,
  normalizePostalCode,
  NORMALIZER_NAMES,
} from './normalize.js';
export type { DateOrder, NormalizeOptions, NormalizerName } from './normalize.js';
export { forbiddenDataPoint, forbiddenEntity, isSsnLastFour, FORBIDDEN_NAMES_URL } from './forbidden.js';
export { FACTOR_CATEGORY_ALIASES, factorCategoryOf } from './factors.js';
export { canonicalId } from './ids.js';
export type { ForbiddenKind, ForbiddenMatch } from './forbidden.js';
export { VerificationConfigError, VerificationError, VerificationInputError, VerificationPolicyError } from './errors.js';
export { generateOtpCode } from './otp.js';
export { createMemoryStore } from './memory-store.js';
export type { MemoryStore } from './memory-store.js';
export { createRedisStore } from './redis-store.js';
export type { RedisStore, RedisStoreOptions } from './redis-store.js';
export type { Reservation, StoredChallenge, VerificationStore } from './store.js';
export type { TokenCheck, TokenClaims } from './token.js';
export type { CheckAuditEvent, CheckOutcome, OtpAuditEvent } from './audit.js';

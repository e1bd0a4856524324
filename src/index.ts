// Public entry point of caregate. Each area re-exports from its own folder.
export { createRedactor } from './redactor.js';
export type { Redactor, RedactResult, RedactValueResult, RuleInfo, SessionOptions } from './redactor.js';
export type { RedactorConfig } from './config.js';
export { DEFAULT_KEY_HINTS } from './config.js';
export type { Finding, Explanation, ScanError } from './detect/types.js';
export type { ValueFinding } from './value.js';
export { CaregateError } from './errors.js';
export type { ErrorLocation } from './errors.js';
export type { RulePack, Rule } from './rules/types.js';
export { loadPackFile, validatePackShape, DEFAULT_PACKS } from './rules/load.js';
export type { Validator, ValidatorInput } from './validators/types.js';
export { cardBrand } from './validators/card.js';
export { createRedactStream, RedactStream } from './stream/node-stream.js';
export type { RedactStreamOptions } from './stream/node-stream.js';

// Identity verification and the GDPR/CCPA request register: their main entry points here, everything
// else from the subpaths 'caregate/verify' and 'caregate/privacy'.
export { createVerifier, loadDefaultPolicy, loadPolicyFile, parsePolicy, createMemoryStore, createRedisStore, VerificationError } from './verify/index.js';
export type { Verifier, VerifierOptions, CheckInput, CheckResult, VerificationPolicy, VerificationStore } from './verify/index.js';
export { openRequestLog, verifyLedger, PrivacyError } from './privacy/index.js';
export type { RequestLog, RequestLogOptions, IntegrityReport } from './privacy/index.js';
export { inspectUpload } from './uploads/index.js';
export type { UploadInspection, UploadPolicy } from './uploads/index.js';
export { createRedactWebStream, RedactWebStream } from './stream/web-stream.js';
export type { RedactWebStreamOptions } from './stream/web-stream.js';
export { createFormatStream, FORMAT_NAMES, formatFromExtension, sniffFormat } from './formats/index.js';
export type { FormatName, FormatOptions, FormatSummary, FormatStream } from './formats/index.js';

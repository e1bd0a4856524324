// Uploads: sniff, scan and decide (clean, redacted, blocked) for files customers send to customer care.
export { inspectUpload, describeFindings } from './inspect.js';
export type { InspectUploadOptions } from './inspect.js';
export { parseUploadPolicy, ALLOWABLE_KINDS, DEFAULT_BLOCK_ENTITIES, DEFAULT_MAX_BYTES, DEFAULT_MAX_EXPANDED_BYTES } from './policy.js';
export type { UploadPolicy, ResolvedUploadPolicy, AllowableKind } from './policy.js';
export type { UploadSource } from './read-source.js';
export { sniffUpload } from './sniff.js';
export type { UploadKind, SniffResult } from './sniff.js';
export type { UploadVerdict, UploadReasonCode, UploadFinding, UploadInspection } from './types.js';

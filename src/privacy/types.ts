/** Request types across the supported laws (names are ours; each jurisdiction lists the ones it has). */
export const REQUEST_TYPES = [
  'access',
  'know_categories',
  'know_specific',
  'delete',
  'correct',
  'portability',
  'opt_out_sale_sharing',
  'limit_sensitive_pi',
  'restrict',
  'object',
  'appeal',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const JURISDICTIONS = ['GDPR', 'UK_GDPR', 'CCPA', 'VCDPA', 'CPA'] as const;
export type JurisdictionId = (typeof JURISDICTIONS)[number];

/** Lifecycle states. Terminal: completed, denied, withdrawn. */
export const REQUEST_STATES = [
  'received',
  'acknowledged',
  'identity_pending',
  'verified',
  'verification_failed',
  'in_progress',
  'completed',
  'denied',
  'withdrawn',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** How the request was made (CCPA 11 CCR 7101(b) "manner in which the request was made"). */
export const CHANNELS = ['email', 'phone', 'web_form', 'postal_mail', 'in_person', 'chat', 'app', 'authorized_agent', 'opt_out_signal'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Why a request was denied in whole or in part. */
export const DENIAL_BASES = [
  'unverifiable',
  'not_made_by_subject',
  'manifestly_unfounded_or_excessive',
  'gdpr_art17_3',
  'ccpa_exception',
  'legal_exemption',
  'other',
] as const;
export type DenialBasisCode = (typeof DENIAL_BASES)[number];

export interface DenialBasis {
  basis: DenialBasisCode;
  /** Legal reference, e.g. "Art. 17(3)(b)" or "Civ. Code 1798.105(d)(8)". Required for exceptions. */
  reference?: string;
  /** Justification (redacted before storage). Required for manifestly unfounded/excessive and other. */
  explanation?: string;
}

/** A calendar date in the business's time zone, `YYYY-MM-DD`. */
export type CalendarDate = string;

/**
 * The outcome of an identity verification, as the verifier reports it. The register stores only this,
 * never the data points themselves (checklist 18).
 */
export interface VerificationOutcome {
  allowed: boolean;
  /** Level reached, e.g. "reasonable" or "reasonably_high". */
  level: string;
  /** Factor categories reached, in the verifier's vocabulary (know/have/are in ledgers written before it). */
  factorCategories: Array<'knowledge' | 'possession' | 'inherence'>;
  /** When the verifier decided (ISO 8601); defaults to the transition time. */
  at?: string;
  /** Types of data points matched, e.g. ["email", "last_order_id"]; never their values. */
  dataPointTypes?: string[];
}

export const TASK_KINDS = [
  'erase',
  'deidentify',
  'export',
  'correct',
  'restrict',
  'suppress',
  'notify_service_provider',
  'notify_contractor',
  'notify_third_party',
  'archive_deferral',
  // Erasure by destroying the subject's keys in the token vault (caregate/vault eraseSubject).
  'crypto_shred',
  'other',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/**
 * open/in_progress block completion; done, not_required (e.g. no data held, or notice impossible or a
 * disproportionate effort, 11 CCR 7022(b)(3)) and deferred (archive or backup systems, 7022(b)(1)) do not.
 * not_required and deferred need a note.
 */
export const TASK_STATUSES = ['open', 'in_progress', 'done', 'not_required', 'deferred'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** Task statuses that still block completion of a delete request. */
export const OPEN_TASK_STATUSES: ReadonlySet<TaskStatus> = new Set(['open', 'in_progress']);

export interface RequestTask {
  id: string;
  system: string;
  kind: TaskKind;
  status: TaskStatus;
  categories: string[];
  note?: string;
  createdAt: string;
  updatedAt: string;
}

export interface Contact {
  /** Preferred way to send the answer. */
  via: 'email' | 'phone' | 'postal_mail' | 'account' | 'agent';
  email?: string;
  phone?: string;
  postalAddress?: string;
  name?: string;
}

export interface Deadlines {
  /** CCPA: confirmation of receipt due (10 business days). */
  acknowledgeBy?: CalendarDate;
  /** Current response deadline (after any extension or clock restart). */
  respondBy: CalendarDate;
  /** Response deadline before any extension. */
  initialRespondBy: CalendarDate;
  /** The latest date an extension could move the deadline to; absent when none is allowed. */
  extendableTo?: CalendarDate;
  /** Date from which the periods run (the receipt date, or the identity date where the clock starts later). */
  clockStart: CalendarDate;
}

export interface Extension {
  noticeSentAt: string;
  reason: string;
  at: string;
  previousRespondBy: CalendarDate;
  respondBy: CalendarDate;
}

export interface ResponseRecord {
  at: string;
  date: CalendarDate;
  outcome: 'complied' | 'partially_complied' | 'denied' | 'withdrawn';
  nature?: string;
  denial?: DenialBasis;
  remediesNotified?: boolean;
}

/** One line of a request's history, as `show` prints it. */
export interface HistoryItem {
  seq: number;
  ts: string;
  at: string;
  kind: string;
  actor: string;
  summary: string;
}

/** The register's view of one request; derived only from ledger entries. */
export interface DsarRequest {
  id: string;
  type: RequestType;
  jurisdiction: JurisdictionId;
  status: RequestState;
  channel: Channel;
  receivedAt: string;
  receivedDate: CalendarDate;
  timeZone: string;
  calendar: { id: string; version: string };
  rulesVersion: string;
  subjectRef: string;
  contact: Contact;
  externalId?: string;
  appealOf?: string;
  description?: string;
  deadlines: Deadlines;
  acknowledgedAt?: string;
  identityRequestedAt?: string;
  verification?: VerificationOutcome & { at: string };
  extension?: Extension;
  queue?: string;
  tasks: RequestTask[];
  notes: string[];
  response?: ResponseRecord;
  retainUntil?: CalendarDate;
  history: HistoryItem[];
}

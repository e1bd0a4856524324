// Audit events, one per check and per code issued. They carry names, booleans and pseudonyms: never a
// value a person gave or a value on file (CCPA 11 CCR 7060(d); PCI DSS 10.2). Strings a caller chose (agent
// ID, channel, declaration reference) have been through safeText before they get here.
import { pino } from 'pino';
import type { Logger } from 'pino';

export type CheckOutcome = 'allowed' | 'denied' | 'locked' | 'not_required';

export interface CheckAuditEvent {
  action: string;
  requestType: string;
  /** Keyed pseudonym of the subject. */
  subject: string;
  /** The agent's ID as given, through the output gate (safeText). */
  agent?: string | undefined;
  /** Keyed pseudonym of the origin (ANI or IP). */
  origin?: string | undefined;
  /** The channel as given, through the output gate (safeText). */
  channel: string;
  /** For each supplied data point used for this action: whether it matched. */
  dataPoints: Record<string, boolean>;
  /** Supplied data points left out (the attribute being corrected, or not allowed for the action). */
  excludedDataPoints: string[];
  factorCategories: string[];
  possession?: { via?: string | undefined; restricted: boolean; outcome: string } | undefined;
  declarationRef?: string | undefined;
  outcome: CheckOutcome;
  /** Verification level reached (named so as not to clash with pino's log level). */
  verificationLevel: string;
  reference: string;
  internalReason: string;
  tokenId?: string | undefined;
  /** When the check happened by the caller's clock (pino's own `time` is when the line was written). */
  at: string;
}

export interface OtpAuditEvent {
  subject: string;
  agent?: string | undefined;
  origin?: string | undefined;
  via: string;
  restricted: boolean;
  outcome: 'issued' | 'locked' | 'send_failed';
  expiresAt?: string | undefined;
  /** When the code was issued by the caller's clock. */
  at: string;
}

export interface VerificationAudit {
  check(event: CheckAuditEvent): void;
  otpIssued(event: OtpAuditEvent): void;
}

/** Writes audit events to a pino logger (a new one on stdout when none is given). */
export function createAudit(logger?: Logger): VerificationAudit {
  const log = (logger ?? pino({ name: 'caregate' })).child({ component: 'caregate.verify' });
  return {
    check(event) {
      const level = event.outcome === 'allowed' || event.outcome === 'not_required' ? 'info' : 'warn';
      log[level]({ event: 'verification.check', ...event }, `verification ${event.outcome}: ${event.action}`);
    },
    otpIssued(event) {
      const level = event.outcome === 'issued' ? 'info' : 'warn';
      log[level]({ event: 'verification.otp', ...event }, `one-time code ${event.outcome} via ${event.via}`);
    },
  };
}

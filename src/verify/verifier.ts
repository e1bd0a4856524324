// The verifier: checks what a person supplied against what is on file, for one action of the policy.
// Values are normalized, turned into keyed digests and compared with timingSafeEqual; they are never
// logged, returned, kept or put in an error. Only data point names and match booleans leave this module.
import type { Logger } from 'pino';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import validator from 'validator';
import { safeText } from '../safe-output.js';
import { createAudit } from './audit.js';
import type { CheckOutcome } from './audit.js';
import { createKeys, pseudonym } from './digest.js';
import type { VerificationKeys } from './digest.js';
import { VerificationConfigError } from './errors.js';
import { inputError, isRecord, readDeclaration, requireText, screenOnFile, screenProvided, shown, toMillis } from './input.js';
import type { RecordedDeclaration } from './input.js';
import { canonicalId } from './ids.js';
import { createLockout } from './lockout.js';
import { matchDataPoints } from './match.js';
import { createMemoryStore } from './memory-store.js';
import type { NormalizeOptions } from './normalize.js';
import { createOtpService } from './otp.js';
import type { OtpVerification } from './otp.js';
import { isSensitiveRequest, parsePolicy, requirementFor } from './policy.js';
import type { FactorCategory, Level, OtpDelivery, VerificationPolicy } from './policy.js';
import type { VerificationStore } from './store.js';
import { checkToken, issueToken } from './token.js';
import type { TokenCheck } from './token.js';

export interface VerifierOptions {
  /** Secret HMAC key, at least 32 bytes; the same in every process that shares a store. */
  key: Buffer | string;
  /** Where counters, locks and code challenges live (default: this process's memory). */
  store?: VerificationStore;
  /** pino logger for audit events (default: a new pino logger on stdout). */
  logger?: Logger;
}

/** A declaration under penalty of perjury that the requester is the consumer (CCPA 11 CCR 7062(c)). */
export interface Declaration {
  signed: boolean;
  /** A Date, milliseconds since the epoch, or an ISO 8601 string with its offset. */
  signedAt: Date | number | string;
  /** Where the signed declaration is kept; the caller stores the artefact with the request record. */
  documentRef: string;
}

/** Suggested wording for the declaration; the business may use its own. */
export const PERJURY_DECLARATION_TEXT =
  'I declare under penalty of perjury under the laws of the State of California that I am the consumer whose personal information is the subject of this request.';

export interface CheckInput {
  action: string;
  /** The business's ID of the subject (account or customer ID). Only its pseudonym is logged or stored. */
  subjectId: string;
  /** The subject's record: fields named by the policy's data points (onFileField) and contact points. */
  onFile: Readonly<Record<string, string | null | undefined>>;
  /** Data points the person supplied, by data point name. */
  provided: Readonly<Record<string, string>>;
  /** The caller's clock: a Date, milliseconds, or an ISO 8601 string with its offset. */
  now: Date | number | string;
  /** Channel of the interaction (phone, chat, email …); the token is scoped to it. */
  channel: string;
  /** The agent handling the interaction, for per-agent limits and the audit trail. */
  agentId?: string;
  /** Where the interaction comes from (ANI or IP), for per-origin limits; only its pseudonym is kept. */
  origin?: string;
  /** A one-time code the person read back, for the possession factor. */
  otp?: { challengeId: string; code: string };
  declaration?: Declaration;
  /** For a correction: the data points or on-file fields being corrected; they are not used (7060(h)). */
  correcting?: readonly string[];
  /** For a deletion: how sensitive the information is, or the data categories to delete. */
  sensitivity?: 'standard' | 'sensitive';
  dataCategories?: readonly string[];
}

export type Missing = 'data_points' | 'possession' | 'declaration';

export interface CheckResult {
  allowed: boolean;
  /** Level reached: the action's level when allowed, 'not_required' for ungated actions, else 'none'. */
  level: Level | 'not_required' | 'none';
  /** Names of the data points that matched (never values). */
  matchedDataPoints: string[];
  factorCategories: FactorCategory[];
  /** What the action needed and did not get. */
  missing: Missing[];
  /** Failed checks the subject may still make before it is locked. */
  attemptsLeft: number;
  token?: string;
  tokenExpiresAt?: Date;
  /** Safe to tell the person: never says which data point failed or how many matched. */
  reason: string;
  /** For agents and the audit trail: which data points matched, which did not, and why. */
  internalReason: string;
  lockedUntil?: Date;
  /** The declaration as recorded, to keep with the request record. */
  declaration?: RecordedDeclaration;
  /** Regulation or policy reference of the requirement applied. */
  reference: string;
}

export interface IssueOtpInput {
  subjectId: string;
  via: OtpDelivery;
  /** The subject's record: the code goes to the contact point on file, never to one given in the interaction. */
  onFile: Readonly<Record<string, string | null | undefined>>;
  now: Date | number | string;
  /** Delivers the code; the library never sends anything itself. */
  send: (message: { to: string; code: string; via: OtpDelivery; restricted: boolean; expiresAt: Date }) => void | Promise<void>;
  agentId?: string;
  origin?: string;
}

export type IssueOtpResult =
  | { issued: true; challengeId: string; via: OtpDelivery; restricted: boolean; expiresAt: Date }
  | { issued: false; reason: 'locked'; lockedUntil: Date };

export interface Verifier {
  readonly policy: VerificationPolicy;
  check(input: CheckInput): Promise<CheckResult>;
  issueOtp(input: IssueOtpInput): Promise<IssueOtpResult>;
  /**
   * Checks a token's signature, issue time (at most policy.token.maxClockSkewSeconds ahead), expiry and scope
   * before a sensitive action. A valid token is then used up (unless policy.token.allowReuse): the next call
   * with it answers already_used, in every process that shares the store.
   */
  verifyToken(token: string, expect: { subjectId: string; action: string; channel: string; now: Date | number | string }): Promise<TokenCheck>;
}

const CUSTOMER_REASONS = {
  allowed: 'Thank you, your identity is verified.',
  not_required: 'No identity verification is needed for this request.',
  denied: 'We could not verify your identity with the information provided.',
  locked: 'Verification is not available right now after too many attempts. Please try again later.',
} as const;

const MINUTE = 60_000;

/** Creates a verifier for a policy (validated here) with a key and, optionally, a shared store. */
export function createVerifier(policyInput: VerificationPolicy | unknown, options: VerifierOptions): Verifier {
  if (!isRecord(options)) {
    throw new VerificationConfigError(
      'missing_options',
      '',
      'caregate: createVerifier(policy, options) needs options with key: a secret Buffer or string of at least 32 bytes (for example crypto.randomBytes(32))',
    );
  }
  const keys: VerificationKeys = createKeys(options.key);
  const policy = parsePolicy(policyInput);
  const store = options.store ?? createMemoryStore();
  const audit = createAudit(options.logger);
  const lockout = createLockout(store, policy.lockout);
  const otp = createOtpService(store, keys, {
    digits: policy.otp.digits,
    ttlMs: policy.otp.ttlMinutes * MINUTE,
    maxAttempts: policy.otp.maxAttempts,
  });
  const normalizeOptions: NormalizeOptions = {
    dateOrder: policy.normalization.dateOrder,
    defaultPhoneCountry: policy.normalization.defaultPhoneCountry as CountryCode,
  };

  // IDs are keyed on their canonical form: "CUST-X", " cust-x" and "cust\u2011x\u200b" share one lockout.
  const subjectOf = (id: string) => pseudonym(keys, 'subject', canonicalId(id));
  const partiesOf = (input: { subjectId: string; agentId?: string | undefined; origin?: string | undefined }) => ({
    subject: subjectOf(input.subjectId),
    agent: input.agentId === undefined ? undefined : pseudonym(keys, 'agent', canonicalId(requireText(input.agentId, '/agentId', 'the ID of the agent'))),
    origin: input.origin === undefined ? undefined : pseudonym(keys, 'origin', canonicalId(requireText(input.origin, '/origin', 'the ANI or IP the interaction comes from'))),
  });
  // The channel is a caller's string that goes into audit events and tokens: redacted like any output.
  const channelOf = (value: unknown) => safeText(requireText(value, '/channel', 'the channel of the interaction, such as "phone" or "chat"'));

  return {
    policy,

    async check(input) {
      if (!isRecord(input)) throw inputError('invalid_input', '', 'check() takes { action, subjectId, onFile, provided, now, channel }');
      const actionName = requireText(input.action, '/action', 'an action of the policy');
      const action = Object.hasOwn(policy.actions, actionName) ? policy.actions[actionName] : undefined;
      if (!action) {
        throw inputError('unknown_action', '/action', `${shown(actionName)} is not an action of the policy; use one of: ${Object.keys(policy.actions).join(', ')}`);
      }
      const subjectId = requireText(input.subjectId, '/subjectId', "the business's ID of the subject");
      const channel = channelOf(input.channel);
      const now = toMillis(input.now, '/now');
      const provided = screenProvided(policy, input.provided);
      const onFile = screenOnFile(policy, input.onFile);
      if (input.otp !== undefined && (!isRecord(input.otp) || typeof input.otp.challengeId !== 'string' || typeof input.otp.code !== 'string')) {
        throw inputError('invalid_otp', '/otp', 'otp must be { challengeId, code } as strings');
      }
      const parties = partiesOf(input);
      const at = new Date(now).toISOString();
      const baseEvent = {
        action: actionName,
        requestType: action.requestType,
        subject: parties.subject,
        // The agent's ID as the business knows it (auditors need to read it), through the output gate.
        agent: input.agentId === undefined ? undefined : safeText(input.agentId),
        origin: parties.origin,
        channel,
        at,
      };

      const requirement = requirementFor(policy, actionName, isSensitiveRequest(action, input));
      if (requirement === 'not_required' || requirement === undefined) {
        // 7060(b): nothing is compared or counted; supplied data points are not even read.
        const internalReason = `no verification: ${action.reference}`;
        audit.check({ ...baseEvent, dataPoints: {}, excludedDataPoints: [], factorCategories: [], outcome: 'not_required', verificationLevel: 'not_required', reference: action.reference, internalReason });
        return {
          allowed: true,
          level: 'not_required',
          matchedDataPoints: [],
          factorCategories: [],
          missing: [],
          attemptsLeft: await lockout.attemptsLeft(parties.subject, now),
          reason: CUSTOMER_REASONS.not_required,
          internalReason,
          reference: action.reference,
        };
      }

      let corrected = new Set<string>();
      if (action.requestType === 'correct') {
        const correcting = input.correcting;
        if (!Array.isArray(correcting) || correcting.length === 0 || !correcting.every((c) => typeof c === 'string')) {
          throw inputError('missing_correcting', '/correcting', `${shown(actionName)} is a correction: pass correcting, the names of the data points or fields being corrected, so they are not used to verify (CCPA 11 CCR 7060(h))`);
        }
        corrected = new Set(correcting);
      }

      // Read before an attempt is counted, so that malformed input never uses one up.
      const declaration = readDeclaration(input.declaration, now);

      // Reserve, then compare: the attempt is counted for subject, agent and origin before anything is
      // compared, and refused without comparing when a party is locked or over its limit.
      const reserved = await lockout.reserve(parties, now);
      if (!reserved.ok) {
        const internalReason = `locked: ${reserved.scope} has too many failed checks, until ${new Date(reserved.until).toISOString()}; nothing was compared`;
        audit.check({ ...baseEvent, dataPoints: {}, excludedDataPoints: [], factorCategories: [], outcome: 'locked', verificationLevel: 'none', reference: requirement.reference, internalReason });
        return {
          allowed: false,
          level: 'none',
          matchedDataPoints: [],
          factorCategories: [],
          missing: [],
          attemptsLeft: 0,
          reason: CUSTOMER_REASONS.locked,
          internalReason,
          lockedUntil: new Date(reserved.until),
          reference: requirement.reference,
        };
      }

      const evaluated = matchDataPoints(policy, keys, normalizeOptions, requirement, provided, onFile, corrected);
      let possession: OtpVerification | undefined;
      if (input.otp !== undefined) {
        possession = await otp.verify({ challengeId: input.otp.challengeId, code: input.otp.code, subject: parties.subject, now });
      }

      const factorCategories: FactorCategory[] = [];
      if (evaluated.matched.length > 0 && evaluated.matched.length >= requirement.requiredDataPoints) factorCategories.push('knowledge');
      if (possession?.ok) factorCategories.push('possession');
      const missing: Missing[] = [];
      if (evaluated.matched.length < requirement.requiredDataPoints) missing.push('data_points');
      for (const category of requirement.requiredFactorCategories) {
        if (category !== 'knowledge' && !factorCategories.includes(category)) missing.push('possession');
      }
      if (requirement.requiresDeclaration && !declaration) missing.push('declaration');
      const allowed = missing.length === 0;

      const reasons = [
        `matched ${evaluated.matched.length} of ${requirement.requiredDataPoints} required data points`,
        ...evaluated.details,
      ];
      if (requirement.requiredFactorCategories.includes('possession') || possession) {
        reasons.push(possession ? `one-time code: ${possession.outcome}${possession.restricted ? ' (restricted delivery)' : ''}` : 'one-time code: none supplied');
      }
      if (requirement.requiresDeclaration) reasons.push(declaration ? 'declaration: signed' : 'declaration: missing or not signed');

      let attemptsLeft: number;
      let lockedUntil: Date | undefined;
      let token: { token: string; expiresAt: number; id: string } | undefined;
      if (allowed) {
        await lockout.succeeded(reserved.reservation);
        attemptsLeft = policy.lockout.subject.maxFailures;
        token = issueToken(keys, { sub: parties.subject, act: [actionName], ch: channel, lvl: requirement.level, iat: now, ttlMs: policy.token.ttlMinutes * MINUTE });
      } else {
        const failure = await lockout.failed(reserved.reservation, now);
        attemptsLeft = failure.attemptsLeft;
        if (failure.locked.length > 0) {
          reasons.push(`now locked: ${failure.locked.join(', ')}`);
          const after = await lockout.status(parties, now);
          if (after.locked) lockedUntil = new Date(after.until);
        }
      }
      const internalReason = `${allowed ? 'allowed' : `denied (missing: ${missing.join(', ')})`}: ${reasons.join('; ')}`;
      const outcome: CheckOutcome = allowed ? 'allowed' : 'denied';
      audit.check({
        ...baseEvent,
        dataPoints: evaluated.booleans,
        excludedDataPoints: evaluated.excluded,
        factorCategories,
        possession: possession ? { via: possession.via, restricted: possession.restricted, outcome: possession.outcome } : undefined,
        declarationRef: declaration?.documentRef,
        outcome,
        verificationLevel: allowed ? requirement.level : 'none',
        reference: requirement.reference,
        internalReason,
        tokenId: token?.id,
      });
      return {
        allowed,
        level: allowed ? requirement.level : 'none',
        matchedDataPoints: evaluated.matched,
        factorCategories,
        missing,
        attemptsLeft,
        ...(token ? { token: token.token, tokenExpiresAt: new Date(token.expiresAt) } : {}),
        reason: allowed ? CUSTOMER_REASONS.allowed : CUSTOMER_REASONS.denied,
        internalReason,
        ...(lockedUntil ? { lockedUntil } : {}),
        ...(declaration ? { declaration } : {}),
        reference: requirement.reference,
      };
    },

    async issueOtp(input) {
      if (!isRecord(input)) throw inputError('invalid_input', '', 'issueOtp() takes { subjectId, via, onFile, now, send }');
      const subjectId = requireText(input.subjectId, '/subjectId', "the business's ID of the subject");
      const now = toMillis(input.now, '/now');
      const via = input.via;
      const delivery = typeof via === 'string' && Object.hasOwn(policy.otp.deliveries, via) ? policy.otp.deliveries[via] : undefined;
      if (!delivery) {
        const configured = Object.keys(policy.otp.deliveries);
        throw inputError('otp_delivery_not_configured', '/via', `the policy has no one-time code delivery ${shown(String(via))}; use one of: ${configured.join(', ') || '(none configured)'}`);
      }
      if (typeof input.send !== 'function') throw inputError('missing_send', '/send', 'send must be a function that delivers the code to the contact point on file');
      const onFile = screenOnFile(policy, input.onFile);
      const destination = onFile[delivery.onFileField];
      if (typeof destination !== 'string' || destination.trim() === '') {
        throw inputError('no_contact_on_file', `/onFile/${delivery.onFileField}`, `there is no ${delivery.onFileField} on file for ${via}; a code goes only to a contact point already on file, never to one given during the interaction`);
      }
      const usable =
        via === 'email'
          ? validator.isEmail(destination.trim())
          : parsePhoneNumberFromString(destination, normalizeOptions.defaultPhoneCountry ?? 'US')?.isPossible() === true;
      if (!usable) {
        throw inputError('contact_on_file_unusable', `/onFile/${delivery.onFileField}`, `the ${delivery.onFileField} on file cannot receive a ${via} code (its value is not shown); fix the record`);
      }
      const parties = partiesOf(input);
      const base = { subject: parties.subject, agent: input.agentId === undefined ? undefined : safeText(input.agentId), origin: parties.origin, via, restricted: delivery.restricted, at: new Date(now).toISOString() };
      const status = await lockout.status(parties, now);
      if (status.locked) {
        audit.otpIssued({ ...base, outcome: 'locked' });
        return { issued: false, reason: 'locked', lockedUntil: new Date(status.until) };
      }
      const issued = await otp.issue({ subject: parties.subject, via, restricted: delivery.restricted, now });
      const expiresAt = new Date(issued.expiresAt);
      try {
        await input.send({ to: destination, code: issued.code, via, restricted: delivery.restricted, expiresAt });
      } catch (err) {
        await otp.cancel(issued.challengeId);
        audit.otpIssued({ ...base, outcome: 'send_failed' });
        throw err;
      }
      audit.otpIssued({ ...base, outcome: 'issued', expiresAt: expiresAt.toISOString() });
      return { issued: true, challengeId: issued.challengeId, via, restricted: delivery.restricted, expiresAt };
    },

    async verifyToken(token, expect) {
      if (!isRecord(expect)) throw inputError('invalid_input', '', 'verifyToken(token, expect) takes expect = { subjectId, action, channel, now }');
      const subjectId = requireText(expect.subjectId, '/subjectId', "the business's ID of the subject");
      const now = toMillis(expect.now, '/now');
      const result = checkToken(keys, token, {
        subject: subjectOf(subjectId),
        action: requireText(expect.action, '/action', 'the action about to be taken'),
        channel: channelOf(expect.channel),
        now,
        maxSkewMs: policy.token.maxClockSkewSeconds * 1000,
      });
      if (!result.valid || policy.token.allowReuse) return result;
      // Single use: only the first presentation of a token ID counts, in every process sharing the store.
      return (await store.markTokenUsed(result.claims.jti, result.claims.exp, now)) ? result : { valid: false, reason: 'already_used' };
    },
  };


}

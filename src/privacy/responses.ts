import { localDate } from './dates.js';
import { PrivacyError } from './errors.js';
import { OPEN_TASK_STATUSES } from './types.js';
import type { DenialBasis, DsarRequest, ResponseRecord } from './types.js';

export interface ResponseInput {
  outcome?: 'complied' | 'partially_complied';
  denial?: DenialBasis;
  /** Already redacted. */
  nature?: string;
  remediesNotified?: boolean;
  /** The law requires the refusal to mention complaint and judicial remedies (GDPR Art. 12(4)). */
  remediesRequired: boolean;
}

/**
 * The response recorded when a request reaches a final state (11 CCR 7101(b): date and nature of the
 * response, basis of a denial). Throws when the law or the register's rules do not allow it yet.
 */
export function buildResponse(req: DsarRequest, to: 'denied' | 'completed' | 'withdrawn', at: string, input: ResponseInput): ResponseRecord {
  const { outcome, denial, nature, remediesNotified, remediesRequired } = input;
  const date = localDate(new Date(at), req.timeZone);
  if (to === 'withdrawn') return { at, date, outcome: 'withdrawn', nature };
  const result: ResponseRecord['outcome'] = to === 'denied' ? 'denied' : (outcome ?? 'complied');
  if (to === 'completed') {
    const open = req.tasks.filter((t) => OPEN_TASK_STATUSES.has(t.status));
    if (open.length > 0) {
      throw new PrivacyError('DSAR_TASKS_OPEN', `request ${req.id} cannot complete: tasks ${open.map((t) => `${t.id} (${t.kind} in ${t.system}, ${t.status})`).join(', ')} are still open`);
    }
    if (req.type === 'delete' && req.tasks.length === 0) {
      throw new PrivacyError('DSAR_TASKS_OPEN', `delete request ${req.id} cannot complete without per-system tasks; add one per system erased or deidentified and per service provider or third party notified`);
    }
  }
  if (result === 'denied' || result === 'partially_complied') {
    if (!denial) throw new PrivacyError('DSAR_TRANSITION', `request ${req.id}: a ${result === 'denied' ? 'denial' : 'partial answer'} needs the basis of the denial (denial.basis)`);
    checkDenial(req, denial);
    if (remediesRequired && remediesNotified !== true) {
      throw new PrivacyError(
        'DSAR_TRANSITION',
        `request ${req.id}: under ${req.jurisdiction} the refusal must tell the requester the reasons and of the right to complain to a supervisory authority and to a judicial remedy (Art. 12(4)); record remediesNotified once that is done`,
      );
    }
    return { at, date, outcome: result, nature, denial, remediesNotified };
  }
  if (denial) throw new PrivacyError('DSAR_TRANSITION', `request ${req.id}: a denial basis was given for a request complied with in full; use outcome partially_complied or deny it`);
  return { at, date, outcome: result, nature };
}

/** A denial basis must fit the law and the request type, with the reference or explanation it needs. */
export function checkDenial(req: DsarRequest, denial: DenialBasis): void {
  const fail = (why: string) => {
    throw new PrivacyError('DSAR_TRANSITION', `request ${req.id}: denial basis ${denial.basis} ${why}`);
  };
  const needsReference = denial.basis === 'gdpr_art17_3' || denial.basis === 'ccpa_exception' || denial.basis === 'legal_exemption';
  if (needsReference && !denial.reference) fail('needs the legal reference (denial.reference)');
  if ((denial.basis === 'manifestly_unfounded_or_excessive' || denial.basis === 'other') && !denial.explanation) {
    fail('needs an explanation; the business bears the burden of showing it (denial.explanation)');
  }
  if (denial.basis === 'gdpr_art17_3') {
    if (req.jurisdiction !== 'GDPR' && req.jurisdiction !== 'UK_GDPR') fail(`applies to GDPR erasure requests, not ${req.jurisdiction}`);
    if (req.type !== 'delete') fail('applies to erasure (delete) requests only');
    if (!/17\(3\)\([a-e]\)/.test(denial.reference ?? '')) fail('needs the point of Art. 17(3) in the reference, e.g. "Art. 17(3)(b)"');
  }
  if (denial.basis === 'ccpa_exception' && req.jurisdiction !== 'CCPA') fail(`applies to CCPA requests, not ${req.jurisdiction}`);
}

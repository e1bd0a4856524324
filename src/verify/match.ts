// Matching supplied data points against the record: normalize both sides, take keyed digests, compare them
// in constant time. Only names and booleans come out.
import { digestsEqual } from './digest.js';
import type { VerificationKeys } from './digest.js';
import { onFileFieldOf } from './input.js';
import { normalize } from './normalize.js';
import type { NormalizeOptions } from './normalize.js';
import type { Requirement, VerificationPolicy } from './policy.js';

export type DataPointStatus = 'matched' | 'no_match' | 'not_on_file' | 'unusable';

export interface MatchReport {
  /** Names of the data points that matched, in policy order. */
  matched: string[];
  /** Each compared data point and whether it matched (what the audit event records). */
  booleans: Record<string, boolean>;
  /** Supplied data points not used: being corrected, or not allowed for the action. */
  excluded: string[];
  /** One line per supplied data point for the internal reason. */
  details: string[];
}

/** Compares one data point. Empty normalized values never match, not even each other. */
export function compareDataPoint(
  policy: VerificationPolicy,
  keys: VerificationKeys,
  options: NormalizeOptions,
  dataPoint: string,
  given: string,
  onFileValue: unknown,
): DataPointStatus {
  const def = policy.dataPoints[dataPoint];
  if (!def) return 'unusable';
  const a = normalize(def.normalizer, given, options);
  const b = typeof onFileValue === 'string' ? normalize(def.normalizer, onFileValue, options) : '';
  // Both sides become 32-byte keyed digests, compared in constant time; the label keeps fields apart.
  const equal = digestsEqual(keys.hmac('compare', dataPoint, a), keys.hmac('compare', dataPoint, b));
  if (b.length === 0) return 'not_on_file';
  if (a.length === 0) return 'unusable';
  return equal ? 'matched' : 'no_match';
}

const DETAIL: Record<DataPointStatus, string> = {
  matched: 'matched',
  no_match: 'did not match',
  not_on_file: 'not on file',
  unusable: 'supplied in a form that could not be read',
};

/** Matches every supplied data point the requirement may use; `corrected` names attributes left out (7060(h)). */
export function matchDataPoints(
  policy: VerificationPolicy,
  keys: VerificationKeys,
  options: NormalizeOptions,
  requirement: Requirement,
  provided: Readonly<Record<string, string>>,
  onFile: Readonly<Record<string, unknown>>,
  corrected: ReadonlySet<string>,
): MatchReport {
  const report: MatchReport = { matched: [], booleans: {}, excluded: [], details: [] };
  // Policy order, not the order of `provided`: the outcome must not depend on how the caller lists them.
  for (const dp of Object.keys(policy.dataPoints)) {
    if (!Object.hasOwn(provided, dp)) continue;
    const field = onFileFieldOf(policy, dp);
    if (corrected.has(dp) || corrected.has(field)) {
      report.excluded.push(dp);
      report.details.push(`${dp} not used: it is being corrected (7060(h))`);
      continue;
    }
    if (!requirement.allowedDataPoints.includes(dp)) {
      report.excluded.push(dp);
      report.details.push(`${dp} not used: not allowed for this action`);
      continue;
    }
    const status = compareDataPoint(policy, keys, options, dp, provided[dp] ?? '', onFile[field]);
    report.booleans[dp] = status === 'matched';
    if (status === 'matched') report.matched.push(dp);
    report.details.push(`${dp} ${DETAIL[status]}`);
  }
  return report;
}

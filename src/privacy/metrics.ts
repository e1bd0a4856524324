import type { JurisdictionId, DenialBasisCode, DsarRequest, RequestType } from './types.js';
import { daysBetween } from './dates.js';

/**
 * Yearly request metrics (CCPA 11 CCR 7102): per request type, how many were received in the calendar
 * year, complied with in whole or in part, and denied, and the median and mean days from receipt to the
 * substantive response. Counted by the local receipt date; outcomes as recorded when the report is made.
 */
export interface MetricsRow {
  type: RequestType;
  received: number;
  compliedInWholeOrPart: number;
  compliedInPart: number;
  denied: number;
  /** CCPA 7102(a)(2) optional breakdown of denials. */
  deniedUnverifiable: number;
  deniedNotAConsumer: number;
  deniedExempt: number;
  deniedOther: number;
  withdrawn: number;
  pending: number;
  medianDaysToRespond: number | null;
  meanDaysToRespond: number | null;
}

export interface MetricsReport {
  year: number;
  jurisdiction: JurisdictionId | 'all';
  rows: MetricsRow[];
}

const BREAKOUT: Record<DenialBasisCode, 'deniedUnverifiable' | 'deniedNotAConsumer' | 'deniedExempt' | 'deniedOther'> = {
  unverifiable: 'deniedUnverifiable',
  not_made_by_subject: 'deniedNotAConsumer',
  gdpr_art17_3: 'deniedExempt',
  ccpa_exception: 'deniedExempt',
  legal_exemption: 'deniedExempt',
  manifestly_unfounded_or_excessive: 'deniedOther',
  other: 'deniedOther',
};

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function computeMetrics(requests: readonly DsarRequest[], year: number, options: { jurisdiction?: JurisdictionId } = {}): MetricsReport {
  const rows = new Map<RequestType, MetricsRow & { days: number[] }>();
  for (const req of requests) {
    if (!req.receivedDate.startsWith(`${year}-`)) continue;
    if (options.jurisdiction && req.jurisdiction !== options.jurisdiction) continue;
    let row = rows.get(req.type);
    if (!row) {
      row = {
        type: req.type,
        received: 0,
        compliedInWholeOrPart: 0,
        compliedInPart: 0,
        denied: 0,
        deniedUnverifiable: 0,
        deniedNotAConsumer: 0,
        deniedExempt: 0,
        deniedOther: 0,
        withdrawn: 0,
        pending: 0,
        medianDaysToRespond: null,
        meanDaysToRespond: null,
        days: [],
      };
      rows.set(req.type, row);
    }
    row.received++;
    const r = req.response;
    if (!r) {
      row.pending++;
      continue;
    }
    if (r.outcome === 'withdrawn') {
      row.withdrawn++;
      continue;
    }
    if (r.outcome === 'denied') {
      row.denied++;
      if (r.denial) row[BREAKOUT[r.denial.basis]]++;
    } else {
      row.compliedInWholeOrPart++;
      if (r.outcome === 'partially_complied') row.compliedInPart++;
    }
    row.days.push(daysBetween(req.receivedDate, r.date));
  }
  const out: MetricsRow[] = [...rows.values()]
    .sort((a, b) => a.type.localeCompare(b.type))
    .map(({ days, ...row }) => {
      const sorted = [...days].sort((a, b) => a - b);
      const mean = sorted.length ? Math.round((sorted.reduce((s, d) => s + d, 0) / sorted.length) * 10) / 10 : null;
      return { ...row, medianDaysToRespond: median(sorted), meanDaysToRespond: mean };
    });
  return { year, jurisdiction: options.jurisdiction ?? 'all', rows: out };
}

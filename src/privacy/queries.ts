import { addDays, daysBetween, localDate } from './dates.js';
import { ListFilterSchema, parseInput } from './inputs.js';
import type { ListFilter } from './inputs.js';
import { isTerminal } from './lifecycle.js';
import type { CalendarDate, DsarRequest } from './types.js';

/** A request as `list` shows it: the next deadline still pending and whether it has passed. */
export interface ListedRequest {
  id: string;
  type: DsarRequest['type'];
  jurisdiction: DsarRequest['jurisdiction'];
  status: DsarRequest['status'];
  receivedDate: CalendarDate;
  queue?: string;
  /** The earliest deadline not yet met: confirm receipt, or respond. */
  nextDeadline?: { kind: 'acknowledge' | 'respond'; date: CalendarDate };
  /** Days past the earliest missed deadline (0 when none is missed). */
  overdueDays: number;
  extended: boolean;
}

/** Deadlines a request still has to meet, earliest first. */
export function pendingDeadlines(req: DsarRequest): Array<{ kind: 'acknowledge' | 'respond'; date: CalendarDate }> {
  if (isTerminal(req.status)) return [];
  const out: Array<{ kind: 'acknowledge' | 'respond'; date: CalendarDate }> = [];
  if (req.deadlines.acknowledgeBy && !req.acknowledgedAt) out.push({ kind: 'acknowledge', date: req.deadlines.acknowledgeBy });
  out.push({ kind: 'respond', date: req.deadlines.respondBy });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function describe(req: DsarRequest, now: Date): ListedRequest {
  const next = pendingDeadlines(req)[0];
  const today = localDate(now, req.timeZone);
  return {
    id: req.id,
    type: req.type,
    jurisdiction: req.jurisdiction,
    status: req.status,
    receivedDate: req.receivedDate,
    queue: req.queue,
    nextDeadline: next,
    overdueDays: next && next.date < today ? daysBetween(next.date, today) : 0,
    extended: req.extension !== undefined,
  };
}

/**
 * Filters requests. A deadline is met through the whole of its day in the request's time zone: overdue
 * means today (there) is after it; dueWithinDays N means not overdue and due by today + N.
 */
export function listRequests(requests: readonly DsarRequest[], filter: ListFilter, clockNow: Date): ListedRequest[] {
  const f = parseInput(ListFilterSchema, filter, 'list');
  const now = f.now ?? clockNow;
  return requests
    .filter((r) => (!f.status || f.status.includes(r.status)) && (!f.jurisdiction || r.jurisdiction === f.jurisdiction) && (!f.type || r.type === f.type) && (!f.queue || r.queue === f.queue))
    .map((r) => describe(r, now))
    .filter((l) => {
      if (f.overdue && l.overdueDays === 0) return false;
      if (f.dueWithinDays !== undefined) {
        const req = requests.find((r) => r.id === l.id) as DsarRequest;
        if (!l.nextDeadline || l.overdueDays > 0) return false;
        if (l.nextDeadline.date > addDays(localDate(now, req.timeZone), f.dueWithinDays)) return false;
      }
      return true;
    })
    .sort((a, b) => (a.nextDeadline?.date ?? '9999') .localeCompare(b.nextDeadline?.date ?? '9999') || a.id.localeCompare(b.id));
}

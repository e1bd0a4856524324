import { addBusinessDays, nextWorkingDay } from './calendar.js';
import type { HolidayCalendar } from './calendar.js';
import { addDays, addMonthsClamped, localDate } from './dates.js';
import { PrivacyError } from './errors.js';
import type { Period, TypeRule } from './jurisdictions.js';
import type { CalendarDate, Deadlines, DsarRequest } from './types.js';

/**
 * Deadline arithmetic. Periods run from a calendar date in the business's time zone: the day of receipt
 * is not counted (Reg. 1182/71 Art. 3(1)); "months" land on the same day-number, capped at the month's
 * last day (Art. 3(2)(c)); rollToWorkingDay moves a weekend or holiday to the next working day (Art. 3(4)).
 */
export function addPeriod(start: CalendarDate, period: Period, cal: HolidayCalendar): CalendarDate {
  let end: CalendarDate;
  switch (period.unit) {
    case 'months':
      end = addMonthsClamped(start, period.count);
      break;
    case 'calendar_days':
      end = addDays(start, period.count);
      break;
    case 'business_days':
      end = addBusinessDays(cal, start, period.count);
      break;
  }
  return period.rollToWorkingDay ? nextWorkingDay(cal, end) : end;
}

/** All deadlines of a request whose periods run from `clockStart` (receipt, or later where the law says so). */
export function computeDeadlines(rule: TypeRule, receivedDate: CalendarDate, clockStart: CalendarDate, cal: HolidayCalendar): Deadlines {
  const respondBy = addPeriod(clockStart, rule.respond, cal);
  const deadlines: Deadlines = { respondBy, initialRespondBy: respondBy, clockStart };
  if (rule.acknowledge) deadlines.acknowledgeBy = addPeriod(receivedDate, rule.acknowledge, cal);
  if (rule.extendTo) deadlines.extendableTo = addPeriod(clockStart, rule.extendTo, cal);
  return deadlines;
}

export interface ExtensionInput {
  now: Date;
  noticeSentAt: Date | undefined;
  reason: string | undefined;
}

/**
 * Checks that an extension is allowed now and returns the new response deadline. Refuses what the law
 * does not allow: no extension for this type, a second extension, after the deadline, or without a notice
 * (with reasons) sent before the first deadline.
 */
export function checkExtension(req: DsarRequest, rule: TypeRule, cal: HolidayCalendar, input: ExtensionInput): CalendarDate {
  const refuse = (why: string) => {
    throw new PrivacyError('DSAR_EXTENSION', `cannot extend request ${req.id}: ${why}`);
  };
  if (!rule.extendTo) return refuse(`${req.jurisdiction} allows no extension of a ${req.type} request (${rule.reference})`);
  if (req.extension) return refuse(`it was already extended once (to ${req.extension.respondBy}); the law allows one extension`);
  const today = localDate(input.now, req.timeZone);
  if (today > req.deadlines.respondBy) {
    return refuse(`the deadline ${req.deadlines.respondBy} has passed (today is ${today} in ${req.timeZone}); an extension must be made before it`);
  }
  if (!input.reason || !input.reason.trim()) return refuse('give the reasons for the delay; they must be sent to the requester with the notice');
  if (!input.noticeSentAt) return refuse('record when the extension notice with the reasons was sent to the requester (noticeSentAt)');
  if (input.noticeSentAt.getTime() > input.now.getTime()) return refuse('the notice time is in the future; record a notice that was already sent');
  if (input.noticeSentAt.getTime() < Date.parse(req.receivedAt)) return refuse('the notice time is before the request was received');
  const noticeDate = localDate(input.noticeSentAt, req.timeZone);
  if (noticeDate > req.deadlines.respondBy) {
    return refuse(`the notice was sent on ${noticeDate}, after the deadline ${req.deadlines.respondBy}; it must be sent before it`);
  }
  const extended = addPeriod(req.deadlines.clockStart, rule.extendTo, cal);
  if (extended <= req.deadlines.respondBy) return refuse(`the extended deadline ${extended} would not be later than ${req.deadlines.respondBy}`);
  return extended;
}

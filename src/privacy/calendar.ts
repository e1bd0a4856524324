import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { addDays, isCalendarDate, weekday } from './dates.js';
import { PrivacyError } from './errors.js';
import type { CalendarDate } from './types.js';

/**
 * Holiday calendars are data: versioned JSON files in rules/holidays/. No holiday is written in code.
 * A calendar covers a date range; asking about a date outside it is an error, so a deadline is never
 * computed from a calendar that does not know the year.
 */

const dateString = z.string().refine(isCalendarDate, 'must be a YYYY-MM-DD date');

export const HolidayCalendarSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  version: z.string().min(1),
  name: z.string().min(1),
  source: z.string().min(1),
  coverage: z.strictObject({ from: dateString, to: dateString }).optional(),
  weekend: z.array(z.number().int().min(0).max(6)).max(6),
  holidays: z.array(z.strictObject({ date: dateString, name: z.string().min(1) })),
});
export type HolidayCalendarData = z.infer<typeof HolidayCalendarSchema>;

export interface HolidayCalendar {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  /** True for Mon–Fri days (per the calendar's weekend) that are not holidays. */
  isWorkingDay(date: CalendarDate): boolean;
  holidayName(date: CalendarDate): string | undefined;
}

export function makeCalendar(data: HolidayCalendarData): HolidayCalendar {
  const parsed = HolidayCalendarSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PrivacyError('DSAR_CALENDAR', `holiday calendar "${String((data as { id?: unknown }).id)}" is invalid at /${issue?.path.join('/')}: ${issue?.message}; fix the calendar file`);
  }
  const cal = parsed.data;
  const holidays = new Map(cal.holidays.map((h) => [h.date, h.name]));
  const weekend = new Set(cal.weekend);
  const check = (date: CalendarDate) => {
    if (cal.coverage && (date < cal.coverage.from || date > cal.coverage.to)) {
      throw new PrivacyError(
        'DSAR_CALENDAR',
        `holiday calendar ${cal.id} v${cal.version} covers ${cal.coverage.from} to ${cal.coverage.to}, not ${date}; add a newer version of rules/holidays/${cal.id}.json that covers that year`,
      );
    }
  };
  return {
    id: cal.id,
    version: cal.version,
    name: cal.name,
    isWorkingDay(date) {
      check(date);
      return !weekend.has(weekday(date)) && !holidays.has(date);
    },
    holidayName(date) {
      return holidays.get(date);
    },
  };
}

/** The first working day on or after `date`. */
export function nextWorkingDay(cal: HolidayCalendar, date: CalendarDate): CalendarDate {
  let d = date;
  for (let i = 0; i < 366; i++, d = addDays(d, 1)) if (cal.isWorkingDay(d)) return d;
  throw new PrivacyError('DSAR_CALENDAR', `holiday calendar ${cal.id} v${cal.version} has no working day within a year of ${date}`);
}

/** The date `count` working days after `date` (the day itself is not counted). */
export function addBusinessDays(cal: HolidayCalendar, date: CalendarDate, count: number): CalendarDate {
  let d = date;
  for (let n = 0; n < count; ) {
    d = addDays(d, 1);
    if (cal.isWorkingDay(d)) n++;
  }
  return d;
}

const HOLIDAYS_DIR = new URL('../../rules/holidays/', import.meta.url);
let bundled: Map<string, HolidayCalendar> | undefined;

/** The calendars shipped in rules/holidays/, by id. */
export function bundledCalendars(): ReadonlyMap<string, HolidayCalendar> {
  if (!bundled) {
    const map = new Map<string, HolidayCalendar>();
    for (const file of readdirSync(HOLIDAYS_DIR).filter((f) => f.endsWith('.json')).sort()) {
      const cal = makeCalendar(JSON.parse(readFileSync(new URL(file, HOLIDAYS_DIR), 'utf8')) as HolidayCalendarData);
      if (`${cal.id}.json` !== file) throw new PrivacyError('DSAR_CALENDAR', `rules/holidays/${file} declares id "${cal.id}"; the file name must be <id>.json`);
      map.set(cal.id, cal);
    }
    bundled = map;
  }
  return bundled;
}

/** Looks up a calendar: one passed in by the caller first, then the bundled ones. */
export function resolveCalendar(id: string, extra: readonly HolidayCalendar[] = []): HolidayCalendar {
  const cal = extra.find((c) => c.id === id) ?? bundledCalendars().get(id);
  if (!cal) {
    const known = [...new Set([...extra.map((c) => c.id), ...bundledCalendars().keys()])].join(', ');
    throw new PrivacyError('DSAR_CALENDAR', `no holiday calendar "${id}"; use one of ${known}, or pass your own with options.holidayCalendars`);
  }
  return cal;
}

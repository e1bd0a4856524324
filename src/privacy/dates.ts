import { PrivacyError } from './errors.js';
import type { CalendarDate } from './types.js';

/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings, and the bridge between instants and local dates in
 * an IANA time zone through Intl.DateTimeFormat (no other library). Dates are proleptic Gregorian.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isCalendarDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function parts(date: CalendarDate): [number, number, number] {
  const m = DATE_RE.exec(date);
  if (!m || !isCalendarDate(date)) throw new PrivacyError('DSAR_INPUT', `"${date}" is not a calendar date; write YYYY-MM-DD`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fromUtcMs(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function toUtcMs(date: CalendarDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: CalendarDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/**
 * The same day-number `months` months later; the last day of that month when the day does not exist
 * there (Reg. 1182/71 Art. 3(2)(c)).
 */
export function addMonthsClamped(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new PrivacyError('DSAR_CONFIG', `"${timeZone}" is not an IANA time zone; pass one such as "Europe/Berlin" or "America/Los_Angeles"`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a PrivacyError unless `timeZone` is an IANA zone this runtime knows. */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

function wallClock(instantMs: number, timeZone: string): { date: CalendarDate; ms: number } {
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instantMs))) p[part.type] = part.value;
  const y = Number(p.year);
  const wallMs = Date.UTC(y, Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return { date: `${p.year}-${p.month}-${p.day}`, ms: wallMs + (instantMs % 1000 + 1000) % 1000 };
}

/** The calendar date of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): CalendarDate {
  return wallClock(instant.getTime(), timeZone).date;
}

/** The first instant of a local calendar date (local midnight, or the first existing time if a DST jump skips it). */
export function startOfLocalDay(date: CalendarDate, timeZone: string): Date {
  const wall = toUtcMs(date);
  let t = wall - (wallClock(wall, timeZone).ms - wall);
  for (let i = 0; i < 3; i++) {
    const offset = wallClock(t, timeZone).ms - t;
    const next = wall - offset;
    if (next === t) break;
    t = next;
  }
  // If local midnight does not exist, t lands before the day starts; step to the first instant of the day.
  while (wallClock(t, timeZone).date < date) t += 15 * 60_000;
  return new Date(t);
}

/** The last millisecond of a local calendar date: a deadline "expires at the end of the day". */
export function endOfLocalDay(date: CalendarDate, timeZone: string): Date {
  return new Date(startOfLocalDay(addDays(date, 1), timeZone).getTime() - 1);
}

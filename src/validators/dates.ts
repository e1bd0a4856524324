import type { Validator } from './types.js';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Reads a written date ("03/14/1985", "1985-03-14", "14.03.1985", "March 14, 1985", "14 Mar 1985"). */
export function parseWrittenDate(text: string): { year: number; month: number; day: number } | undefined {
  const t = text.trim().toLowerCase();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) return check(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const year = expandYear(+m[3]!);
    // US order first (month/day), then day/month when the first part cannot be a month.
    return check(year, +m[1]!, +m[2]!) ?? check(year, +m[2]!, +m[1]!);
  }
  m = /^([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(t);
  if (m) return monthName(m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]{3,9})\.?,? (\d{4})$/.exec(t);
  if (m) return monthName(m[2]!, +m[1]!, +m[3]!);
  return undefined;
}

function expandYear(y: number): number {
  return y >= 100 ? y : y + (y > 30 ? 1900 : 2000);
}

function monthName(name: string, day: number, year: number) {
  const month = MONTHS[name.slice(0, 4) === 'sept' ? 'sept' : name.slice(0, 3)];
  return month ? check(year, month, day) : undefined;
}

function check(year: number, month: number, day: number) {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last ? { year, month, day } : undefined;
}

/** A real calendar date. */
export const calendarDate: Validator = ({ text }) => parseWrittenDate(text) !== undefined;

/** A date of birth: a real date between 1900 and this year. */
export const dobPlausible: Validator = ({ text, options }) => {
  const d = parseWrittenDate(text);
  return d !== undefined && d.year >= 1900 && d.year <= options.currentYear;
};

/** Card expiry MM/YY, M/YYYY, YYYY-MM, a month name and year (also read from spoken digits "oh five two six"): month 01–12. */
export const cardExpiry: Validator = ({ text, digits }) => {
  // A month name and a year ("Mar 2031", "May 25"): the pattern that found it checked the month.
  if (/^[A-Za-z]{3,9}\.?,?\s{1,2}\d{2}(?:\d{2})?$/.test(text.trim())) return true;
  // Year first ("2026-08").
  const yearFirst = /^\s*20\d{2}\s?[/-]\s?(\d{1,2})\s*$/.exec(text);
  if (yearFirst) return Number(yearFirst[1]) >= 1 && Number(yearFirst[1]) <= 12;
  // Written with a separator, the month is what stands before it ("5/2025", "09/27", "8-31").
  const sep = /^\D*(\d{1,2})\s?[/\-.]\s?(\d{2}|\d{4})\D*$/.exec(text);
  if (sep) {
    const month = Number(sep[1]);
    return month >= 1 && month <= 12;
  }
  if (digits.length !== 4 && digits.length !== 6) return false;
  const month = Number(digits.slice(0, 2));
  return month >= 1 && month <= 12;
};

/**
 * Refuses a number written as a calendar date ("2025-09-29", "03/14/2025", "29.09.2025", with a time's hour
 * after it): dates and timestamps fill care logs, and a phone-shaped rule near a cue must not take them.
 */
export const notDate: Validator = ({ text }) => {
  const m = /^\s*(\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4})(?:\s\d{1,2})?\s*$/.exec(text);
  return m && parseWrittenDate(m[1]!) !== undefined ? false : undefined;
};

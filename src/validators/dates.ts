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
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  // Eight digits: month-day-year (US), else day-month-year, else year-month-day.
  if (m) return check(+m[3]!, +m[1]!, +m[2]!) ?? check(+m[3]!, +m[2]!, +m[1]!) ?? check(+t.slice(0, 4), +t.slice(4, 6), +t.slice(6));
  return /^[a-z]/.test(t) ? parseSpokenDate(t) : undefined;
}

const UNITS: Record<string, number> = {
  oh: 0, zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30,
};

/** A number said in words from tokens[i] (a unit or teen, or tens with an optional unit or ordinal): value and tokens used. */
function spokenNumber(tokens: string[], i: number, ordinal: boolean): [number, number] | undefined {
  const w = tokens[i];
  if (w === undefined) return undefined;
  const table = ordinal ? ORDINALS : UNITS;
  if (table[w] !== undefined && !(ordinal && w === 'oh')) return [table[w]!, 1];
  if (TENS[w] !== undefined) {
    const next = tokens[i + 1];
    const unit = next === undefined ? undefined : ordinal ? ORDINALS[next] : UNITS[next];
    if (unit !== undefined && unit >= 1 && unit <= 9) return [TENS[w]! + unit, 2];
    return ordinal ? undefined : [TENS[w]!, 1];
  }
  return undefined;
}

/** A spoken year: "nineteen eighty six", "nineteen oh five", "two thousand (and) four", "twenty twelve". */
function spokenYear(tokens: string[], i: number): number | undefined {
  const rest = tokens.slice(i).filter((w) => w !== 'and');
  if (rest[0] === 'two' && rest[1] === 'thousand') {
    if (rest.length === 2) return 2000;
    const n = spokenNumber(rest, 2, false);
    return n && n[1] === rest.length - 2 ? 2000 + n[0] : undefined;
  }
  const century = UNITS[rest[0] ?? ''] ?? TENS[rest[0] ?? ''];
  if (century === undefined || century < 10) return undefined;
  if (rest[1] === 'hundred' && rest.length === 2) return century * 100;
  if (rest[1] === 'oh' && rest.length === 3 && UNITS[rest[2]!] !== undefined && UNITS[rest[2]!]! < 10) return century * 100 + UNITS[rest[2]!]!;
  const n = spokenNumber(rest, 1, false);
  return n && n[1] === rest.length - 1 && n[0] >= 10 ? century * 100 + n[0] : undefined;
}

/**
 * A date said in words: "march fourteenth, nineteen eighty six", "the fourteenth of march nineteen eighty
 * six", or month, day and year as numbers "oh five twenty eight nineteen fifty one", "eleven twenty seven
 * nineteen thirty six".
 */
export function parseSpokenDate(text: string): { year: number; month: number; day: number } | undefined {
  const tokens = text.toLowerCase().split(/[\s,.\-]+/).filter((w) => w && w !== 'the' && w !== 'of');
  const mi = tokens.findIndex((w) => MONTHS[w.slice(0, 3)] !== undefined && w.length >= 3 && FULL_MONTH.test(w));
  if (mi >= 0) {
    const month = MONTHS[tokens[mi]!.slice(0, 3)]!;
    if (mi === 0) {
      const day = spokenNumber(tokens, 1, true);
      if (!day) return undefined;
      const year = spokenYear(tokens, 1 + day[1]);
      return year === undefined ? undefined : check(year, month, day[0]);
    }
    const day = spokenNumber(tokens, 0, true);
    if (!day || day[1] !== mi) return undefined;
    const year = spokenYear(tokens, mi + 1);
    return year === undefined ? undefined : check(year, month, day[0]);
  }
  // Month, day and year as numbers.
  let i = 0;
  let month: number | undefined;
  if (tokens[0] === 'oh' || tokens[0] === 'zero') {
    month = UNITS[tokens[1] ?? ''];
    i = 2;
  } else {
    month = UNITS[tokens[0] ?? ''];
    i = 1;
  }
  if (month === undefined || month < 1 || month > 12) return undefined;
  const day = tokens[i] === 'oh' ? ([UNITS[tokens[i + 1] ?? ''] ?? -1, 2] as [number, number]) : spokenNumber(tokens, i, false);
  if (!day || day[0] < 1) return undefined;
  const year = spokenYear(tokens, i + day[1]);
  return year === undefined ? undefined : check(year, month, day[0]);
}

const FULL_MONTH = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;

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

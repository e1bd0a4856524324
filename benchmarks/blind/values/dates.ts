/** Dates of birth and card expiries in the written and spoken forms people use. */
import type { Rng } from '../rng.js';
import { MONTHS, ordinalWords, twoDigitWords, yearWords, DIGIT_WORDS } from '../spoken.js';

const pad = (n: number) => String(n).padStart(2, '0');
const ordSuffix = (d: number) => (d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th');

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function randomBirthDate(rng: Rng): Ymd {
  return { y: rng.int(1935, 2006), m: rng.int(1, 12), d: rng.int(1, 28) };
}

/** A date of birth written or spoken; the form's name says which. */
export function writeBirthDate(rng: Rng, { y, m, d }: Ymd): { text: string; form: string } {
  const mon = MONTHS[m - 1]!;
  const yy = pad(y % 100);
  const form = rng.weighted<string>([
    ['mdy-slash', 14], ['mdy-slash-short', 6], ['mdy-slash-2y', 6], ['dmy-slash', 8], ['dmy-dots', 6], ['iso', 8], ['dmy-dash', 3],
    ['d-mon-y', 8], ['mon-d-y', 8], ['d-month-y', 5], ['ordinal-of-month', 4], ['spoken-month-ordinal', 6], ['spoken-ordinal-of', 5],
    ['spoken-digits', 4], ['compact-mmddyyyy', 3],
  ]);
  switch (form) {
    case 'mdy-slash': return { text: `${pad(m)}/${pad(d)}/${y}`, form };
    case 'mdy-slash-short': return { text: `${m}/${d}/${y}`, form };
    case 'mdy-slash-2y': return { text: `${m}/${d}/${yy}`, form };
    case 'dmy-slash': return { text: `${pad(d)}/${pad(m)}/${y}`, form };
    case 'dmy-dots': return { text: `${rng.chance(0.5) ? pad(d) : d}.${rng.chance(0.5) ? pad(m) : m}.${y}`, form };
    case 'iso': return { text: `${y}-${pad(m)}-${pad(d)}`, form };
    case 'dmy-dash': return { text: `${pad(d)}-${pad(m)}-${y}`, form };
    case 'd-mon-y': return { text: `${d} ${mon.slice(0, 3)}${rng.chance(0.3) ? '.' : ''} ${y}`, form };
    case 'mon-d-y': return { text: `${rng.chance(0.5) ? mon : mon.slice(0, 3)} ${d}${rng.chance(0.3) ? ordSuffix(d) : ''}, ${y}`, form };
    case 'd-month-y': return { text: `${d} ${mon} ${y}`, form };
    case 'ordinal-of-month': return { text: `${d}${ordSuffix(d)} of ${mon} ${y}`, form };
    case 'spoken-month-ordinal': return { text: `${mon.toLowerCase()} ${ordinalWords(d)}, ${yearWords(y, rng)}`, form };
    case 'spoken-ordinal-of': return { text: `the ${ordinalWords(d)} of ${mon.toLowerCase()} ${yearWords(y, rng)}`, form };
    case 'spoken-digits': return { text: `${spokenPair(m, rng)} ${spokenPair(d, rng)} ${yearWords(y, rng)}`, form };
    default: return { text: `${pad(m)}${pad(d)}${y}`, form: 'compact-mmddyyyy' };
  }
}

/** "oh five", "twelve", "five". */
function spokenPair(n: number, rng: Rng): string {
  if (n < 10) return rng.chance(0.5) ? `oh ${DIGIT_WORDS[n]}` : DIGIT_WORDS[n]!;
  return twoDigitWords(n);
}

export interface Expiry {
  m: number;
  y: number;
}

export function randomExpiry(rng: Rng): Expiry {
  return { m: rng.int(1, 12), y: rng.int(2025, 2034) };
}

export function writeExpiry(rng: Rng, { m, y }: Expiry): { text: string; form: string } {
  const yy = pad(y % 100);
  const mon = MONTHS[m - 1]!;
  const form = rng.weighted<string>([
    ['mm/yy', 30], ['m/yy', 6], ['mm/yyyy', 10], ['m/yyyy', 5], ['mm-yy', 5], ['mm / yy', 3], ['mmyy', 3], ['mm.yy', 2],
    ['mon-yyyy', 5], ['month-yyyy', 4], ['spoken-month-year', 6], ['spoken-digits', 6], ['yyyy-mm', 2],
  ]);
  switch (form) {
    case 'mm/yy': return { text: `${pad(m)}/${yy}`, form };
    case 'm/yy': return { text: `${m}/${yy}`, form };
    case 'mm/yyyy': return { text: `${pad(m)}/${y}`, form };
    case 'm/yyyy': return { text: `${m}/${y}`, form };
    case 'mm-yy': return { text: `${pad(m)}-${yy}`, form };
    case 'mm / yy': return { text: `${pad(m)} / ${yy}`, form };
    case 'mmyy': return { text: `${pad(m)}${yy}`, form };
    case 'mm.yy': return { text: `${pad(m)}.${yy}`, form };
    case 'mon-yyyy': return { text: `${mon.slice(0, 3)} ${y}`, form };
    case 'month-yyyy': return { text: `${mon} ${rng.chance(0.3) ? 'of ' : ''}${y}`, form };
    case 'spoken-month-year': return { text: `${mon.toLowerCase()} ${rng.chance(0.5) ? yearWords(y, rng) : twoDigitWords(y % 100)}`, form };
    case 'spoken-digits': return { text: `${spokenPair(m, rng)} ${rng.chance(0.3) ? 'slash ' : ''}${twoDigitWords(y % 100)}`, form };
    default: return { text: `${y}-${pad(m)}`, form: 'yyyy-mm' };
  }
}

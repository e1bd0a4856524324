import { speakerLabelAt } from './turn-label.js';

/**
 * The card-expiry value reader: after an expiry cue ("exp", "valid thru", "läuft ab", "When does it
 * expire?"), it skips the fillers people put between cue and value ("it should be", "yeah it's", "hold
 * on...", a chat timestamp, the next turn's speaker label) and reads one expiry in any written or spoken
 * form: 05/27, 5/2027, 05-27, 05.27, 05 / 27, 0527, 052027, 2027-05, May 2027, "may of 2034", "Oct. 27",
 * "june twenty thirty one", "twelve twenty nine", "oh five slash twenty five", "oh five two seven".
 * Digits reach it as ASCII (normalize.ts), so every digit script is read. A grammar, not a list of phrases:
 * fillers are one word set, month names one table per language, numbers one small word grammar.
 */

export interface ExpiryValue {
  start: number;
  end: number;
  /** MMYY, whatever the form ("june twenty thirty one" → 0631). */
  digits: string;
}

/** How far after the cue the value may start, and how many filler words may stand before it. */
export const EXPIRY_REACH = 96;
const MAX_FILLERS = 8;
/** Words outside the filler set (typos: "epx", "goood") passed over, and their longest length. */
const MAX_UNKNOWN = 2;
const MAX_UNKNOWN_WORD = 7;
/** A tail of the cue's line that ends it as a question ("When does it expire? [crosstalk]"). */
const MAX_BRACKET = 24;

/** Words between cue and value: verbs, hedges, acknowledgements, the cue's own words, in the languages of the cue list. */
const FILLERS: ReadonlySet<string> = new Set([
  // English
  'is', 'it', 'its', 'it\'s', 's', 'date', 'the', 'my', 'of', 'on', 'should', 'be', 'will', 'would', 'i', 'think', 'like',
  'umm', 'um', 'uh', 'uhh', 'er', 'erm', 'ah', 'ok', 'okay', 'right', 'so', 'good', 'valid', 'thru', 'through', 'until',
  'till', 'til', 'was', 'end', 'in', 'at', 'sure', 'yeah', 'yes', 'yep', 'yup', 'hold', 'you', 'know', 'hmm', 'hm',
  'mm', 'well', 'let', 'me', 'see', 'just', 'a', 'sec', 'second', 'moment', 'that', 'that\'s', 'thats', 'one', 'card',
  'exp', 'expiry', 'expiration', 'expires', 'expire', 'expiring', 'expired', 'dt', 'month', 'year', 'and', 'says',
  'reads', 'please', 'thanks', 'mine', 'date\'s', 'on', 'front', 'back', 'there', 'here', 'goes', 'then', 'now',
  'actually', 'oh', 'do', 'does', 'when', 'what', 'whats', 'what\'s', 'are', 'we', 'go', 'got', 'have', 'has', 'by',
  // French, German, Italian, Spanish, Portuguese, Dutch cue tails and fillers
  'd\'expiration', 'expiration', 'valable', 'jusqu\'au', 'jusqu\'à', 'fin', 'le', 'la', 'les', 'est', 'c\'est', 'de',
  'du', 'date', 'au', 'oui', 'alors', 'euh', 'bon', 'gültig', 'bis', 'läuft', 'ab', 'ablaufdatum', 'ist', 'es', 'die',
  'das', 'der', 'am', 'ja', 'also', 'äh', 'ähm', 'scadenza', 'data', 'di', 'valida', 'valido', 'fino', 'al', 'il',
  'è', 'e', 'sì', 'si', 'allora', 'ehm', 'vencimiento', 'fecha', 'vence', 'caduca', 'caducidad', 'válida', 'válido',
  'hasta', 'el', 'en', 'sí', 'pues', 'eh', 'validade', 'até', 'é', 'a', 'o', 'sim', 'em', 'vervaldatum', 'geldig',
  'tot', 'vervalt', 'op', 'het', 'de', 'is', 'ja', 'nou', 'eh', 'uhm', 'expira', 'scade', 'verloopt', 'verläuft', 'endet',
  'termina', 'caducidad', 'expire', 'expirera', 'gültigkeit', 'validità', 'vencimento',
]);

const MONTHS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  const add = (month: number, ...names: string[]) => names.forEach((n) => m.set(n, month));
  add(1, 'jan', 'january', 'januar', 'janvier', 'enero', 'gennaio', 'janeiro', 'januari', 'jän', 'jänner', 'janv', 'ene', 'gen');
  add(2, 'feb', 'february', 'februar', 'février', 'fevrier', 'févr', 'fevr', 'febrero', 'febbraio', 'fevereiro', 'februari', 'fev', 'fév');
  add(3, 'mar', 'march', 'märz', 'maerz', 'mars', 'marzo', 'março', 'marco', 'maart', 'mrz', 'mär');
  add(4, 'apr', 'april', 'avril', 'abril', 'aprile', 'avr', 'abr');
  add(5, 'may', 'mai', 'mayo', 'maggio', 'maio', 'mei', 'mag');
  add(6, 'jun', 'june', 'juni', 'juin', 'junio', 'giugno', 'junho', 'giu');
  add(7, 'jul', 'july', 'juli', 'juillet', 'julio', 'luglio', 'julho', 'juil', 'lug');
  add(8, 'aug', 'august', 'août', 'aout', 'agosto', 'augustus', 'ago', 'aoû');
  add(9, 'sep', 'sept', 'september', 'septembre', 'septiembre', 'settembre', 'setembro', 'set');
  add(10, 'oct', 'october', 'oktober', 'octobre', 'octubre', 'ottobre', 'outubro', 'okt', 'out', 'ott');
  add(11, 'nov', 'november', 'novembre', 'noviembre', 'novembro');
  add(12, 'dec', 'december', 'dezember', 'décembre', 'decembre', 'diciembre', 'dicembre', 'dezembro', 'dez', 'déc', 'dic');
  return m;
})();

/** Number words: units (oh = 0), teens, tens. */
const UNITS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['oh', 0], ['o', 0], ['nought', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5],
  ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
]);
const TEENS: ReadonlyMap<string, number> = new Map([
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16],
  ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);
const TENS: ReadonlyMap<string, number> = new Map([['twenty', 20], ['thirty', 30], ['forty', 40]]);
/** Words between the month and the year of a spoken expiry ("oh five slash twenty five", "may of 2034"). */
const JOINERS: ReadonlySet<string> = new Set(['slash', 'of', 'de', 'del', 'dei', 'stroke', 'over']);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000);
/** Characters of a word: letters and an inner apostrophe ("it's", "d'expiration"). */
const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/** Two-digit years 15–45 and four-digit 2015–2045: what a card's expiry can be. */
const yearOk = (y: number) => (y >= 15 && y <= 45) || (y >= 2015 && y <= 2045);
const monthOk = (m: number) => m >= 1 && m <= 12;
const mmyy = (m: number, y: number) => `${String(m).padStart(2, '0')}${String(y % 100).padStart(2, '0')}`;

interface Word {
  start: number;
  end: number;
  lower: string;
}

function wordAt(text: string, p: number, limit: number): Word | null {
  if (!isLetter(text.charCodeAt(p))) return null;
  let e = p + 1;
  while (e < limit) {
    const c = text.charCodeAt(e);
    if (isLetter(c)) e++;
    else if (isApostrophe(c) && e + 1 < limit && isLetter(text.charCodeAt(e + 1))) e += 2;
    else break;
  }
  if (e < limit && isDigit(text.charCodeAt(e))) return null;
  return { start: p, end: e, lower: text.slice(p, e).toLowerCase().replace(/\u2019/g, '\'') };
}

/** The digits of a run at p (at most 8), or null when none stand there. */
function digitRun(text: string, p: number, limit: number): { end: number; value: string } | null {
  let e = p;
  while (e < limit && isDigit(text.charCodeAt(e)) && e - p <= 8) e++;
  return e > p ? { end: e, value: text.slice(p, e) } : null;
}

/** No further digit, letter or date part glued after a value ("05/27/2024" is a date, "0527x" an ID). */
function endsClean(text: string, e: number): boolean {
  const c = text.charCodeAt(e);
  if (isDigit(c) || isLetter(c)) return false;
  if ((c === 47 || c === 45 || c === 46) && isDigit(text.charCodeAt(e + 1))) return false;
  return true;
}

/** A separator between month and year: '/', '-', '.', optionally with one space around it, or one space. */
function separatorEnd(text: string, p: number): number {
  let q = p;
  if (text.charCodeAt(q) === 32) q++;
  const c = text.charCodeAt(q);
  if (c === 47 || c === 45 || c === 46) {
    q++;
    if (text.charCodeAt(q) === 32) q++;
    // A sentence's full stop after the value ("yes. 0528."): no separator when no digit follows.
    return isDigit(text.charCodeAt(q)) ? q : -1;
  }
  return -1;
}

/** A written expiry at p: MM/YY, M/YYYY, YYYY-MM, MMYY, MMYYYY. */
function readWritten(text: string, p: number, limit: number): ExpiryValue | null {
  const a = digitRun(text, p, limit);
  if (!a) return null;
  const s = separatorEnd(text, a.end);
  if (s >= 0) {
    const b = digitRun(text, s, limit);
    if (!b || !endsClean(text, b.end)) return null;
    if (a.value.length <= 2 && (b.value.length === 2 || b.value.length === 4)) {
      const m = Number(a.value);
      const y = Number(b.value);
      return monthOk(m) && yearOk(y) ? { start: p, end: b.end, digits: mmyy(m, y) } : null;
    }
    if (a.value.length === 4 && b.value.length <= 2 && text.charCodeAt(a.end) !== 46) {
      const y = Number(a.value);
      const m = Number(b.value);
      return monthOk(m) && y >= 2015 && y <= 2045 ? { start: p, end: b.end, digits: mmyy(m, y) } : null;
    }
    return null;
  }
  if (!endsClean(text, a.end)) return null;
  if (a.value.length === 4 || a.value.length === 6) {
    const m = Number(a.value.slice(0, 2));
    const y = Number(a.value.slice(2));
    return monthOk(m) && yearOk(y) ? { start: p, end: a.end, digits: mmyy(m, y) } : null;
  }
  return null;
}

/** Spoken number words from p on, each with its span; stops at any other word. */
interface NumberWord {
  start: number;
  end: number;
  kind: 'unit' | 'teen' | 'ten';
  value: number;
}

function numberWordsAt(text: string, p: number, limit: number): { words: NumberWord[]; joinerAfter: number[] } {
  const words: NumberWord[] = [];
  const joinerAfter: number[] = [];
  let q = p;
  while (q < limit && words.length < 8) {
    const w = wordAt(text, q, limit);
    if (!w) break;
    if (JOINERS.has(w.lower) && words.length > 0 && w.lower === 'slash') {
      joinerAfter.push(words.length);
      q = skipSpaces(text, w.end, limit);
      continue;
    }
    const unit = UNITS.get(w.lower);
    const teen = TEENS.get(w.lower);
    const ten = TENS.get(w.lower);
    if (unit !== undefined) words.push({ start: w.start, end: w.end, kind: 'unit', value: unit });
    else if (teen !== undefined) words.push({ start: w.start, end: w.end, kind: 'teen', value: teen });
    else if (ten !== undefined) words.push({ start: w.start, end: w.end, kind: 'ten', value: ten });
    else break;
    let r = w.end;
    if (text.charCodeAt(r) === 45 && isLetter(text.charCodeAt(r + 1))) r++;
    q = skipSpaces(text, r, limit);
  }
  return { words, joinerAfter };
}

function skipSpaces(text: string, p: number, limit: number): number {
  let q = p;
  while (q < limit && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 44)) q++;
  return q;
}

/**
 * A spoken year over words[i..]: "twenty five" (25), "thirty" (30), "twenty thirty one" (2031), "twenty
 * twenty five" (2025), "two seven" (27), "two zero two seven" (2027). Longest reading first. Returns the
 * year and how many words it took.
 */
function spokenYear(words: readonly NumberWord[], i: number): Array<{ year: number; n: number }> {
  const out: Array<{ year: number; n: number }> = [];
  const w = (k: number) => words[i + k];
  const a = w(0);
  if (!a) return out;
  if (a.kind === 'ten' && a.value === 20 && w(1)?.kind === 'ten') {
    const b = w(1)!;
    if (w(2)?.kind === 'unit' && w(2)!.value > 0) out.push({ year: 2000 + b.value + w(2)!.value, n: 3 });
    out.push({ year: 2000 + b.value, n: 2 });
  }
  if (a.kind === 'ten') {
    if (w(1)?.kind === 'unit' && w(1)!.value > 0) out.push({ year: a.value + w(1)!.value, n: 2 });
    out.push({ year: a.value, n: 1 });
  }
  if (a.kind === 'unit' && w(1)?.kind === 'unit') {
    if (a.value === 2 && w(1)!.value === 0 && w(2)?.kind === 'unit' && w(3)?.kind === 'unit') {
      out.push({ year: 2000 + 10 * w(2)!.value + w(3)!.value, n: 4 });
    }
    out.push({ year: 10 * a.value + w(1)!.value, n: 2 });
  }
  return out.filter((y) => yearOk(y.year));
}

/** A spoken month number over words[i..]: "oh five", "zero five", "five", "twelve", "one two". */
function spokenMonths(words: readonly NumberWord[]): Array<{ month: number; n: number }> {
  const out: Array<{ month: number; n: number }> = [];
  const a = words[0];
  const b = words[1];
  if (!a) return out;
  if (a.kind === 'unit' && b?.kind === 'unit' && (a.value === 0 || (a.value === 1 && b.value <= 2))) out.push({ month: 10 * a.value + b.value, n: 2 });
  if (a.kind === 'unit' && a.value > 0) out.push({ month: a.value, n: 1 });
  if (a.kind === 'teen' && a.value <= 12) out.push({ month: a.value, n: 1 });
  return out.filter((m) => monthOk(m.month));
}

/** A year after a month name: digits (2 or 4) or a spoken year. */
function yearAfterMonth(text: string, p: number, limit: number): { year: number; end: number } | null {
  const d = digitRun(text, p, limit);
  if (d) {
    if ((d.value.length === 2 || d.value.length === 4) && endsClean(text, d.end) && yearOk(Number(d.value))) return { year: Number(d.value), end: d.end };
    return null;
  }
  const { words } = numberWordsAt(text, p, limit);
  // The whole run of number words must be the year: "june twenty eight" is 2028's June, not June 28th plus more.
  const years = spokenYear(words, 0).filter((y) => y.n === words.length);
  const y = years[0];
  return y ? { year: y.year, end: words[y.n - 1]!.end } : null;
}

/** A month name and a year: "May 2027", "may of 2034", "Oct. 27", "june twenty thirty one", "apr ２０２６". */
function readMonthName(text: string, w: Word, limit: number): ExpiryValue | null {
  const key = w.lower.endsWith('.') ? w.lower.slice(0, -1) : w.lower;
  const month = MONTHS.get(key);
  if (month === undefined) return null;
  let q = w.end;
  if (text.charCodeAt(q) === 46) q++;
  q = skipSpaces(text, q, limit);
  const j = wordAt(text, q, limit);
  if (j && JOINERS.has(j.lower)) q = skipSpaces(text, j.end, limit);
  const y = yearAfterMonth(text, q, limit);
  return y ? { start: w.start, end: y.end, digits: mmyy(month, y.year) } : null;
}

/** A spoken numeric expiry: "twelve twenty nine", "oh five slash twenty five", "three twenty five", "oh five two seven". */
function readSpoken(text: string, p: number, limit: number): ExpiryValue | null {
  const { words, joinerAfter } = numberWordsAt(text, p, limit);
  if (words.length < 2) return null;
  for (const m of spokenMonths(words)) {
    // A slash, when said, stands right after the month.
    if (joinerAfter.length > 1 || (joinerAfter.length === 1 && joinerAfter[0] !== m.n)) continue;
    for (const y of spokenYear(words, m.n)) {
      if (m.n + y.n !== words.length) continue;
      return { start: words[0]!.start, end: words[words.length - 1]!.end, digits: mmyy(m.month, y.year) };
    }
  }
  return null;
}

/** Where the answer on the line starting at i begins: past its speaker label, or i itself when there is none. */
function answerTurnStart(text: string, i: number): number {
  return speakerLabelAt(text, i)?.end ?? i;
}

/**
 * The expiry after a cue ending at `from`, or null. Fillers, punctuation, bracketed tags and chat
 * timestamps are skipped; one line break is crossed (a question and its answer), into the next line's
 * turn past its speaker label. Any other word, a second line break, or EXPIRY_REACH characters end the search.
 */
export function readExpiryAfter(text: string, from: number): ExpiryValue | null {
  const limit = Math.min(text.length, from + EXPIRY_REACH + 40);
  const reach = from + EXPIRY_REACH;
  let fillers = 0;
  let unknown = 0;
  let newlines = 0;
  let p = from;
  while (p < reach && p < limit) {
    const c = text.charCodeAt(p);
    if (c === 10) {
      if (++newlines > 1) return null;
      p = answerTurnStart(text, p + 1);
      continue;
    }
    if (isDigit(c)) {
      if (p > 0 && isLetter(text.charCodeAt(p - 1))) return null;
      const v = readWritten(text, p, limit);
      // In the answer to an expiry question, four bare digits are the answer whatever the words before.
      return v && unknown > 0 && newlines === 0 && !/\D/.test(text.slice(v.start, v.end)) ? null : v;
    }
    if (c === 40 || c === 91) {
      // "(14:46)", "[crosstalk]", "[inaudible]": a tag or a chat timestamp, skipped whole.
      const close = text.indexOf(c === 40 ? ')' : ']', p);
      if (close < 0 || close - p > MAX_BRACKET || text.slice(p, close).includes('\n')) return null;
      if (c === 91 && text.charCodeAt(p + 1) >= 65 && text.charCodeAt(p + 1) <= 90 && text.charCodeAt(p + 2) >= 65 && text.charCodeAt(p + 2) <= 90) return null; // '[CARD_EXPIRY]': masked before
      p = close + 1;
      continue;
    }
    if (c === 0x2022) return null; // a mask's run: the value was masked before
    const w = wordAt(text, p, limit);
    if (!w) {
      p++;
      continue;
    }
    const value = readMonthName(text, w, limit) ?? readSpoken(text, p, limit);
    if (value) return value;
    if (++fillers > MAX_FILLERS) return null;
    if (!FILLERS.has(w.lower)) {
      // A misspelt filler or cue ("epx", "goood", "thrru", "srue", "yeh"): a few short words are passed
      // over, after which only a value with a separator or a month name counts on the cue's own line
      // (not a bare "0527").
      if (w.end - w.start > MAX_UNKNOWN_WORD || ++unknown > MAX_UNKNOWN) return null;
    }
    p = w.end;
  }
  return null;
}

/** Card numbers have 12–19 digits; groups are joined by one separator at most. */
const CARD_MIN = 12;
const CARD_MAX = 19;

/**
 * The expiry written after a card number in agent shorthand, the cue being the card's wording before the
 * number ("cc 4111 1111 1111 1111 x 05/27", "card used: 5019–2171–0085–3066 x 02/32"): the number (12–19
 * digits, single separators between groups) is passed over, then an 'x' or '/' marker, then the expiry.
 */
export function readExpiryAfterCard(text: string, from: number): ExpiryValue | null {
  let p = from;
  const lead = from + 8;
  while (p < lead && !isDigit(text.charCodeAt(p))) {
    const c = text.charCodeAt(p);
    if (c === 10 || isLetter(c)) return null;
    p++;
  }
  let digits = 0;
  while (p < text.length && digits <= CARD_MAX) {
    const c = text.charCodeAt(p);
    if (isDigit(c)) {
      digits++;
      p++;
    } else if ((c === 32 || c === 9 || c === 45 || c === 46 || c === 47 || c === 95 || c === 124) && isDigit(text.charCodeAt(p + 1))) p++;
    else if (c === 44 && text.charCodeAt(p + 1) === 32 && isDigit(text.charCodeAt(p + 2))) p += 2;
    else break;
  }
  if (digits < CARD_MIN || digits > CARD_MAX || isLetter(text.charCodeAt(p))) return null;
  let q = p;
  while (text.charCodeAt(q) === 32) q++;
  if (text.charCodeAt(q) !== 120 && text.charCodeAt(q) !== 88) return null;
  if (text.charCodeAt(q + 1) !== 32) return null;
  return readExpiryAfter(text, q + 1);
}

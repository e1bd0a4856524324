import type { ScanContext } from '../candidate.js';
import { isLetter } from './letters.js';
import { offerScored } from './offer.js';
import type { NamesRule } from './plan.js';

/**
 * Names in the columns of a CSV export whose header names them (`first_name`, `LAST_NAME`, `customerName`,
 * `Name`): each cell of such a column in the rows that follow is a name. The header is kept in the pass
 * state, so a stream finds the same cells as one pass (rows are read whole, in text order).
 */
export interface CsvTable {
  delim: number;
  cells: number;
  cols: number[];
}

/** A row longer than this is no CSV row of names (and stays within the stream's look-ahead). */
const MAX_ROW = 600;
const DELIMS = [44, 59, 124, 9];
export const CSV_NAME_GATE = /name/gi;

/** Reads rows from `from` (relative) to `limit`; returns the absolute position to resume at (a line start). */
export function csvFrom(ctx: ScanContext, r: NamesRule, st: { csv: CsvTable | null }, from: number, limit: number): number {
  const text = ctx.text;
  let i = from;
  while (i < limit) {
    if (!st.csv) {
      // No table: jump to the next line holding "name" (a header candidate).
      CSV_NAME_GATE.lastIndex = i;
      const m = CSV_NAME_GATE.exec(text);
      if (!m || m.index >= limit) return ctx.base + limit;
      let ls = m.index;
      while (ls > i && text.charCodeAt(ls - 1) !== 10) ls--;
      i = ls;
    }
    const nl = text.indexOf('\n', i);
    if (nl < 0 && !ctx.final) return ctx.base + i;
    const le = nl < 0 ? text.length : nl;
    const next = nl < 0 ? text.length : nl + 1;
    if (le - i > MAX_ROW) {
      st.csv = null;
      i = next;
      continue;
    }
    if (st.csv) {
      if (!dataRow(ctx, r, st.csv, i, le)) st.csv = header(r, text, i, le);
    } else st.csv = header(r, text, i, le);
    i = next;
  }
  return ctx.base + i;
}

/** The cells of a row: [start, end) pairs inside quotes when quoted, by a quote-aware split. */
function cellsOf(text: string, s: number, e: number, delim: number): number[] {
  const out: number[] = [];
  let i = s;
  while (i <= e) {
    let a = i;
    let b: number;
    if (text.charCodeAt(a) === 34) {
      const close = text.indexOf('"', a + 1);
      if (close < 0 || close >= e + 1) return [];
      b = close;
      a++;
      i = close + 1;
      if (i < e && text.charCodeAt(i) !== delim) return [];
    } else {
      b = a;
      while (b < e && text.charCodeAt(b) !== delim) b++;
      i = b;
    }
    while (a < b && text.charCodeAt(a) === 32) a++;
    while (b > a && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 13)) b--;
    out.push(a, b);
    if (i >= e) break;
    i++; // the delimiter
    if (i === e) out.push(e, e);
  }
  return out;
}

/** A header row: three cells or more, each a key (letters, '_', spaces), at least one a name field. */
function header(r: NamesRule, text: string, s: number, e: number): CsvTable | null {
  let delim = -1;
  let most = 1;
  for (const d of DELIMS) {
    let n = 0;
    for (let i = s; i < e; i++) if (text.charCodeAt(i) === d) n++;
    if (n > most) (most = n), (delim = d);
  }
  if (delim < 0) return null;
  const cells = cellsOf(text, s, e, delim);
  const cols: number[] = [];
  for (let k = 0; k < cells.length; k += 2) {
    const a = cells[k]!;
    const b = cells[k + 1]!;
    if (b - a > 40 || b === a) return null;
    for (let i = a; i < b; i++) {
      const c = text.charCodeAt(i);
      if (!(isLetter(c) || c === 95 || c === 32 || c === 45 || (c >= 48 && c <= 57))) return null;
    }
    if (r.lex.nameFields.has(keyOf(text, a, b))) cols.push(k >> 1);
  }
  return cols.length ? { delim, cells: cells.length >> 1, cols } : null;
}

/** first_name, FIRST_NAME, firstName, "First Name" → "first name". */
function keyOf(text: string, a: number, b: number): string {
  return text
    .slice(a, b)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A row of the table: offers its name cells; false when the row does not fit the header (the table ends). */
function dataRow(ctx: ScanContext, r: NamesRule, t: CsvTable, s: number, e: number): boolean {
  const text = ctx.text;
  const cells = cellsOf(text, s, e, t.delim);
  if (cells.length >> 1 !== t.cells) return false;
  for (const col of t.cols) {
    const a = cells[2 * col]!;
    const b = cells[2 * col + 1]!;
    if (b > a && nameCell(text, a, b)) offerScored(ctx, r.rule, a, b, 0.85, ['name column']);
  }
  return true;
}

/** A cell that can hold a name: letters, at most four words, no digit, '@' or '/'. */
function nameCell(text: string, a: number, b: number): boolean {
  if (b - a > 60 || !isLetter(text.charCodeAt(a))) return false;
  let words = 1;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 64 || c === 47) return false;
    if (c === 32) words++;
  }
  return words <= 4;
}

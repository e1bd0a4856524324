/**
 * Splitting one line of text into delimited cells, CSV-style: a cell may be quoted ("a, b" is one cell, ""
 * a quote inside it), spaces around a cell are not part of its value. Offsets are relative to the text.
 */

export interface Cell {
  /** The value's span: inside the quotes of a quoted cell, without surrounding spaces. */
  start: number;
  end: number;
  quoted: boolean;
}

/** The delimiters a table in text is written with. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const isBlank = (c: number) => c === 32 || c === 9;

/**
 * The cells of text[from, to) split on `delim`, or null when a quote is not closed on the line or text
 * follows a closing quote (not a clean row).
 */
export function splitCells(text: string, from: number, to: number, delim: Delimiter): Cell[] | null {
  const cells: Cell[] = [];
  return walkCells(text, from, to, delim.charCodeAt(0), cells) < 0 ? null : cells;
}

/** How many cells text[from, to) splits into on `delim` (-1: not a clean row), without building them. */
export function countCells(text: string, from: number, to: number, delim: Delimiter): number {
  return walkCells(text, from, to, delim.charCodeAt(0), null);
}

/** Which delimiters text[from, to) holds, as bits in DELIMITERS order (one walk over the line). */
export function delimitersIn(text: string, from: number, to: number): number {
  let bits = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) bits |= 1;
    else if (c === 59) bits |= 2;
    else if (c === 9) bits |= 4;
    else if (c === 124) bits |= 8;
  }
  return bits;
}

/** Walks the cells of a line, pushing them to `cells` when given; returns their count, or -1. */
function walkCells(text: string, from: number, to: number, d: number, cells: Cell[] | null): number {
  let n = 0;
  let i = from;
  for (;;) {
    let s = i;
    while (s < to && isBlank(text.charCodeAt(s)) && text.charCodeAt(s) !== d) s++;
    if (s < to && text.charCodeAt(s) === 34) {
      // A quoted cell: up to the closing quote ("" is a quote inside).
      let q = s + 1;
      for (;;) {
        q = text.indexOf('"', q);
        if (q < 0 || q >= to) return -1;
        if (text.charCodeAt(q + 1) === 34 && q + 1 < to) q += 2;
        else break;
      }
      cells?.push({ start: s + 1, end: q, quoted: true });
      n++;
      let k = q + 1;
      while (k < to && isBlank(text.charCodeAt(k)) && text.charCodeAt(k) !== d) k++;
      if (k >= to) return n;
      if (text.charCodeAt(k) !== d) return -1;
      i = k + 1;
      continue;
    }
    let e = s;
    while (e < to && text.charCodeAt(e) !== d) e++;
    let v = e;
    while (v > s && isBlank(text.charCodeAt(v - 1))) v--;
    cells?.push({ start: s, end: v, quoted: false });
    n++;
    if (e >= to) return n;
    i = e + 1;
  }
}

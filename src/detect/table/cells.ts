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
  const d = delim.charCodeAt(0);
  const cells: Cell[] = [];
  let i = from;
  for (;;) {
    let s = i;
    while (s < to && isBlank(text.charCodeAt(s)) && text.charCodeAt(s) !== d) s++;
    if (s < to && text.charCodeAt(s) === 34) {
      // A quoted cell: up to the closing quote ("" is a quote inside).
      let q = s + 1;
      for (;;) {
        q = text.indexOf('"', q);
        if (q < 0 || q >= to) return null;
        if (text.charCodeAt(q + 1) === 34 && q + 1 < to) q += 2;
        else break;
      }
      cells.push({ start: s + 1, end: q, quoted: true });
      let k = q + 1;
      while (k < to && isBlank(text.charCodeAt(k)) && text.charCodeAt(k) !== d) k++;
      if (k >= to) return cells;
      if (text.charCodeAt(k) !== d) return null;
      i = k + 1;
      continue;
    }
    let e = s;
    while (e < to && text.charCodeAt(e) !== d) e++;
    let v = e;
    while (v > s && isBlank(text.charCodeAt(v - 1))) v--;
    cells.push({ start: s, end: v, quoted: false });
    if (e >= to) return cells;
    i = e + 1;
  }
}

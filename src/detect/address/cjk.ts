import type { AddressGrammar } from './grammar.js';

/**
 * A street address in a script written without spaces between words (Han, Kana; Hangul with spaces
 * between its parts): a run of letters and numbers that holds a street, block or house mark beside a
 * number ("嘉義市侯南路92號", "島根県港永野市1丁目21番10号", "대전광역시 구리구 면목3길 102", "〒161-1774 …"),
 * with at least two letters. A number followed by a date, amount or count mark
 * ("5月3号", "200元") makes the run none. Returns [start, end) of the run around index i, or null.
 */
const MAX_RUN = 48;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isHangul = (c: number) => c >= 0xac00 && c <= 0xd7af;
const isCjk = (c: number) => (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || isHangul(c) || c === 0x3012;
const inRun = (c: number) => isCjk(c) || isDigit(c);

/** A space inside a run: between Hangul parts, or between a number and a letter ("〒161-1774 島根県"). */
function joins(text: string, k: number): boolean {
  const a = text.charCodeAt(k - 1);
  const b = text.charCodeAt(k + 1);
  if (!inRun(a) || !inRun(b)) return false;
  return (isHangul(a) || isDigit(a) || a === 0x3012) && (isHangul(b) || isDigit(b)) ? true : isDigit(a) !== isDigit(b);
}

/** A comma and a space inside a run ("방배대로 240, 102동 1302호"). */
const comma = (text: string, k: number) => text.charCodeAt(k) === 44 && text.charCodeAt(k + 1) === 32 && inRun(text.charCodeAt(k - 1)) && inRun(text.charCodeAt(k + 2));

/** A hyphen between digits ("161-1774", "098-371"). */
const hyphen = (text: string, k: number) => text.charCodeAt(k) === 45 && isDigit(text.charCodeAt(k - 1)) && isDigit(text.charCodeAt(k + 1));

export function cjkStreet(g: AddressGrammar, text: string, i: number): [number, number] | null {
  let s = i;
  while (s > 0 && i - s < MAX_RUN && (inRun(text.charCodeAt(s - 1)) || hyphen(text, s - 1) || (text.charCodeAt(s - 1) === 32 && joins(text, s - 1)))) s--;
  let e = i + 1;
  while (e < text.length && e - s < MAX_RUN * 2 && (inRun(text.charCodeAt(e)) || hyphen(text, e) || comma(text, e) || (text.charCodeAt(e) === 32 && (joins(text, e) || text.charCodeAt(e - 1) === 44)))) e++;
  const run = text.slice(s, e);
  let letters = 0;
  for (let k = 0; k < run.length; k++) if (isCjk(run.charCodeAt(k)) && run.charCodeAt(k) !== 0x3012) letters++;
  if (letters < 2 && run.charCodeAt(0) !== 0x3012) return null;
  let marked = false;
  for (const m of g.cjkMarks) {
    for (let at = run.indexOf(m); at >= 0 && !marked; at = run.indexOf(m, at + 1)) {
      marked = isDigit(run.charCodeAt(at - 1)) || isDigit(run.charCodeAt(at + m.length));
    }
  }
  if (!marked) return null;
  for (let k = 1; k < run.length; k++) if (isDigit(run.charCodeAt(k - 1)) && g.cjkNot.has(run[k]!)) return null;
  while (e > s && text.charCodeAt(e - 1) === 32) e--;
  return [s, e];
}

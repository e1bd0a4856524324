import { isCaseless, isLetter, isUpper, wordEnd } from '../names/letters.js';

/** A token of an address line: a word (letters, inner joiners), a number (digits, a letter or /- part), or a mark. */
export interface Tok {
  s: number;
  e: number;
  kind: 'w' | 'n' | 'p';
  /** The word's or number's text, without a final period. */
  text: string;
  /** A period follows it directly ("St.", "Apt."). */
  dot: boolean;
  /** Starts with a capital letter (or a digit for numbers). */
  cap: boolean;
  /** A line break lies between this token and the one before it. */
  nl: boolean;
  /** A number that goes on with a period or comma and digits ("4.812.723", "727,55"): an amount, no house number. */
  decimal: boolean;
  /** A blank line lies between this token and the one before it (a new paragraph). */
  para: boolean;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiLetter = (c: number) => (c | 0x20) >= 97 && (c | 0x20) <= 122;
function isAsciiLetters(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isAsciiLetter(text.charCodeAt(i))) return false;
  return true;
}

/**
 * The end of an abbreviation with a period inside ("P.za", "V.le", "C.so"): one capital, a period and one
 * to three lower-case letters, then no letter. Returns j (the capital's end) when there is none.
 */
function innerPeriod(text: string, j: number, e: number): number {
  if (text.charCodeAt(j) !== 46 || !isUpper(text.charCodeAt(j - 1))) return j;
  let k = j + 1;
  while (k < e && k - j <= 4 && isLetter(text.charCodeAt(k)) && !isUpper(text.charCodeAt(k))) k++;
  return k - j >= 2 && k - j <= 4 && (k >= e || !isLetter(text.charCodeAt(k))) ? k : j;
}

/**
 * Whether the number [i, j) and the digits after its period or comma read as an amount ("4.812.723", "727,55"):
 * the number is digits only, a comma after it is an amount's (commaInAmount), and no dash, colon or slash follows the digits. "87c,2027-03-20" and
 * "62602,001-274-503-9332" are a house number and the next cell of a CSV row.
 */
function amountPart(text: string, i: number, j: number, e: number): boolean {
  for (let k = i; k < j; k++) if (!isDigit(text.charCodeAt(k))) return false;
  let k = j + 1;
  while (k < e && k - j <= 16 && isDigit(text.charCodeAt(k))) k++;
  const n = text.charCodeAt(k);
  // A comma keeps cents (one or two digits) or groups thousands (three, after at most three): other digits are the next cell.
  if (text.charCodeAt(j) === 44 && !commaInAmount(j - i, k - j - 1)) return false;
  return !(k < e && (n === 45 || n === 58 || n === 47));
}

/** Whether a comma between `before` digits and `after` digits is an amount's ("727,55", "1,234"), not a cell's edge ("30865,117"). */
export const commaInAmount = (before: number, after: number) => after <= 2 || (after === 3 && before <= 3);

/**
 * Tokens already read in the text being scanned, by start position: the windows of the address gates
 * overlap (a street's hit, its house number, the city line under it are read in windows of up to 420
 * characters around each), and reading each window afresh made about four token objects per character.
 * A token depends only on the text from its start and on the window's end e through comparisons of
 * positions with e; tokenAt compares no position past the token's end plus its margin (tokenReach), so a
 * token read in any window that ends past its reach is the token every such window finds at that start.
 * The first token of a window may differ in its line-break flags only (they depend on where the window
 * starts): then a copy is made.
 */
/**
 * The last position at which a window's end can change the token t (see tokenAt; test/address/tokens-shared):
 * a mark, none past its own character; a word, 4 past its end (innerPeriod reads up to four letters after
 * a capital's period: "B.xfxf" is "B" only when all four are in the window); a number, 1 past its end, or
 * 17 when a period or comma follows it (amountPart counts up to 16 digits after it).
 */
function tokenReach(text: string, t: Tok): number {
  if (t.kind === 'p') return t.s;
  if (t.kind === 'w') return t.e + 4;
  const c = text.charCodeAt(t.e);
  return t.e + (c === 46 || c === 44 ? 17 : 1);
}

let memoText: string | null = null;
/** Per position: 1 + the index in memoToks of the token starting there, or 0. */
let memoAt = new Int32Array(0);
const MEMO_KEEP = 1 << 17;
let memoToks: Tok[] = [];

/** Tokens of text[s, e); at most `max` of them. Spaces separate; a tab is a mark; one line break is recorded. */
export function tokenize(text: string, s: number, e: number, max = 64): Tok[] {
  if (memoText !== text) {
    memoText = text;
    // One array for every text up to MEMO_KEEP characters (a stream reads a new one each step), cleared
    // over the text's length; a longer text gets its own, dropped at the next text.
    if (memoAt.length >= text.length && memoAt.length <= MEMO_KEEP) memoAt.fill(0, 0, text.length);
    else memoAt = new Int32Array(Math.max(text.length, Math.min(MEMO_KEEP, 66_000)));
    memoToks = [];
  }
  const at = memoAt;
  const out: Tok[] = [];
  let i = s;
  let nl = false;
  let para = false;
  while (i < e && out.length < max) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 13 || c === 0xa0) {
      i++;
      continue;
    }
    if (c === 10) {
      if (nl) para = true;
      nl = true;
      i++;
      continue;
    }
    const k = at[i]!;
    let t: Tok;
    if (k !== 0 && tokenReach(text, memoToks[k - 1]!) < e) {
      t = memoToks[k - 1]!;
      if (t.nl !== nl || t.para !== para) t = { s: t.s, e: t.e, kind: t.kind, text: t.text, dot: t.dot, cap: t.cap, nl, para, decimal: t.decimal };
    } else {
      t = tokenAt(text, i, e, nl, para);
      if (k === 0 && tokenReach(text, t) < e) at[i] = memoToks.push(t);
    }
    out.push(t);
    nl = false;
    para = false;
    i = t.dot ? t.e + 1 : t.e;
  }
  return out;
}

/** The token at i (no space there) in text[i, e), with the line-break flags of the spaces before it. */
function tokenAt(text: string, i: number, e: number, nl: boolean, para: boolean): Tok {
  const c = text.charCodeAt(i);
  let j: number;
  let kind: Tok['kind'];
  if (isDigit(c)) {
    j = i;
    while (j < e && isDigit(text.charCodeAt(j))) j++;
    // 12B, 5th, 12-14, 5/2, 3º
    while (j < e && j - i < 12) {
      const d = text.charCodeAt(j);
      if (isLetter(d) && j + 1 <= e && (j + 1 === e || !isLetter(text.charCodeAt(j + 1)) || j - i < 4)) j++;
      else if ((d === 45 || d === 47) && isDigit(text.charCodeAt(j + 1))) j += 2;
      // A floor as Hong Kong writes it: "22/F".
      else if (d === 47 && (text.charCodeAt(j + 1) | 0x20) === 102 && !isLetter(text.charCodeAt(j + 2))) j += 2;
      else if (isDigit(d)) j++;
      else break;
    }
    kind = 'n';
  } else if (isLetter(c)) {
    j = wordEnd(text, i, e);
    // An initialism written with dots ("C.V.V.", "U.S.A.") is one word, never a street type's
    // abbreviation ("C." for Calle) followed by a name.
    if (j === i + 1) {
      let k = j;
      while (k + 1 < e && text.charCodeAt(k) === 46 && isLetter(text.charCodeAt(k + 1)) && (k + 2 >= e || !isLetter(text.charCodeAt(k + 2)))) k += 2;
      j = k === j ? innerPeriod(text, j, e) : k;
    }
    kind = 'w';
    // A code that starts with letters ("SS11", "G1D", "LV-2974"): one token, read as a number (postcodes).
    if (j - i <= 3 && j < e && (isDigit(text.charCodeAt(j)) || (text.charCodeAt(j) === 45 && isDigit(text.charCodeAt(j + 1)))) && isAsciiLetters(text, i, j)) {
      j++;
      // "MI-664-7326" (a Ghanaian digital address): digit groups joined by hyphens stay one code.
      while (j < e && j - i < 14 && (isDigit(text.charCodeAt(j)) || isAsciiLetter(text.charCodeAt(j)) || (text.charCodeAt(j) === 45 && isDigit(text.charCodeAt(j + 1)) && isDigit(text.charCodeAt(j - 1))))) j++;
      kind = 'n';
    }
  } else {
    // A tab is a mark, not a space: it separates the cells of a table, and no address goes across it.
    j = i + 1;
    kind = 'p';
  }
  const dot = kind !== 'p' && j < e && text.charCodeAt(j) === 46;
  const decimal = kind === 'n' && j + 1 < e && (text.charCodeAt(j) === 46 || text.charCodeAt(j) === 44) && isDigit(text.charCodeAt(j + 1)) && amountPart(text, i, j, e);
  // An elided article before a capital ("l'Abbaye", "d'Orsay") starts a name as a capital does.
  const elided = kind === 'w' && j - i > 3 && (text.charCodeAt(i + 1) === 39 || text.charCodeAt(i + 1) === 0x2019) && isUpper(text.charCodeAt(i + 2));
  return { s: i, e: j, kind, text: text.slice(i, j), dot, cap: kind === 'n' || isUpper(c) || elided || (kind === 'w' && isCaseless(c)), nl, para, decimal };
}

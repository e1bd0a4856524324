import { isCaseless, isLetter, isUpper, wordEnd } from '../names/letters.js';

/**
 * A token of an address line: a word (letters, inner joiners), a number (digits, a letter or /- part), or a
 * mark. Its text is sliced from the line at its first read (most tokens of a window are only looked at by
 * kind and position).
 */
export class Tok {
  #text: string | undefined = undefined;
  constructor(
    private readonly src: string,
    readonly s: number,
    readonly e: number,
    readonly kind: 'w' | 'n' | 'p',
    /** A period follows it directly ("St.", "Apt."). */
    readonly dot: boolean,
    /** Starts with a capital letter (or a digit for numbers). */
    readonly cap: boolean,
    /** A line break lies between this token and the one before it. */
    readonly nl: boolean,
    /** A blank line lies between this token and the one before it (a new paragraph). */
    readonly para: boolean,
    /** A number that goes on with a period or comma and digits ("4.812.723", "727,55"): an amount, no house number. */
    readonly decimal: boolean,
  ) {}

  /** The word's or number's text, without a final period. */
  get text(): string {
    return (this.#text ??= this.src.slice(this.s, this.e));
  }
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
  // A comma glued to a number with a leading zero ("01969,6 May 2023") or to cents that run on into the next cell is a cell's edge.
  if (text.charCodeAt(j) === 44 && ((text.charCodeAt(i) === 48 && j - i > 1) || (k < e && centsRunOn(text, j + 1)))) return false;
  // Digits running on into a lower-case letter are the next cell's code ("88204,9f79268b-…"), no cents.
  if (k < e && isLetter(n) && !isUpper(n)) return false;
  // A comma and three digits group thousands only when the amount goes on as amounts do: not into a space and
  // more digits ("70,641 88 85 25"), another comma and a group of other than three ("982,007,08/30"), or a
  // period and digits with one more period (an IPv4: "21,202.104.255.146"). Those are a row's next cells.
  if (text.charCodeAt(j) === 44 && k - j - 1 === 3 && k + 1 < e && isDigit(text.charCodeAt(k + 1))) {
    let m = k + 1;
    while (m < e && m - k <= 8 && isDigit(text.charCodeAt(m))) m++;
    if (n === 32 || (n === 44 && m - k - 1 !== 3) || (n === 46 && text.charCodeAt(m) === 46)) return false;
  }
  return !(k < e && (n === 45 || n === 58 || n === 47));
}

/** Whether a comma between `before` digits and `after` digits is an amount's ("727,55", "1,234"), not a cell's edge ("30865,117"). */
export const commaInAmount = (before: number, after: number) => after <= 2 || (after === 3 && before <= 3);

/**
 * Whether one or two digits from i, after a comma, run on as no amount's cents do: into a period and a digit
 * (a date or version in the next cell: "71842,21.05.2024"), a space and a digit ("99,92 060 Bratislava"), or
 * one digit into a space and a capital ("420,1 May 2023"). The comma before them is a table's cell edge.
 */
export function centsRunOn(text: string, i: number): boolean {
  let k = i;
  while (k - i < 3 && isDigit(text.charCodeAt(k))) k++;
  if (k - i < 1 || k - i > 2) return false;
  const a = text.charCodeAt(k);
  const b = text.charCodeAt(k + 1);
  return (a === 46 && isDigit(b)) || (a === 32 && (isDigit(b) || (k - i === 1 && isUpper(b))));
}

/**
 * Tokens already read in the text being scanned, by start position: the windows of the address gates
 * overlap (a street's hit, its house number, the city line under it are read in windows of up to 420
 * characters around each), and reading each window afresh made about four tokens per character.
 * A token depends only on the text from its start and on the window's end e through comparisons of
 * positions with e; past its reach (tokenReach) no window end changes it, so a token read in any window
 * that ends past its reach is the token every such window finds at that start.
 *
 * What was read is kept in typed arrays by start position (its end, kind and flags), never as objects:
 * a stream's step remembers tens of thousands of tokens, and objects alive through the step were copied
 * by every scavenge in it and promoted. A window makes its own token objects (they die young); the line
 * breaks before a window's first token depend on where the window starts, so they are never remembered.
 */
function tokenReach(text: string, kind: Tok['kind'], s: number, e: number): number {
  // A mark, none past its own character; a word, 4 past its end (innerPeriod reads up to four letters after
  // a capital's period: "B.xfxf" is "B" only when all four are in the window); a number, 1 past its end, or
  // 17 when a period or comma follows it (amountPart counts up to 16 digits after it). See
  // test/address/tokens-shared.test.ts, which fails when any of these is one too small.
  if (kind === 'p') return s;
  if (kind === 'w') return e + 4;
  const c = text.charCodeAt(e);
  return e + (c === 46 || c === 44 ? 17 : 1);
}

/** Whether t, read in a window ending at e, is the token every window ending at e or later finds at its start. */
export const decidedIn = (text: string, t: Tok, e: number): boolean => tokenReach(text, t.kind, t.s, t.e) < e;

let memoText: string | null = null;
/** Per start position: the remembered token's end (0: none), and its kind and flags (memoFlags bits). */
let memoEnd = new Int32Array(0);
let memoFlags = new Uint8Array(0);
const MEMO_KEEP = 1 << 17;
const KINDS: readonly Tok['kind'][] = ['w', 'n', 'p'];
const F_DOT = 4;
const F_CAP = 8;
const F_DECIMAL = 16;

/**
 * Tokens of text[s, e); at most `max` of them, none starting after `until`. Spaces separate; a tab is a mark;
 * one line break is recorded. (No token holds a space or a line break, so each one's end after a space starts
 * a token in any window that holds it: windows that start at such places read the same tokens from there.)
 */
export function tokenize(text: string, s: number, e: number, max = 64, until = e): Tok[] {
  if (memoText !== text) {
    memoText = text;
    // One pair of arrays for every text up to MEMO_KEEP characters (a stream reads a new one each step),
    // cleared over the text's length; a longer text gets its own, dropped at the next text.
    if (memoEnd.length >= text.length && memoEnd.length <= MEMO_KEEP) memoEnd.fill(0, 0, text.length);
    else {
      const size = Math.max(text.length, Math.min(MEMO_KEEP, 66_000));
      memoEnd = new Int32Array(size);
      memoFlags = new Uint8Array(size);
    }
  }
  const ends = memoEnd;
  const flags = memoFlags;
  const out: Tok[] = [];
  let i = s;
  let nl = false;
  let para = false;
  while (i < e && i <= until && out.length < max) {
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
    const te = ends[i]!;
    let t: Tok | null = null;
    if (te !== 0) {
      const f = flags[i]!;
      const kind = KINDS[f & 3]!;
      if (tokenReach(text, kind, i, te) < e) t = new Tok(text, i, te, kind, (f & F_DOT) !== 0, (f & F_CAP) !== 0, nl, para, (f & F_DECIMAL) !== 0);
    }
    if (t === null) {
      t = tokenAt(text, i, e, nl, para);
      if (te === 0 && tokenReach(text, t.kind, t.s, t.e) < e) {
        ends[i] = t.e;
        flags[i] = (t.kind === 'w' ? 0 : t.kind === 'n' ? 1 : 2) | (t.dot ? F_DOT : 0) | (t.cap ? F_CAP : 0) | (t.decimal ? F_DECIMAL : 0);
      }
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
    // A grave accent or a turned comma for the Uzbek apostrophe inside a word ("Xo`jaobod", "Gʻazalkent").
    // (And a left quotation mark typed for it: "Mo‘minov".)
    while (j + 1 < e && (text.charCodeAt(j) === 96 || text.charCodeAt(j) === 0x2bb || text.charCodeAt(j) === 0x2018) && isLetter(text.charCodeAt(j + 1)) && isLetter(text.charCodeAt(j - 1))) j = wordEnd(text, j + 1, e);
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
  return new Tok(text, i, j, kind, dot, kind === 'n' || isUpper(c) || elided || (kind === 'w' && isCaseless(c)), nl, para, decimal);
}

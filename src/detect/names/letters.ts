/**
 * Unicode word characters for names and addresses: letters and marks (\p{L}\p{M}) by one table lookup per
 * UTF-16 unit. Surrogates count as letters (names in astral scripts stay whole words).
 */
const LETTER = 1;
const UPPER = 2;
const LOWER = 4;
/** Set once a character's entry is known: entries are filled on first use (a full table takes ≈ 250 ms). */
const KNOWN = 128;

const LETTER_RE = /[\p{L}\p{M}]/u;
const UPPER_RE = /[\p{Lu}\p{Lt}]/u;
const LOWER_RE = /\p{Ll}/u;
const TABLE = new Uint8Array(65536);

function entry(c: number): number {
  const t = TABLE[c]!;
  if (t & KNOWN) return t;
  let v = KNOWN;
  // Surrogates, and Georgian Mkhedruli (Ll in Unicode, though names in it have no capital): letters without case.
  if ((c >= 0xd800 && c <= 0xdfff) || (c >= 0x10d0 && c <= 0x10ff)) v |= LETTER;
  else {
    const ch = String.fromCharCode(c);
    if (LETTER_RE.test(ch)) v |= LETTER | (UPPER_RE.test(ch) ? UPPER : 0) | (LOWER_RE.test(ch) ? LOWER : 0);
  }
  TABLE[c] = v;
  return v;
}

// ASCII first, without a call (most characters of care text).
export const isLetter = (c: number) => (c < 128 ? ((c | 0x20) >= 97 && (c | 0x20) <= 122) : (entry(c) & LETTER) !== 0);
export const isUpper = (c: number) => (c < 128 ? c >= 65 && c <= 90 : (entry(c) & UPPER) !== 0);
export const isLower = (c: number) => (c < 128 ? c >= 97 && c <= 122 : (entry(c) & LOWER) !== 0);
/** A letter of a script without case (CJK, Arabic, Hebrew, Devanagari, Thai…). */
export const isCaseless = (c: number) => (entry(c) & (LETTER | UPPER | LOWER)) === LETTER;

/** An apostrophe or hyphen, which a name keeps inside a word (O'Neill, Jean-Luc, D’Angelo). */
export const isJoiner = (c: number) => c === 39 || c === 0x2019 || c === 45 || c === 0x2010;

/** End of the word starting at s: letters, with joiners allowed between letters. */
export function wordEnd(text: string, s: number, limit = text.length): number {
  let e = s;
  while (e < limit) {
    const c = text.charCodeAt(e);
    if (isLetter(c)) e++;
    else if (isJoiner(c) && e > s && e + 1 < limit && isLetter(text.charCodeAt(e + 1))) e += 2;
    else break;
  }
  return e;
}

/** Whether position s starts a word (the character before is no letter and no joiner inside a word). */
export function startsWord(text: string, s: number): boolean {
  if (s === 0) return true;
  const p = text.charCodeAt(s - 1);
  if (isLetter(p) || p === 95 || (p >= 48 && p <= 57)) return false;
  return !(isJoiner(p) && s >= 2 && isLetter(text.charCodeAt(s - 2)));
}

/** Whether a word holds a letter outside ASCII. */
export function hasNonAscii(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (text.charCodeAt(i) > 127) return true;
  return false;
}

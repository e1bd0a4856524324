import { ALPHA, CLASS, DIGIT } from './chars.js';
import { FNV_OFFSET, FNV_PRIME, WordTable } from './word-table.js';

/**
 * The number words of call transcripts: units, "oh"/"o" for zero, teens, tens ("forty one" → 41),
 * and "double"/"triple" before a digit. Fillers ("uh", "um") may stand between them.
 */
const UNITS: Record<string, string> = {
  zero: '0', oh: '0', o: '0', nought: '0', one: '1', two: '2', three: '3', four: '4', five: '5',
  six: '6', seven: '7', eight: '8', nine: '9',
};
const TEENS: Record<string, string> = {
  ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16',
  seventeen: '17', eighteen: '18', nineteen: '19',
};
const TENS: Record<string, string> = {
  twenty: '2', thirty: '3', forty: '4', fifty: '5', sixty: '6', seventy: '7', eighty: '8', ninety: '9',
};
const REPEAT: Record<string, number> = { double: 2, triple: 3 };
/**
 * Digits glued to a mask character are what a mask kept ("•••• 1111", "•000 6"), not a new number: a
 * second pass over redacted text must find nothing new.
 */
export const MASK_GLUE: ReadonlySet<number> = new Set([0x2022, 0x2a, 0xd7]);

/**
 * Whether the digit at pos is glued to what a mask wrote. One or two '*' that open the number after a
 * space, a letter or punctuation are markdown emphasis ("CVV *123*", "**123**"), not a mask.
 */
export function maskGlueBefore(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos - 1);
  if (!MASK_GLUE.has(c)) return false;
  if (c !== 0x2a) return true;
  let s = pos - 1;
  while (s > 0 && text.charCodeAt(s - 1) === 0x2a) s--;
  if (pos - s > 2) return true;
  const before = s > 0 ? text.charCodeAt(s - 1) : 32;
  return MASK_GLUE.has(before) || (CLASS[before]! & DIGIT) !== 0;
}

/**
 * Words that may stand between the tokens of a number read out: hesitations, and the words people join
 * groups with ("four one one one and one one one one", "then", "okay", "sorry", "wait", "you know").
 */
export const FILLERS: ReadonlySet<string> = new Set([
  'uh', 'um', 'umm', 'er', 'erm', 'ah', 'hmm', 'uhm', 'and', 'then', 'okay', 'ok', 'sorry', 'wait', 'so', 'yeah', 'right', 'you', 'know', 'like', 'next',
]);

/**
 * Words that start a spoken number in the gate regex. "oh" and "o" are left out on purpose (too common
 * alone); they are still read inside a number once another word started it.
 */
export const GATE_WORDS: readonly string[] = [
  'zero', 'nought', ...Object.keys(UNITS).filter((w) => w !== 'oh' && w !== 'o' && w !== 'zero' && w !== 'nought'),
  ...Object.keys(TEENS), ...Object.keys(TENS), ...Object.keys(REPEAT),
];

/** Longest word of the lexicon, bounding how far a reader looks. */
export const MAX_WORD = 9;

const K_UNIT = 1;
const K_TEEN = 2;
const K_TEN = 3;
const K_REPEAT = 4;
const K_FILLER = 5;

/** A word of the number lexicon (or a filler), found by hash without building a string. */
interface LexEntry {
  key: string;
  kind: number;
  digits: string;
  times: number;
  /** "zero", "oh", "o", "nought": not read as the units of a tens word ("forty oh" is not 40-0). */
  zero: boolean;
}

const LEXICON = (() => {
  const t = new WordTable<LexEntry>(64);
  const add = (key: string, kind: number, digits: string, times = 0) => t.add({ key, kind, digits, times, zero: digits === '0' && kind === K_UNIT });
  for (const [k, v] of Object.entries(UNITS)) add(k, K_UNIT, v);
  for (const [k, v] of Object.entries(TEENS)) add(k, K_TEEN, v);
  for (const [k, v] of Object.entries(TENS)) add(k, K_TEN, v);
  for (const [k, v] of Object.entries(REPEAT)) add(k, K_REPEAT, '', v);
  for (const k of FILLERS) add(k, K_FILLER, '');
  return t;
})();

/** End of the word the last lexAt call read. */
let lexEnd = 0;

/**
 * The lexicon entry of the whole word at pos, or null: ASCII letters not glued to letters or digits on
 * either side, at most MAX_WORD long. Sets lexEnd.
 */
function lexAt(text: string, pos: number, limit: number): LexEntry | null {
  if (pos > 0 && CLASS[text.charCodeAt(pos - 1)]! & (ALPHA | DIGIT)) return null;
  let e = pos;
  let h = FNV_OFFSET;
  for (let c: number; e < limit && e - pos <= MAX_WORD && CLASS[(c = text.charCodeAt(e))]! & ALPHA; e++) h = Math.imul(h ^ (c | 0x20), FNV_PRIME);
  if (e === pos || e - pos > MAX_WORD) return null;
  if (e < limit && CLASS[text.charCodeAt(e)]! & DIGIT) return null;
  lexEnd = e;
  return LEXICON.lookup(text, pos, e, h) ?? null;
}

/** The length of the filler word ("uh", "um"…) at pos, or 0. */
export function fillerAt(text: string, pos: number, limit: number): number {
  const w = lexAt(text, pos, limit);
  return w && w.kind === K_FILLER ? lexEnd - pos : 0;
}

export interface SpokenToken {
  end: number;
  digits: string;
}

/**
 * Reads one number token at pos: a digit run, or a number word with what it takes along ("forty one",
 * "double five"). Returns null when pos holds no number token.
 */
export function readNumberToken(text: string, pos: number, limit: number, gluedLeft = false, repeatAllowed = true): SpokenToken | null {
  const c = text.charCodeAt(pos);
  if (CLASS[c]! & DIGIT) {
    if (!gluedLeft && pos > 0 && (CLASS[text.charCodeAt(pos - 1)]! & ALPHA || maskGlueBefore(text, pos))) return null;
    let e = pos + 1;
    while (e < limit && CLASS[text.charCodeAt(e)]! & DIGIT) e++;
    if (e < limit && CLASS[text.charCodeAt(e)]! & ALPHA) return null;
    return { end: e, digits: text.slice(pos, e) };
  }
  if (!(CLASS[c]! & ALPHA)) return null;
  const w = lexAt(text, pos, limit);
  if (!w) return null;
  const wEnd = lexEnd;
  if (w.kind === K_UNIT || w.kind === K_TEEN) return { end: wEnd, digits: w.digits };
  if (w.kind === K_TEN) {
    // "forty one" / "forty-one" make 41; "forty" alone is 40.
    let p = wEnd;
    if (p < limit && (text.charCodeAt(p) === 45 || text.charCodeAt(p) === 32)) p++;
    const next = lexAt(text, p, limit);
    if (next && next.kind === K_UNIT && !next.zero) return { end: lexEnd, digits: w.digits + next.digits };
    return { end: wEnd, digits: w.digits + '0' };
  }
  if (w.kind === K_REPEAT) {
    // "double double …" is no token: the word after a repeat word must be one digit, which a repeat never
    // gives, so it is not read on (each "double" of a long run would read all the rest of it).
    if (!repeatAllowed) return null;
    let p = wEnd;
    if (p < limit && text.charCodeAt(p) === 32) p++;
    const inner = readNumberToken(text, p, limit, false, false);
    if (inner && inner.digits.length === 1) return { end: inner.end, digits: inner.digits.repeat(w.times) };
    return null;
  }
  return null;
}

/** Joiners allowed between spoken number tokens: spaces, commas, dots, dashes (and fillers, handled apart). */
export function isSpokenJoiner(c: number): boolean {
  return c === 32 || c === 44 || c === 46 || c === 45 || c === 9 || c === 0xa0 || c === 0x2026;
}

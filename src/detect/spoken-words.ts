import { ALPHA, CLASS, DIGIT } from './chars.js';

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

export const FILLERS: ReadonlySet<string> = new Set(['uh', 'um', 'umm', 'er', 'erm', 'ah', 'hmm', 'uhm']);

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

/** Reads the lowercase ASCII word at [pos, end) if it is a whole word, else ''. */
export function wordAt(text: string, pos: number, limit: number): string {
  if (pos > 0 && CLASS[text.charCodeAt(pos - 1)]! & (ALPHA | DIGIT)) return '';
  let e = pos;
  while (e < limit && e - pos <= MAX_WORD && CLASS[text.charCodeAt(e)]! & ALPHA) e++;
  if (e === pos || e - pos > MAX_WORD) return '';
  if (e < limit && CLASS[text.charCodeAt(e)]! & DIGIT) return '';
  return text.slice(pos, e).toLowerCase();
}

export interface SpokenToken {
  end: number;
  digits: string;
}

/**
 * Reads one number token at pos: a digit run, or a number word with what it takes along ("forty one",
 * "double five"). Returns null when pos holds no number token.
 */
export function readNumberToken(text: string, pos: number, limit: number): SpokenToken | null {
  const c = text.charCodeAt(pos);
  if (CLASS[c]! & DIGIT) {
    if (pos > 0 && (CLASS[text.charCodeAt(pos - 1)]! & ALPHA || MASK_GLUE.has(text.charCodeAt(pos - 1)))) return null;
    let e = pos + 1;
    while (e < limit && CLASS[text.charCodeAt(e)]! & DIGIT) e++;
    if (e < limit && CLASS[text.charCodeAt(e)]! & ALPHA) return null;
    return { end: e, digits: text.slice(pos, e) };
  }
  if (!(CLASS[c]! & ALPHA)) return null;
  const w = wordAt(text, pos, limit);
  if (!w) return null;
  const wEnd = pos + w.length;
  const unit = UNITS[w];
  if (unit !== undefined) return { end: wEnd, digits: unit };
  const teen = TEENS[w];
  if (teen !== undefined) return { end: wEnd, digits: teen };
  const ten = TENS[w];
  if (ten !== undefined) {
    // "forty one" / "forty-one" make 41; "forty" alone is 40.
    let p = wEnd;
    if (p < limit && (text.charCodeAt(p) === 45 || text.charCodeAt(p) === 32)) p++;
    const next = wordAt(text, p, limit);
    const u = next && next !== 'oh' && next !== 'o' && next !== 'zero' && next !== 'nought' ? UNITS[next] : undefined;
    if (u !== undefined) return { end: p + next.length, digits: ten + u };
    return { end: wEnd, digits: ten + '0' };
  }
  const times = REPEAT[w];
  if (times !== undefined) {
    let p = wEnd;
    if (p < limit && text.charCodeAt(p) === 32) p++;
    const inner = readNumberToken(text, p, limit);
    if (inner && inner.digits.length === 1) return { end: inner.end, digits: inner.digits.repeat(times) };
    return null;
  }
  return null;
}

/** Joiners allowed between spoken number tokens: spaces, commas, dots, dashes (and fillers, handled apart). */
export function isSpokenJoiner(c: number): boolean {
  return c === 32 || c === 44 || c === 46 || c === 45 || c === 9 || c === 0xa0 || c === 0x2026;
}

/** Numbers as people say them on the phone: digit by digit, "oh", "double", pairs, fillers between groups. */
import type { Rng } from './rng.js';

export const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];

/** 0–99 in words ("seven", "forty two", "forty-two"). */
export function twoDigitWords(n: number, hyphen = false): string {
  if (n < 10) return DIGIT_WORDS[n]!;
  if (n < 20) return TEENS[n - 10]!;
  const t = TENS[Math.floor(n / 10)]!;
  const u = n % 10;
  return u === 0 ? t : `${t}${hyphen ? '-' : ' '}${DIGIT_WORDS[u]}`;
}

/** 1st–31st in words. */
export function ordinalWords(n: number): string {
  if (n <= 20) return ORDINALS[n]!;
  const t = TENS[Math.floor(n / 10)]!;
  const u = n % 10;
  return u === 0 ? `${t.slice(0, -1)}ieth` : `${t} ${ORDINALS[u]}`;
}

/** A year as said aloud: "nineteen eighty six", "two thousand and four", "twenty twenty seven", "oh four". */
export function yearWords(year: number, rng: Rng): string {
  const hi = Math.floor(year / 100);
  const lo = year % 100;
  if (hi === 20 && lo < 10 && rng.chance(0.6)) return `two thousand${rng.chance(0.5) ? ' and' : ''}${lo ? ' ' + DIGIT_WORDS[lo] : ''}`;
  const loWords = lo === 0 ? 'hundred' : lo < 10 ? `oh ${DIGIT_WORDS[lo]}` : twoDigitWords(lo);
  return `${twoDigitWords(hi)} ${loWords}`;
}

export interface SpokenStyle {
  /** Say 0 as "oh" (sometimes) rather than "zero". */
  oh: boolean;
  /** Say repeated digits as "double five", "triple nine". */
  doubles: boolean;
  /** Say some pairs as numbers: "forty one". */
  pairs: boolean;
}

export function randomStyle(rng: Rng): SpokenStyle {
  return { oh: rng.chance(0.6), doubles: rng.chance(0.5), pairs: rng.chance(0.15) };
}

/** One group of digits in words. */
export function speakGroup(digits: string, style: SpokenStyle, rng: Rng): string {
  const words: string[] = [];
  let i = 0;
  while (i < digits.length) {
    const d = Number(digits[i]);
    let run = 1;
    while (i + run < digits.length && digits[i + run] === digits[i]) run++;
    if (style.doubles && run >= 2) {
      const n = run >= 3 && rng.chance(0.5) ? 3 : 2;
      words.push(`${n === 3 ? 'triple' : 'double'} ${d === 0 && style.oh ? 'oh' : DIGIT_WORDS[d]}`);
      i += n;
      continue;
    }
    // "forty" then "two" reads as 42, so a pair ending in 0 ("forty" for 40) is never followed by more words.
    const pair = Number(digits.slice(i, i + 2));
    if (style.pairs && i + 1 < digits.length && d !== 0 && (pair < 20 || pair % 10 !== 0) && rng.chance(0.5)) {
      words.push(twoDigitWords(pair));
      i += 2;
      continue;
    }
    words.push(d === 0 && style.oh && rng.chance(0.8) ? 'oh' : DIGIT_WORDS[d]!);
    i++;
  }
  return words.join(' ');
}

const JOINERS = [', ', ' ', '... ', ', uh, ', ' - ', ', and ', ' then ', ', okay, ', ', um ', '. '];

/** Groups in words, with the pauses and fillers of speech between groups (never inside a group). */
export function speakGroups(groups: string[], rng: Rng, style = randomStyle(rng)): string {
  let out = '';
  groups.forEach((g, i) => {
    if (i > 0) out += rng.chance(0.55) ? rng.pick([', ', ' ']) : rng.pick(JOINERS);
    out += speakGroup(g, style, rng);
  });
  return out;
}

const WORD_VALUES: Record<string, number> = Object.fromEntries([
  ...DIGIT_WORDS.map((w, i) => [w, i] as const), ['oh', 0],
  ...TEENS.map((w, i) => [w, 10 + i] as const), ...TENS.map((w, i) => [w, i * 10] as const).filter(([w]) => w),
]);

/** The digits a spoken number says ("double five" → "55", "forty two" → "42"); other words are skipped. */
export function digitsFromWords(text: string): string {
  let out = '';
  let repeat = 1;
  let pendingTens = '';
  for (const w of text.toLowerCase().match(/\p{L}+|\p{Nd}+/gu) ?? []) {
    if (/^\p{Nd}+$/u.test(w)) {
      out += (pendingTens ? `${pendingTens}0` : '') + w;
      pendingTens = '';
      continue;
    }
    if (w === 'double' || w === 'triple') {
      repeat = w === 'double' ? 2 : 3;
      continue;
    }
    const v = WORD_VALUES[w];
    if (v === undefined) continue;
    if (v >= 20 && v % 10 === 0) {
      out += pendingTens ? `${pendingTens}0` : '';
      pendingTens = String(v / 10);
      continue;
    }
    if (pendingTens && v > 0 && v < 10) {
      out += pendingTens + String(v);
      pendingTens = '';
      continue;
    }
    out += (pendingTens ? `${pendingTens}0` : '') + String(v).repeat(v < 10 ? repeat : 1);
    pendingTens = '';
    repeat = 1;
  }
  return out + (pendingTens ? `${pendingTens}0` : '');
}

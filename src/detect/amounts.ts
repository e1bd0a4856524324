/**
 * Money (issue 19): a number right after or before a currency code (ISO 4217) or a currency symbol is an
 * amount — "TRL 615.478.0000", "€ 1.234.567", "1 234 567 USD" — not a phone, ID or account number, unless
 * a cue of that entity binds it. The codes come from the runtime's ISO 4217 list; codes that are common
 * upper-case words are left out.
 */
const WORD_CODES = new Set(['ALL', 'TOP', 'CUP', 'BOB', 'PEN', 'TRY', 'MAD', 'MOP', 'GEL', 'LAK', 'BAM', 'SOS', 'BIF', 'CAD']);
const CODES: ReadonlySet<string> = new Set([
  ...Intl.supportedValuesOf('currency').filter((c) => !WORD_CODES.has(c)),
  // Withdrawn codes still written in older records and court texts; CAD is a currency here too.
  'TRL', 'DEM', 'FRF', 'ITL', 'ESP', 'NLG', 'BEF', 'ATS', 'PTE', 'GRD', 'IEP', 'FIM', 'RUR', 'CAD', 'RMB',
]);
/** Currency names written after an amount. */
const NAMES = new Set(['dollars', 'dollar', 'euros', 'euro', 'pounds', 'pound', 'rupees', 'yen', 'francs', 'lira', 'liras', 'pesos', 'reais', 'rand', 'kronor', 'kroner', 'zloty', 'rubles', 'roubles', 'lei', 'dinars', 'dirhams', 'riyals', 'bucks', 'cents']);
const SYMBOL = /\p{Sc}/u;

const isLetter = (c: number) => (c | 0x20) >= 97 && (c | 0x20) <= 122;

/** Whether a currency code or symbol stands right before s (across at most two spaces). */
export function currencyBefore(text: string, s: number): boolean {
  let p = s;
  while (p > 0 && s - p < 2 && text.charCodeAt(p - 1) === 32) p--;
  if (p === 0) return false;
  if (SYMBOL.test(text[p - 1]!)) return true;
  // "R$", "US$" end in a symbol; "Rs." and "Rs" are rupees.
  if (p >= 3 && isLetter(text.charCodeAt(p - 3)) && isLetter(text.charCodeAt(p - 2)) && isLetter(text.charCodeAt(p - 1))) {
    return (p === 3 || !isLetter(text.charCodeAt(p - 4))) && isCode(text.slice(p - 3, p));
  }
  return false;
}

/**
 * A currency code, in capitals or, as speech-to-text and hurried chat write it, in lower case ("charged vnd
 * 9.468.504.792", "81 909.21 eur"); codes that are also words are no code in either case (WORD_CODES).
 */
export function isCode(word: string): boolean {
  if (word === word.toUpperCase()) return CODES.has(word);
  if (word !== word.toLowerCase()) return false;
  const code = word.toUpperCase();
  return CODES.has(code) && !LOWER_WORDS.has(code);
}
/** Codes that, in lower case, are words or names ("rub", "ron", "cop", "php"). */
const LOWER_WORDS = new Set(['RUB', 'RON', 'COP', 'DOP', 'PHP', 'ARS', 'MUR']);

/** Whether a currency code, symbol or name stands right after e (across at most two spaces). */
export function currencyAfter(text: string, e: number): boolean {
  let p = e;
  while (p < text.length && p - e < 2 && text.charCodeAt(p) === 32) p++;
  if (p >= text.length) return false;
  if (SYMBOL.test(text[p]!)) return true;
  let q = p;
  while (q < text.length && q - p < 9 && isLetter(text.charCodeAt(q))) q++;
  if (q < text.length && isLetter(text.charCodeAt(q))) return false;
  const word = text.slice(p, q);
  return (word.length === 3 && isCode(word)) || NAMES.has(word.toLowerCase());
}

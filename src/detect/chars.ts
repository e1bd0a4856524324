/**
 * One lookup table classifies every UTF-16 code unit the scanners care about, so the hot loops do a
 * single array read per character instead of several comparisons.
 */
export const DIGIT = 1;
/**
 * Characters that may join two digit groups: space, dash, dot, slash, parentheses, no-break space, underscore,
 * comma, bar, tab and line breaks (each rule says which of them it takes). Other Unicode spaces and dashes
 * reach the scanners as ' ' and '-' (normalize.ts).
 */
export const JOIN = 2;
/** ASCII letters and underscore: a number glued to these is part of an identifier. */
export const ALPHA = 4;
/** Characters that may open a number: '+' (E.164) and '(' (area code). */
export const LEAD = 8;
/** Characters allowed in the local part of an e-mail address. */
export const EMAIL_LOCAL = 16;
/** Characters allowed in a domain name. */
export const EMAIL_DOMAIN = 32;
/** Hexadecimal digits, ':' and '.' as they appear in IPv6 addresses. */
export const IPV6 = 64;

export const CLASS = new Uint8Array(65536);

function mark(chars: string, flag: number): void {
  for (let i = 0; i < chars.length; i++) CLASS[chars.charCodeAt(i)]! |= flag;
}

const digits = '0123456789';
const lower = 'abcdefghijklmnopqrstuvwxyz';
const upper = lower.toUpperCase();
mark(digits, DIGIT | EMAIL_LOCAL | EMAIL_DOMAIN | IPV6);
mark(' -./()\u00a0_,|\t\n\r', JOIN);
mark(lower + upper + '_', ALPHA);
mark('+(', LEAD);
// The common local-part characters; quotes and braces (legal in RFC 5322) would pull punctuation into the span.
mark(lower + upper + '._%+-', EMAIL_LOCAL);
mark(lower + upper + '.-', EMAIL_DOMAIN);
mark('abcdefABCDEF:.', IPV6);

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

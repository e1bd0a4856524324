import { wordKey, shapeOf, type AddressGrammar } from './grammar.js';
import { countryLine } from './parse.js';
import { tokenize, type Tok } from './tokens.js';
import { lineEnd } from './value.js';

/**
 * An address block known by its layout alone, as signatures and contact blocks write it: a street line
 * (a house number and the street's words, in any order and script) directly above a city line (a postcode
 * and the city's words), then perhaps a country line. Both lines are short, hold no field label, mark or
 * other number, and their lower-case Latin words are grammar words (connectors, street types, units).
 * Returns [start, end) of the block starting at line start ls, or null.
 */
const MAX_LINE = 64;

export function layoutBlock(g: AddressGrammar, text: string, ls: number): [number, number] | null {
  const ae = lineEnd(text, ls, Math.min(text.length, ls + MAX_LINE + 1));
  if (ae >= text.length || text.charCodeAt(ae) !== 10 || ae - ls > MAX_LINE) return null;
  const bs = ae + 1;
  const be = lineEnd(text, bs, Math.min(text.length, bs + MAX_LINE + 1));
  if (be - bs > MAX_LINE || (be < text.length && text.charCodeAt(be) !== 10 && text.charCodeAt(be) !== 13)) return null;
  // A foreign mark anywhere on a line fails it (hasForeign): no token is read for most lines of prose and chat.
  if (hasForeign(text, ls, ae) || hasForeign(text, bs, be)) return null;
  const a = tokenize(text, ls, ae, 12);
  if (!streetLine(g, a)) return null;
  const b = tokenize(text, bs, be, 10);
  if (!cityLine(g, b)) return null;
  let end = trimEnd(text, bs, be);
  // A country on the next line.
  if (be < text.length) {
    const ce = lineEnd(text, be + 1, Math.min(text.length, be + 1 + 40));
    const c = tokenize(text, be + 1, ce, 4);
    if (c.length && countryLine(g, c)) end = trimEnd(text, be + 1, ce);
  }
  return [a[0]!.s, end];
}

function trimEnd(text: string, s: number, e: number): number {
  while (e > s && /[\s.,;]/.test(text[e - 1]!)) e--;
  return e;
}

/** Marks that no address line holds (field labels, e-mails, amounts, links, references). */
const FOREIGN = new Set([':', '@', '#', '$', '€', '£', '¥', '₹', '=', '/', '%', '+', '(', ')', '[', ']', '<', '>', '*', '|', '"', '?', '!']);

/** FOREIGN's marks but the slash (which a number holds: "12/5"), by char code. */
const FOREIGN_CODES = new Set([...FOREIGN].filter((m) => m !== '/').map((m) => m.charCodeAt(0)));

/**
 * Whether the line [s, e) holds one of FOREIGN_CODES: no word or number token holds one (tokens.ts), so it is a
 * mark token of the line's, and `fit` fails; or it stands after the tokens read (12 for a street line, 10 for a
 * city line), and the line has more tokens than either line may hold (10, 9).
 */
function hasForeign(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (FOREIGN_CODES.has(text.charCodeAt(i))) return true;
  return false;
}

/** Words of the line, and whether it is fit to be an address line at all. */
function fit(g: AddressGrammar, toks: Tok[]): boolean {
  if (!toks.length) return false;
  let words = 0;
  for (const t of toks) {
    if (t.kind === 'p') {
      if (FOREIGN.has(t.text)) return false;
      continue;
    }
    if (t.kind === 'n') {
      if (t.decimal) return false;
      continue;
    }
    const key = wordKey(t.text);
    // A region code in capitals ("OR", "IN", "HI") is the city line's, not the word it spells.
    if (g.notAddress.has(key) && !g.regions.has(t.text)) return false;
    const c = t.text.charCodeAt(0);
    // (An elided article before a capital starts a name: "62 Lambert d'Assas".)
    const lowerLatin = c >= 97 && c <= 122 && !t.cap;
    if (lowerLatin && t.text.length > 2 && !(g.connectors.has(key) || g.typesAfter.has(key) || g.typesBefore.has(key) || g.units.has(key))) return false;
    if (t.text.length >= 2) words++;
  }
  return words > 0;
}

const digitCount = (toks: Tok[]) => toks.reduce((n, t) => n + (t.kind === 'n' ? t.text.replace(/\D/g, '').length : 0), 0);

/** A street line: one or two numbers (a house number, a unit), at most 8 digits, and words. */
function streetLine(g: AddressGrammar, toks: Tok[]): boolean {
  if (!fit(g, toks) || toks.length > 10) return false;
  const nums = toks.filter((t) => t.kind === 'n');
  if (!nums.length || nums.length > 3 || digitCount(toks) > 9) return false;
  return nums.every((t) => /^\d{1,6}/.test(t.text) && t.text.replace(/\D/g, '').length <= 6);
}

/** A city line: a postcode (a country's shape, or 4–6 digits) and one to five words, nothing else numeric. */
export function cityLine(g: AddressGrammar, toks: Tok[]): boolean {
  if (!fit(g, toks) || toks.length > 9) return false;
  const words = toks.filter((t) => t.kind === 'w');
  if (words.length > 6) return false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === 'p') continue;
    const two = toks[i + 1] && toks[i + 1]!.kind !== 'p' && !toks[i + 1]!.decimal ? `${shapeOf(t.text)} ${shapeOf(toks[i + 1]!.text)}` : '';
    const one = shapeOf(t.text);
    const isCode = (two && g.postcodes.has(two)) || (g.postcodes.has(one) && /\d/.test(t.text)) || /^(?:[A-Z]{1,2}-)?\d{4,6}(?:-\d{3,5})?$/.test(t.text);
    if (!isCode) continue;
    const used = two && g.postcodes.has(two) ? 2 : 1;
    const rest = toks.filter((x, k) => x.kind === 'n' && (k < i || k >= i + used));
    return rest.length === 0 && words.length - (used === 2 && toks[i + 1]!.kind === 'w' ? 1 : 0) > 0;
  }
  return false;
}

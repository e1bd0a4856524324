import { classifyRange } from './classify.js';
import { isLetter, isLower, isUpper, startsWord } from './letters.js';
import type { NameLexicon } from './lexicon.js';
import { listedName, listedOrUnknown } from './lone.js';
import type { NameWord } from './runs.js';

/**
 * A name written family name first, then a comma ("MOREAU, Quentin", "Kohrt, Selma", "SANTANA SANTIAGO,
 * Rodrigo"): the given names after the comma are listed given names, and the one or two words before it
 * are a family name in capitals or a name the lists know. Returns where the family name starts, or -1.
 * Not an organisation's or a place's list: nothing but the end of the clause may follow the given names
 * ("Grant, Fritsch and Dach", "Lyon, France and Spain").
 */
export function invertedFamilyStart(lex: NameLexicon, text: string, given: readonly NameWord[], end: number, lastName = -1): number {
  if (given.length > 2 || given[0]!.kind === 'initial' || !given.every((w) => w.kind !== 'common')) return -1;
  const givenListed = given.every((w) => listedName(lex, text, w) || w.kind === 'initial');
  const givenNamed = given.every((w) => listedOrUnknown(lex, text, w) || w.kind === 'initial');
  const ends = clauseEnds(text, end);
  if (!ends) return -1;
  const s = given[0]!.s;
  if (text.charCodeAt(s - 1) !== 32 || text.charCodeAt(s - 2) !== 44) return -1;
  let start = -1;
  let e = s - 2;
  let capitals = true;
  let listed = true;
  let named = true;
  for (let n = 0; n < 2; n++) {
    let b = e;
    while (b > 0 && (isLetter(text.charCodeAt(b - 1)) || text.charCodeAt(b - 1) === 45 || text.charCodeAt(b - 1) === 39)) b--;
    if (b === e || !isUpper(text.charCodeAt(b)) || !startsWord(text, b)) break;
    const kind = classifyRange(lex, text, b, e);
    if (kind === 'not' || kind === 'title' || kind === 'particle' || kind === 'initial') break;
    const upper = allUpper(text, b, e);
    if (e - b < 2 || (upper && e - b < 3)) break;
    capitals &&= upper;
    listed &&= kind === 'strong' || kind === 'weak';
    named &&= kind === 'strong' || kind === 'weak' || kind === 'unknown';
    start = b;
    if (text.charCodeAt(b - 1) !== 32) break;
    e = b - 1;
  }
  // A family name in capitals is evidence enough for any name word after it ("JAKUBOWSKI, Buddy");
  // otherwise both parts are names the lists know, or, when the name fills a field or an item of a list
  // on its own ("Name (last, first): Niroula, Deepika."), one part is and the other is a word no list holds.
  if (start < 0) return -1;
  const field = ends === 'end' && fieldValue(text, start);
  // In a list whose item before is a name found ("BADU, Abigail; Eldorov, Abbos"), words no list holds too.
  const listed2 = field && lastName >= 0 && /^ ?; ?$/.test(text.slice(lastName, start));
  if (!(capitals || (listed && givenListed) || (named && givenNamed && ((field && (listed || givenListed)) || listed2)))) return -1;
  // A capitalised word before a comma and a name set off as an apposition is a place or a noun
  // ("in Kenya, Jolayemi, took us"): only a family name in capitals takes that shape.
  if (!capitals && ends === 'clause') return -1;
  // The family name opens its clause: a line's start, a colon, an open bracket, or a lower-case word.
  let p = start - 1;
  while (p >= 0 && text.charCodeAt(p) === 32) p--;
  const c = p < 0 ? 10 : text.charCodeAt(p);
  // A verb right after the given names ("LARKIN, Monroe booked", "Furtado, Constança é") when the name
  // opens its sentence.
  if (ends === 'verb' && lex.orgJoiners.has(wordAt(text, end + 1))) return -1;
  if (ends === 'verb') return c === 10 || c === 13 || c === 46 || c === 33 || c === 63 ? start : -1;
  if (c === 10 || c === 13 || c === 58 || c === 40 || c === 59) return start;
  if (isLower(c) || c === 46 || (capitals && c === 44)) return start;
  return -1;
}

/**
 * What follows the name: the end of its line, a period, a semicolon, a colon or a bracket ('end'), a
 * comma and a number ('end': "Kohrt, Selma, 34"), a comma and a lower-case word ('clause'), a lower-case
 * word ('verb'), or else null.
 */
function clauseEnds(text: string, e: number): 'end' | 'clause' | 'verb' | null {
  const c = text.charCodeAt(e);
  if (Number.isNaN(c) || c === 10 || c === 13 || c === 46 || c === 59 || c === 41 || c === 40 || c === 58) return 'end';
  if (c === 32) return text.charCodeAt(e + 1) === 40 ? 'end' : isLower(text.charCodeAt(e + 1)) ? 'verb' : null;
  if (c !== 44 || text.charCodeAt(e + 1) !== 32) return null;
  const d = text.charCodeAt(e + 2);
  return d >= 48 && d <= 57 ? 'end' : isLower(d) ? 'clause' : null;
}

/** What stands before s opens a field's value or a list's item: a colon, a semicolon or a line's start. */
function fieldValue(text: string, s: number): boolean {
  let p = s - 1;
  while (p >= 0 && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p--;
  const c = p < 0 ? 10 : text.charCodeAt(p);
  return c === 58 || c === 59 || c === 10 || c === 13;
}

function allUpper(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (isLower(text.charCodeAt(i))) return false;
  return true;
}

/** The lower-cased letters from s ("and" in "Johns and Hackett"). */
function wordAt(text: string, s: number): string {
  let e = s;
  while (e < text.length && e - s < 16 && isLetter(text.charCodeAt(e))) e++;
  return text.slice(s, e).toLowerCase();
}

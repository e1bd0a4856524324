import { isCaseless, isLetter, isLower, isUpper, wordEnd } from '../names/letters.js';
import { wordKey, type AddressGrammar } from './grammar.js';

/**
 * The extent of an address written as a value on one line: after a cue ("new address is …", "billing addr
 * …") or as the answer to an address question. It starts at the first number, capitalised word or word of a
 * caseless script after the fillers ("yeah it's", "hold on", "j'habite au") and ends at the line's end, a
 * field separator (" | ", ";", a tab) or a sentence's end, whatever the script or word order of the address.
 * Returns [start, end) or null when no address-like value is there (it must hold a house number or postcode).
 */
export const MAX_VALUE = 160;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpace = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 13;

/** Skips spaces, commas, ellipses and a bracketed timestamp ("[10:59]", "(17:57)"). */
function skipGaps(text: string, i: number, end: number): number {
  for (;;) {
    while (i < end && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 44 || text.charCodeAt(i) === 46 || text.charCodeAt(i) === 0x2026)) i++;
    const c = text.charCodeAt(i);
    if (i < end && (c === 91 || c === 40)) {
      let j = i + 1;
      while (j < end && j - i < 14 && (isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 58 || text.charCodeAt(j) === 32 || text.charCodeAt(j) === 46)) j++;
      if (j - i > 3 && (text.charCodeAt(j) === 93 || text.charCodeAt(j) === 41)) {
        i = j + 1;
        continue;
      }
    }
    return i;
  }
}

/** End of the line holding i (the index of its \n, or end). */
export function lineEnd(text: string, i: number, end = text.length): number {
  // A bounded loop, not indexOf: a line without a break must not cost a scan of the rest of the text.
  let n = i;
  while (n < end && text.charCodeAt(n) !== 10) n++;
  return n;
}

/**
 * Where a turn's text starts after its speaker label: "Caller: ", "Visitor > (19:10) ", "[00:05:01]
 * CUSTOMER - ", "恵: ". A label is at most 48 characters; without one the line's start.
 */
export function afterSpeaker(text: string, s: number, e: number): number {
  const i = skipGaps(text, s, e);
  const lim = Math.min(e, i + 48);
  for (let j = i; j < lim; j++) {
    const c = text.charCodeAt(j);
    const next = text.charCodeAt(j + 1);
    // "Caller: ", "Visitor > ", "**Customer:** " (Markdown bold around the label).
    if (c === 58 || c === 62) {
      let k = j + 1;
      while (k < e && k - j < 3 && text.charCodeAt(k) === 42) k++;
      if (k >= e || isSpace(text.charCodeAt(k))) return skipGaps(text, k, e);
    }
    if (c === 45 && j > i && isSpace(text.charCodeAt(j - 1)) && isSpace(next)) return skipGaps(text, j + 1, e);
    if (c === 44 || c === 63) break;
  }
  return i;
}

/** The value starting at or after i on its line (fillers skipped); [start, end) or null. */
export function valueAt(g: AddressGrammar, text: string, i: number, limit: number): [number, number] | null {
  const le = lineEnd(text, i, Math.min(limit, i + MAX_VALUE + 40));
  let s = skipGaps(text, i, le);
  // Fillers before the value: "yeah it's", "hold on…", "it should be", "j'habite au".
  for (let n = 0; n < 6 && s < le; n++) {
    if (!isLetter(text.charCodeAt(s))) break;
    const we = wordEnd(text, s, le);
    const key = wordKey(text.slice(s, we));
    // A capitalised street preposition opens the street's name ("Na výslní 85"), though "na" is a filler ("moro na …").
    if (!g.fillers.has(key) || (isUpper(text.charCodeAt(s)) && g.prepositions.has(key))) break;
    s = skipGaps(text, we, le);
  }
  s = pastLead(text, s, le);
  if (s >= le) return null;
  const c0 = text.charCodeAt(s);
  // A value opening in a script without case and going on in lower-case Latin words only ("דרך מאראשון 111,
  // אשבול 37207 and to close the card…") is no lower-case line: those words end it ("石東路7286號 i think 宜蘭市" goes on).
  const lowerLine = !hasUpperLatin(text, s, le) && !(isCaseless(c0) && latinTail(text, s, le));
  if (!(isDigit(c0) || isUpper(c0) || isCaseless(c0) || (lowerLine && isLower(c0)) || grammarWord(g, text, s, le))) return null;
  let e = valueEnd(g, text, s, le);
  // In text with capitals, an address is capitalised words, numbers and grammar words: the first other
  // lower-case Latin word ends it ("Strassfeld 49, 9736 Innsbruck, wird folgender …").
  if (!lowerLine) e = beforeClause(g, text, s, e);
  while (e > s && (isSpace(text.charCodeAt(e - 1)) || text.charCodeAt(e - 1) === 44 || text.charCodeAt(e - 1) === 45 || text.charCodeAt(e - 1) === 91 || text.charCodeAt(e - 1) === 40)) e--;
  if (!lowerLine) e = trimLowerTail(g, text, s, e);
  if (e <= s || !holdsAddressNumber(text, s, e)) return null;
  // An IPv6 or a time ("0::0", "10:30") is no address.
  for (let i = s; i < e; i++) if (text.charCodeAt(i) === 58) return null;
  return [s, e];
}

/**
 * Past what may lead a value after its fillers: a field's label ("lieferadresse: …", one word and a colon) or a
 * hesitation cut off by an ellipsis ("hld on... andador rafael 9966": at most two words, no digit, then "..." or "…").
 */
function pastLead(text: string, s: number, le: number): number {
  let i = s;
  let words = 0;
  while (i < le && i - s < 28 && words < 3) {
    if (!isLetter(text.charCodeAt(i))) return s;
    i = wordEnd(text, i, le);
    words++;
    const c = text.charCodeAt(i);
    if (c === 58 && words === 1 && isSpace(text.charCodeAt(i + 1))) return skipGaps(text, i + 1, le);
    if (c === 0x2026 || (c === 46 && text.charCodeAt(i + 1) === 46)) return skipGaps(text, i, le);
    if (c !== 32) return s;
    i++;
  }
  return s;
}

/** A double quote between two Hebrew letters marks an abbreviation (gershayim typed as '"': "מע\"ר"), not a field's end. */
const gershayim = (text: string, e: number) => {
  const a = text.charCodeAt(e - 1);
  const b = text.charCodeAt(e + 1);
  return a >= 0x5d0 && a <= 0x5ea && b >= 0x5d0 && b <= 0x5ea;
};

/** Where a value starting at s ends on its line (before le): a field separator or a sentence's end. */
export function valueEnd(g: AddressGrammar, text: string, s: number, le: number): number {
  let e = s;
  while (e < le && e - s < MAX_VALUE) {
    const c = text.charCodeAt(e);
    if (c === 9 || c === 59 || c === 0xff1b || c === 124 || (c === 34 && !gershayim(text, e)) || c === 0x3002) break;
    if ((c === 46 || c === 33 || c === 63) && (e + 1 >= le || isSpace(text.charCodeAt(e + 1))) && sentenceEnd(g, text, s, e)) break;
    // A dash glued to the next word after a space is a note's sign-off ("739 Main St -Zara"), not a region.
    if ((c === 45 || c === 0x2013 || c === 0x2014) && e > s && isSpace(text.charCodeAt(e - 1)) && e + 1 < le && isLetter(text.charCodeAt(e + 1))) {
      e--;
      break;
    }
    e++;
  }
  return e;
}

/** A street type or unit word, which may be written in lower case ("szosa Musiał 12b", "ul. Długa 5"). */
function grammarWord(g: AddressGrammar, text: string, s: number, le: number): boolean {
  const key = wordKey(text.slice(s, wordEnd(text, s, le)));
  return g.typesBefore.has(key) || g.typesBeforeLower.has(key) || g.typesAfter.has(key);
}

function beforeClause(g: AddressGrammar, text: string, s: number, e: number): number {
  let i = s;
  // Only once a number was read: a street type the lexicon lacks may stand before it ("Göteholm torg 49").
  let numbered = false;
  while (i < e) {
    const c = text.charCodeAt(i);
    // A bracket's words are a note on the city ("Naxçıvan (şəhər) AZ3510"): read over.
    if (c === 40) {
      const close = text.indexOf(')', i);
      if (close > i && close < e && close - i <= 24) {
        i = close + 1;
        continue;
      }
    }
    if (!isLetter(c)) {
      if (isDigit(c)) numbered = true;
      i++;
      continue;
    }
    const we = wordEnd(text, i, e);
    // Elided articles ("d'Orsel", "l'Église") belong to the name.
    const elided = we - i > 2 && (text.charCodeAt(i + 1) === 39 || text.charCodeAt(i + 1) === 0x2019);
    const key = wordKey(text.slice(i, we));
    // A hedge ("… Avenue I think East Alysa, KY …") is read over: the address may go on after it.
    if (numbered && !elided && isLower(c) && c < 0x250 && we - i >= 3 && !lowerGrammar(g, key) && !g.hedges.has(key) && !cityTail(g, text, i, we, e)) return i;
    i = we;
  }
  return e;
}

/**
 * Lower-case words that end a city's name ("Eusebio del friuli 73007", "60690 Marana terme."): the word at [i, we)
 * after a capitalised word, then perhaps one more lower-case word, then a postcode of four digits or more, or the
 * value's end. Frequent words are no such tail ("… Milano please").
 */
function cityTail(g: AddressGrammar, text: string, i: number, we: number, e: number): boolean {
  let b = i - 1;
  while (b > 0 && isSpace(text.charCodeAt(b))) b--;
  let w = b;
  while (w > 0 && isLetter(text.charCodeAt(w - 1))) w--;
  // The word before: capitalised, or a connector or a one-letter word after one ("del friuli", "Tecla a mare").
  let led = false;
  if (w === b && isLower(text.charCodeAt(w)) && w > 1 && isSpace(text.charCodeAt(w - 1))) {
    let v = w - 1;
    while (v > 0 && isLetter(text.charCodeAt(v - 1))) v--;
    if (v < w - 1 && isUpper(text.charCodeAt(v))) (w = v), (led = true);
  }
  if (!(w <= b && (isUpper(text.charCodeAt(w)) || g.connectors.has(wordKey(text.slice(w, b + 1)))))) return false;
  const rest = text.slice(we, e);
  if (/^(?:[ ]\p{Ll}{2,})?[ ]?,?[ ]?\d{4,6}(?:-\d{3,4})?(?![\p{L}\d]|[-/.:]\d)/u.test(rest)) return true;
  // (After a one-letter word the tail is a city's however frequent its word: "Tecla a mare".)
  return we - i >= 4 && /^[ .,;!?]*$/.test(rest) && (led || !g.commonWords.has(text.slice(i, we).toLowerCase()));
}

const lowerGrammar = (g: AddressGrammar, key: string) =>
  g.connectors.has(key) || g.typesAfter.has(key) || g.typesBefore.has(key) || g.typesBeforeLower.has(key) || g.units.has(key) || g.houseNumberWords.has(key) || g.suffixes.some((x) => key.endsWith(x));

/** After the first lower-case Latin letter from s, no letter of a script without case comes before le. */
function latinTail(text: string, s: number, le: number): boolean {
  let i = s;
  while (i < le && !(isLower(text.charCodeAt(i)) && text.charCodeAt(i) < 0x250)) i++;
  for (; i < le; i++) if (isCaseless(text.charCodeAt(i))) return false;
  return true;
}

function hasUpperLatin(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (isUpper(text.charCodeAt(i))) return true;
  return false;
}

/**
 * The rest of a line that is a city line and nothing more: capitalised words (a hedge may lead: "I think
 * Valladolid 21160"), perhaps a region code after a comma, then a postcode of digits (a letter lead, a space or dash
 * inside: "LV6103", "857 24"), perhaps a bracketed note ("[inaudible]").
 */
const CITY_REST = /^\p{Lu}[\p{L}\p{M}'’`. -]{1,40}?(?:,[ ]?[A-Z]{2})?,?[ ]?(?:[A-Z]{1,2}-?)?\d{3,6}(?:[ -]\d{2,4})?[ \t]*(?:\[[^\]\n]{0,24}\][ \t]*)?$/u;

/** The same, postcode first: perhaps a hedge, then the postcode and the city's words ("I think 35760 Alcalá de Henares"). */
const CITY_REST_CODE_FIRST = /^(?:\p{L}+[ ]){0,2}?(?:[A-Z]{1,2}-?)?\d{4,6}(?:[ -]\d{2,4})?[ ]\p{Lu}[\p{L}\p{M}'’`. -]{1,40}?[ \t]*$/u;

function cityRest(g: AddressGrammar, text: string, n: number): boolean {
  const le = lineEnd(text, n, Math.min(text.length, n + 72));
  if (le - n >= 72 || !isUpper(text.charCodeAt(n))) return false;
  const rest = text.slice(n, le).replace(/\r$/, '');
  if (!CITY_REST.test(rest) && !CITY_REST_CODE_FIRST.test(rest)) return false;
  // The words before the postcode are a city's: capitalised, or connectors and hedges ("I think", "del").
  for (const m of rest.replace(/\[[^\]]*\]/g, '').matchAll(/[\p{L}\p{M}'’`]+/gu)) {
    const w = m[0];
    if (!isUpper(w.charCodeAt(0)) && w.length > 2 && !g.connectors.has(wordKey(w)) && !g.hedges.has(wordKey(w))) return false;
  }
  return true;
}

/** The rest of a line typed in lower case that is a city line: one to three words, then a postcode ("apese 80284", "doyle cross hx2 6pk"). */
const LOWER_CITY_REST = /^(?:[\p{Ll}\p{Lo}][\p{L}\p{M}'’`-]{1,30}[ ]){1,3}(?:\d{4,6}(?:[ -]\d{2,4})?|[a-z]{1,2}\d[a-z\d]?[ ]\d[a-z]{2})[ \t]*$/u;

function lowerCityRest(text: string, s: number, n: number): boolean {
  const c = text.charCodeAt(n);
  if (!(isLower(c) || isCaseless(c))) return false;
  const le = lineEnd(text, n, Math.min(text.length, n + 72));
  if (le - n >= 72 || hasUpperLatin(text, s, le)) return false;
  return LOWER_CITY_REST.test(text.slice(n, le).replace(/\r$/, ''));
}

/** A period, ! or ? ends the sentence unless it ends a street type's or unit's abbreviation ("St.", "Apt."). */
function sentenceEnd(g: AddressGrammar, text: string, s: number, p: number): boolean {
  if (text.charCodeAt(p) !== 46) return true;
  // The value goes on after a period when a number or a postcode follows ("485 Ffordd Nant. CF9 3SJ …").
  let n = p + 1;
  while (isSpace(text.charCodeAt(n))) n++;
  // A spoken answer puts a period between the street and its city line ("POB 69345. South Kayaport, TN 85846"),
  // in lower-case text too ("yes. 6 considine brae. doyle cross hx2 6pk").
  if (cityRest(g, text, n) || lowerCityRest(text, s, n)) return false;
  if (opensSentence(g, text, n) || lowerSentence(g, text, n)) return true;
  if (isDigit(text.charCodeAt(n)) || (isUpper(text.charCodeAt(n)) && isDigit(text.charCodeAt(n + 1))) || (isUpper(text.charCodeAt(n)) && isUpper(text.charCodeAt(n + 1)) && isDigit(text.charCodeAt(n + 2)))) return false;
  let b = p;
  while (b > s && isLetter(text.charCodeAt(b - 1))) b--;
  // An ordinal's period ("23. Oktomvri", "3. tv"): one or two digits.
  if (b === p) {
    let d = p;
    while (d > s && isDigit(text.charCodeAt(d - 1))) d--;
    return !(p - d >= 1 && p - d <= 2 && (d === s || isSpace(text.charCodeAt(d - 1))) && n < text.length && isLetter(text.charCodeAt(n)));
  }
  const key = wordKey(text.slice(b, p));
  return !(g.typesAfter.has(key) || g.typesBefore.has(key) || g.units.has(key) || p - b <= 3);
}

/**
 * A capitalised word followed by a lower-case Latin word that is no address word ("… Klein Cliffs. Witnessed by",
 * "… 6 tr. Present at", "… Common. Date of birth", "… 3º D. Titular de la cuenta", "… SA33 56S. The shop closes"),
 * or by an exclamation ("… 44. Wpadajcie!"); an article, or "¡" or "¿", opening a sentence: the next sentence,
 * whatever abbreviation the period ended. Connectors, one-letter words and address words between are read over
 * ("of", "de la", "a", "shop"); a city after a street's abbreviation is followed by a comma, a number or another
 * capitalised word.
 */
function opensSentence(g: AddressGrammar, text: string, n: number): boolean {
  const c0 = text.charCodeAt(n);
  if (c0 === 0xa1 || c0 === 0xbf) return true;
  if (!isUpper(c0)) return false;
  let k = n + 1;
  while (k < text.length && k - n < 24 && isLetter(text.charCodeAt(k))) k++;
  // An article opens it ("… Sarita Unions. The Oduya office reopens"), as after a street (parse.ts sentenceAfter).
  if (k - n > 1 && g.connectors.has(wordKey(text.slice(n, k))) && text.charCodeAt(k) === 32) return true;
  for (let words = 0; words < 3; words++) {
    const m = text.charCodeAt(k);
    // (Not a question mark: "… 12 Oak St. Springfield?" asks about a city.)
    if (m === 33) return true;
    if (m !== 32) return false;
    const c = text.charCodeAt(k + 1);
    if (!isLower(c) || c >= 0x250) return false;
    const we = wordEnd(text, k + 1);
    const key = wordKey(text.slice(k + 1, we));
    // A lower-case word of two letters or more that is no address word ("Kpg. Rahmawati no 78" goes on).
    if (we - (k + 1) >= 2 && !lowerGrammar(g, key)) return true;
    k = we;
  }
  return false;
}

/**
 * In lower-case text, two lower-case Latin words that are no address words after the period, and no digit on
 * the rest of the line ("7209 s 4th street. come visit, darian", "… 4. og. kommt vorbei!"): the next sentence.
 * (A city line after the period holds a postcode: "6 considine brae. doyle cross hx2 6pk".)
 */
function lowerSentence(g: AddressGrammar, text: string, n: number): boolean {
  let k = n;
  for (let words = 0; words < 2; words++) {
    const c = text.charCodeAt(k);
    if (!isLower(c) || c >= 0x250) return false;
    const we = wordEnd(text, k);
    if (we - k < 2 || lowerGrammar(g, wordKey(text.slice(k, we))) || g.hedges.has(wordKey(text.slice(k, we)))) return false;
    k = we;
    if (words === 0) {
      if (text.charCodeAt(k) !== 32) return false;
      k++;
    }
  }
  for (let i = k; i < text.length && i - k < MAX_VALUE && text.charCodeAt(i) !== 10; i++) if (isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** Drops lower-case Latin words and hedges (and marks) after the last number or capitalised word ("… 18925 instead", "… I think"). */
function trimLowerTail(g: AddressGrammar, text: string, s: number, e: number): number {
  let end = e;
  for (;;) {
    let b = end;
    while (b > s && isSpace(text.charCodeAt(b - 1))) b--;
    let w = b;
    while (w > s && isLetter(text.charCodeAt(w - 1))) w--;
    // (A unit word ends an address in lower case: "8350 Léna Lepic 9 étage".)
    if (w === b || !(isLower(text.charCodeAt(w)) || g.hedges.has(wordKey(text.slice(w, b)))) || w === s || (end === e && (cityTail(g, text, w, b, e) || g.units.has(wordKey(text.slice(w, b)))))) return end === e ? e : trimMarks(text, s, end);
    end = w;
  }
}

function trimMarks(text: string, s: number, e: number): number {
  while (e > s && !isLetter(text.charCodeAt(e - 1)) && !isDigit(text.charCodeAt(e - 1))) e--;
  return e;
}

/**
 * Whether the value holds a house number or a postcode: a run of digits that is not only a year
 * ("moved to Berlin in 2019") or a time.
 */
export function holdsAddressNumber(text: string, s: number, e: number): boolean {
  let runs = 0;
  let nonYear = false;
  for (let i = s; i < e; i++) {
    if (!isDigit(text.charCodeAt(i))) continue;
    let j = i;
    while (j < e && isDigit(text.charCodeAt(j))) j++;
    runs++;
    const year = j - i === 4 && (text.startsWith('19', i) || text.startsWith('20', i));
    const time = text.charCodeAt(j) === 58 || text.charCodeAt(i - 1) === 58;
    if (!year && !time) nonYear = true;
    i = j;
  }
  return nonYear || runs >= 2;
}

import { isCaseless } from '../names/letters.js';
import { shapeOf, wordKey, type AddressGrammar } from './grammar.js';
import type { Tok } from './tokens.js';

/**
 * The address grammar over tokens. A street line is a house number and a street name around a street
 * type, in the orders the world uses:
 *   number · name · type-after            742 Evergreen Terrace, 12B Baker St.
 *   name+suffix · number                  Hauptstraße 5, Puruntie 82, Drottninggatan 12
 *   name · type-after · number            Kirch Weg 4, Evergreen Terrace 742
 *   type-before · name · number           Rua do Arenque 1634, Via Roma 10, Calle Mayor, 5
 *   number · type-before · name           12 rue de la Paix, 5 Avenida Paulista
 * then any of: unit (Apt. 595, Suite 200, #12), city, region, postcode (per-country shapes), country,
 * separated by commas, spaces or one line break. Returns the index of the first and last token, or null.
 */
const MAX_NAME = 5;

const isHouseNumber = (t: Tok | undefined) => t !== undefined && t.kind === 'n' && !t.decimal && /^\d{1,6}(?:[A-Za-z]{0,2}|[-/]\d{1,4}[A-Za-z]?)$/.test(t.text);
const isOrdinal = (t: Tok) => t.kind === 'n' && /^\d{1,4}(?:st|nd|rd|th|º|ª|e|er|re|o|a)$/i.test(t.text);

/** Words that never stand in a street's name written in lower case ("5 people on my street"). */
const LOWER_STOP = new Set(['my', 'your', 'our', 'their', 'his', 'her', 'its', 'the', 'a', 'an', 'on', 'in', 'at', 'to', 'for', 'and', 'or', 'with', 'from', 'this', 'that', 'these', 'those', 'per', 'each', 'every', 'all', 'more', 'less', 'than', 'about', 'over', 'under', 'by', 'is', 'are', 'was', 'were', 'be', 'been', 'i', 'you', 'we', 'they', 'he', 'she', 'it', 'min', 'mins', 'minutes', 'hours', 'days', 'weeks', 'items', 'people', 'times', 'years', 'miles', 'km']);

function lowerNameWord(t: Tok | undefined): boolean {
  return t !== undefined && t.kind === 'w' && !t.cap && t.text.length > 1 && !LOWER_STOP.has(t.text.toLowerCase());
}

export function isNameWord(g: AddressGrammar, t: Tok | undefined): boolean {
  if (!t) return false;
  if (t.kind === 'w') return t.cap || g.connectors.has(wordKey(t.text));
  return isOrdinal(t);
}

/** An abbreviation in capitals ("TRL", "ST") is a street type only in a name written in capitals too. */
const shouting = (toks: Tok[], k: number) => {
  const t = toks[k]!;
  if (t.text.length > 3 || t.text !== t.text.toUpperCase()) return false;
  const p = toks[k - 1];
  return !(p && p.kind === 'w' && p.text.length > 1 && p.text === p.text.toUpperCase());
};

function isTypeAfter(g: AddressGrammar, t: Tok): boolean {
  return t.kind === 'w' && g.typesAfter.has(wordKey(t.text));
}

function isTypeBefore(g: AddressGrammar, t: Tok): boolean {
  return t.kind === 'w' && g.typesBefore.has(wordKey(t.text));
}

export function hasSuffix(g: AddressGrammar, t: Tok): boolean {
  if (t.kind !== 'w' || !t.cap) return false;
  const w = t.text.toLowerCase();
  return g.suffixes.some((x) => w.length > x.length + 1 && w.endsWith(x.replace(/\.$/, '')));
}

/** The street line around the type token at k: [first, last] token indexes. */
export function streetAround(g: AddressGrammar, toks: Tok[], k: number): [number, number] | null {
  const t = toks[k]!;
  const sameLine = (i: number) => i >= 0 && i < toks.length && !toks[i]!.nl;
  // number · name · type-after (the name may be empty for "5 Hauptstraße"-like suffix words).
  if ((isTypeAfter(g, t) && !shouting(toks, k)) || hasSuffix(g, t)) {
    const suffixed = hasSuffix(g, t);
    // Back from the type over the street's name to its house number: capitalised words first; a name in
    // lower case ("742 evergreen terrace") only before a house number of two digits or more.
    for (const lowerOk of g.typesAfterLowerName.has(wordKey(t.text)) ? [false, true] : [false]) {
      let i = k - 1;
      let n = 0;
      let capital = false;
      while (i >= 0 && n < MAX_NAME && (isNameWord(g, toks[i]) || (lowerOk && lowerNameWord(toks[i]))) && !toks[i + 1]!.nl) {
        if (g.directions.has(wordKey(toks[i]!.text)) && isHouseNumber(toks[i - 1])) break;
        if (toks[i]!.kind === 'w' && toks[i]!.cap) capital = true;
        i--;
        n++;
      }
      if (i >= 0 && g.directions.has(wordKey(toks[i]!.text)) && sameLine(i + 1)) i--;
      if (lowerOk && !(isHouseNumber(toks[i]) && /^\d{2}/.test(toks[i]!.text))) continue;
      // A capitalised type after lower-case words only: "1954 y depende de Dr. Córdova" is a year and a title.
      if (lowerOk && t.cap && !capital) continue;
      // A unit and its number before a street without a house number ("Flat 313, Bastola Corner").
      if (n > 0 && toks[i]?.kind === 'p' && toks[i]!.text === ',' && !toks[i + 1]!.nl) {
        const u = unitLead(g, toks, i - 1);
        if (u >= 0) return [u, k];
      }
      // A number that ends a sentence ("Zip is 94105. You can…") is no house number.
      if ((n > 0 || suffixed) && isHouseNumber(toks[i]) && !toks[i]!.dot && !toks[i + 1]!.nl) {
        let end = k;
        if (toks[end + 1] && g.directions.has(wordKey(toks[end + 1]!.text)) && !toks[end + 1]!.nl) end++;
        return [i, end];
      }
    }
    let n = 0;
    while (k - n - 1 >= 0 && n < MAX_NAME && isNameWord(g, toks[k - n - 1]) && !toks[k - n]!.nl && !isHouseNumber(toks[k - n - 1])) n++;
    // A street's name starts with a capital: "de", "of" before it are the sentence's ("naar de Maeslaan 107").
    while (n > 0 && !toks[k - n]!.cap && g.connectors.has(wordKey(toks[k - n]!.text))) n--;
    const named = n > 0 || suffixed;
    // name · type · number, or glued suffix · number
    let j = k + 1;
    if (toks[j]?.kind === 'p' && toks[j]!.text === ',') j++;
    if (named && isHouseNumber(toks[j]) && !toks[j]!.nl) return [k - n, j];
  }
  // A type before its name is capitalised ("Rua", "Via"), abbreviated ("ul.") or follows the number ("12 rue").
  if (isTypeBefore(g, t) && (t.cap || t.dot || g.typesBeforeLower.has(wordKey(t.text)) || isHouseNumber(toks[k - 1]) || (toks[k - 1]?.text === ',' && isHouseNumber(toks[k - 2])))) {
    let j = k + 1;
    let n = 0;
    while (j < toks.length && n < MAX_NAME && isNameWord(g, toks[j]) && !toks[j]!.nl && !isHouseNumber(toks[j])) {
      j++;
      n++;
    }
    if (!n) return null;
    let last = j - 1;
    while (last > k && g.connectors.has(wordKey(toks[last]!.text))) last--;
    let b = k - 1;
    if (toks[b]?.kind === 'p' && toks[b]!.text === ',') b--;
    if (isHouseNumber(toks[b]) && !toks[b + 1]!.nl) return [b, last];
    let h = j;
    if (toks[h]?.kind === 'p' && toks[h]!.text === ',') h++;
    if (toks[h]?.kind === 'w' && g.houseNumberWords.has(wordKey(toks[h]!.text))) h++;
    if (toks[h]?.kind === 'p' && toks[h]!.text === ':') h++;
    if (isHouseNumber(toks[h]) && !toks[h]!.nl) return [k, h];
    // Romanian and other blocks of flats: "Intrarea Soldat Dima Dumitru, Bloc 98, Ap. 10".
    const unit = toks[h] && !toks[h]!.nl ? unitAt(g, toks, h) : null;
    if (unit !== null && toks[h]!.kind === 'w') return [k, unit];
  }
  return null;
}

/**
 * The unit word before the number at token j ("Flat 313", "House No. 316", "Apartment 29"), or -1.
 */
export function unitLead(g: AddressGrammar, toks: Tok[], j: number): number {
  const id = toks[j];
  if (!id || !(id.kind === 'n' || (id.kind === 'w' && id.text.length <= 2 && id.cap)) || id.decimal) return -1;
  let k = j - 1;
  const w = toks[k];
  if (!w || w.kind !== 'w' || toks[j]!.nl) return -1;
  if (g.houseNumberWords.has(wordKey(w.text)) && toks[k - 1]?.kind === 'w' && g.units.has(wordKey(toks[k - 1]!.text))) k--;
  else if (!g.units.has(wordKey(w.text)) || !w.cap) return -1;
  return k;
}

/** The street's first token moved back over units written before it ("Apartment 29, 5 Ila Viaduct"). */
export function unitsBefore(g: AddressGrammar, toks: Tok[], a: number): number {
  for (let n = 0; n < 2; n++) {
    let j = a - 1;
    if (toks[j]?.kind === 'p' && toks[j]!.text === ',') j--;
    const u = unitLead(g, toks, j);
    if (u < 0 || toks[a]!.nl) break;
    a = u;
  }
  return a;
}

/** A period after this token that ends a sentence: after a number or a word longer than an abbreviation. */
function sentenceDot(g: AddressGrammar, t: Tok): boolean {
  if (!t.dot) return false;
  if (t.kind === 'n') return !/^\d{1,2}$/.test(t.text);
  const key = wordKey(t.text);
  return t.text.length > 4 && !g.typesAfter.has(key) && !g.typesBefore.has(key) && !g.units.has(key);
}

/** A neighbourhood, landmark or postcode lead and the capitalised words or code after it ("Col. Saavedra Feliciano"). */
function areaAt(g: AddressGrammar, toks: Tok[], i: number): number | null {
  const t = toks[i]!;
  if (t.kind !== 'w' || !t.cap || !g.areaWords.has(wordKey(t.text))) return null;
  let j = i + 1;
  if (toks[j]?.kind === 'w' && wordKey(toks[j]!.text) === 'to') j++;
  let n = 0;
  while (toks[j] && !toks[j]!.nl && n < 4 && (toks[j]!.kind === 'n' || (toks[j]!.kind === 'w' && (toks[j]!.cap || g.connectors.has(wordKey(toks[j]!.text)))))) {
    j++;
    n++;
  }
  return n > 0 ? j - 1 : null;
}

/** A region after the city, in brackets or after a slash or dash: "(VT)", "(Colombie-Britannique)", "/Tunceli", "- AL". */
function bracketAt(toks: Tok[], i: number, end: number): number | null {
  const t = toks[i]!;
  if (t.nl) return null;
  if (t.kind === 'p' && t.text === '(') {
    let j = i + 1;
    while (toks[j] && j - i <= 5 && !toks[j]!.nl && toks[j]!.text !== ')' && (toks[j]!.kind === 'w' ? toks[j]!.cap || toks[j]!.text.length <= 3 : toks[j]!.text === '-')) j++;
    return j > i + 1 && toks[j]?.text === ')' ? j : null;
  }
  // "Uşak/Tunceli": a slash glued to the city and a capitalised word.
  if (t.kind === 'p' && t.text === '/' && toks[end]!.e === t.s && toks[i + 1]?.kind === 'w' && toks[i + 1]!.cap && toks[i + 1]!.s === t.e) return i + 1;
  // "Souza do Norte - AL": a dash was skipped, a code of two capitals follows.
  if (t.kind === 'w' && /^\p{Lu}{2}$/u.test(t.text) && toks[i - 1]?.text === '-' && (!toks[i + 1] || toks[i + 1]!.kind === 'p' || toks[i + 1]!.nl)) return i;
  return null;
}

/** How far the address goes on after token `last`: units, city, region, postcode, country. */
export function extendAddress(g: AddressGrammar, toks: Tok[], last: number): number {
  let end = last;
  let lines = 0;
  for (let step = 0; step < 8; step++) {
    let i = end + 1;
    while (toks[i]?.kind === 'p' && (toks[i]!.text === ',' || toks[i]!.text === '-' || toks[i]!.text === '–')) i++;
    const t = toks[i];
    if (!t) break;
    if (t.para || (t.nl && ++lines > 3)) break;
    // A period that ends a sentence ends the address ("… OH 59492. Disney bought …"); one of an
    // abbreviation ("St.", "Apt.", "ул.") does not.
    if (i === end + 1 && sentenceDot(g, toks[end]!) && !t.nl) break;
    const next = unitAt(g, toks, i) ?? postcodeAt(g, toks, i) ?? regionAt(g, toks, i) ?? countryAt(g, toks, i) ?? areaAt(g, toks, i) ?? bracketAt(toks, i, end) ?? cityAt(g, toks, i);
    if (next === null) break;
    end = next;
  }
  return end;
}

function afterPostcode(g: AddressGrammar, toks: Tok[], i: number): boolean {
  const p1 = toks[i - 1];
  if (!p1 || p1.nl || p1.kind === 'p') return false;
  if (g.postcodes.has(shapeOf(p1.text))) return true;
  const p2 = toks[i - 2];
  return p2 !== undefined && !p1.nl && p2.kind !== 'p' && g.postcodes.has(`${shapeOf(p2.text)} ${shapeOf(p1.text)}`);
}

function unitAt(g: AddressGrammar, toks: Tok[], i: number): number | null {
  const t = toks[i]!;
  let j = i;
  // A staircase letter and a flat number ("Aleksanterinkatu 5 A 12").
  if (t.kind === 'w' && t.text.length === 1 && t.cap && !t.nl && toks[i + 1]?.kind === 'n' && !toks[i + 1]!.nl) return i + 1;
  // A floor and a door or side ("2º A", "3. tv", "2 2º Izda."): a short number and a short word.
  if (t.kind === 'n' && t.text.length <= 3 && !t.nl) {
    const d = toks[i + 1];
    if (d && !d.nl && d.kind === 'w' && d.text.length <= 4 && (g.units.has(wordKey(d.text)) || (d.text.length === 1 && d.cap))) return i + 1;
  }
  if (t.kind === 'p' && t.text === '#') j = i + 1;
  else if (t.kind === 'w' && g.units.has(wordKey(t.text))) {
    j = i + 1;
    if (toks[j]?.kind === 'p' && toks[j]!.text === '#') j++;
  } else return null;
  const id = toks[j];
  if (!id || id.nl || (id.kind !== 'n' && !(id.kind === 'w' && id.text.length <= 3 && id.cap))) return null;
  return j;
}

function postcodeAt(g: AddressGrammar, toks: Tok[], i: number): number | null {
  const t = toks[i]!;
  // An amount ("502.19") is no postcode.
  if (t.kind === 'p' || t.decimal || toks[i - 1]?.decimal) return null;
  const two = toks[i + 1];
  if (two && !two.nl && two.kind !== 'p' && g.postcodes.has(`${shapeOf(t.text)} ${shapeOf(two.text)}`)) return i + 1;
  return g.postcodes.has(shapeOf(t.text)) ? i : null;
}

function regionAt(g: AddressGrammar, toks: Tok[], i: number): number | null {
  const t = toks[i]!;
  if (t.kind !== 'w' || !g.regions.has(t.text)) return null;
  // A region code stands before a postcode or at the end of the address.
  const n = toks[i + 1];
  if (!n || n.nl || (n.kind === 'p' && n.text !== ',') || postcodeAt(g, toks, i + 1) !== null) return i;
  return null;
}

function countryAt(g: AddressGrammar, toks: Tok[], i: number): number | null {
  const t = toks[i]!;
  if (t.kind !== 'w') return null;
  for (const parts of g.countriesByFirst.get(t.text) ?? []) {
    let ok = true;
    for (let k = 1; k < parts.length && ok; k++) ok = toks[i + k]?.kind === 'w' && toks[i + k]!.text === parts[k];
    if (ok) return i + parts.length - 1;
  }
  return null;
}

/**
 * A city: 1–3 capitalised words, or up to 5 with connectors inside ("Vila Nova de Gaia", "San Sebastián de
 * los Reyes"), taken only when a region, postcode or country follows (or a postcode led).
 */
function cityAt(g: AddressGrammar, toks: Tok[], i: number): number | null {
  let j = i;
  let joined = false;
  while (j < i + (joined ? 5 : 3) && toks[j]?.kind === 'w' && (toks[j]!.cap || g.connectors.has(wordKey(toks[j]!.text))) && (j === i || (!toks[j]!.nl && !sentenceDot(g, toks[j - 1]!)))) {
    if (!toks[j]!.cap) joined = true;
    j++;
  }
  while (j > i + 1 && !toks[j - 1]!.cap) j--;
  if (j === i || !toks[i]!.cap) return null;
  // After a postcode: "12345 Berlin", "1234 AB Amsterdam" (the city is the address's last part).
  if (afterPostcode(g, toks, i)) return toks[i]!.nl ? null : j - 1;
  let k = j;
  while (toks[k]?.kind === 'p' && toks[k]!.text === ',') k++;
  if (!toks[k]) return null;
  if (postcodeAt(g, toks, k) !== null || regionAt(g, toks, k) !== null || countryAt(g, toks, k) !== null) return j - 1;
  return null;
}

const titleCase = (t: Tok | undefined) => t !== undefined && t.kind === 'w' && ((t.cap && /\p{Ll}/u.test(t.text)) || isCaseless(t.text.charCodeAt(0)));
/** A cell's edge in a CSV row or a record: the city line is the whole cell ("…,Yannicland 04080,…"). */
const CELL_EDGE = new Set([',', '"', ';', '|']);
const cellEdge = (t: Tok | undefined, before: boolean) => t === undefined || (t.kind === 'p' && CELL_EDGE.has(t.text)) || (!before && t.nl);

/**
 * A city line without a street ("Springfield, IL 62704", "Lisboa 1200-195", "10115 Berlin", "1017 GC
 * Amsterdam, Netherlands"), the postcode starting at token p: the city before it (with a comma or a region
 * code between, or a postcode that is not plain digits) or after it at the line's start. Returns
 * [first, last] token indexes, or null.
 */
export function cityLine(g: AddressGrammar, toks: Tok[], p: number): [number, number] | null {
  const pc = postcodeAt(g, toks, p);
  if (pc === null) return null;
  const shaped = /[- A]/.test(shapeOf(toks.slice(p, pc + 1).map((t) => t.text).join(' ')));
  // City, region, postcode
  let i = p - 1;
  let region = false;
  if (toks[i] && toks[i]!.kind === 'w' && g.regions.has(toks[i]!.text) && !toks[i + 1]!.nl) (region = true), i--;
  let comma = false;
  if (toks[i]?.kind === 'p' && toks[i]!.text === ',') (comma = true), i--;
  let c = i;
  // Back over the city's words ("Fábio do Norte", "Kostelec nad Orlicí"); it starts with a capital.
  while (c >= 0 && i - c < 4 && (titleCase(toks[c]) || (c < i && toks[c]!.kind === 'w' && g.connectors.has(wordKey(toks[c]!.text)))) && !toks[c + 1]!.nl) c--;
  while (c < i && !titleCase(toks[c + 1])) c++;
  const cell = c >= 0 && toks[c]!.kind === 'p' && CELL_EDGE.has(toks[c]!.text) && cellEdge(toks[pc + 1], false) && /\d{4}/.test(toks[p]!.text);
  if (c < i && (region || comma || shaped || cell) && (c < 0 || toks[c]!.nl || toks[c + 1]!.nl || toks[c]!.kind === 'p')) {
    return [c + 1, extendCountry(g, toks, pc)];
  }
  // postcode, city at the start of a line
  if ((p === 0 || toks[p]!.nl || (cellEdge(toks[p - 1], true) && toks[p - 1]!.text !== '"')) && titleCase(toks[pc + 1]) && !toks[pc + 1]!.nl) {
    let e = pc + 1;
    while (e + 1 < toks.length && e - pc < 3 && titleCase(toks[e + 1]) && !toks[e + 1]!.nl) e++;
    const after = toks[e + 1];
    if (!after || after.nl || (after.kind === 'p' && CELL_EDGE.has(after.text))) return [p, extendCountry(g, toks, e)];
  }
  return null;
}

/** Whether the tokens are a country's name and nothing else. */
export function countryLine(g: AddressGrammar, toks: Tok[]): boolean {
  return countryAt(g, toks, 0) === toks.length - 1;
}

function extendCountry(g: AddressGrammar, toks: Tok[], last: number): number {
  let i = last + 1;
  if (toks[i]?.kind === 'p' && toks[i]!.text === ',') i++;
  return toks[i] ? (countryAt(g, toks, i) ?? last) : last;
}

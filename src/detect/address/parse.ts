import { isCaseless } from '../names/letters.js';
import { isCode } from '../amounts.js';
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

/** A house number: "12", "12B", "195-1", "901/18". */
const isHouseNumber = (t: Tok | undefined) => t !== undefined && t.kind === 'n' && !t.decimal && /^\d{1,6}(?:[A-Za-z]{0,2}|[-/]\d{1,4}[A-Za-z]?)$/.test(t.text);
/** After a street's name also Austria's house/stair/door ("Tennweg 12/9/21"); before one it would be a date. */
const isTrailingNumber = (t: Tok | undefined) => isHouseNumber(t) || (t !== undefined && t.kind === 'n' && /^\d{1,4}\/\d{1,3}\/\d{1,3}$/.test(t.text));
const isOrdinal = (t: Tok) => t.kind === 'n' && /^\d{1,4}(?:st|nd|rd|th|º|ª|e|er|re|o|a)$/i.test(t.text);

/** Words that never stand in a street's name written in lower case ("5 people on my street"). */
const LOWER_STOP = new Set(['my', 'your', 'our', 'their', 'his', 'her', 'its', 'the', 'a', 'an', 'on', 'in', 'at', 'to', 'for', 'and', 'or', 'with', 'from', 'this', 'that', 'these', 'those', 'per', 'each', 'every', 'all', 'more', 'less', 'than', 'about', 'over', 'under', 'by', 'is', 'are', 'was', 'were', 'be', 'been', 'i', 'you', 'we', 'they', 'he', 'she', 'it', 'min', 'mins', 'minutes', 'hours', 'days', 'weeks', 'items', 'people', 'times', 'years', 'miles', 'km',
  // Measures and counts before a noun ("a 15 mile drive", "a 300 acre ranch", "the 400 meter track").
  'minute', 'hour', 'day', 'week', 'month', 'months', 'year', 'mile', 'meter', 'metre', 'meters', 'metres', 'foot', 'feet', 'ft', 'yard', 'yards',
  'acre', 'acres', 'inch', 'inches', 'kilometer', 'kilometre', 'kilometers', 'second', 'seconds', 'piece', 'pieces', 'page', 'pages', 'word', 'words',
  'percent', 'dollar', 'dollars', 'pound', 'pounds', 'euro', 'euros', 'person', 'seat', 'seats', 'room', 'rooms', 'bed', 'beds', 'story', 'storey', 'step', 'steps',
  'degree', 'degrees', 'point', 'points', 'lane', 'lanes', 'car', 'cars', 'bus', 'man', 'men', 'member', 'members', 'player', 'players', 'more', 'other', 'of']);

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

function isTypeAfter(g: AddressGrammar, t: Tok, before?: Tok): boolean {
  if (t.kind !== 'w' || !g.typesAfter.has(wordKey(t.text))) return false;
  // A type the lexicon capitalises, written in lower case after a capitalised word, is the sentence's
  // ("Flights via Jordan"); in lower-case text ("742 evergreen terrace") it is a type.
  return t.cap || g.typesAfterLower.has(wordKey(t.text)) || !(before && before.kind === 'w' && before.cap);
}

/** Whether a street type written as two words starts at k ("بن بست دیباجی"). */
export function pairTypeAt(g: AddressGrammar, toks: Tok[], k: number): boolean {
  const a = toks[k];
  const b = toks[k + 1];
  return a !== undefined && b !== undefined && a.kind === 'w' && b.kind === 'w' && !b.nl && g.typePairs.get(wordKey(a.text))?.has(wordKey(b.text)) === true;
}

function isTypeBefore(g: AddressGrammar, t: Tok): boolean {
  return t.kind === 'w' && g.typesBefore.has(wordKey(t.text));
}

export function hasSuffix(g: AddressGrammar, t: Tok): boolean {
  if (t.kind !== 'w') return false;
  const w = t.text.toLowerCase();
  // In lower-case text ("oberdorfstrasse 83") only a long suffix, which few other words end in.
  return g.suffixes.some((x) => (t.cap || x.length >= 5) && w.length > x.length + 1 && w.endsWith(x.replace(/\.$/, '')));
}

/** The street line around the type token at k: [first, last] token indexes. */
export function streetAround(g: AddressGrammar, toks: Tok[], k: number): [number, number] | null {
  const t = toks[k]!;
  const sameLine = (i: number) => i >= 0 && i < toks.length && !toks[i]!.nl;
  // number · name · type-after (the name may be empty for "5 Hauptstraße"-like suffix words).
  if ((isTypeAfter(g, t, toks[k - 1]) && !shouting(toks, k)) || hasSuffix(g, t)) {
    const suffixed = hasSuffix(g, t);
    // Back from the type over the street's name to its house number: capitalised words first; a name in
    // lower case ("742 evergreen terrace") only before a house number of two digits or more.
    // A street's name in lower case before a type the lexicon lists only in capitals ("104 adaugo mountain") is read
    // in lower-case text only (the type too in lower case), before a house number of three digits or more.
    const lowerType = !t.cap && t.text.length >= 4 && !g.typesAfterLowerName.has(wordKey(t.text));
    for (const lowerOk of g.typesAfterLowerName.has(wordKey(t.text)) || lowerType ? [false, true] : [false]) {
      let i = k - 1;
      let n = 0;
      let capital = false;
      while (i >= 0 && n < MAX_NAME && (isNameWord(g, toks[i]) || (lowerOk && lowerNameWord(toks[i]))) && !toks[i + 1]!.nl && !cityDot(g, toks[i]!)) {
        if (g.directions.has(wordKey(toks[i]!.text)) && isHouseNumber(toks[i - 1])) break;
        if (toks[i]!.kind === 'w' && toks[i]!.cap) capital = true;
        i--;
        n++;
      }
      if (i >= 0 && g.directions.has(wordKey(toks[i]!.text)) && sameLine(i + 1)) {
        i--;
        // "6551 W Broadway": the direction and the type make the name.
        if (n === 0) n = 1;
      }
      if (lowerOk && !(isHouseNumber(toks[i]) && (lowerType ? /^\d{3}/ : /^\d{2}/).test(toks[i]!.text))) continue;
      // Lower-case connectors alone are the sentence's, no street's name ("a las 5 en Blvd. …", "à 17h au Rue …", "seit 1950 bei der Döring").
      if (n > 0 && onlyConnectors(g, toks, i + 1, k)) continue;
      if (lowerOk && lowerType && capital) continue;
      // A capitalised type after lower-case words only: "1954 y depende de Dr. Córdova" is a year and a title.
      if (lowerOk && t.cap && !capital) continue;
      // A unit and its number before a street without a house number ("Flat 313, Bastola Corner").
      if (n > 0 && toks[i]?.kind === 'p' && toks[i]!.text === ',' && !toks[i + 1]!.nl) {
        const u = unitLead(g, toks, i - 1);
        if (u >= 0) return [u, k];
      }
      // A number that ends a sentence ("Zip is 94105. You can…") is no house number; nor is one before a lower-case
      // connector ("a las 5 en Dalgas Boulevard 6": the street's own number follows it).
      const connectorNext = toks[i + 1]!.kind === 'w' && !toks[i + 1]!.cap && g.connectors.has(wordKey(toks[i + 1]!.text)) && isTrailingNumber(toks[houseNumberAfter(g, toks, k + 1)]);
      if ((n > 0 || suffixed) && isHouseNumber(toks[i]) && !toks[i]!.dot && !toks[i + 1]!.nl && !connectorNext) {
        let end = k;
        if (toks[end + 1] && g.directions.has(wordKey(toks[end + 1]!.text)) && !toks[end + 1]!.nl) end++;
        return [i, end];
      }
    }
    let n = 0;
    // Before a name with a glued suffix ("Tennweg"), a connector or a unit word is the sentence's
    // ("Kontoauszüge an Tennweg 12", "Wohnung Koloniestraße 51"); a particle starts the name ("van Doornstraat").
    const lowerConnector = (w: Tok | undefined) => w !== undefined && w.kind === 'w' && !w.cap && g.connectors.has(wordKey(w.text));
    /** Whether the lower-case connectors ending at i start with a particle ("van der"). */
    // (The run may start with the sentence's own connector: "op van den Bergsingel 135a".)
    const particleRun = (i: number) => {
      let q = i;
      while (q > 0 && lowerConnector(toks[q - 1]) && !toks[q]!.nl) q--;
      for (let p = q; p <= i; p++) if (g.nameParticles.has(wordKey(toks[p]!.text))) return true;
      return false;
    };
    // (Any type: "Kontoauszüge an Kahlenberger Straße 48", "die Wohnung Mariendorfer Str. 491", "unter der Anschrift Jacob-Fröhlen-Str. 2427".)
    const stop = (i: number) => (lowerConnector(toks[i]) && !particleRun(i)) || (toks[i]!.kind === 'w' && toks[i]!.cap && g.units.has(wordKey(toks[i]!.text))) || addressWord(g, toks[i]!);
    while (k - n - 1 >= 0 && n < MAX_NAME && isNameWord(g, toks[k - n - 1]) && !toks[k - n]!.nl && !isHouseNumber(toks[k - n - 1]) && !stop(k - n - 1)) n++;
    // A street's name starts with a capital: "de", "of" before it are the sentence's ("naar de Maeslaan 107").
    // ("van den Boschdijk 163" starts with a particle the grammar names).
    if (!(n > 0 && g.nameParticles.has(wordKey(toks[k - n]!.text)))) while (n > 0 && !toks[k - n]!.cap && g.connectors.has(wordKey(toks[k - n]!.text))) n--;
    const named = n > 0 || suffixed;
    // name · type · number, or glued suffix · number
    const j = houseNumberAfter(g, toks, k + 1);
    if (named && isTrailingNumber(toks[j]) && !toks[j]!.nl) return [k - n, j];
  }
  // A type before its name is capitalised ("Rua", "Via"), abbreviated ("ul.") or follows the number ("12 rue").
  // A type before the name written in lower case that the lexicon does not list so ("via Colombo, 159"): only before
  // capitalised words and a house number that ends the address ("sent via Royal Mail 2 days ago" is none).
  const soft = isTypeBefore(g, t) && !(t.cap || t.dot || g.typesBeforeLower.has(wordKey(t.text)) || isHouseNumber(toks[k - 1]) || (toks[k - 1]?.text === ',' && isHouseNumber(toks[k - 2])));
  if (soft) {
    let j = k + 1;
    while (j < toks.length && j - k <= 3 && !toks[j]!.nl && toks[j]!.kind === 'w' && toks[j]!.cap && !g.units.has(wordKey(toks[j]!.text))) j++;
    const h = houseNumberAfter(g, toks, j);
    const after = toks[h + 1];
    const ends = !after || after.nl || after.kind === 'p' || (after.kind === 'w' && (after.cap || g.units.has(wordKey(after.text))));
    if (j > k + 1 && isTrailingNumber(toks[h]) && !toks[h]!.nl && !toks[h]!.dot && ends) return [k, h];
  }
  const pair = pairTypeAt(g, toks, k);
  if ((isTypeBefore(g, t) || pair) && (t.cap || t.dot || g.typesBeforeLower.has(wordKey(t.text)) || isHouseNumber(toks[k - 1]) || (toks[k - 1]?.text === ',' && isHouseNumber(toks[k - 2])))) {
    let j = pair ? k + 2 : k + 1;
    // "C/ Mayor 5": a slash glued to a one-letter type.
    if (toks[j]?.text === '/' && toks[j]!.s === t.e && t.text.length === 1) j++;
    let n = 0;
    let lower = -1;
    // The name: capitalised words and grammar words; its last word may be in lower case ("Drève cronque
    // 195", "пер. Южная аллея, д. 112") when the house number follows it.
    while (j < toks.length && n < MAX_NAME && !toks[j]!.nl && !isHouseNumber(toks[j]) && !(j > k + 1 && toks[j - 1]!.dot && sentenceDot(g, toks[j - 1]!))) {
      // A unit and its number end the name ("7 Boulevard d'Orsel Apt. 593"); "s/n" stands for the house number.
      if (j > k + 1 && (noNumberAt(toks, j) >= 0 || (toks[j]!.kind === 'w' && g.units.has(wordKey(toks[j]!.text)) && toks[j + 1]?.kind === 'n' && !toks[j + 1]!.nl))) break;
      if (isNameWord(g, toks[j])) j++;
      else if (lower < 0 && (t.cap || t.dot) && lowerNameWord(toks[j]) && (!toks[j - 1]!.dot || (j === k + 1 && lowerLineAt(toks, k)))) lower = j++;
      else break;
      n++;
    }
    // (Lower-case connectors alone name no street: "brev av den 20 februari".)
    if (!n || onlyConnectors(g, toks, pair ? k + 2 : k + 1, j)) return null;
    // (With the house number before the type, "94 Avenue du fournel Apt. 137": a type written out, and a unit or a mark after the name.)
    const numberFirst = isHouseNumber(toks[k - 1]) && t.text.length >= 3 && (!toks[j] || toks[j]!.kind === 'p' || (toks[j]!.kind === 'w' && g.units.has(wordKey(toks[j]!.text))));
    if (lower >= 0 && (lower !== j - 1 || !(isHouseNumber(toks[houseNumberAfter(g, toks, j)]) || numberFirst))) {
      // With the house number before the type, the name ends before the lower-case word ("123 Avenue des Rosiers e todo verão").
      if (!isHouseNumber(toks[k - 1]) || toks[k]!.nl || lower === k + 1 || t.dot || t.text.length < 3 || !toks.slice(k + 1, lower).some((w) => w.kind === 'w' && w.cap && !g.connectors.has(wordKey(w.text)))) return null;
      j = lower;
    }
    let last = j - 1;
    while (last > k && g.connectors.has(wordKey(toks[last]!.text))) last--;
    let b = k - 1;
    // (A comma glued to both sides is a table's cell edge: "…8251 46,Cda. Coyoacán 292".)
    if (toks[b]?.kind === 'p' && toks[b]!.text === ',' && !(toks[b]!.e === t.s && toks[b - 1]?.e === toks[b]!.s)) b--;
    // (A year before a type in lower case without its period is a date's: "den 1 juni 2024 av J. Johansson".)
    if (isHouseNumber(toks[b]) && !toks[b + 1]!.nl && !(isYear(toks[b]!) && !t.cap && !t.dot)) return [b, last];
    const h = houseNumberAfter(g, toks, j);
    // A day before a month's name is a date's ("Av. Nikos Pappas, 15 Eylül 2025 tarihinden"), no house number.
    if (toks[h + 1] && !toks[h + 1]!.nl && toks[h + 1]!.kind === 'w' && g.months.has(wordKey(toks[h + 1]!.text))) return null;
    // "Petite rue du Bac 9", "Grande rue 5": a capitalised word before a type written in lower case.
    // (The type-before's name holds lower-case words only after a capitalised type: see above.)
    const first = !t.cap && toks[k - 1]?.kind === 'w' && toks[k - 1]!.cap && !t.nl && !toks[k - 1]!.dot ? k - 1 : k;
    if (isTrailingNumber(toks[h]) && !toks[h]!.nl) return [first, h];
    // "Calleja Susana s/n": no house number, said so.
    const sn = noNumberAt(toks, h);
    if (sn >= 0 && (t.cap || t.dot)) return [first, sn];
    // Romanian and other blocks of flats: "Intrarea Soldat Dima Dumitru, Bloc 98, Ap. 10".
    const unit = toks[h] && !toks[h]!.nl ? unitAt(g, toks, h) : null;
    if (unit !== null && toks[h]!.kind === 'w') return [k, unit];
  }
  return null;
}

/** A word for "address" ("Anschrift", "Postanschrift", "Adresse"): a cue before a street, never a word of its name. */
function addressWord(g: AddressGrammar, t: Tok): boolean {
  if (t.kind !== 'w' || t.text.length < 5) return false;
  const w = t.text.toLowerCase();
  return g.questionCues.some((c) => c.length >= 5 && !c.includes(' ') && w.includes(c));
}

/** Whether the tokens [a, b) are lower-case connectors only (and at least one). */
function onlyConnectors(g: AddressGrammar, toks: Tok[], a: number, b: number): boolean {
  if (b <= a) return false;
  for (let i = a; i < b; i++) {
    const t = toks[i]!;
    if (t.kind !== 'w' || t.cap || !g.connectors.has(wordKey(t.text))) return false;
  }
  return true;
}

/** Whether the line of token k holds no capitalised Latin word (a message typed in lower case: "os. jaros 2671"). */
function lowerLineAt(toks: Tok[], k: number): boolean {
  let a = k;
  while (a > 0 && !toks[a]!.nl) a--;
  for (let i = a; i < toks.length && (i === a || !toks[i]!.nl); i++) {
    const t = toks[i]!;
    if (t.kind === 'w' && t.cap && !isCaseless(t.text.charCodeAt(0))) return false;
  }
  return true;
}

/** Where the house number after a street's name stands: past a comma, "No", "Nr." and a colon ("Sokak No: 42"). */
function houseNumberAfter(g: AddressGrammar, toks: Tok[], j: number): number {
  let h = j;
  if (toks[h]?.kind === 'p' && toks[h]!.text === ',') h++;
  if (toks[h]?.kind === 'w' && g.houseNumberWords.has(wordKey(toks[h]!.text))) h++;
  if (toks[h]?.kind === 'p' && toks[h]!.text === ':' && h > j) h++;
  return h;
}

/** A floor written as Hong Kong writes it ("22/F"): a unit without a unit word. */
const isFloor = (t: Tok | undefined) => t !== undefined && t.kind === 'n' && /^\d{1,3}\/F$/i.test(t.text);

/**
 * The unit word before the number at token j ("Flat 313", "House No. 316", "Apartment 29"), or -1.
 */
export function unitLead(g: AddressGrammar, toks: Tok[], j: number): number {
  const id = toks[j];
  if (isFloor(id)) return j;
  // A floor written number first ("4e étage, 464 Quai Joubert", "2 hoog, …"): a short number and a unit word.
  const num = toks[j - 1];
  if (id && id.kind === 'w' && id.text.length >= 2 && !id.nl && g.units.has(wordKey(id.text)) && num?.kind === 'n' && num.text.length <= 3 && !num.decimal) return j - 1;
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
  // A unit word before the house number makes it the unit's ("Flat 34 Raju Turnpike", "Plot 254 Abbott Falls").
  // (Short unit words only: "die Wohnung 253 Asare Lk" is the sentence's noun.)
  const w = toks[a - 1];
  if (w && w.kind === 'w' && w.cap && w.text.length <= 5 && !toks[a]!.nl && toks[a]!.kind === 'n' && g.units.has(wordKey(w.text)) && !g.houseNumberWords.has(wordKey(w.text))) a--;
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

/** A word that may start a city's name: capitalised, or a prefix before a capital ("eMonti", "eGoli"). */
const cityCap = (t: Tok) => t.cap || /^\p{Ll}\p{Lu}\p{Ll}/u.test(t.text);

/** A period after a city's word ends the sentence unless the word is a grammar abbreviation ("St. Gallen"). */
function cityDot(g: AddressGrammar, t: Tok): boolean {
  if (!t.dot) return false;
  const key = wordKey(t.text);
  return !(g.typesAfter.has(key) || g.typesBefore.has(key) || g.units.has(key) || g.areaWords.has(key));
}

/**
 * A sentence starts at token j after a period (no grammar abbreviation's): a capitalised word, then an
 * article-like connector written with a capital ("The", "Nel") or a lower-case Latin word that is no address
 * word ("… Annapurna Station. Disney bought", "… 35/A. Nel giardino", "… 6º A. Podes pedir").
 */
function sentenceAfter(g: AddressGrammar, toks: Tok[], j: number): boolean {
  const t = toks[j];
  if (!t || j === 0 || !toks[j - 1]!.dot || t.nl || t.kind !== 'w' || !t.cap) return false;
  // The period of a grammar abbreviation leads on ("Jd. Xavier há três anos", "Col. La Paz").
  const prev = toks[j - 1]!;
  const key0 = wordKey(prev.text);
  // (Not a lone letter, a door's or a staircase's: "… 45, 3º D. Titular de la cuenta".)
  if (prev.kind === 'w' && prev.text.length <= 4 && prev.text.length > 1 && (g.areaWords.has(key0) || g.typesBefore.has(key0) || g.typesAfter.has(key0) || g.units.has(key0))) return false;
  if (g.connectors.has(wordKey(t.text)) && t.text.length > 1) return true;
  for (let k = j + 1; k < j + 4; k++) {
    const w = toks[k];
    if (!w || w.nl || w.kind !== 'w' || w.cap || w.text.charCodeAt(0) >= 0x250) return false;
    const key = wordKey(w.text);
    if (w.text.length >= 2 && !g.connectors.has(key) && !g.units.has(key) && !g.typesAfter.has(key) && !g.typesBefore.has(key) && !g.houseNumberWords.has(key)) return true;
    if (!g.connectors.has(key)) return false;
  }
  return false;
}

/** A neighbourhood, landmark or postcode lead and the capitalised words or code after it ("Col. Saavedra Feliciano"). */
function areaAt(g: AddressGrammar, toks: Tok[], i: number): number | null {
  const t = toks[i]!;
  if (t.kind !== 'w' || !t.cap || !g.areaWords.has(wordKey(t.text))) return null;
  let j = i + 1;
  if (toks[j]?.kind === 'w' && wordKey(toks[j]!.text) === 'to') j++;
  let n = 0;
  while (toks[j] && !toks[j]!.nl && n < 5 && !sentenceAfter(g, toks, j) && !(n > 0 && toks[j]!.kind === 'w' && g.areaWords.has(wordKey(toks[j]!.text))) && (toks[j]!.kind === 'n' || (toks[j]!.kind === 'w' && (toks[j]!.cap || g.connectors.has(wordKey(toks[j]!.text)))))) {
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
  let city = false;
  let postcode = false;
  for (let step = 0; step < 8; step++) {
    let i = end + 1;
    // A comma glued to the number before it and the digits after it ("Puerta Daniela 70,641 88 85 25") is a row's cell edge.
    const c = toks[i];
    if (c?.text === ',' && toks[end]!.kind === 'n' && c.s === toks[end]!.e && toks[i + 1]?.kind === 'n' && toks[i + 1]!.s === c.e) break;
    // (The Arabic comma "،" too.)
    while (toks[i]?.kind === 'p' && (toks[i]!.text === ',' || toks[i]!.text === '-' || toks[i]!.text === '–' || toks[i]!.text === '\u060C')) i++;
    const t = toks[i];
    if (!t) break;
    // A flat's number after the house number and a dash, ending the address ("Tīnūžu dambis 96 - 204").
    if (step === 0 && toks[end + 1]?.text === '-' && i === end + 2 && isHouseNumber(toks[end]) && !t.nl && t.kind === 'n' && /^\d{1,4}$/.test(t.text) && cellEdge(toks[i + 1], false)) {
      end = i;
      break;
    }
    if (t.para || (t.nl && ++lines > 3)) break;
    // A period that ends a sentence ends the address ("… OH 59492. Disney bought …"); one of an
    // abbreviation ("St.", "Apt.", "ул.") does not.
    if (i === end + 1 && sentenceDot(g, toks[end]!) && !t.nl) break;
    if (i === end + 1 && sentenceAfter(g, toks, i)) break;
    // (No postcode right after a postcode: "…, IL 62704 1000 Oak Street" starts the next street with its number.
    // One after a city is a city line's: "APO AE 09548\nJayneport, CA 40287".)
    const code: number | null = unitAt(g, toks, i) === null && !postcode ? postcodeAt(g, toks, i) : null;
    postcode = code !== null;
    let next = unitAt(g, toks, i) ?? code ?? regionAt(g, toks, i) ?? countryAt(g, toks, i) ?? areaAt(g, toks, i) ?? bracketAt(toks, i, end);
    if (next === null) {
      // A city was read before the postcode: words after it are the next sentence's ("East Reedmouth, NU V5H 6R6 Emergency contact: …").
      if (city && afterPostcode(g, toks, i)) break;
      next = cityAt(g, toks, i);
      if (next === null) break;
      city = true;
    }
    end = next;
  }
  return end;
}

function afterPostcode(g: AddressGrammar, toks: Tok[], i: number): boolean {
  const p1 = toks[i - 1];
  if (!p1 || toks[i]!.nl || p1.kind === 'p') return false;
  if (g.postcodes.has(shapeOf(p1.text))) return true;
  const p2 = toks[i - 2];
  return p2 !== undefined && !p1.nl && p2.kind !== 'p' && g.postcodes.has(`${shapeOf(p2.text)} ${shapeOf(p1.text)}`);
}

/**
 * "s/n" (sin número, sem número): a street written without a house number says so where the number stands.
 * Returns the index of the "n" token, or -1.
 */
export function noNumberAt(toks: Tok[], i: number): number {
  const s = toks[i];
  const slash = toks[i + 1];
  const n = toks[i + 2];
  if (!s || !slash || !n || s.nl || s.kind !== 'w' || n.kind !== 'w' || slash.text !== '/') return -1;
  return s.text.toLowerCase() === 's' && n.text.toLowerCase() === 'n' && slash.s === s.e && n.s === slash.e ? i + 2 : -1;
}

/** Floors written in Roman numerals after a house number (Dutch addresses: "292 II", "609 III"). */
const ROMAN_FLOOR = new Set(['I', 'II', 'III', 'IV']);

function unitAt(g: AddressGrammar, toks: Tok[], i: number): number | null {
  const t = toks[i]!;
  let j = i;
  // A number glued to its unit word by a hyphen ("993-uy", "855-xonadon").
  if (t.kind === 'n' && !t.nl && toks[i + 1]?.text === '-' && toks[i + 1]!.s === t.e && toks[i + 2]?.kind === 'w' && toks[i + 2]!.s === toks[i + 1]!.e && g.units.has(wordKey(toks[i + 2]!.text))) return i + 2;
  // A floor in Roman numerals after the house number ("Juliandijk 292 II", "Juulplantsoen 872 I"), where the line, the
  // cell or a floor ends or a number follows ("… 609 III 1 hoog").
  if (t.kind === 'w' && ROMAN_FLOOR.has(t.text) && !t.nl && toks[i - 1]?.kind === 'n' && !toks[i - 1]!.decimal && i >= 2 && toks[i - 2]!.kind === 'w') {
    const n = toks[i + 1];
    if (!n || n.nl || (n.kind === 'p' && CELL_EDGE.has(n.text)) || (n.kind === 'n' && !n.nl)) return i;
  }
  // A staircase letter and a flat number ("Aleksanterinkatu 5 A 12").
  if (t.kind === 'w' && t.text.length === 1 && t.cap && !t.nl && toks[i + 1]?.kind === 'n' && !toks[i + 1]!.nl) return i + 1;
  // A floor and a door or side ("2º A", "3. tv", "2 2º Izda."): a short number and a short word.
  if (t.kind === 'n' && t.text.length <= 3 && !t.nl) {
    const d = toks[i + 1];
    if (d && !d.nl && d.kind === 'w' && (g.units.has(wordKey(d.text)) || (d.text.length === 1 && d.cap))) return i + 1;
  }
  if (isFloor(t) && !t.nl) return i;
  if (t.kind === 'p' && t.text === '#') j = i + 1;
  else if (t.kind === 'w' && g.units.has(wordKey(t.text))) {
    j = i + 1;
    // "Apt #5", "D: 25" (Turkish: Daire)
    if (toks[j]?.kind === 'p' && (toks[j]!.text === '#' || toks[j]!.text === ':')) j++;
    // A number word between the unit and its number ("stanovanje št. 554", "Apartment No. 5").
    else if (toks[j]?.kind === 'w' && !toks[j]!.nl && g.houseNumberWords.has(wordKey(toks[j]!.text)) && toks[j + 1]?.kind === 'n') j++;
  } else return null;
  const id = toks[j];
  if (!id || id.nl || (id.kind !== 'n' && !(id.kind === 'w' && id.text.length <= 3 && id.cap && !g.units.has(wordKey(id.text))))) {
    // A unit word alone right after a number ends the address ("178 bis", "9 étage", "2 hoog"), unless the
    // sentence goes on with a lower-case word after it.
    const prev = toks[i - 1];
    // (After a number, a unit word ("2 hoog achter") or "s/n" ("s/n. Bajo") too.)
    const led = prev !== undefined && ((prev.kind === 'n' && !prev.decimal) || (prev.kind === 'w' && g.units.has(wordKey(prev.text)) && prev.e < t.s && i >= 2 && toks[i - 2]!.kind === 'n') || (i >= 3 && noNumberAt(toks, i - 3) === i - 1));
    const alone = t.kind === 'w' && t.text.length >= 2 && !t.nl && led;
    if (alone && !(id && !id.nl && id.kind === 'w' && !id.cap && !g.units.has(wordKey(id.text)))) return i;
    return null;
  }
  return j;
}

function postcodeAt(g: AddressGrammar, toks: Tok[], i: number): number | null {
  const t = toks[i]!;
  // An amount ("502.19") is no postcode.
  if (t.kind === 'p' || t.decimal || toks[i - 1]?.decimal) return null;
  const two = toks[i + 1];
  if (two && !two.nl && two.kind !== 'p' && !two.decimal && g.postcodes.has(`${shapeOf(t.text)} ${shapeOf(two.text)}`) && !groupedAmount(toks, i, i + 1)) return i + 1;
  return g.postcodes.has(shapeOf(t.text)) ? i : null;
}

/**
 * Digits grouped by a space beside a currency ("USD 33 796", "33 796 CAD", "€ 12 500"): an amount, no postcode.
 * Nor are two groups that a third group of digits follows on the same line ("36 574 261 809"): they begin a
 * longer number (an identifier, a phone), read by its own rule.
 */
function groupedAmount(toks: Tok[], i: number, last: number): boolean {
  const digits = (t: Tok | undefined) => t !== undefined && t.kind === 'n' && /^\d+$/.test(t.text);
  if (!digits(toks[i]) || !digits(toks[last])) return false;
  const money = (t: Tok | undefined) => t !== undefined && !t.nl && (t.kind === 'w' ? t.text.length === 3 && isCode(t.text) : t.kind === 'p' && /\p{Sc}/u.test(t.text));
  const next = toks[last + 1];
  return money(toks[i - 1]) || (money(next) && !next!.nl) || (digits(next) && !next!.nl);
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
  // The longest name that matches ("Korea Południowa", not "Korea").
  let best: number | null = null;
  for (const parts of g.countriesByFirst.get(t.text) ?? []) {
    let ok = true;
    for (let k = 1; k < parts.length && ok; k++) ok = toks[i + k]?.kind === 'w' && toks[i + k]!.text === parts[k] && !toks[i + k]!.nl;
    if (ok && (best === null || i + parts.length - 1 > best)) best = i + parts.length - 1;
  }
  return best;
}

/**
 * A city: 1–3 capitalised words, or up to 5 with connectors inside ("Vila Nova de Gaia", "San Sebastián de
 * los Reyes"), taken only when a region, postcode or country follows (or a postcode led).
 */
function cityAt(g: AddressGrammar, toks: Tok[], i: number): number | null {
  let j = i;
  let caps = 0;
  while (caps < 3 && j < i + 5 && toks[j]?.kind === 'w' && (cityCap(toks[j]!) || g.connectors.has(wordKey(toks[j]!.text))) && (j === i || (!toks[j]!.nl && !cityDot(g, toks[j - 1]!)))) {
    // (A connector in capitals is no word of the name's count: "BREUKELE AAN DE RIJN".)
    if (cityCap(toks[j]!) && !(j > i && toks[j]!.text === toks[j]!.text.toUpperCase() && g.connectors.has(wordKey(toks[j]!.text)))) caps++;
    j++;
  }
  while (j > i + 1 && !cityCap(toks[j - 1]!)) j--;
  if (j === i || !cityCap(toks[i]!)) return null;
  // A connector alone is no city ("22945 The applicant", "… 4 De rest"); one before a name is ("La Paz", "Den Haag").
  if (j === i + 1 && g.connectors.has(wordKey(toks[i]!.text))) return null;
  // After a postcode: "12345 Berlin", "1234 AB Amsterdam" (the city is the address's last part).
  if (afterPostcode(g, toks, i)) {
    if (toks[i]!.nl) return null;
    const cut = runOnCut(g, toks, i, j);
    return cut < j ? cut - 1 : lowerTail(g, toks, j) - 1;
  }
  // Lower-case words in a city's name before its postcode ("Romanelli a mare 73705").
  let m = j;
  const fresh = !toks[i - 1]?.dot;
  while (fresh && m < i + 4 && toks[m]?.kind === 'w' && !toks[m]!.cap && !toks[m]!.nl && !sentenceDot(g, toks[m - 1]!)) m++;
  let k = m;
  // "Butwal - 47185", "Mysore - 377 239": a dash between the city and its postcode.
  while (toks[k]?.kind === 'p' && (toks[k]!.text === ',' || (toks[k]!.text === '-' && k === m))) k++;
  if (!toks[k] || toks[k]!.nl) return null;
  if (m > j && postcodeAt(g, toks, k) !== null) return m - 1;
  k = j;
  while (toks[k]?.kind === 'p' && (toks[k]!.text === ',' || (toks[k]!.text === '-' && k === j))) k++;
  if (!toks[k]) return null;
  if (postcodeAt(g, toks, k) !== null || regionAt(g, toks, k) !== null || countryAt(g, toks, k) !== null) return j - 1;
  return null;
}

/** A lower-case Latin word of two letters or more that is no connector: a sentence's, no city's (at most two of them end a city: lowerTail). */
const lowerProse = (g: AddressGrammar, t: Tok | undefined) => t !== undefined && t.kind === 'w' && !t.cap && t.text.length >= 2 && t.text.charCodeAt(0) < 0x250 && !g.connectors.has(wordKey(t.text));

/**
 * Where a city's words after a postcode, [i, j), end when the line runs on into a sentence with no break
 * ("8969 Meix-devant-Virton La Land Rover est au garage", "27546 Alt Thomas Karten für …", "534 85 HAMORA
 * Postadress: …"): before a capitalised connector after the first word (an article opening the sentence), else
 * perhaps before the last word when a lower-case word, a colon, or a comma and a lower-case word follow it right
 * away (the sentence's first word). The first word is always the city's. Returns j when the line does not run on.
 */
function runOnCut(g: AddressGrammar, toks: Tok[], i: number, j: number): number {
  let q = j;
  while (q < j + 3 && toks[q] && !toks[q]!.nl && toks[q]!.kind === 'w' && toks[q]!.cap) q++;
  const t = toks[q];
  if (!t || t.nl) return j;
  const runOn = lowerProse(g, t) || t.text === ':' || (t.text === ',' && lowerProse(g, toks[q + 1]) && !toks[q + 1]!.nl) || (q === j && functionLast(g, toks, i, j));
  // (Lower-case words that end a city's name are lowerTail's: "Adone terme", "Borgo Rosa del friuli".)
  if (!runOn || (q === j && lowerTail(g, toks, j) > j)) return j;
  // (A connector in capitals is the name's own: "GAGEL AAN DE RIJN".)
  for (let m = i + 1; m < j; m++) if (toks[m]!.cap && toks[m]!.kind === 'w' && toks[m]!.text !== toks[m]!.text.toUpperCase() && g.connectors.has(wordKey(toks[m]!.text))) return m;
  if (q !== j || j - 1 <= i) return j;
  // The last word opens the sentence when it is a frequent word ("Karten für", "Os comboios"), a field's label
  // ("Sökande:") or not in the city's capitals ("GOSSAS Nazwisko, imię"); else the sentence goes on after the
  // city ("6278 LN BREUKELE AAN DE RIJN graag").
  const w = toks[j - 1]!;
  const caps = (x: Tok) => x.text.length > 1 && x.text === x.text.toUpperCase();
  if (caps(toks[i]!)) return caps(w) ? j : j - 1;
  return t.text === ':' || g.commonWords.has(w.text.toLowerCase()) || functionLast(g, toks, i, j) ? j - 1 : j;
}

/**
 * Whether the last of a city's words after a postcode, [i, j), opens the next sentence: a function word of some
 * language (a pronoun, an article: "Yo", "Ich", "Czy"), no connector, after the first word, with a comma and a
 * capitalised word after it that is no country or region ("37314 Santander Yo, Inés …", "CH-4290 Illnau Ich, …").
 */
function functionLast(g: AddressGrammar, toks: Tok[], i: number, j: number): boolean {
  if (j - 1 <= i) return false;
  const w = toks[j - 1]!;
  const c = toks[j];
  const n = toks[j + 1];
  if (w.kind !== 'w' || w.dot || !g.functionWords.has(w.text.toLowerCase()) || g.connectors.has(wordKey(w.text))) return false;
  if (c?.text !== ',' || !n || n.nl || n.kind !== 'w' || !n.cap) return false;
  return countryAt(g, toks, j + 1) === null && regionAt(g, toks, j + 1) === null;
}

/** Marks that close a value: what may follow a city's lower-case last words ("Marana terme.", "(LU)", " | "). */
const VALUE_END = new Set(['(', ')', '|', ';', '\t', '"', '/']);

/**
 * The end (exclusive) of a city's name after its capitalised words at [.., j): one or two lower-case words
 * more ("Adone terme", "Borgo Rosa del friuli", "nell'emilia"), when the value ends right after them.
 */
function lowerTail(g: AddressGrammar, toks: Tok[], j: number): number {
  let k = j;
  while (k < j + 2 && (lowerNameWord(toks[k]) || (k === j && toks[k]?.kind === 'w' && g.connectors.has(wordKey(toks[k]!.text)))) && !toks[k]!.nl && !toks[k - 1]!.dot) k++;
  if (k === j || g.connectors.has(wordKey(toks[k - 1]!.text))) return j;
  const next = toks[k];
  // A period after the last word ends the tail only after a connector ("del friuli."): a verb ends many
  // a sentence after a place ("… 10115 Berlin gezogen.").
  const led = g.connectors.has(wordKey(toks[j]!.text)) || /^\p{Ll}{1,4}['’]/u.test(toks[j]!.text);
  if (toks[k - 1]!.dot) return led ? k : j;
  // (A comma and a country after the tail end the city too: "… Sesto Marco veneto, Italia".)
  const country = next?.text === ',' && toks[k + 1] !== undefined && !toks[k + 1]!.nl && countryAt(g, toks, k + 1) !== null;
  return !next || next.nl || country || (next.kind === 'p' && (VALUE_END.has(next.text) || (led && next.text === ','))) ? k : j;
}

/**
 * A city's name after a lower-case class prefix ("uTshwane", "eKapa", "eMonti"), token i; never the letter of an
 * escape glued to a name ("\\nKaka" in a JSON string is a line break and "Kaka").
 */
const prefixedCity = (toks: Tok[], i: number) => {
  const t = toks[i];
  const p = toks[i - 1];
  return t !== undefined && t.kind === 'w' && !t.cap && /^\p{Ll}\p{Lu}\p{Ll}/u.test(t.text) && !(p !== undefined && p.text === '\\' && p.e === t.s);
};
const titleCase = (t: Tok | undefined) => t !== undefined && t.kind === 'w' && ((t.cap && /\p{Ll}/u.test(t.text)) || isCaseless(t.text.charCodeAt(0)));
/** A cell's edge in a CSV row or a record: the city line is the whole cell ("…,Yannicland 04080,…"). */
const CELL_EDGE = new Set([',', '"', ';', '|', '\t']);
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
  // "Device EB-6574", "Order 2955": a word of another field is no city.
  for (let k = Math.max(0, p - 3); k <= Math.min(toks.length - 1, pc + 2); k++) if (toks[k]!.kind === 'w' && !g.regions.has(toks[k]!.text) && g.notAddress.has(wordKey(toks[k]!.text))) return null;
  const shaped = /[- A]/.test(shapeOf(toks.slice(p, pc + 1).map((t) => t.text).join(' ')));
  // City, region, postcode
  let i = p - 1;
  let region = false;
  if (toks[i] && toks[i]!.kind === 'w' && g.regions.has(toks[i]!.text) && !toks[i + 1]!.nl) (region = true), i--;
  let comma = false;
  // A comma glued to the postcode separates a table's cells ("Pichardo,05121 Guanajuato"): no city before it.
  const glued = toks[i]?.text === ',' && toks[i]!.e === toks[p]!.s && !region;
  if (toks[i]?.kind === 'p' && toks[i]!.text === ',' && !glued) (comma = true), i--;
  let c = i;
  // Back over the city's words ("Fábio do Norte", "Kostelec nad Orlicí"); it starts with a capital.
  // Lower-case words may end the name before its postcode ("Senesio umbro 49346", "Polidori a mare 96268"): at most two.
  let lower = 0;
  while (c >= 0 && i - c < 5 && (titleCase(toks[c]) || prefixedCity(toks, c) || (c < i && toks[c]!.kind === 'w' && g.connectors.has(wordKey(toks[c]!.text))) || (c > 0 && lower < 2 && !toks.slice(c + 1, i + 1).some(titleCase) && lowerNameWord(toks[c]) && ++lower > 0)) && !toks[c + 1]!.nl) c--;
  while (c < i && !titleCase(toks[c + 1]) && !prefixedCity(toks, c + 1)) c++;
  // A cell's edge before and after; or a row's first cell, a line's start before and a cell's edge after.
  // (A comma with a space after it is a sentence's: "Matteopark 3228, 8995 …".)
  const edge = toks[pc + 1];
  const cellAfter = edge !== undefined && edge.kind === 'p' && CELL_EDGE.has(edge.text) && !edge.nl && (edge.text !== ',' || toks[pc + 2]?.s === edge.e);
  const rowStart = c < 0 || toks[c + 1]!.nl;
  const cell = ((c >= 0 && toks[c]!.kind === 'p' && CELL_EDGE.has(toks[c]!.text) && cellEdge(toks[pc + 1], false)) || (rowStart && cellAfter)) && /\d{4}/.test(toks[p]!.text);
  // (Lower-case words before the postcode only in a table's cell: "Great, I've applied 802 434 …" is an amount.)
  if (c < i && (region || comma || shaped || cell) && (lower === 0 || cell) && (c < 0 || toks[c]!.nl || toks[c + 1]!.nl || toks[c]!.kind === 'p')) {
    const last = extendCountry(g, toks, pc);
    // A capitalised word right after plain digits makes them a house number ("Mr Ivo Kern, 5474 Kessler Hill"): no city line.
    const next = toks[last + 1];
    if (last === pc && !shaped && !region && next && !next.nl && next.kind === 'w' && next.cap && next.s > toks[pc]!.e && !toks[pc]!.dot) return null;
    return [c + 1, last];
  }
  // postcode, city at the start of a line
  const quoted = toks[p - 1]?.text === '"' && !toks[p]!.nl;
  // (A period after the postcode ends a sentence: "… since Nov 13, 2025. Patient …"; one after the city ends the city.)
  if ((p === 0 || toks[p]!.nl || cellEdge(toks[p - 1], true)) && !toks[pc]!.dot && (titleCase(toks[pc + 1]) || (toks[pc + 1]?.kind === 'w' && cityCap(toks[pc + 1]!))) && !toks[pc + 1]!.nl) {
    let e = pc + 1;
    while (e + 1 < toks.length && e - pc < 3 && titleCase(toks[e + 1]) && !toks[e + 1]!.nl && !toks[e]!.dot) e++;
    if (toks[e]!.dot && sentenceAfter(g, toks, e + 1)) return [p, e];
    // The city's name with connectors and a lower-case tail ("Melo do Descoberto", "La Línea de la Concepción", "Quarto Loredana lido").
    const longer = cityAt(g, toks, pc + 1);
    if (longer !== null && longer > e && !toks.slice(pc + 1, longer + 1).some((t) => t.nl)) e = longer;
    // A function word after the city's first word opens the next sentence ("37314 Santander Yo, Inés …").
    if (functionLast(g, toks, pc + 1, e + 1)) return [p, e - 1];
    const closes = (a: Tok | undefined) => !a || a.nl || (a.kind === 'p' && CELL_EDGE.has(a.text) && (!quoted || a.text === '"'));
    // In quotes, the cell closes with its quote ("\"1429 EK Wachtumburg\"").
    if (closes(toks[e + 1])) return [p, extendCountry(g, toks, e)];
    // A region in brackets after the city ("667863 Ногинск (Моск.)").
    const br = toks[e + 1] ? bracketAt(toks, e + 1, e) : null;
    if (br !== null && closes(toks[br + 1])) return [p, br];
    // One or two lower-case words end the city's name when the cell closes right after them ("52144 Imelda ligure,…"),
    // a comma only as a table's cell edge (glued to the next cell: a sentence's comma has a space after it).
    let t = e + 1;
    while (t < e + 3 && lowerNameWord(toks[t]) && !toks[t]!.nl && !toks[t - 1]!.dot) t++;
    const edge = toks[t];
    if (t > e + 1 && !isYear(toks[p]!) && !toks[t - 1]!.dot && closes(edge) && !(edge?.text === ',' && toks[t + 1]?.s !== edge.e)) return [p, t - 1];
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

/** One street of a crossing, its type at k: its first token, or -1 ("Chiu Tai Lane", "5th Avenue", "Puruntie"). */
function crossingSide(g: AddressGrammar, toks: Tok[], k: number): number {
  const t = toks[k];
  if (!t || t.kind !== 'w' || !t.cap || !(isTypeAfter(g, t) || hasSuffix(g, t))) return -1;
  let n = 0;
  while (k - n - 1 >= 0 && n < MAX_NAME && isNameWord(g, toks[k - n - 1]) && !toks[k - n]!.nl && !g.joiners.has(wordKey(toks[k - n - 1]!.text)) && !isHouseNumber(toks[k - n - 1])) n++;
  while (n > 0 && !toks[k - n]!.cap) n--;
  return n > 0 || hasSuffix(g, t) ? k - n : -1;
}

/**
 * A crossing of two streets ("Oak Street & 5th Avenue", "Morar Mountain/Andre Stravenue", "Bowen Drive
 * and Canal Street"), the type of the first at k: each street a name and its type, a joiner between.
 * Returns [first, last] token indexes, or null.
 */
export function crossingAt(g: AddressGrammar, toks: Tok[], k: number): [number, number] | null {
  const a = crossingSide(g, toks, k);
  const j = toks[k + 1];
  if (a < 0 || !j || j.nl || !g.joiners.has(wordKey(j.text))) return null;
  for (let m = k + 3; m <= k + 2 + MAX_NAME && m < toks.length && !toks[m]!.nl; m++) {
    if (crossingSide(g, toks, m) === k + 2) return [a, m];
    if (!isNameWord(g, toks[m])) break;
  }
  return null;
}

/**
 * A house number written with a slash after a street's name ("Křemílkova 901/18", "mühlboden 100/7/22"): the
 * building's and the door's numbers; the first above 31, so no date ("12/05") is one. Read without a
 * street type, after one to three words of the name, the first capitalised (or all in lower case, in
 * lower-case text). Returns [first, last] token indexes, or null.
 */
export function slashedStreet(g: AddressGrammar, toks: Tok[], h: number): [number, number] | null {
  const num = toks[h];
  const m = num && num.kind === 'n' && !num.decimal && !num.nl ? /^(\d{1,5})\/\d{1,4}(?:\/\d{1,4})?$/.exec(num.text) : null;
  if (!m || Number(m[1]) <= 31) return null;
  // A capitalised name ("Dudkova") in any text; a lower-case one only in a line without capitals.
  const lowerLine = toks.every((t) => t.kind !== 'w' || !t.cap || t.nl);
  let a = h;
  // (In lower-case text a connector before the name is the sentence's: "klíče na tušimická 1446/60".)
  while (a > 0 && h - a < 3 && !toks[a]!.nl && toks[a - 1]!.kind === 'w' && !toks[a - 1]!.dot && (isNameWord(g, toks[a - 1]) || (lowerLine && lowerNameWord(toks[a - 1]))) && !(lowerLine && g.connectors.has(wordKey(toks[a - 1]!.text)))) a--;
  while (a < h && !toks[a]!.cap && g.connectors.has(wordKey(toks[a]!.text))) a++;
  if (a === h) return null;
  // The name's last word has a possessive or adjective ending of a street's name ("-ova", "-ská", "-ého").
  const last = wordKey(toks[h - 1]!.text);
  if (toks[h - 1]!.kind !== 'w' || !g.slashedEndings.some((x) => last.length > x.length + 2 && last.endsWith(x))) return null;
  return [a, extendAddress(g, toks, h)];
}

/** A year ("2019"): no house number where no street type vouches for it. */
const isYear = (t: Tok) => /^(?:19|20)\d\d$/.test(t.text);

/**
 * A street without a known type, vouched for by the postcode and city after it: "Matteopark 3228, 8995
 * Voormezeletem", "Μανωλά 116, 821 23 Αλεξανδρούπολη", "V Humnech 2850/10 883 37 Hodonín". The house number
 * at h, one to four words of the name before it (the first capitalised) on its line. Returns [first, last].
 */
export function streetBeforeCity(g: AddressGrammar, toks: Tok[], h: number): [number, number] | null {
  const a = cityStreetStart(g, toks, h);
  if (a < 0) return null;
  const end = extendAddress(g, toks, h);
  let code = -1;
  for (let i = h + 1; i <= end && code < 0 && !toks[i]!.nl; i++) if (toks[i]!.kind !== 'p' && postcodeAt(g, toks, i) !== null) code = i;
  // A year is no postcode here ("On 11 September 1994").
  if (code < 0 || isYear(toks[code]!)) return null;
  // The city's name beside the postcode, on its line.
  const isCity = (t: Tok | undefined) => t !== undefined && t.kind === 'w' && t.cap && !g.units.has(wordKey(t.text)) && !g.notAddress.has(wordKey(t.text));
  const last = postcodeAt(g, toks, code)!;
  const city = (isCity(toks[last + 1]) && !toks[last + 1]!.nl && last + 1 <= end) || (isCity(toks[code - 1]) && !toks[code]!.nl);
  return city ? [a, end] : null;
}

/**
 * A street named after a preposition, without a type ("Am Rosenhügel 7", "Auf dem Bohnbüchel 22", "Im Kalkfeld 167",
 * "Na Luka 1665/12"), its house number at h: the preposition (capitalised, from streetPrepositions), lower-case
 * articles, one to three capitalised words, the number. A year is no house number ("Im Jahr 2020"), and a name of
 * frequent words or a month ("Am Montag 5", "Auf Seite 5") needs a house number with a letter or a slash ("Ober
 * dem Hof 84a"). Returns [first, last] token indexes, or null.
 */
export function prepositionStreet(g: AddressGrammar, toks: Tok[], h: number): [number, number] | null {
  const num = toks[h];
  if (!num || num.nl || !isTrailingNumber(num) || isYear(num)) return null;
  let a = h - 1;
  let caps = 0;
  let plain = true;
  const inLine = (i: number) => i >= 0 && !toks[i + 1]!.nl;
  while (inLine(a) && caps < 3 && toks[a]!.kind === 'w' && toks[a]!.cap && !g.prepositions.has(wordKey(toks[a]!.text)) && !(toks[a]!.dot && sentenceDot(g, toks[a]!))) {
    if (!g.commonWords.has(toks[a]!.text.toLowerCase()) && !g.months.has(wordKey(toks[a]!.text))) plain = false;
    caps++;
    a--;
  }
  if (!caps) return null;
  // Articles between the preposition and the name ("Auf dem", "An der").
  while (inLine(a) && toks[a]!.kind === 'w' && !toks[a]!.cap && g.connectors.has(wordKey(toks[a]!.text))) a--;
  const p = toks[a];
  if (!inLine(a) || !p || p.kind !== 'w' || !p.cap || p.dot || !g.prepositions.has(wordKey(p.text))) return null;
  if (plain && !/[A-Za-z/]/.test(num.text)) return null;
  return [a, extendAddress(g, toks, h)];
}

/**
 * What streetBeforeCity needs before the number at h, read from toks[0..h] only: a house number and a
 * capitalised word of the name before it on its line. Whether a window may hold such a street, before
 * the window after the number is read (address/pass.ts reads the words before it first).
 */
export const streetBeforeCityMayStart = (g: AddressGrammar, toks: Tok[], h: number): boolean => cityStreetStart(g, toks, h) >= 0;

/** The first token of the street's name before the house number at h (streetBeforeCity), or -1. */
function cityStreetStart(g: AddressGrammar, toks: Tok[], h: number): number {
  const num = toks[h];
  if (!isHouseNumber(num) || num!.nl || num!.dot || isYear(num!)) return -1;
  let a = h;
  while (a > 0 && h - a < 4 && !toks[a]!.nl) {
    const t = toks[a - 1]!;
    if (t.dot && sentenceDot(g, t)) break;
    if (t.kind === 'w' && (t.cap || g.connectors.has(wordKey(t.text)))) a--;
    else break;
  }
  // A word for "address" ("Rechnungsadresse auf Ödhus 75") is the sentence's cue, not the street's name.
  // So is a unit word ("die Wohnung Podravska 3, …"), and a lower-case connector after a capitalised noun ("Kontoauszüge an
  // Seeblick 86, …"): the name starts after them (a particle starts it: "van den Boschdijk").
  for (let k = h - 1; k >= a; k--) {
    const t = toks[k]!;
    if (t.kind === 'w' && (addressWord(g, t) || (t.cap && g.units.has(wordKey(t.text))) || (!t.cap && g.connectors.has(wordKey(t.text)) && !g.nameParticles.has(wordKey(t.text))))) {
      a = k + 1;
      break;
    }
  }
  while (a < h && !toks[a]!.cap) a++;
  return a === h ? -1 : a;
}

/** Whether a line's tokens hold a postcode of the grammar's shapes and a word beside it (a city line). */
export function holdsPostcode(g: AddressGrammar, toks: Tok[]): boolean {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === 'p' || !/\d/.test(t.text)) continue;
    const last = postcodeAt(g, toks, i);
    if (last !== null && (toks[i - 1]?.kind === 'w' || toks[last + 1]?.kind === 'w')) return true;
  }
  return false;
}

/**
 * Where a city line that starts with its postcode, or a country line, ends when the line goes on with other
 * words ("8969 Meix-devant-Virton La Land Rover est au garage…", "Ireland Please send …", a sentence run on
 * after a block): the last token of the city's capitalised words after the postcode (and a region code after
 * them) or of the country, or null when the line is the city or country line alone.
 */
export function cityLineCut(g: AddressGrammar, toks: Tok[]): number | null {
  const pc = toks.length && toks[0]!.kind !== 'p' ? postcodeAt(g, toks, 0) : null;
  // A country line run on into a sentence ("Ireland Please send the card to …").
  const country = pc === null && toks.length ? countryAt(g, toks, 0) : null;
  if (country !== null) return country + 1 < toks.length && toks.slice(country + 1, country + RUN_ON).some((t) => t.kind === 'w' && !t.cap) ? country : null;
  if (pc === null) return cityFirstCut(g, toks);
  let end = cityAt(g, toks, pc + 1);
  if (end === null || end + 1 >= toks.length) return null;
  // A function word cut off the city's words opens the sentence ("37314 Santander Yo, Inés …").
  if (functionLast(g, toks, pc + 1, end + 2)) return end;
  // A region code after a comma belongs to the city line ("30391 Ciudad Obregón, GR Con paciencia …").
  // (Any code of two or three capitals: the grammar lists few countries' regions.)
  if (toks[end + 1]!.text === ',' && toks[end + 2]?.kind === 'w' && (g.regions.has(toks[end + 2]!.text) || /^\p{Lu}{2,3}$/u.test(toks[end + 2]!.text))) end += 2;
  if (end + 1 >= toks.length) return null;
  // Only a run-on sentence is cut: a lower-case word within the next four tokens, or a field's label ("HAMORA Postadress: …").
  return toks.slice(end + 1, end + RUN_ON).some((t) => (t.kind === 'w' && !t.cap) || t.text === ':') ? end : null;
}

/** A line runs on into a sentence when a lower-case word comes within the next four tokens after its address ("… La Land Rover est"). */
const RUN_ON = 5;

/**
 * A city line written city first that runs on after its postcode ("Idosa, 9391 The Rose Garden at …", "Pokhara - 39729
 * Surname: …"): the postcode (or a country after it) ends the line's address; null when nothing follows it.
 */
function cityFirstCut(g: AddressGrammar, toks: Tok[]): number | null {
  let p = 1;
  while (p < toks.length && p < 8 && (toks[p]!.kind === 'p' || postcodeAt(g, toks, p) === null)) p++;
  if (p >= toks.length || p >= 8) return null;
  // The city's words, then a comma, a dash or a region code before the postcode.
  let k = p - 1;
  const region = toks[k]!.kind === 'w' && g.regions.has(toks[k]!.text);
  if (region) k--;
  const mark = toks[k]?.text === ',' || toks[k]?.text === '-';
  if (mark) k--;
  if (k < 0 || !cityCap(toks[0]!)) return null;
  for (let m = 0; m <= k; m++) if (toks[m]!.kind !== 'w' || !(cityCap(toks[m]!) || g.connectors.has(wordKey(toks[m]!.text)))) return null;
  const last = extendCountry(g, toks, postcodeAt(g, toks, p)!);
  if (last + 1 >= toks.length) return null;
  // Without a mark the line may be a street's, its house number of a postcode's length ("Insulo de Rittenberg 8301 Apt 5"):
  // cut only before a run-on sentence (a lower-case word within the next four tokens).
  return region || mark || toks.slice(last + 1, last + RUN_ON).some((t) => t.kind === 'w' && !t.cap) ? last : null;
}


/**
 * A cell of a CSV row that holds a street line written number first and nothing else, its house number at h:
 * the number at the cell's start, then one to four words of the name (the first capitalised, or of a caseless
 * script; connectors and one lower-case word inside), perhaps a unit, then the cell's end ("…,98 David de
 * Vaugirard Apt. 622,…", "\t1 Haley Brae\t", ";306 رابعہ گاوْں;"). A date ("15 Apr 2026", a month's name), an
 * amount ("100 USD", a code in capitals), a count of frequent words ("3 Items") or a field's word is none; the
 * line must hold the row's separators (as cellStreet). Returns [first, last] token indexes, or null.
 */
export function cellStreetFirst(g: AddressGrammar, toks: Tok[], h: number): [number, number] | null {
  const num = toks[h];
  if (!isHouseNumber(num) || num!.dot || isYear(num!) || num!.text.length > 5) return null;
  const before = toks[h - 1];
  const lineStart = h === 0 || num!.nl;
  if (!lineStart && !(before!.kind === 'p' && CELL_EDGE.has(before!.text))) return null;
  let j = h + 1;
  let lower = 0;
  let plain = true;
  while (j < toks.length && j - h <= 4 && !toks[j]!.nl && toks[j]!.kind === 'w') {
    const t = toks[j]!;
    const key = wordKey(t.text);
    if (g.units.has(key) && j > h + 1) break;
    if (g.notAddress.has(key) || (j === h + 1 && g.months.has(key))) return null;
    if (j === h + 1 ? !titleCase(t) : !(titleCase(t) || g.connectors.has(key) || (lower++ < 1 && lowerNameWord(t)))) return null;
    if (t.dot && j === h + 1 && t.text.length <= 3) return null;
    if (!g.commonWords.has(t.text.toLowerCase()) || isCaseless(t.text.charCodeAt(0))) plain = false;
    j++;
  }
  if (j === h + 1 || plain || g.connectors.has(wordKey(toks[j - 1]!.text))) return null;
  let end = j - 1;
  const u = toks[j] && !toks[j]!.nl ? unitAt(g, toks, j) : null;
  if (u !== null) end = u;
  const after = toks[end + 1];
  if (!(after === undefined || after.nl || (after.kind === 'p' && CELL_EDGE.has(after.text) && !(after.text === ',' && toks[end + 2] && toks[end + 2]!.s !== after.e)))) return null;
  // The row: three separators on the line (quotes aside).
  let seps = 0;
  for (let k = h - 1; k >= 0 && !toks[k + 1]!.nl; k--) if (toks[k]!.kind === 'p' && toks[k]!.text !== '"' && CELL_EDGE.has(toks[k]!.text)) seps++;
  for (let k = end + 1; k < toks.length && !toks[k]!.nl; k++) if (toks[k]!.kind === 'p' && toks[k]!.text !== '"' && CELL_EDGE.has(toks[k]!.text)) seps++;
  return seps >= 3 ? [h, end] : null;
}

/**
 * A cell of a CSV row that holds a street line and nothing else, its house number at h: one to four words
 * (the first capitalised, one at least written in lower case or a caseless script), the number, perhaps a
 * unit ("…;Gornja 41;79619 Kraljevo;…", ",Rousínovská 372 Suite 160,"), between the row's separators, on a
 * line holding two separators more. One word before a day's number (≤ 31) may be a month ("March 15"): none.
 * Returns [first, last] token indexes, or null.
 */
export function cellStreet(g: AddressGrammar, toks: Tok[], h: number): [number, number] | null {
  const num = toks[h];
  if (!isHouseNumber(num) || num!.nl || num!.dot || isYear(num!)) return null;
  let a = h;
  // The name's last words may be written in lower case after its capitalised first ("Obalskih radnika 4", "Rospi ćuprija 735"): at most two.
  let lower = 0;
  while (a > 0 && h - a < 4 && !toks[a]!.nl) {
    const t = toks[a - 1]!;
    if (t.kind !== 'w' || t.dot || g.notAddress.has(wordKey(t.text))) break;
    if (!(t.cap || g.connectors.has(wordKey(t.text)))) {
      if (lower === h - a && lower < 2 && lowerNameWord(t) && t.text.length >= 3) lower++;
      else break;
    }
    a--;
  }
  while (a < h && !toks[a]!.cap) a++;
  if (a === h || h - a === lower || !toks[a]!.cap || !toks.slice(a, h).some(titleCase)) return null;
  // One word before a day's number (≤ 31) may be a month ("March 15") or a frequent word ("Tier 2", "Version 3"):
  // none is a street's name. (Street names are rarely frequent words: "Kalašova 6", "Brodska 31".)
  if (h - a === 1 && /^\d{1,2}$/.test(num!.text) && Number(num!.text) <= 31 && (g.months.has(wordKey(toks[a]!.text)) || g.commonWords.has(toks[a]!.text.toLowerCase()))) return null;
  const lineStart = a === 0 || toks[a]!.nl;
  if (!lineStart && !(toks[a - 1]!.kind === 'p' && CELL_EDGE.has(toks[a - 1]!.text))) return null;
  let end = h;
  const u = toks[h + 1] && !toks[h + 1]!.nl ? unitAt(g, toks, h + 1) : null;
  if (u !== null) end = u;
  const after = toks[end + 1];
  if (!(after === undefined || after.nl || (after.kind === 'p' && CELL_EDGE.has(after.text)))) return null;
  // The row: two separators more on the line (quotes aside).
  let seps = 0;
  for (let k = a - 1; k >= 0 && !toks[k + 1]!.nl; k--) if (toks[k]!.kind === 'p' && toks[k]!.text !== '"' && CELL_EDGE.has(toks[k]!.text)) seps++;
  for (let k = end + 1; k < toks.length && !toks[k]!.nl; k++) if (toks[k]!.kind === 'p' && toks[k]!.text !== '"' && CELL_EDGE.has(toks[k]!.text)) seps++;
  if (seps >= 3) return [a, end];
  // A row of three cells: the same separator twice on a line before or after it too (a table, not a sentence),
  // as far as the window shows it.
  if (seps !== 2) return null;
  const sepOf = (k: number) => toks[k]!.kind === 'p' && toks[k]!.text !== '"' && CELL_EDGE.has(toks[k]!.text) ? toks[k]!.text : '';
  let first = a;
  while (first > 0 && !toks[first]!.nl) first--;
  let last = end;
  while (last + 1 < toks.length && !toks[last + 1]!.nl) last++;
  const mine = new Set<string>();
  for (let k = first; k <= last; k++) if (sepOf(k)) mine.add(sepOf(k));
  if (mine.size !== 1) return null;
  const sep = [...mine][0]!;
  const count = (from: number, step: number) => {
    let n = 0;
    for (let k = from; k >= 0 && k < toks.length; k += step) {
      if (sepOf(k) === sep) n++;
      if (step > 0 ? k + 1 < toks.length && toks[k + 1]!.nl : toks[k]!.nl) break;
    }
    return n;
  };
  return (first > 0 && count(first - 1, -1) >= 2) || (last + 1 < toks.length && count(last + 1, 1) >= 2) ? [a, end] : null;
}

import { CaregateError } from '../../errors.js';
import { dirname, resolve } from 'node:path';
import { readLexiconFile } from '../names/lexicon.js';
import { addressCountryNames, readCountryList } from '../countries.js';
import { compactSet } from '../word-set.js';

/** An address lexicon file as written in rules/lexicons/addresses.json (every field optional in a user's file). */
export interface AddressLexiconFile {
  streetTypesAfter?: Record<string, string[]>;
  streetTypesBefore?: Record<string, string[]>;
  streetTypesBeforeLowercase?: string[];
  streetTypesAfterLowercaseName?: string[];
  streetSuffixes?: string[];
  connectors?: string[];
  directions?: string[];
  unitWords?: string[];
  poBox?: string[];
  military?: { units?: string[]; posts?: string[]; regions?: string[] };
  postcodes?: Record<string, string[]>;
  regionCodes?: string[];
  blockCues?: string[];
  countries?: string[];
  /** Text files beside the lexicon, one country name a line (countries.txt: CLDR names in many languages). */
  countryLists?: string[];
  /** Words said before an address value ("yeah it's", "hold on", "j'habite au"), skipped where it starts. */
  answerFillers?: string[];
  /** Words that lead a neighbourhood, landmark or postcode part of an address ("Col. Roma", "Near Kakkar Ridges", "CEP 61903-294"). */
  areaWords?: string[];
  /** Words before a house number ("No. 5", "д. 3205", "Nr 4"). */
  houseNumberWords?: string[];
  /** Keys of a record (JSON, key=value) whose value is an address or a city line. */
  fieldKeys?: string[];
  /** Words that mark a line as something else than an address (order, invoice, total…): layout blocks only. */
  notAddressWords?: string[];
  /** Words for "address" in any language: a line ending in one asks for it, the next turn answers. */
  questionCues?: string[];
  /** Lower-case particles a street's name may start with ("van den Boschdijk", "von-Kleist-Straße"). */
  nameParticles?: string[];
  /** Words and marks between two streets of a crossing ("Oak Street & 5th Avenue", "Rua X esquina Rua Y"). */
  intersectionJoiners?: string[];
  /** Hedges inside a spoken address value ("150 Harrison Avenue I think East Alysa"): read over, not an end. */
  valueHedges?: string[];
  /** Locales (BCP 47) whose country names (from the runtime's CLDR data, Intl.DisplayNames) end an address. */
  countryNameLocales?: string[];
  /** Regions and districts written in words that may end an address like a country ("New Territories"). */
  regionNames?: string[];
  /** Street, block and house marks of scripts written without spaces, beside a number ("路", "號", "丁目", "길"). */
  cjkStreetMarks?: string[];
  /** Marks after a number that make it no address part in those scripts (dates, amounts, counts: "月", "日", "元"). */
  cjkNotAddressMarks?: string[];
  /** Endings of street names written with a slashed house number ("Křemílkova 901/18", "Chlumčanského 2259/50"). */
  slashedNumberNameEndings?: string[];
  /** Text files beside the lexicon, one frequent word a line: a lone word before a small number in a table cell is no street's name. */
  commonWordLists?: string[];
  /** JSON files of `{ "languages": { "de": ["ich", …] } }`, each language's most frequent words, most frequent first (function-words.json). */
  functionWordLists?: string[];
  /** The first this many words of each language of functionWordLists are its function words (pronouns, articles, particles). */
  functionWordRank?: number;
  /** Prepositions that open a street's name without a type, per language ("Am Rosenhügel 7", "Auf dem Bohnbüchel 22", "Na Luka 1665/12"). */
  streetPrepositions?: Record<string, string[]>;
}

/** The merged grammar; word keys are lower case without a final period. */
export interface AddressGrammar {
  typesAfter: Set<string>;
  /** Types after the name that the lexicon writes in lower case ("straat", "daxasi"), as keys. */
  typesAfterLower: Set<string>;
  typesBefore: Set<string>;
  /** Types before the name that are written in lower case too ("ul. Długa", "rue de la Paix"). */
  typesBeforeLower: Set<string>;
  /** Types after which a street name in lower case is read ("742 evergreen terrace"). */
  typesAfterLowerName: Set<string>;
  suffixes: string[];
  connectors: Set<string>;
  directions: Set<string>;
  units: Set<string>;
  poBox: string[];
  militaryUnits: Set<string>;
  militaryPosts: string[];
  militaryRegions: Set<string>;
  /** Postcode shapes (9 digit, A capital letter) by their length. */
  postcodes: Set<string>;
  regions: Set<string>;
  blockCues: string[];
  countries: string[];
  fillers: Set<string>;
  /** Leading digit-run lengths of the postcode shapes, as bits: a cheap test before any tokenizing. */
  postcodeLead: number;
  /** Signatures (first letter, last letter, length) of the street types: a test on char codes before any lookup. */
  typeSigs: Set<number>;
  /** Street types before the name written as two words ("بن بست"), by their first word: the second words. */
  typePairs: Map<string, Set<string>>;
  /** The second words of typePairs. */
  pairSeconds: Set<string>;
  /** The last two letters of the street suffixes, as a number. */
  suffixTails: Set<number>;
  notAddress: Set<string>;
  fieldKeys: string[];
  houseNumberWords: Set<string>;
  areaWords: Set<string>;
  questionCues: string[];
  nameParticles: Set<string>;
  joiners: Set<string>;
  hedges: Set<string>;
  cjkMarks: string[];
  cjkNot: Set<string>;
  slashedEndings: string[];
  /** Prepositions that open a street's name (streetPrepositions), as keys. */
  prepositions: Set<string>;
  /** Frequent words of many languages (commonWordLists), lower case. */
  commonWords: Set<string>;
  /** Function words of many languages (functionWordLists, the first functionWordRank of each), lower case: a sentence's, never a city's last word. */
  functionWords: Set<string>;
  /** Month and weekday names, long and short, of the countryNameLocales (from the runtime's CLDR data), lower case without a period. */
  months: Set<string>;
  /** Country names by their first word, each as its words. */
  countriesByFirst: Map<string, string[][]>;
}

/** Arabic vowel marks (harakat), the dagger alif, Quranic marks and the tatweel: a word's key is the same without them ("شَارِع", "شـارع" → "شارع"). */
const ARABIC_MARKS = /[\u0640\u064B-\u065F\u0670\u06D6-\u06ED]/g;

/** Whether c is a letter of the Arabic block (a word starting with one may carry ARABIC_MARKS). */
export const isArabicLetter = (c: number) => c >= 0x600 && c <= 0x6ff;

export const wordKey = (w: string) => {
  // ASCII (most words): NFC leaves it as it is and lower case maps A–Z only; read on char codes, no regex.
  const n = w.length;
  let upper = false;
  for (let i = 0; i < n; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128) return wordKeyOf(w);
    if (c >= 65 && c <= 90) upper = true;
  }
  const k = upper ? w.toLowerCase() : w;
  return n > 0 && k.charCodeAt(n - 1) === 46 ? k.slice(0, n - 1) : k;
};

/** wordKey of any word: NFC, lower case, no final period, no Arabic marks. */
function wordKeyOf(w: string): string {
  const k = w.normalize('NFC').toLowerCase().replace(/\.$/, '');
  return isArabicLetter(k.charCodeAt(0)) ? k.replace(ARABIC_MARKS, '') : k;
}

const cache = new Map<string, AddressGrammar>();

/** The month and weekday names of a locale, long and short, lower case without a period (from Intl: the runtime's CLDR data). */
function monthNames(locale: string): string[] {
  const out: string[] = [];
  for (const month of ['long', 'short'] as const) {
    let f: Intl.DateTimeFormat;
    try {
      f = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' });
    } catch {
      return out;
    }
    for (let m = 0; m < 12; m++) out.push(wordKey(f.format(new Date(Date.UTC(2024, m, 15)))));
    // Weekdays too ("Am Montag 5 Leute"): 2024-01-01 was a Monday.
    const d = new Intl.DateTimeFormat(locale, { weekday: month, timeZone: 'UTC' });
    for (let w = 0; w < 7; w++) out.push(wordKey(d.format(new Date(Date.UTC(2024, 0, 1 + w)))));
  }
  return out;
}

export function loadAddressGrammar(names: readonly string[], where: string): AddressGrammar {
  const key = names.join('\u0000');
  const hit = cache.get(key);
  if (hit) return hit;
  const g: AddressGrammar = {
    typesAfter: new Set(), typesAfterLower: new Set(), typesBefore: new Set(), typesBeforeLower: new Set(), typesAfterLowerName: new Set(), suffixes: [], connectors: new Set(), directions: new Set(), units: new Set(),
    poBox: [], militaryUnits: new Set(), militaryPosts: [], militaryRegions: new Set(), postcodes: new Set(), regions: new Set(),
    blockCues: [], countries: [], countriesByFirst: new Map(), fillers: new Set(), postcodeLead: 0, typeSigs: new Set(), typePairs: new Map(), pairSeconds: new Set(), suffixTails: new Set(), notAddress: new Set(), fieldKeys: [], houseNumberWords: new Set(), areaWords: new Set(), questionCues: [],
    nameParticles: new Set(), joiners: new Set(), hedges: new Set(), cjkMarks: [], cjkNot: new Set(), slashedEndings: [], commonWords: new Set(), functionWords: new Set(), months: new Set(), prepositions: new Set(),
  };
  for (const name of names) {
    const { data, file } = readLexiconFile<AddressLexiconFile>(name, where);
    const strs = (v: unknown, k: string): string[] => {
      if (v === undefined) return [];
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
        throw new CaregateError('E_LEXICON_SHAPE', `lexicon ${file}: "${k}" must be a list of strings`, { file, pointer: `/${k}` });
      }
      return v as string[];
    };
    for (const [lang, words] of Object.entries(data.streetTypesAfter ?? {})) {
      for (const w of strs(words, `streetTypesAfter/${lang}`)) {
        g.typesAfter.add(wordKey(w));
        if (w === w.toLowerCase()) g.typesAfterLower.add(wordKey(w));
      }
    }
    for (const [lang, words] of Object.entries(data.streetTypesBefore ?? {})) strs(words, `streetTypesBefore/${lang}`).forEach((w) => g.typesBefore.add(wordKey(w)));
    strs(data.streetTypesAfterLowercaseName, 'streetTypesAfterLowercaseName').forEach((w) => g.typesAfterLowerName.add(wordKey(w)));
    strs(data.streetTypesBeforeLowercase, 'streetTypesBeforeLowercase').forEach((w) => g.typesBeforeLower.add(wordKey(w)));
    g.suffixes.push(...strs(data.streetSuffixes, 'streetSuffixes').map((w) => w.normalize('NFC').toLowerCase()));
    strs(data.connectors, 'connectors').forEach((w) => g.connectors.add(wordKey(w)));
    strs(data.directions, 'directions').forEach((w) => g.directions.add(wordKey(w)));
    strs(data.unitWords, 'unitWords').forEach((w) => g.units.add(wordKey(w)));
    g.poBox.push(...strs(data.poBox, 'poBox'));
    strs(data.military?.units, 'military/units').forEach((w) => g.militaryUnits.add(wordKey(w)));
    g.militaryPosts.push(...strs(data.military?.posts, 'military/posts'));
    strs(data.military?.regions, 'military/regions').forEach((w) => g.militaryRegions.add(w));
    for (const [cc, shapes] of Object.entries(data.postcodes ?? {})) {
      for (const s of strs(shapes, `postcodes/${cc}`)) {
        if (!/^[9A -]{3,12}$/.test(s)) {
          throw new CaregateError('E_LEXICON_SHAPE', `lexicon ${file}: postcode shape "${s}" at /postcodes/${cc} may hold only 9 (digit), A (letter), space and -`, { file, pointer: `/postcodes/${cc}` });
        }
        g.postcodes.add(s);
      }
    }
    strs(data.regionCodes, 'regionCodes').forEach((w) => g.regions.add(w));
    g.blockCues.push(...strs(data.blockCues, 'blockCues').map((w) => w.toLowerCase()));
    g.countries.push(...strs(data.countries, 'countries'));
    for (const f of strs(data.countryLists, 'countryLists')) g.countries.push(...readCountryList(resolve(dirname(file), f), where));
    strs(data.answerFillers, 'answerFillers').forEach((w) => g.fillers.add(wordKey(w)));
    strs(data.houseNumberWords, 'houseNumberWords').forEach((w) => g.houseNumberWords.add(wordKey(w)));
    strs(data.areaWords, 'areaWords').forEach((w) => g.areaWords.add(wordKey(w)));
    g.fieldKeys.push(...strs(data.fieldKeys, 'fieldKeys'));
    strs(data.notAddressWords, 'notAddressWords').forEach((w) => g.notAddress.add(wordKey(w)));
    g.questionCues.push(...strs(data.questionCues, 'questionCues').map((w) => w.toLowerCase()));
    strs(data.nameParticles, 'nameParticles').forEach((w) => g.nameParticles.add(wordKey(w)));
    strs(data.intersectionJoiners, 'intersectionJoiners').forEach((w) => g.joiners.add(wordKey(w)));
    strs(data.valueHedges, 'valueHedges').forEach((w) => g.hedges.add(wordKey(w)));
    g.countries.push(...strs(data.regionNames, 'regionNames'));
    g.cjkMarks.push(...strs(data.cjkStreetMarks, 'cjkStreetMarks'));
    strs(data.cjkNotAddressMarks, 'cjkNotAddressMarks').forEach((w) => g.cjkNot.add(w));
    g.slashedEndings.push(...strs(data.slashedNumberNameEndings, 'slashedNumberNameEndings').map((w) => w.normalize('NFC').toLowerCase()));
    for (const [lang, words] of Object.entries(data.streetPrepositions ?? {})) strs(words, `streetPrepositions/${lang}`).forEach((w) => g.prepositions.add(wordKey(w)));
    for (const f of strs(data.commonWordLists, 'commonWordLists')) for (const w of readCountryList(resolve(dirname(file), f), where)) g.commonWords.add(w.toLowerCase());
    const rank = typeof data.functionWordRank === 'number' ? data.functionWordRank : 0;
    for (const f of strs(data.functionWordLists, 'functionWordLists')) {
      const langs = readLexiconFile<{ languages?: Record<string, unknown> }>(resolve(dirname(file), f), where).data.languages ?? {};
      for (const [lang, words] of Object.entries(langs)) strs(words, `functionWordLists/${lang}`).slice(0, rank).forEach((w) => g.functionWords.add(w.toLowerCase()));
    }
    for (const locale of strs(data.countryNameLocales, 'countryNameLocales')) {
      g.countries.push(...addressCountryNames(locale));
      for (const m of monthNames(locale)) g.months.add(m);
    }
  }
  for (const shape of g.postcodes) {
    const lead = /^9*/.exec(shape)![0].length;
    if (lead > 0) g.postcodeLead |= 1 << lead;
  }
  for (const w of g.typesBefore) {
    const parts = w.split(' ');
    if (parts.length !== 2 || !parts[0] || !parts[1]) continue;
    const seconds = g.typePairs.get(parts[0]) ?? new Set<string>();
    seconds.add(parts[1]);
    g.typePairs.set(parts[0], seconds);
    g.pairSeconds.add(parts[1]);
  }
  for (const w of [...g.typesAfter, ...g.typesBefore, ...g.pairSeconds]) if (w.length) g.typeSigs.add(wordSig(w, 0, w.length));
  for (const x of g.suffixes) {
    const t = x.replace(/\.$/, '');
    if (t.length >= 2) g.suffixTails.add(tailSig(t.charCodeAt(t.length - 2), t.charCodeAt(t.length - 1)));
  }
  for (const c of g.countries) {
    const parts = c.split(' ').map((p) => p.replace(/\.$/, ''));
    const list = g.countriesByFirst.get(parts[0]!) ?? [];
    list.push(parts);
    g.countriesByFirst.set(parts[0]!, list);
  }
  // The common words (~70,000) in compact storage, shared with the names lexicon's when the lists are the same.
  g.commonWords = compactSet(g.commonWords);
  cache.set(key, g);
  return g;
}

const LOWER = new Uint16Array(65536);
/** A character code in lower case, by table (filled on first use). */
export function lowerCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let v = LOWER[c]!;
  if (v === 0) LOWER[c] = v = String.fromCharCode(c).toLowerCase().charCodeAt(0);
  return v;
}

/** A word's signature from its char codes (first and last letter in lower case, length), without a string. */
export function wordSig(text: string, s: number, e: number): number {
  // Kept in the small-integer range: a larger number is a heap allocation at every lookup.
  return ((lowerCode(text.charCodeAt(s)) * 65599) ^ (lowerCode(text.charCodeAt(e - 1)) * 31) ^ (e - s)) & 0x3fffffff;
}

export const tailSig = (a: number, b: number) => lowerCode(a) * 65536 + lowerCode(b);

/** The shape of a token for postcode matching: digits → 9, letters → A (upper case), other kept. */
export function shapeOf(s: string): string {
  // ASCII (most tokens) on char codes; a string with any other character as before.
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return shapeOfAny(s);
    out += c >= 48 && c <= 57 ? '9' : c >= 65 && c <= 90 ? 'A' : c >= 97 && c <= 122 ? 'a' : s[i]!;
  }
  return out;
}

function shapeOfAny(s: string): string {
  let out = '';
  for (const ch of s) out += ch >= '0' && ch <= '9' ? '9' : /\p{L}/u.test(ch) ? (ch === ch.toUpperCase() ? 'A' : 'a') : ch;
  return out;
}

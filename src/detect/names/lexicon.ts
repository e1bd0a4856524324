import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCountryList } from '../countries.js';
import { CaregateError } from '../../errors.js';
import { compactSet, COMPACT_FROM, WordIndex } from '../word-set.js';

/** The folder of shipped lexicons (rules/lexicons/), two levels above src/detect/names/ and dist/detect/names/. */
export const LEXICONS_DIR = fileURLToPath(new URL('../../../rules/lexicons/', import.meta.url));

/** A names lexicon file as written in rules/lexicons/*.json (every field optional in a user's file). */
export interface NameLexiconFile {
  nameLists?: { distinctive?: string[]; common?: string[] };
  commonWordLists?: string[];
  commonWordNames?: string[];
  notNames?: string[];
  titles?: string[];
  cues?: { intro?: string[]; soft?: string[]; lowercase?: string[]; lowercaseWeak?: string[]; lineBefore?: string[]; after?: string[] };
  questions?: string[];
  answerFillers?: string[];
  particles?: string[];
  roles?: string[];
  fieldLabels?: string[];
  nameFields?: string[];
  otherScripts?: string[];
  placeWords?: string[];
  companyForms?: string[];
  orgJoiners?: string[];
  personJoiners?: string[];
  pluralVerbs?: string[];
  complementisers?: string[];
  signoffPrepositions?: string[];
  notPersons?: Partial<Record<NotPersonList, string[]>>;
  /** Text files, one place name a line (countries.txt): a run that is one of them is a place. */
  placeLists?: string[];
  articles?: string[];
  auxiliaries?: string[];
  personVerbs?: string[];
  /** JSON files of `{ "languages": { "de": ["ich", "ist", …] } }`: each language's most frequent words, most frequent first (function-words.json). */
  languageWordLists?: string[];
  /** How many of a language's most frequent words are its function words (200). */
  functionWordRank?: number;
  /** Languages that capitalise every noun (German): a capitalised word no list holds says little there. */
  nounCapitalising?: string[];
  /** Languages that write compound nouns as one word (German, Dutch, Swedish): a word no list holds that ends in a common word is a noun. */
  compounding?: string[];
  /** Per language, abbreviations that are titles there and initials elsewhere (Portuguese and Spanish "D." for Dona/Dom/Don). */
  honorifics?: Record<string, string[]>;
  /**
   * Per language, the particles its names hold ("de": von, zu, der): where the text's language has a list, a
   * particle not in it before one of the language's frequent words is the sentence's, not a name's ("erbte Vivien das Haus").
   */
  nameParticles?: Record<string, string[]>;
  /** Locales whose month and weekday names (CLDR, through Intl) are no names beside a number ("11 Kasım 2024"). */
  calendarLocales?: string[];
}

/** The word lists of `notPersons` (what makes capitalised words an organisation, a place, a brand or a title; see not-a-person.ts). */
export const NOT_PERSON_LISTS = ['organisationWords', 'organisationLinks', 'placeCues', 'placePrepositions', 'placeIn', 'placeHeads', 'placeTails', 'placeAfter', 'places', 'brands', 'workCues', 'productCues', 'articles', 'firmPrepositions', 'personPrepositions', 'firmVerbs'] as const;
export type NotPersonList = (typeof NOT_PERSON_LISTS)[number];

/** The merged word sets the names detector reads; every key is lower case, NFC. */
export interface NameLexicon {
  distinctive: Set<string>;
  commonNames: Set<string>;
  /** The names listed by hand as common words (Will, May, Grace, April): never a name alone without a cue. */
  wordNames: Set<string>;
  commonWords: Set<string>;
  notNames: Set<string>;
  titles: Set<string>;
  particles: Set<string>;
  roles: Set<string>;
  fieldLabels: Set<string>;
  nameFields: Set<string>;
  /** lowercaseWeak: cues after which a lower-case word is a name only when the lists know it as one ("hi its maria here"). */
  /** lineBefore: cues after which a name follows on the next line only ("SHIP TO\nMaria Lopez"). */
  cues: { intro: string[]; soft: string[]; lowercase: string[]; lowercaseWeak: string[]; lineBefore: string[]; after: string[] };
  questions: string[];
  answerFillers: string[];
  /** Unicode script names (Cyrillic, Han…) whose words among Latin-script words are names. */
  otherScripts: string[];
  /** Words before a place ("in", "em", "born in"): capitalised words after them are no name without a cue. */
  placeWords: Set<string>;
  /** Company forms after a name (Inc, GmbH, Pty, Asociados, Sons): the run is an organisation. */
  companyForms: Set<string>;
  /** Words joining names into an organisation's name (and, &, et, und, y, e). */
  orgJoiners: Set<string>;
  /** Words joining two people's names (and, et, und, y, e, og, och, ve): a name-like run beside a name found is a person too. */
  personJoiners: Set<string>;
  /** Plural auxiliaries and verbs (are, were, sind, sont, son, zijn, są): after two runs joined by a person joiner, they make both people. */
  pluralVerbs: Set<string>;
  /** Words opening what the person addressed is to do (to, di, de, que, dass, att, że): after an addressing cue and a name ("tell Gayatri to start"). */
  complementisers: Set<string>;
  /** "From" words between a sign-off and the name signing it (from, de, da, van, von, fra, od): "Groetjes van jens". */
  signoffPrepositions: Set<string>;
  notPersons: Record<NotPersonList, Set<string>>;
  /** Articles and determiners that open sentences (Les, Il, Die, Ein): never one name word alone. */
  articles: Set<string>;
  /** Auxiliary and modal verbs (had, is, will, ist, est, ha, heeft): a capitalised word before one is its subject. */
  auxiliaries: Set<string>;
  /** Verbs of saying and doing whose subject is a person (said, transferred, sagte, rejoindra). */
  personVerbs: Set<string>;
  /** Each language's most frequent words (language code → word → rank, 0 the most frequent). */
  languageWords: Map<string, Map<string, number>>;
  /** Words of a rank below this are a language's function words. */
  functionWordRank: number;
  nounCapitalising: Set<string>;
  compounding: Set<string>;
  /** Language code → title abbreviations of that language only, without their period ("d"). */
  honorifics: Map<string, Set<string>>;
  /** Language code → the particles of that language's names (nameParticles). */
  nameParticles: Map<string, Set<string>>;
  /** Month and weekday names of the calendar locales, lower case, NFC, without a period. */
  calendarWords: Set<string>;
}

/**
 * Word lists read during the current synchronous task: createRedactor loads the names lexicon for more than
 * one rule (two lists of lexicon names), and each load reads the same files; after the task the lists are
 * dropped, since the merged lexicons keep the words in compact storage.
 */
const listCache = new Map<string, string[]>();
let listCacheClearing = false;

function readList(file: string, where: string): string[] {
  let words = listCache.get(file);
  if (!words) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new CaregateError('E_LEXICON_READ', `${where}: cannot read word list ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; name a file beside the lexicon`, { file });
    }
    // Lists are stored NFC (the build writes them so); one lower-casing of the whole file is cheap.
    words = text.toLowerCase().split('\n').map((w) => (w.endsWith('\r') ? w.slice(0, -1) : w)).filter(Boolean);
    listCache.set(file, words);
    if (!listCacheClearing) {
      listCacheClearing = true;
      queueMicrotask(() => {
        listCache.clear();
        listCacheClearing = false;
      });
    }
  }
  return words;
}

/** Where a lexicon named by a rule lives: a shipped name ("names") or a path to a JSON file. */
export function lexiconPath(name: string): string {
  if (/[\\/]|\.json$/.test(name)) return isAbsolute(name) ? name : resolve(name);
  return `${LEXICONS_DIR}${name}.json`;
}

export function readLexiconFile<T>(name: string, where: string): { data: T; file: string } {
  const file = lexiconPath(name);
  let data: T;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (err) {
    throw new CaregateError('E_LEXICON_READ', `${where}: cannot load lexicon "${name}" (${file}): ${(err as Error).message}; name a shipped lexicon (rules/lexicons/*.json) or a JSON file`, { file });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new CaregateError('E_LEXICON_SHAPE', `${where}: lexicon ${file} must hold a JSON object`, { file });
  }
  return { data, file };
}

const lower = (words: readonly string[] | undefined) => (words ?? []).map((w) => w.normalize('NFC').toLowerCase().trim()).filter(Boolean);
const strings = (v: unknown, file: string, key: string): string[] | undefined => {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.some((w) => typeof w !== 'string')) {
    throw new CaregateError('E_LEXICON_SHAPE', `lexicon ${file}: "${key}" must be a list of strings`, { file, pointer: `/${key}` });
  }
  return v as string[];
};

/** Reads a language word list file (`{ "languages": { code: [words] } }`) into the lexicon. */
function readLanguageWords(lex: NameLexicon, file: string, where: string): void {
  const { data } = readLexiconFile<{ languages?: Record<string, unknown> }>(file, where);
  for (const [lang, words] of Object.entries(data.languages ?? {})) {
    const ranks = lex.languageWords.get(lang) ?? new Map<string, number>();
    for (const w of lower(strings(words, file, `languages/${lang}`))) if (!ranks.has(w)) ranks.set(w, ranks.size);
    lex.languageWords.set(lang, ranks);
  }
}

/** The month and weekday names of a locale, long and short, standalone and in a date, from the runtime's CLDR data (Intl). */
export function calendarNames(locale: string): string[] {
  const out = new Set<string>();
  const take = (opts: Intl.DateTimeFormatOptions, dates: Date[], part: 'month' | 'weekday') => {
    let f: Intl.DateTimeFormat;
    try {
      f = new Intl.DateTimeFormat([locale], { ...opts, timeZone: 'UTC' });
    } catch {
      return;
    }
    for (const d of dates) for (const p of f.formatToParts(d)) if (p.type === part) for (const w of p.value.split(/\s+/)) {
      const k = w.normalize('NFC').toLowerCase().replace(/\.$/, '');
      if (/^[\p{L}\p{M}]{3,}$/u.test(k)) out.add(k);
    }
  };
  const months = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2021, m, 15)));
  const days = Array.from({ length: 7 }, (_, d) => new Date(Date.UTC(2021, 1, 1 + d)));
  for (const month of ['long', 'short'] as const) {
    take({ month }, months, 'month');
    take({ month, day: 'numeric' }, months, 'month');
  }
  for (const weekday of ['long', 'short'] as const) take({ weekday }, days, 'weekday');
  return [...out];
}

const merged = new Map<string, NameLexicon>();

/** Loads and merges names lexicons (shipped names or JSON paths), once per list of names. */
export function loadNameLexicon(names: readonly string[], where: string): NameLexicon {
  const key = names.join('\u0000');
  const hit = merged.get(key);
  if (hit) return hit;
  const lex: NameLexicon = {
    distinctive: new Set(), commonNames: new Set(), wordNames: new Set(), commonWords: new Set(), notNames: new Set(), titles: new Set(),
    particles: new Set(), roles: new Set(), fieldLabels: new Set(), nameFields: new Set(), placeWords: new Set(), companyForms: new Set(), orgJoiners: new Set(), personJoiners: new Set(), pluralVerbs: new Set(), complementisers: new Set(), signoffPrepositions: new Set(), articles: new Set(), auxiliaries: new Set(), personVerbs: new Set(),
    cues: { intro: [], soft: [], lowercase: [], lowercaseWeak: [], lineBefore: [], after: [] }, questions: [], answerFillers: [], otherScripts: [],
    notPersons: Object.fromEntries(NOT_PERSON_LISTS.map((k) => [k, new Set<string>()])) as Record<NotPersonList, Set<string>>,
    languageWords: new Map(), functionWordRank: 0, nounCapitalising: new Set(), compounding: new Set(), honorifics: new Map(), nameParticles: new Map(), calendarWords: new Set(),
  };
  for (const name of names) {
    const { data, file } = readLexiconFile<NameLexiconFile>(name, where);
    const dir = dirname(file);
    const list = (k: string, v: unknown) => strings(v, file, k);
    for (const f of list('nameLists/distinctive', data.nameLists?.distinctive) ?? []) for (const w of readList(resolve(dir, f), where)) lex.distinctive.add(w);
    for (const f of list('nameLists/common', data.nameLists?.common) ?? []) for (const w of readList(resolve(dir, f), where)) lex.commonNames.add(w);
    for (const f of list('commonWordLists', data.commonWordLists) ?? []) for (const w of readList(resolve(dir, f), where)) lex.commonWords.add(w);
    const add = (set: Set<string>, k: keyof NameLexiconFile) => lower(list(k, data[k])).forEach((w) => set.add(w.replace(/\.$/, '')));
    add(lex.commonNames, 'commonWordNames');
    add(lex.wordNames, 'commonWordNames');
    add(lex.notNames, 'notNames');
    add(lex.titles, 'titles');
    add(lex.particles, 'particles');
    add(lex.roles, 'roles');
    add(lex.fieldLabels, 'fieldLabels');
    add(lex.nameFields, 'nameFields');
    add(lex.placeWords, 'placeWords');
    add(lex.companyForms, 'companyForms');
    add(lex.orgJoiners, 'orgJoiners');
    add(lex.personJoiners, 'personJoiners');
    add(lex.pluralVerbs, 'pluralVerbs');
    add(lex.complementisers, 'complementisers');
    add(lex.signoffPrepositions, 'signoffPrepositions');
    for (const f of list('placeLists', data.placeLists) ?? []) for (const w of readCountryList(resolve(dir, f), where)) lex.notPersons.places.add(w.toLowerCase());
    for (const k of NOT_PERSON_LISTS) for (const w of lower(list(`notPersons/${k}`, data.notPersons?.[k]))) lex.notPersons[k].add(w);
    add(lex.articles, 'articles');
    add(lex.auxiliaries, 'auxiliaries');
    add(lex.personVerbs, 'personVerbs');
    for (const k of ['intro', 'soft', 'lowercase', 'lowercaseWeak', 'lineBefore', 'after'] as const) lex.cues[k].push(...lower(list(`cues/${k}`, data.cues?.[k])));
    for (const f of list('languageWordLists', data.languageWordLists) ?? []) readLanguageWords(lex, resolve(dir, f), where);
    if (typeof data.functionWordRank === 'number') lex.functionWordRank = Math.max(lex.functionWordRank, data.functionWordRank);
    add(lex.nounCapitalising, 'nounCapitalising');
    add(lex.compounding, 'compounding');
    for (const [lang, words] of Object.entries(data.honorifics ?? {})) {
      const set = lex.honorifics.get(lang.toLowerCase()) ?? new Set<string>();
      for (const w of lower(list(`honorifics/${lang}`, words))) set.add(w.replace(/\.$/, ''));
      lex.honorifics.set(lang.toLowerCase(), set);
    }
    for (const [lang, words] of Object.entries(data.nameParticles ?? {})) {
      const set = lex.nameParticles.get(lang.toLowerCase()) ?? new Set<string>();
      for (const w of lower(list(`nameParticles/${lang}`, words))) set.add(w);
      lex.nameParticles.set(lang.toLowerCase(), set);
    }
    for (const loc of list('calendarLocales', data.calendarLocales) ?? []) for (const w of calendarNames(loc)) lex.calendarWords.add(w);
    lex.questions.push(...lower(list('questions', data.questions)));
    lex.answerFillers.push(...lower(list('answerFillers', data.answerFillers)));
    for (const sc of list('otherScripts', data.otherScripts) ?? []) if (!lex.otherScripts.includes(sc)) lex.otherScripts.push(sc);
  }
  // A word listed as a common-word name is weak even where a name list calls it distinctive.
  for (const w of lex.commonNames) lex.distinctive.delete(w);
  compactLexicon(lex);
  merged.set(key, lex);
  return lex;
}

/** Moves the lexicon's large word sets and language word ranks into compact storage (word-set.ts), in place. */
function compactLexicon(lex: NameLexicon): void {
  const sets = lex as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(sets)) if (v instanceof Set) sets[k] = compactSet(v as Set<string>);
  for (const k of NOT_PERSON_LISTS) lex.notPersons[k] = compactSet(lex.notPersons[k]);
  // Ranks are the order the words were added in (readLanguageWords), which is what a WordIndex maps to.
  for (const [lang, ranks] of lex.languageWords) if (ranks.size >= COMPACT_FROM) lex.languageWords.set(lang, new WordIndex([...ranks.keys()]));
}

import { isLetter, isLower, isUpper } from './letters.js';
import type { NameLexicon } from './lexicon.js';
import type { NameWord } from './runs.js';

/**
 * One capitalised name word with no cue: a name when it stands where a person does in a sentence — its
 * subject at the sentence's or clause's start, with a lower-case word (a verb) after it ("Pedro sacó la
 * mejor nota", "En mai, Adjutor a planté"), or set off by commas after a noun ("Our guide, Jolayemi,
 * took us"). Returns the confidence the slot earns, or 0.
 */
export function loneName(lex: NameLexicon, text: string, w: NameWord): number {
  const kind = nameKind(lex, text, w);
  if (!kind || !nameShaped(text, w.s, w.e)) return 0;
  const before = slotBefore(lex, text, w.s);
  const after = slotAfter(lex, text, w.e);
  // Whose noun: a possessive before a lower-case word inside a sentence ("ended at Nthabiseng's cabin"),
  // not after an article ("the Bugatti's engine").
  if (after === 'verb' && possessive(text, w) && before !== 'start' && !lex.articles.has(wordBefore(text, w.s))) return 0.6;
  if (before === 'none') return 0;
  // A sentence opens with many capitalised words that no list holds ("Parents of…", "Trains to…"), and
  // places, brands and (in German) nouns stand between lower-case words: a word the lists know as a name
  // is a subject at a sentence's or clause's start; a word they do not know is one before an auxiliary
  // verb ("that Bibek had", "Sithembiso ha sacado"), not before another word ("from Butwal til").
  if (after === 'verb' && kind === 'listed' && before !== 'word') return 0.6;
  if (after === 'verb' && (auxiliaryAfter(lex, text, w.e) || possessive(text, w))) return 0.6;
  if (after === 'comma' && before === 'comma') return 0.6;
  return 0;
}

/**
 * Two capitalised name words with no cue: a name when the first is a given name the lists know and no
 * word list holds ("Clifford Ashley", "Inessa Negru"), or, for words no list holds, when they stand
 * where a person does before an auxiliary verb ("that Ousmane Ndaw had"). Returns a confidence or 0.
 */
export function pairName(lex: NameLexicon, text: string, words: readonly NameWord[]): number {
  if (words.length !== 2) return 0;
  const [a, b] = words as [NameWord, NameWord];
  if (!nameShaped(text, a.s, a.e) || !nameShaped(text, b.s, b.e)) return 0;
  if (b.kind !== 'strong' && b.kind !== 'weak' && b.kind !== 'unknown') return 0;
  // After an article or a place word it is a title or a place ("The Pale Loyalty", "en Reino Unido").
  const prev = wordBefore(text, a.s);
  if (lex.articles.has(prev) || lex.placeWords.has(prev)) return 0;
  if (nameKind(lex, text, a) === 'listed' && (b.kind !== 'weak' || nameKind(lex, text, b) === 'listed' || !lex.wordNames.has(text.slice(b.s, b.e).toLowerCase()))) return 0.7;
  if (slotBefore(lex, text, a.s) !== 'none' && slotAfter(lex, text, b.e) === 'verb' && auxiliaryAfter(lex, text, b.e)) return 0.6;
  return 0;
}

/** The word one space before s on its line, lower-cased, or ''. */
function wordBefore(text: string, s: number): string {
  if (text.charCodeAt(s - 1) !== 32) return '';
  let b = s - 1;
  while (b > 0 && s - 1 - b < 16 && isLetter(text.charCodeAt(b - 1))) b--;
  return text.slice(b, s - 1).toLowerCase();
}

/**
 * The word after e (one space on) is an auxiliary or modal verb (had, ist, est, ha) or a verb of saying
 * or doing (said, transferred, sagte, a dit) of the lexicon's languages.
 */
function auxiliaryAfter(lex: NameLexicon, text: string, e: number): boolean {
  let n = e + 1;
  while (n < text.length && n - e < 20 && isLetter(text.charCodeAt(n))) n++;
  const next = text.slice(e + 1, n).toLowerCase();
  return lex.auxiliaries.has(next) || lex.personVerbs.has(next);
}

/** A possessive name before a lower-case noun ("with Chandrakala's mother", "at Nthabiseng's cabin"). */
function possessive(text: string, w: NameWord): boolean {
  const c = text.charCodeAt(w.e - 2);
  return w.e - w.s > 4 && (c === 39 || c === 0x2019) && text.charCodeAt(w.e - 1) === 115;
}

/** A name the lists know that no word list holds, or a word no list holds that is no inflected common word. */
export const listedOrUnknown = (lex: NameLexicon, text: string, w: NameWord): boolean => nameKind(lex, text, w) !== null;

/** A name the lists know that no word list holds (Priyanka, Irene; not Will, Grace, Start). */
export const listedName = (lex: NameLexicon, text: string, w: NameWord): boolean => nameKind(lex, text, w) === 'listed';

/**
 * 'listed' for a name the lists know and no common word (distinctive, or a listed name no word list
 * holds), 'unknown' for a word no list holds, null for the rest (Will, Grace, Start).
 */
function nameKind(lex: NameLexicon, text: string, w: NameWord): 'listed' | 'unknown' | null {
  const key = text.slice(w.s, w.e).toLowerCase().replace(/['’]s$/, '');
  // "Les trains…", "La Toyota…": an article that a list also holds as a name.
  if (lex.particles.has(key) || lex.articles.has(key)) return null;
  if (w.kind === 'strong') return 'listed';
  if (w.kind === 'unknown') return inflected(lex, key) ? null : 'unknown';
  if (w.kind !== 'weak') return null;
  return lex.wordNames.has(key) || lex.commonWords.has(key) ? null : 'listed';
}

/** An inflected common word no list holds as such ("Refunds", "Trains", "Opened", "Running"). */
function inflected(lex: NameLexicon, key: string): boolean {
  for (const end of ['s', 'es', 'ed', 'd', 'ing']) {
    if (key.length > end.length + 2 && key.endsWith(end) && lex.commonWords.has(key.slice(0, -end.length))) return true;
  }
  return false;
}

/** A capital, then at least two lower-case letters (not an acronym, not "Ự"). */
function nameShaped(text: string, s: number, e: number): boolean {
  if (!isUpper(text.charCodeAt(s))) return false;
  let lower = 0;
  for (let i = s + 1; i < e; i++) if (isLower(text.charCodeAt(i))) lower++;
  return lower >= 2;
}

/**
 * What stands before the word on its line: the start of a sentence ('start': a line's start, after . ! ?
 * ; : or a dash of dialogue), a comma ('comma'), a lower-case word one space before that is no article,
 * place word or particle ('word': "that Bibek had"; not "the Bugatti is", "in Iponri"), or else 'none'.
 */
function slotBefore(lex: NameLexicon, text: string, s: number): 'start' | 'comma' | 'word' | 'none' {
  let i = s - 1;
  while (i >= 0 && s - i < 4 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 34 || text.charCodeAt(i) === 0x201c)) i--;
  if (i < 0) return 'start';
  const c = text.charCodeAt(i);
  // A period after a short capitalised word ends an abbreviation, not a sentence ("St. Pölten", "Mt. Kenya").
  if (c === 46 && abbreviation(text, i)) return 'none';
  // A colon opens a clause too ("Mark the request as approved: Okafor is off").
  if (c === 10 || c === 13 || c === 46 || c === 33 || c === 63 || c === 59 || c === 58 || c === 0x2014 || c === 0x2013) return 'start';
  if (c === 44) return i === s - 2 ? 'comma' : 'none';
  if (i !== s - 2 || !isLower(c)) return 'none';
  let b = i;
  while (b > 0 && isLetter(text.charCodeAt(b - 1))) b--;
  if (!isLower(text.charCodeAt(b))) return 'none';
  const word = text.slice(b, i + 1);
  return lex.articles.has(word) || lex.placeWords.has(word) || lex.particles.has(word) || lex.orgJoiners.has(word) ? 'none' : 'word';
}

/** The period at p follows a word of one to three letters starting with a capital. */
function abbreviation(text: string, p: number): boolean {
  let b = p;
  while (b > 0 && p - b < 4 && isLetter(text.charCodeAt(b - 1))) b--;
  return b < p && p - b <= 3 && isUpper(text.charCodeAt(b)) && (b === 0 || !isLetter(text.charCodeAt(b - 1)));
}

/** What follows the word: a lower-case word one space on ('verb'), a comma ('comma'), or else ('none'). */
function slotAfter(lex: NameLexicon, text: string, e: number): 'verb' | 'comma' | 'none' {
  let c = text.charCodeAt(e);
  let comma = false;
  if (c === 44) {
    // Set off by commas, then the sentence goes on in lower case ("…, Jolayemi, took us"): not a list
    // of capitalised names ("Grant, Fritsch and Dach").
    comma = true;
    c = text.charCodeAt(++e);
  }
  if (c !== 32) return 'none';
  if (!isLower(text.charCodeAt(e + 1))) return 'none';
  let n = e + 1;
  while (n < text.length && isLetter(text.charCodeAt(n))) n++;
  // A particle or a joiner after it makes it part of a longer name, a title or a company ("Jordan van",
  // "Costa da", "Cake of the…", "Smith and Sons").
  const next = text.slice(e + 1, n).toLowerCase();
  if (lex.particles.has(next) || lex.orgJoiners.has(next) || lex.placeWords.has(next) || next === 'of') return 'none';
  return comma ? 'comma' : 'verb';
}

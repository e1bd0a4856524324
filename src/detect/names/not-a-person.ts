import { isLetter, isUpper, isLower, isJoiner } from './letters.js';
import { classifyRange } from './classify.js';
import type { NameLexicon } from './lexicon.js';
import type { NameWord } from './runs.js';

/**
 * Capitalised name words that name no person: an organisation (a legal form in or after the run,
 * "Kontoret för …", "Biuro firmy …"), a place (a travel word and a preposition before it, "Trains to …",
 * "w mieście …"; a place's head or tail word, "Lake …", "… do Sul"), a brand ("Aston Martin") or a
 * work's title. The caller asks only when no introduction or title marks a person: those still win.
 * Everything it knows is data (`companyForms` and `notPersons` in rules/lexicons/not-persons.json).
 */
export function notAPerson(lex: NameLexicon, text: string, s: number, e: number, words: readonly NameWord[], soft: boolean, named = false): boolean {
  // After a bare place word ("in", "em", "w") even a run of listed names is a place ("in Pok Fu Lam", "in Choi Ming"): a
  // person after one is marked by a cue, a title, or a word of a name the text gave in full (`named`: "in May Giraud").
  return (
    brand(lex, text, words) || country(lex, text, s, e, words) || companyInRun(lex, text, words) || companyFormAfter(lex, text, formStart(words, e)) ||
    organisationAfter(lex, text, e) || (words.length === 1 && organisationList(lex, text, s, e)) || joinedList(lex, text, words) || listBeforeForm(lex, text, e) || notAPersonSlot(lex, text, s, e, soft || named) ||
    (placeShaped(lex, text, s, e, words) && !postcodeAfter(text, e) && !postcodeBefore(text, s)) || innerSlot(lex, text, e, words) ||
    lex.notPersons.placeAfter.has(nextWord(text, e)) || joinedAfterPreposition(lex, text, words, soft) || titleOfWork(lex, text, e) || namedThing(lex, text, s, words) || workApposition(lex, text, s, e)
  );
}

/** Set off by commas after a work's noun ("Her latest book, Rosy Apparatuss, was …", "The painting, Profitable Thymes, was sold"): its title. */
function workApposition(lex: NameLexicon, text: string, s: number, e: number): boolean {
  if (text.charCodeAt(e) !== 44 || text.charCodeAt(s - 1) !== 32 || text.charCodeAt(s - 2) !== 44) return false;
  let b = s - 2;
  while (b > 0 && s - 2 - b < 16 && isLetter(text.charCodeAt(b - 1))) b--;
  return b < s - 2 && lex.notPersons.workCues.has(text.slice(b, s - 2).toLowerCase());
}

/** " of " and an article, then a capital, after the run: a work's title ("Yeast of the Devil", "Peony of the Dream"), not "Jones of Damak". */
function titleOfWork(lex: NameLexicon, text: string, e: number): boolean {
  if (!text.startsWith(' of ', e)) return false;
  let k = e + 4;
  while (k < text.length && k - e < 12 && isLower(text.charCodeAt(k))) k++;
  return k > e + 4 && text.charCodeAt(k) === 32 && isUpper(text.charCodeAt(k + 1)) && lex.notPersons.articles.has(text.slice(e + 4, k));
}

/**
 * A capitalised word that is no name between an article and the run, the run ending in a common word: the
 * name of a thing ("the Handcrafted Granite Car", "the Awesome Silk Table"; not "Der Antragsteller Inga Baumann").
 */
function namedThing(lex: NameLexicon, text: string, s: number, words: readonly NameWord[]): boolean {
  const last = words[words.length - 1]!;
  const tail = text.slice(last.s, last.e).toLowerCase();
  if (!lex.commonWords.has(tail) || lex.wordNames.has(tail)) return false;
  const [w1, w2] = wordsBefore(text, s, 2);
  if (!w1 || !w2 || !lex.notPersons.articles.has(w2)) return false;
  const b = wordStartBefore(text, s);
  if (!isUpper(text.charCodeAt(b))) return false;
  const kind = classifyRange(lex, text, b, b + w1.length);
  return kind === 'common' || kind === 'not' || kind === 'unknown';
}

/**
 * Names joined by a firm's joiner right after a bare preposition, with no cue ("trabalha na Baptista e Mota",
 * "se incorporó a Cantú Ramírez y Espino Mares", "entrar en Botello Fernández y Bañuelos Leyva"): a firm named
 * after its partners. People named together stand as a subject or after a verb or a cue ("with", "from");
 * initials mark people ("a A. Silva e B. Costa").
 */
function joinedAfterPreposition(lex: NameLexicon, text: string, words: readonly NameWord[], soft: boolean): boolean {
  if (soft || words.length < 3) return false;
  let k = -1;
  for (let i = 1; i < words.length - 1; i++) {
    const w = words[i]!;
    if (w.kind === 'particle' && lex.orgJoiners.has(text.slice(w.s, w.e))) {
      k = i;
      break;
    }
  }
  if (k < 0 || k > 3 || words.length - k - 1 > 3) return false;
  if (words.some((w) => w.kind === 'initial')) return false;
  const first = words[0]!.s;
  const [before] = wordsBefore(text, first, 1);
  if (before === undefined) return false;
  if (!lex.notPersons.firmPrepositions.has(before) && !(pairedSurnames(words, k) && firmClause(lex, text, first, before))) return false;
  // Written in lower case, right before the run on its line.
  let b = first - 1;
  while (b > 0 && text.charCodeAt(b) === 32) b--;
  return isLower(text.charCodeAt(b - before.length + 1));
}

/**
 * Two partners each written with two family names inside a clause, two lower-case words before them: a firm
 * ("lo publicó Montenegro Paredes y Mendoza Yáñez"), unless a preposition that marks people stands right before
 * them ("conocí a Ana García y Pedro López") and no word whose object is a firm precedes it ("reclama daños a
 * Camarillo Koenig y Frías Mota", "se incorporó a …"). After a capitalised opener the pair is addressed
 * ("Enhorabuena a Ana Ruiz y Eva Gil"). Both word lists are data (`notPersons` in rules/lexicons/not-persons.json).
 */
function firmClause(lex: NameLexicon, text: string, s: number, before: string): boolean {
  if (!midClause(text, s)) return false;
  if (!lex.notPersons.personPrepositions.has(before)) return true;
  const [, verb] = wordsBefore(text, s, 2);
  return verb !== undefined && lex.notPersons.firmVerbs.has(verb);
}

/** The two words before s are lower-case words on s's line ("lo publicó …", "reclama daños a …"). */
function midClause(text: string, s: number): boolean {
  let i = s - 1;
  for (let n = 0; n < 2; n++) {
    while (i >= 0 && text.charCodeAt(i) === 32) i--;
    if (i < 0 || !isLower(text.charCodeAt(i))) return false;
    while (i >= 0 && isLetter(text.charCodeAt(i))) i--;
    if (!isLower(text.charCodeAt(i + 1))) return false;
    if (i >= 0 && text.charCodeAt(i) !== 32) return false;
  }
  return true;
}

/** At least two name words on each side of the joiner at k, no particle but "de" among them. */
function pairedSurnames(words: readonly NameWord[], k: number): boolean {
  let left = 0;
  let right = 0;
  for (let i = 0; i < words.length; i++) {
    if (i === k || words[i]!.kind === 'particle') continue;
    if (i < k) left++;
    else right++;
  }
  return left >= 2 && right >= 2;
}

/**
 * What stands before s says organisation or place, for words of any script: the end of a legal form
 * ("A/S i …"), an organisation's noun, a travel word and a place preposition ("Trains to", "Volamos de"),
 * or a place word ("in", "em") unless a soft cue ("from", "to") may also introduce a person there.
 */
export function notAPersonSlot(lex: NameLexicon, text: string, s: number, e: number, soft: boolean): boolean {
  const before = wordsBefore(text, s, 3);
  return afterSlash(text, s) || organisationSlot(lex, before) || placeSlot(lex, before, soft, text, wordStartBefore(text, s)) || thingSlot(lex, before, nextWord(text, e));
}

/**
 * Where the name starts in a run opening a sentence (or following an article) with a word no list knows as
 * a name, then particles ("Zeugenaussage von Rico Lischka", "Voámos de Montijo"): after them, or 0.
 */
export function leadingNoun(lex: NameLexicon, text: string, words: readonly NameWord[]): number {
  const first = words[0]!;
  if (words.length < 2) return 0;
  let k = 1;
  while (k < words.length && words[k]!.kind === 'particle') k++;
  if (k >= words.length) return 0;
  // After an article the first word is a noun, with or without a particle ("die Doktorarbeit von Kim K.
  // Lichtenhagen", "Der Antragsteller Inga Baumann", "im Roman von Rahn": Roman is a name elsewhere).
  const [before] = wordsBefore(text, first.s, 1);
  const rest = words.slice(k);
  // A common word that is a surname too reads as the word in a heading a colon closes ("Rapport van Eva
  // Devos:", "Bulletin de … :"); elsewhere it may be a given name ("Job de Lange").
  const heading = headingAfter(text, words[words.length - 1]!.e);
  const commonWord = first.kind === 'common' || (heading && first.kind === 'weak' && lex.commonWords.has(text.slice(first.s, first.e).toLowerCase()) && !lex.wordNames.has(text.slice(first.s, first.e).toLowerCase()));
  const noun = first.kind === 'unknown' || commonWord;
  if (!noun && !(k > 1 && before !== undefined && lex.notPersons.articles.has(before))) return 0;
  if (before !== undefined && lex.notPersons.articles.has(before)) {
    // Without a particle only before listed names ("The Smug Bathrobe", "the Tasty Granite Gloves" are titles).
    if (k > 1 || (rest.length >= 2 && rest.some((w) => w.kind === 'strong') && !rest.some((w) => w.kind === 'unknown'))) return k;
    return 0;
  }
  // Opening a sentence, it needs a particle and, unless it is a common word, two name words after it:
  // "Noë de Haan" is a given name and a surname.
  // One name word after a word no list holds is a name's end only when a colon closes it, a heading ("Boletim de Lorenzo:").
  if (k === 1 || (first.kind === 'unknown' && rest.length < 2 && !heading)) return 0;
  let b = first.s - 1;
  while (b >= 0 && (text.charCodeAt(b) === 32 || text.charCodeAt(b) === 9)) b--;
  const c = b < 0 ? 10 : text.charCodeAt(b);
  // A line's start, or a sentence's end with a space after it ("P.Rascón de Granados" follows an initial).
  const spaced = b < first.s - 1;
  return c === 10 || c === 13 || (spaced && (c === 46 || c === 33 || c === 63)) ? k : 0;
}

/** A colon right after e, a space allowed before it ("Bulletin de Huguenin :"). */
function headingAfter(text: string, e: number): boolean {
  return text.charCodeAt(e) === 58 || (text.charCodeAt(e) === 32 && text.charCodeAt(e + 1) === 58);
}

/**
 * A country's name (countries.txt). One word the name lists hold, often a given name too in some language
 * ("Malte", "Maurice", "Guadalupe"), is a place only after a preposition ("en France", "to Jordan").
 */
function country(lex: NameLexicon, text: string, s: number, e: number, words: readonly NameWord[]): boolean {
  if (!lex.notPersons.places.has(text.slice(s, e).toLowerCase().normalize('NFC'))) return false;
  // A country's name no name list holds ("İspanya", "Řecko") is a place wherever it stands: Turkish and Czech say "in" with an ending or a noun.
  if (words.length > 1 || words[0]!.kind === 'unknown' || words[0]!.kind === 'common') return true;
  const [w1] = wordsBefore(text, s, 1);
  return w1 !== undefined && (lex.notPersons.placePrepositions.has(w1) || lex.placeWords.has(w1) || lex.notPersons.placeIn.has(w1));
}

/** A postcode or house number after the run, a region code allowed before it ("St Kilda 3349", "West Magnoliaburgh, NE 09742"): a city line. */
function postcodeAfter(text: string, e: number): boolean {
  let i = e;
  while (i < text.length && i - e < 3 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 44)) i++;
  if (isUpper(text.charCodeAt(i)) && isUpper(text.charCodeAt(i + 1)) && text.charCodeAt(i + 2) === 32) i += 3;
  const c = text.charCodeAt(i);
  return (c >= 48 && c <= 57) || (isUpper(c) && ((text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57) || (isUpper(text.charCodeAt(i + 1)) && text.charCodeAt(i + 2) >= 48 && text.charCodeAt(i + 2) <= 57)));
}

/** A word with a digit right before the run ("CV4 0YH Little Parisian-Huelsington"): the city of a city line. */
function postcodeBefore(text: string, s: number): boolean {
  let i = s - 1;
  while (i >= 0 && s - i < 3 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 44)) i--;
  for (let k = i; k >= 0 && i - k < 8 && text.charCodeAt(k) !== 32 && text.charCodeAt(k) !== 10; k--) if (text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) return i < s - 1;
  return false;
}

/** A word no list knows, a particle, then what follows is in a place slot ("Voámos de Montijo", "Volamos de Gómez Palacio"). */
function innerSlot(lex: NameLexicon, text: string, e: number, words: readonly NameWord[]): boolean {
  if (words.length < 3 || (words[0]!.kind !== 'unknown' && words[0]!.kind !== 'common') || words[1]!.kind !== 'particle') return false;
  let k = 1;
  while (k < words.length && words[k]!.kind === 'particle') k++;
  return k < words.length && placeSlot(lex, wordsBefore(text, words[k]!.s, 3), true, text, wordStartBefore(text, words[k]!.s));
}

/** A word for "in" ("in", "em", "w"), or a preposition after a travel word or a place word ("Trains to", "nacida en", "vecina de"). */
function placeSlot(lex: NameLexicon, [w1, w2, w3]: string[], soft: boolean, text: string, at: number): boolean {
  if (!w1) return false;
  const cues = lex.notPersons.placeCues;
  // One-letter words ("w", "v") only in lower case: "کمال W راجپوت" holds an initial.
  if (cues.has(w1) || (!soft && lex.notPersons.placeIn.has(w1) && (w1.length > 1 || isLower(text.charCodeAt(at))))) return true;
  if (!lex.notPersons.placePrepositions.has(w1) && !lex.placeWords.has(w1)) return false;
  return (w2 !== undefined && (cues.has(w2) || lex.placeWords.has(w2))) || (w3 !== undefined && cues.has(w3));
}

/**
 * A thing's slot: an article before the run ("the Ford", "Die Züge", "des Sturms"; not a name's particles,
 * "von der Leyen"; not the author before a work's noun, "the Christiansen novel"), a work's noun right
 * before it ("the novel …"), or a product's, alone or with a short link word ("Tickets for …", "Karten für …").
 */
function thingSlot(lex: NameLexicon, [w1, w2]: string[], after: string): boolean {
  if (!w1) return false;
  const { articles, workCues, productCues } = lex.notPersons;
  // "Unlike the Christiansen novel": the author of the work after the run.
  if (articles.has(w1) && !(lex.particles.has(w1) && w2 !== undefined && lex.particles.has(w2))) return !workCues.has(after);
  return workCues.has(w1) || productCues.has(w1) || (w1.length <= 4 && w2 !== undefined && productCues.has(w2));
}

/** Where the word before s (one or two spaces back) starts. */
function wordStartBefore(text: string, s: number): number {
  let g = s;
  while (g > 0 && s - g < 3 && (text.charCodeAt(g - 1) === 32 || text.charCodeAt(g - 1) === 9)) g--;
  while (g > 0 && isLetter(text.charCodeAt(g - 1))) g--;
  return g;
}

/** The lower-cased words before s on its line, nearest first (an elided article dropped: "L'ufficio" → "ufficio", "all'Università" → "università"). */
export function wordsBefore(text: string, s: number, count: number): string[] {
  const out: string[] = [];
  let i = s;
  while (out.length < count) {
    let g = i;
    while (g > 0 && i - g < 3 && (text.charCodeAt(g - 1) === 32 || text.charCodeAt(g - 1) === 9)) g--;
    if (g === i && out.length) break;
    let b = g;
    while (b > 0 && g - b < 24 && (isLetter(text.charCodeAt(b - 1)) || (isJoiner(text.charCodeAt(b - 1)) && b > 1 && isLetter(text.charCodeAt(b - 2))))) b--;
    if (b === g) break;
    let w = text.slice(b, g).toLowerCase();
    const apo = Math.max(w.lastIndexOf("'"), w.lastIndexOf('’'));
    if (apo > 0 && apo <= 4) w = w.slice(apo + 1);
    out.push(w);
    i = b;
  }
  return out;
}

/** A brand that is the whole run, or all of it after an article ("McDonald's", "La Aston Martin"). */
function brand(lex: NameLexicon, text: string, words: readonly NameWord[]): boolean {
  const brands = lex.notPersons.brands;
  if (!brands.size) return false;
  // The brand ends the run; one short word before it is an article ("La", "De", "O"), a longer one a given name ("Félix Renault").
  const last = words[words.length - 1]!.e;
  const first = words[0]!;
  if (brands.has(text.slice(first.s, last).toLowerCase())) return true;
  return words.length >= 2 && words.length <= 4 && first.e - first.s <= 3 && first.kind !== 'strong' && brands.has(text.slice(words[1]!.s, last).toLowerCase());
}

/** A legal form inside the run or right after it ("Johns Partners", "Blom Dagligvarer ApS"). */
export function legalForm(lex: NameLexicon, text: string, words: readonly NameWord[]): boolean {
  return companyInRun(lex, text, words) || companyFormAfter(lex, text, formStart(words, words[words.length - 1]!.e));
}

/** A legal form inside the run ("Persson Group i …", "Blom Dagligvarer ApS"): three letters or more, or written in capitals. */
function companyInRun(lex: NameLexicon, text: string, words: readonly NameWord[]): boolean {
  // A legal form alone is the end of a firm's name ("Johns" + "Partners reported …").
  for (let k = words.length === 1 ? 0 : 1; k < words.length; k++) {
    const w = words[k]!;
    const key = formKey(text.slice(w.s, w.e));
    if (!lex.companyForms.has(key)) continue;
    if (key.length >= 3 || allCapitals(text, w.s, w.e)) return true;
  }
  return false;
}

/**
 * Where a legal form after the run may start: at its trailing initials ("Perea Gallardo S." + "L.", "Damm Sport A" + "/S"),
 * else after its last word (a cue may have stretched e over a common word: "Johns Partners reported").
 */
function formStart(words: readonly NameWord[], e: number): number {
  let k = words.length;
  while (k > 1 && words[k - 1]!.kind === 'initial') k--;
  return k < words.length ? words[k]!.s : Math.min(e, words[words.length - 1]!.e);
}

/**
 * A legal form right after `at` (a comma and spaces allowed before it), written with capitals or with dots
 * and slashes ("S.A.", "A/S", "s.r.l.", "sp. z o.o.", "GmbH"), or after a joiner ("and Sons", "e figli", "& Co").
 */
function companyFormAfter(lex: NameLexicon, text: string, at: number): boolean {
  let i = at;
  if (text.charCodeAt(i) === 44) i++;
  while (i < text.length && i - at < 3 && text.charCodeAt(i) === 32) i++;
  if (!isLetter(text.charCodeAt(i)) && text.charCodeAt(i) !== 38) return false;
  if (formAt(lex, text, i)) return true;
  // a joiner, then the form ("and Sons", "e Hijos", "& Co")
  let j = i;
  while (j < text.length && j - i < 5 && (isLetter(text.charCodeAt(j)) || text.charCodeAt(j) === 38)) j++;
  if (j === i || !lex.orgJoiners.has(text.slice(i, j).toLowerCase()) || text.charCodeAt(j) !== 32) return false;
  return formAt(lex, text, j + 1, true);
}

/** A legal form of up to three dotted segments at i, followed by no letter or digit ("SA20 97OV" is an IBAN). */
function formAt(lex: NameLexicon, text: string, i: number, joined = false): boolean {
  let key = '';
  let marked = isUpper(text.charCodeAt(i));
  let dotted = false;
  let j = i;
  for (let seg = 0; seg < 3; seg++) {
    let k = j;
    while (k < text.length && k - i < 16) {
      const c = text.charCodeAt(k);
      if (isLetter(c) || c === 38) k++;
      else if (c === 46 || c === 47) {
        marked = true;
        dotted = true;
        k++;
      } else break;
    }
    if (k === j) break;
    key += text.slice(j, k);
    const norm = formKey(key);
    // Two letters without dots must be capitals ("AS", "AB") or follow a joiner ("& Co"): "Me Buch", "Ek" are names.
    const c = text.charCodeAt(k);
    if (norm && lex.companyForms.has(norm) && marked && !isLetter(c) && !(c >= 48 && c <= 57)) return norm.length > 2 || dotted || joined || allCapitals(text, i, k);
    // "sp. z o.o.": a dotted segment may go on after one space.
    if (text.charCodeAt(k - 1) !== 46 || text.charCodeAt(k) !== 32) break;
    j = k + 1;
  }
  return false;
}

const formKey = (w: string) => w.toLowerCase().replace(/[./\s]/g, '');

/** The run starts right after a slash glued to one letter ("A/S i Høng"): the end of a legal form, not a street corner ("Sandy Lane/Cedar Close"). */
function afterSlash(text: string, s: number): boolean {
  return s >= 2 && text.charCodeAt(s - 1) === 47 && isLetter(text.charCodeAt(s - 2)) && !isLetter(text.charCodeAt(s - 3));
}

/** An organisation's noun before the run, alone or with a link word ("hotel …", "Kontoret för …", "La oficina de …"). */
function organisationSlot(lex: NameLexicon, [w1, w2]: string[]): boolean {
  const org = lex.notPersons.organisationWords;
  if (!w1) return false;
  if (org.has(w1)) return true;
  return w2 !== undefined && lex.notPersons.organisationLinks.has(w1) && org.has(w2);
}

/**
 * A place's head before or at the run's start ("Lake Darrion", "Upper Hodkiewicz Common", "San José") or
 * its tail at the run's end or after it ("… Common", "Júlio do Sul"), for runs of two words or more, or a
 * capitalised head word right before the run.
 */
function placeShaped(lex: NameLexicon, text: string, s: number, e: number, words: readonly NameWord[]): boolean {
  const heads = lex.notPersons.placeHeads;
  const tails = lex.notPersons.placeTails;
  const key = (w: NameWord) => text.slice(w.s, w.e).toLowerCase().replace(/\.$/, '');
  if (words.length >= 2 && (heads.has(key(words[0]!)) || tails.has(key(words[words.length - 1]!)))) return true;
  // A head right before the run, or before a particle before it ("Ciudad del Carmen").
  const [before, second] = wordsBefore(text, s, 2);
  if (before && heads.has(before) && capitalBefore(text, s)) return true;
  if (second && lex.particles.has(before!) && heads.has(second)) return true;
  const after = wordAfter(text, e);
  return after !== '' && tails.has(after);
}

/** An organisation's noun right after the run ("the Levoča office", "Hauck Hotel"). */
function organisationAfter(lex: NameLexicon, text: string, e: number): boolean {
  return lex.notPersons.organisationWords.has(nextWord(text, e));
}

/** The word one space after e, lower-cased, or ''. */
function nextWord(text: string, e: number): string {
  if (text.charCodeAt(e) !== 32) return '';
  let k = e + 1;
  while (k < text.length && k - e < 24 && isLetter(text.charCodeAt(k))) k++;
  return text.slice(e + 1, k).toLowerCase();
}

/**
 * One name word in a list that names a firm: joined to another single capitalised word by a spaced dash
 * ("Conn - Corkery"), or the first of three or more single words ("Horne, Fuller and Keith"). Checked after
 * soft cues too ("produced by …"): people listed so are written with given names.
 */
function organisationList(lex: NameLexicon, text: string, s: number, e: number): boolean {
  const word = (at: number) => {
    let k = at;
    while (k < text.length && (isLetter(text.charCodeAt(k)) || (isJoiner(text.charCodeAt(k)) && isLetter(text.charCodeAt(k + 1))))) k++;
    return k;
  };
  const dash = (at: number) => text.charCodeAt(at) === 32 && (text.charCodeAt(at + 1) === 45 || text.charCodeAt(at + 1) === 0x2013) && text.charCodeAt(at + 2) === 32;
  // The word after the dash may start with particles ("Meijer - van Veen", "Hermans - van der Berg").
  if (dash(e) && isUpper(text.charCodeAt(afterParticles(lex, text, e + 3)))) return true;
  s = beforeParticles(lex, text, s);
  if (s >= 4 && dash(s - 3) && isLetter(text.charCodeAt(s - 4))) {
    // The word before the dash is capitalised ("Smyth - Johnston"); "refund - Jerrell (T1)" signs a note.
    let b = s - 4;
    while (b > 0 && isLetter(text.charCodeAt(b - 1))) b--;
    if (isUpper(text.charCodeAt(b))) return true;
  }
  // The last of "A, B and C" ("Pillai, Ahluwalia and Devar reported …").
  if (lastOfList(lex, text, s)) return true;
  // The middle of "A, B and C" ("Oliveira, Moraes e Silva"): one capitalised word and a comma before it, a joiner and a capitalised word after it.
  if (s >= 3 && text.charCodeAt(s - 1) === 32 && text.charCodeAt(s - 2) === 44 && isLetter(text.charCodeAt(s - 3))) {
    let b = s - 3;
    while (b > 0 && s - b < 28 && (isLetter(text.charCodeAt(b - 1)) || (isJoiner(text.charCodeAt(b - 1)) && isLetter(text.charCodeAt(b - 2))))) b--;
    const single = !(b >= 2 && text.charCodeAt(b - 1) === 32 && isLetter(text.charCodeAt(b - 2)) && isUpper(text.charCodeAt(wordStart(text, b - 2))));
    if (isUpper(text.charCodeAt(b)) && single && text.charCodeAt(e) === 32) {
      const j = word(e + 1);
      if (j > e + 1 && lex.orgJoiners.has(text.slice(e + 1, j).toLowerCase()) && text.charCodeAt(j) === 32 && isUpper(text.charCodeAt(j + 1))) return true;
    }
  }
  // "A, B and C": commas between single words, then a joiner word before the last one.
  let i = e;
  let items = 1;
  for (let n = 0; n < 6; n++) {
    if (text.charCodeAt(i) === 44 && text.charCodeAt(i + 1) === 32 && isUpper(text.charCodeAt(i + 2))) {
      i = word(i + 2);
      items++;
      continue;
    }
    if (text.charCodeAt(i) !== 32) break;
    const j = word(i + 1);
    if (j === i + 1 || !lex.orgJoiners.has(text.slice(i + 1, j).toLowerCase()) || text.charCodeAt(j) !== 32 || !isUpper(text.charCodeAt(j + 1))) break;
    return items + 1 >= 3;
  }
  return false;
}

/** Two single words that a joiner read as a particle holds in the run ("Moraes e Silva"), the first in a list that names a firm ("Oliveira, Moraes e Silva"). */
function joinedList(lex: NameLexicon, text: string, words: readonly NameWord[]): boolean {
  if (words.length !== 3 || words[1]!.kind !== 'particle' || !lex.orgJoiners.has(text.slice(words[1]!.s, words[1]!.e))) return false;
  return organisationList(lex, text, words[0]!.s, words[0]!.e);
}

/** Past lower-case particles and their spaces from i ("van der Berg" → at "Berg"). */
function afterParticles(lex: NameLexicon, text: string, i: number): number {
  for (let n = 0; n < 3 && isLower(text.charCodeAt(i)); n++) {
    let k = i;
    while (k < text.length && k - i < 8 && isLetter(text.charCodeAt(k))) k++;
    if (!lex.particles.has(text.slice(i, k)) || text.charCodeAt(k) !== 32) return i;
    i = k + 1;
  }
  return i;
}

/** Back over lower-case particles before s ("van " + "Veen" → at "van"). */
function beforeParticles(lex: NameLexicon, text: string, s: number): number {
  for (let n = 0; n < 3 && s >= 2 && text.charCodeAt(s - 1) === 32; n++) {
    let b = s - 1;
    while (b > 0 && s - 1 - b < 8 && isLower(text.charCodeAt(b - 1))) b--;
    if (b === s - 1 || !lex.particles.has(text.slice(b, s - 1)) || (b > 0 && isLetter(text.charCodeAt(b - 1)))) return s;
    s = b;
  }
  return s;
}

/** Where the word ending at i (inclusive) starts. */
function wordStart(text: string, i: number): number {
  let b = i;
  while (b > 0 && isLetter(text.charCodeAt(b - 1))) b--;
  return b;
}

/**
 * The run is the first of a list of names that a legal form closes ("Jaimes Herrera, Meraz Meza y Escalante
 * Armijo Asociados", "Hauck, Lind & Kub LLC"): items of one to three capitalised words after commas and a
 * joiner, then the form.
 */
function listBeforeForm(lex: NameLexicon, text: string, e: number): boolean {
  let i = e;
  let joined = false;
  for (let items = 0; items < 5 && !joined; items++) {
    // ", " or " y " between items; the joiner before the last one.
    if (text.charCodeAt(i) === 44 && text.charCodeAt(i + 1) === 32) i += 2;
    else if (text.charCodeAt(i) === 32) {
      let j = i + 1;
      while (j < text.length && j - i < 5 && (isLetter(text.charCodeAt(j)) || text.charCodeAt(j) === 38)) j++;
      if (j === i + 1 || !lex.orgJoiners.has(text.slice(i + 1, j).toLowerCase()) || text.charCodeAt(j) !== 32) return false;
      i = j + 1;
      joined = true;
    } else return false;
    // One to three capitalised words (joined by hyphens or apostrophes) make an item.
    let words = 0;
    while (words < 3 && isUpper(text.charCodeAt(i))) {
      let k = i;
      while (k < text.length && k - i < 24 && (isLetter(text.charCodeAt(k)) || (isJoiner(text.charCodeAt(k)) && isLetter(text.charCodeAt(k + 1))))) k++;
      words++;
      if (text.charCodeAt(k) === 32 && isUpper(text.charCodeAt(k + 1)) && !(joined && formAt(lex, text, k + 1))) i = k + 1;
      else {
        i = k;
        break;
      }
    }
    if (!words) return false;
  }
  return joined && text.charCodeAt(i) === 32 && formAt(lex, text, i + 1);
}

/** Before s: a joiner, one capitalised word, a comma and another capitalised word ("Crooks, Ruecker and " + run). */
function lastOfList(lex: NameLexicon, text: string, s: number): boolean {
  let j = s - 1;
  if (text.charCodeAt(j) !== 32) return false;
  let b = j;
  while (b > 0 && j - b < 5 && (isLetter(text.charCodeAt(b - 1)) || text.charCodeAt(b - 1) === 38)) b--;
  if (b === j || !lex.orgJoiners.has(text.slice(b, j).toLowerCase()) || text.charCodeAt(b - 1) !== 32) return false;
  // The item before the joiner: one capitalised word (hyphens and apostrophes inside), then ", " and another.
  const item = (end: number) => {
    let k = end;
    while (k > 0 && end - k < 24 && (isLetter(text.charCodeAt(k - 1)) || (isJoiner(text.charCodeAt(k - 1)) && isLetter(text.charCodeAt(k - 2))))) k--;
    return k < end && isUpper(text.charCodeAt(k)) ? k : -1;
  };
  const b1 = item(b - 1);
  if (b1 < 2 || text.charCodeAt(b1 - 1) !== 32 || text.charCodeAt(b1 - 2) !== 44) return false;
  const b2 = item(b1 - 2);
  return b2 >= 0 && (b2 === 0 || !isLetter(text.charCodeAt(b2 - 1)));
}

function capitalBefore(text: string, s: number): boolean {
  let i = s - 1;
  while (i > 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 46)) i--;
  while (i > 0 && isLetter(text.charCodeAt(i - 1))) i--;
  return isUpper(text.charCodeAt(i));
}

/** The capitalised word one space after e, lower-cased, or ''. */
function wordAfter(text: string, e: number): string {
  if (text.charCodeAt(e) !== 32 || !isUpper(text.charCodeAt(e + 1))) return '';
  let k = e + 1;
  while (k < text.length && k - e < 24 && isLetter(text.charCodeAt(k))) k++;
  return text.slice(e + 1, k).toLowerCase();
}

function allCapitals(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (isLower(text.charCodeAt(i))) return false;
  return true;
}

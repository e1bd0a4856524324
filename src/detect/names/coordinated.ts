import type { ScanContext } from '../candidate.js';
import { classifyRange } from './classify.js';
import { isCaseless, isLetter, isLower, isUpper, startsWord } from './letters.js';
import { offerScored } from './offer.js';
import { leadingNoun, legalForm, notAPersonSlot } from './not-a-person.js';
import type { NamesRule } from './plan.js';
import { readRun, type NameWord } from './runs.js';
import { cueBefore } from './cues.js';
import { trieSource } from './trie.js';
import { languageAt, wordOf } from './language.js';

/** How many names one call chains from its seeds ("Anna, Ben and Cleo" offers at most this many more). */
const MAX_CHAIN = 64;

/**
 * Two people named together: a name found (by any cue or the lists) joined by a word of `personJoiners`
 * (and, et, und, y, e, og, och, ve…) to a run of name-like words makes that run a person too, before or
 * after it, in any case and script ("Fermin and cesar are bringing", "Leana und Laurenz Plass",
 * "Alda and خدیجہ's place", "mellie gerhold and Ephraim"). The seeds are the offers this call made for
 * the rule (from index `from` of ctx.out); a run offered here is a seed in turn. A neighbour is read on
 * the seed's line only, within the reach the other passes read (a stream finds what one pass finds).
 */
export function coordinatedFrom(ctx: ScanContext, r: NamesRule, from: number): void {
  const text = ctx.text;
  let chained = 0;
  for (let k = from; k < ctx.out.length && chained < MAX_CHAIN; k++) {
    const c = ctx.out[k]!;
    if (c.rule !== r.rule) continue;
    const s = c.start - ctx.base;
    const e = c.end - ctx.base;
    if (s < 0 || e > text.length) continue;
    // A name written in lower case ("ama and ernestina's place") or in a script without case lets lower-case
    // words join it; a capitalised one does not ("la vivienda sita en Travesía…").
    const lower = !isUpper(text.charCodeAt(s));
    // One word found by what follows it alone ("Wiafe reported"), which firms share: what joins it must be a name the lists know.
    const weak = !lower && !text.slice(s, e).includes(' ') && cueBefore(r.cues, text, s) === null;
    const after = rightNeighbour(r, text, e, lower, weak);
    if (after && !covered(ctx, from, after)) {
      if (offerScored(ctx, r.rule, after[0], after[1], 0.7, ['joined to a name'])) chained++;
    }
    const before = leftNeighbour(r, text, s, lower, weak);
    if (before && !covered(ctx, from, before) && !endsOffer(ctx, from, before)) {
      if (offerScored(ctx, r.rule, before[0], before[1], 0.7, ['joined to a name'])) chained++;
    }
    if (lower || weak) continue;
    // The family name in capitals after or before the given name ("Brent MOLOI", "DANIELE Gioberto").
    const capsAfter = capitalsRun(r, text, e, 1);
    if (capsAfter > e && !covered(ctx, from, [s, capsAfter]) && offerScored(ctx, r.rule, s, capsAfter, 0.7, ['family name in capitals'])) chained++;
    const capsBefore = capitalsRun(r, text, s, -1);
    if (capsBefore < s && !covered(ctx, from, [capsBefore, e]) && offerScored(ctx, r.rule, capsBefore, e, 0.7, ['family name in capitals'])) chained++;
    // "Surname, Given" around a name found: one name word set off by a comma, then no other capitalised word.
    const given = commaGiven(r, text, e, cueBefore(r.cues, text, s) === 'intro');
    if (given && !covered(ctx, from, given) && offerScored(ctx, r.rule, given[0], given[1], 0.7, ['family name first'])) chained++;
  }
}

/** Whether an offer of this call already covers the span (the neighbour was found on its own). */
function covered(ctx: ScanContext, from: number, [s, e]: [number, number]): boolean {
  const as = ctx.base + s;
  const ae = ctx.base + e;
  for (let k = from; k < ctx.out.length; k++) {
    const c = ctx.out[k]!;
    if (c.start <= as && c.end >= ae) return true;
  }
  return false;
}

/**
 * Whether an offer of this call ends where the span ends and starts inside it: the run was decided, and the
 * words before that offer judged no part of it ("Tra Tesauro Gobbi e Campisi": the name is Tesauro Gobbi).
 */
function endsOffer(ctx: ScanContext, from: number, [s, e]: [number, number]): boolean {
  const as = ctx.base + s;
  const ae = ctx.base + e;
  for (let k = from; k < ctx.out.length; k++) {
    const c = ctx.out[k]!;
    if (c.end === ae && c.start > as) return true;
  }
  return false;
}

/** The joiner word between one space after `at` (dir 1) or before it (dir -1): the far end of the joiner's spaces, or -1. */
function joinerAt(r: NamesRule, text: string, at: number, dir: 1 | -1): number {
  // A possessive clitic stays with the name before it ("Nalar's and …" is rare; "Alda and X's" is read from X).
  let i = at;
  if (dir > 0) {
    if ((text.charCodeAt(i) === 39 || text.charCodeAt(i) === 0x2019) && text.charCodeAt(i + 1) === 115) i += 2;
    if (text.charCodeAt(i) !== 32) return -1;
    i++;
    const b = i;
    while (i < text.length && i - b < 6 && (isLetter(text.charCodeAt(i)) || text.charCodeAt(i) === 38)) i++;
    if (b === i || text.charCodeAt(i) !== 32 || !r.lex.personJoiners.has(text.slice(b, i).toLowerCase())) return -1;
    return i + 1;
  }
  if (text.charCodeAt(i - 1) !== 32) return -1;
  i--;
  const e = i;
  while (i > 0 && e - i < 6 && (isLetter(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 38)) i--;
  if (i === e || text.charCodeAt(i - 1) !== 32 || !r.lex.personJoiners.has(text.slice(i, e).toLowerCase())) return -1;
  return i - 1;
}

/** The run of name-like words joined to a name ending at e, or null. */
function rightNeighbour(r: NamesRule, text: string, e: number, lower: boolean, needKnown = false): [number, number] | null {
  const n = joinerAt(r, text, e, 1);
  if (n < 0 || !isLetter(text.charCodeAt(n))) return null;
  const words = sameCase(text, readRun(r.lex, text, n, Math.min(text.length, n + 120), true).slice(0, 4));
  const run = nameRun(r, text, words, lower, !placeJoiner(r, text, e));
  if (!run || (needKnown && !knownSide(r, text, run))) return null;
  const end = run[run.length - 1]!.e;
  // "Smith and Jones GmbH", "Conn and Sons": an organisation; "and Mercedes", "and Canada": no person.
  if (legalForm(r.lex, text, run) || thing(r, text, n, end)) return null;
  return [n, end];
}

/** The run of name-like words joined to a name starting at s, or null: the longest of up to three words before the joiner. */
function leftNeighbour(r: NamesRule, text: string, s: number, lower: boolean, needKnown = false): [number, number] | null {
  const j = joinerAt(r, text, s, -1);
  if (j < 0) return null;
  // The words before the joiner's space, one space apart, on the line.
  const starts: number[] = [];
  let i = j;
  for (let n = 0; n < 3; n++) {
    if (i <= 0 || !isLetter(text.charCodeAt(i - 1)) && text.charCodeAt(i - 1) !== 46) break;
    let b = i;
    while (b > 0 && (isLetter(text.charCodeAt(b - 1)) || text.charCodeAt(b - 1) === 39 || text.charCodeAt(b - 1) === 45 || text.charCodeAt(b - 1) === 0x2019 || text.charCodeAt(b - 1) === 46) && i - b < 40) b--;
    if (!startsWord(text, b) || !isLetter(text.charCodeAt(b))) break;
    starts.push(b);
    if (b === 0 || text.charCodeAt(b - 1) !== 32) break;
    i = b - 1;
  }
  for (let k = starts.length - 1; k >= 0; k--) {
    const b = starts[k]!;
    let words = readRun(r.lex, text, b, j, true);
    if (!words.length || words[words.length - 1]!.e !== j) continue;
    // "Zeugenaussage von Rico": a sentence's first noun before a particle is no part of the name.
    const lead = leadingNoun(r.lex, text, words);
    if (lead > 0) words = words.slice(lead);
    // A sentence's first word no list holds, before a longer name, is no part of it ("Tra María Teresa Medina e Gino").
    if (words.length >= 3 && words[0]!.kind === 'unknown' && words[1]!.kind !== 'particle' && sentenceOpens(text, words[0]!.s)) words = words.slice(1);
    // A frequent word of the text's language opening the line, before a name of two words ("Mellan Agneta Sjögren och …").
    else if (words.length >= 3 && (words[0]!.kind === 'weak' || words[0]!.kind === 'common') && words[1]!.kind !== 'particle' && lineOpens(text, words[0]!.s) && !r.lex.wordNames.has(text.slice(words[0]!.s, words[0]!.e).toLowerCase()) && wordOf(r.lex, languageAt(r.lex, text, words[0]!.s, j), text, words[0]!.s, words[0]!.e)) words = words.slice(1);
    const run = nameRun(r, text, words, lower, !placeJoiner(r, text, j));
    if (!run || (needKnown && !knownSide(r, text, run))) continue;
    const rb = run[0]!.s;
    if (thing(r, text, rb, j) || notAPersonSlot(r.lex, text, rb, j, false)) continue;
    return [rb, j];
  }
  return null;
}

/**
 * The words that make a person beside a name: every word a name word of the lists, a word no list holds,
 * an initial or a particle, with at least one name word; in lower case, no common word of the lists and no
 * inflected English word ("and asked", "and pending"); a word of the lists that is also a common word
 * (Paris, Hope) only capitalised in a longer name. Null when they make none.
 */
function nameRun(r: NamesRule, text: string, words: readonly NameWord[], lower: boolean, mixed = false): readonly NameWord[] | null {
  if (!words.length || words[0]!.kind === 'particle') return null;
  // One case throughout: a lower-case word does not open a capitalised name ("postée à Vianden", "les soussignés Théodora").
  const capFirst = !isLower(text.charCodeAt(words[0]!.s));
  // Beside a capitalised name, a lower-case run only of names the lists know, when `mixed` ("Raju Gyawali and christin").
  if (!capFirst && !lower && !mixed) return null;
  let names = 0;
  for (const w of words) {
    if (w.kind === 'particle' || w.kind === 'initial') continue;
    const first = text.charCodeAt(w.s);
    const cap = isUpper(first) || isCaseless(first);
    if (cap !== capFirst) return null;
    // Beside a capitalised name, a lower-case word is a distinctive name or none ("and patience are").
    if (!cap && !lower && w.kind !== 'strong') return null;
    if (w.kind === 'strong') names++;
    else if (w.kind === 'weak') {
      const key = text.slice(w.s, w.e).toLowerCase().replace(/['’]s$/, '');
      // Also a common word (Paris, River, Hope): only as a word of a longer name.
      if ((!cap || words.length === 1) && (r.lex.commonWords.has(key) || r.lex.wordNames.has(key))) return null;
      names++;
    } else if (w.kind === 'unknown') {
      // In lower case only beside a name written in lower case too, and no English participle or plural.
      if (!cap && !(lower && plainLowerName(text, w))) return null;
      names++;
    } else return null;
  }
  if (!names) return null;
  // A capitalised word of one letter or an acronym is no name here ("and I", "and TV").
  const one = words.length === 1 ? words[0]! : null;
  if (one && isUpper(text.charCodeAt(one.s)) && !isLower(text.charCodeAt(one.e - 1)) && !isCaseless(text.charCodeAt(one.s))) return null;
  if (one && classifyRange(r.lex, text, one.s, one.e) === 'initial') return null;
  return words;
}

/** A lower-case word no list holds that may be a name: three letters or more, not an English participle or plural. */
function plainLowerName(text: string, w: NameWord): boolean {
  if (w.e - w.s < 3) return false;
  const t = text.slice(w.e - 3, w.e);
  return !t.endsWith('ed') && !t.endsWith('ing') && !(t.endsWith('s') && text.charCodeAt(w.e - 2) !== 39 && text.charCodeAt(w.e - 2) !== 0x2019);
}

/** A brand or a country that is the whole run ("and Mercedes", "y Canadá"): no person. */
function thing(r: NamesRule, text: string, s: number, e: number): boolean {
  const key = text.slice(s, e).toLowerCase().normalize('NFC').replace(/['’]s$/, '');
  return r.lex.notPersons.brands.has(key) || r.lex.notPersons.places.has(key);
}

/** The person joiners between single spaces, as one global regex (null without joiners). */
export function pairGate(r: NamesRule): RegExp | null {
  let g = pairGates.get(r);
  if (g === undefined) pairGates.set(r, (g = r.lex.personJoiners.size && r.lex.pluralVerbs.size ? new RegExp(` (?:${trieSource(r.lex.personJoiners)}) `, 'g') : null));
  return g;
}
const pairGates = new WeakMap<NamesRule, RegExp | null>();

/**
 * Two people named together with no name found yet: two runs of name-like words joined by a person joiner,
 * followed by a plural verb ("Fermin and cesar are bringing", "litzy and 娜 are") or a possessive before a
 * noun ("dinner at Alda and خدیجہ's place"). One side at least holds a word the lists know as a name or a
 * word of a script without case; firms, brands, countries and place slots are refused as beside a name.
 * Decided from at most 120 characters around the joiner at each hit, so a stream finds what one pass finds.
 */
export function pairsFrom(ctx: ScanContext, r: NamesRule, gate: RegExp, from: number, limit: number): number {
  const text = ctx.text;
  let i = from;
  while (i < limit) {
    gate.lastIndex = i;
    const m = gate.exec(text);
    if (!m || m.index >= limit) break;
    const n = m.index + m[0].length;
    i = n - 1;
    if (!isLetter(text.charCodeAt(n))) continue;
    // A word of a script without case goes with either ("litzy and 娜 are").
    const lower = !isUpper(text.charCodeAt(n));
    const words = sameCase(text, readRun(r.lex, text, n, Math.min(text.length, n + 120), true).slice(0, 3));
    if (!words.length) continue;
    const end = words[words.length - 1]!.e;
    if (!pluralAfter(r, text, end)) continue;
    const left = leftNeighbour(r, text, n, lower);
    if (!left) continue;
    const leftLower = !isUpper(text.charCodeAt(left[0]));
    const right = nameRun(r, text, words, lower && leftLower);
    if (!right || legalForm(r.lex, text, right) || thing(r, text, n, end)) continue;
    const leftWords = readRun(r.lex, text, left[0], left[1], true);
    // Two capitalised runs of words no list holds are enough before the verb ("Gayatri and Paramartha are").
    if (!knownSide(r, text, right) && !knownSide(r, text, leftWords) && !(shapedSide(text, right) && shapedSide(text, leftWords))) continue;
    offerScored(ctx, r.rule, left[0], left[1], 0.7, ['two people named together']);
    offerScored(ctx, r.rule, n, end, 0.7, ['two people named together']);
  }
  return ctx.base + Math.max(i, limit);
}

/** A plural verb after the run (one space on), or a possessive before a lower-case noun ("… 's place"). */
function pluralAfter(r: NamesRule, text: string, e: number): boolean {
  let i = e;
  if ((text.charCodeAt(i - 2) === 39 || text.charCodeAt(i - 2) === 0x2019) && text.charCodeAt(i - 1) === 115) return text.charCodeAt(i) === 32 && isLower(text.charCodeAt(i + 1));
  if (text.charCodeAt(i) !== 32) return false;
  i++;
  const b = i;
  while (i < text.length && i - b < 12 && isLetter(text.charCodeAt(i))) i++;
  return i > b && !isLetter(text.charCodeAt(i)) && r.lex.pluralVerbs.has(text.slice(b, i));
}

/** A run holding a name the lists know (no common word) or a word of a script without case. */
function knownSide(r: NamesRule, text: string, words: readonly NameWord[]): boolean {
  return words.some((w) => {
    if (isCaseless(text.charCodeAt(w.s))) return true;
    if (w.kind === 'strong') return true;
    if (w.kind !== 'weak') return false;
    const key = text.slice(w.s, w.e).toLowerCase().replace(/['’]s$/, '');
    return !r.lex.commonWords.has(key) && !r.lex.wordNames.has(key);
  });
}

/**
 * The words of a run read in any case that keep its first word's case (a capitalised or caseless name does
 * not go on in lower case: "خدیجہ's place"), up to a possessive, without particles at its end.
 */
function sameCase(text: string, words: NameWord[]): NameWord[] {
  if (!words.length) return words;
  const lower = isLower(text.charCodeAt(words[0]!.s));
  let k = 0;
  while (k < words.length) {
    const w = words[k]!;
    if (w.kind !== 'particle' && w.kind !== 'initial' && isLower(text.charCodeAt(w.s)) !== lower) break;
    k++;
    const q = text.charCodeAt(w.e - 2);
    if ((q === 39 || q === 0x2019) && text.charCodeAt(w.e - 1) === 115) break;
  }
  const out = words.slice(0, k);
  while (out.length && out[out.length - 1]!.kind === 'particle') out.pop();
  return out;
}

/** A run whose words no list holds are all written as names: a capital, then two lower-case letters or more. */
function shapedSide(text: string, words: readonly NameWord[]): boolean {
  return words.length > 0 && words.every((w) => {
    if (w.kind === 'particle' || w.kind === 'initial') return true;
    // No common word of the lists ("Blue Widget and Red Gadget are").
    if (w.kind !== 'unknown' || !isUpper(text.charCodeAt(w.s))) return false;
    let lower = 0;
    for (let i = w.s + 1; i < w.e; i++) if (isLower(text.charCodeAt(i))) lower++;
    return lower >= 2;
  });
}

/** Whether s opens its line (spaces and tabs allowed before it). */
function lineOpens(text: string, s: number): boolean {
  let i = s - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  return i < 0 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13;
}

/** Whether s opens a sentence: the text's or a line's start, or after . ! ? and spaces. */
function sentenceOpens(text: string, s: number): boolean {
  let i = s - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  return c === 10 || c === 13 || c === 46 || c === 33 || c === 63;
}

/** The joiner next to `at` (after it, or before it when a space follows `at`) is also a place word ("sita en Travesía"). */
function placeJoiner(r: NamesRule, text: string, at: number): boolean {
  let i = at;
  if ((text.charCodeAt(i) === 39 || text.charCodeAt(i) === 0x2019) && text.charCodeAt(i + 1) === 115) i += 2;
  if (text.charCodeAt(i) !== 32) return true;
  const b = i + 1;
  let k = b;
  while (k < text.length && k - b < 6 && isLetter(text.charCodeAt(k))) k++;
  return r.lex.placeWords.has(text.slice(b, k).toLowerCase()) || r.lex.notPersons.placeIn.has(text.slice(b, k).toLowerCase());
}

/**
 * The end (dir 1) or start (dir -1) of up to three words written in capitals only, four letters or more for
 * the last (particles such as VAN, DE may be shorter), one space from `at`, none of them a common word of
 * the lists ("ASAP", "TODAY") nor a word the lists know as no name; `at` when there is none.
 */
function capitalsRun(r: NamesRule, text: string, at: number, dir: 1 | -1): number {
  let edge = at;
  let found = at;
  for (let n = 0; n < 3; n++) {
    const gap = dir > 0 ? edge : edge - 1;
    if (text.charCodeAt(gap) !== 32) break;
    let b = dir > 0 ? edge + 1 : edge - 1;
    let e = b;
    if (dir > 0) while (e < text.length && e - b < 30 && (isUpper(text.charCodeAt(e)) || ((text.charCodeAt(e) === 45 || text.charCodeAt(e) === 39) && isUpper(text.charCodeAt(e + 1))))) e++;
    else {
      e = b;
      while (b > 0 && e - b < 30 && (isUpper(text.charCodeAt(b - 1)) || ((text.charCodeAt(b - 1) === 45 || text.charCodeAt(b - 1) === 39) && isUpper(text.charCodeAt(b - 2))))) b--;
    }
    if (e - b < 2 || isLetter(text.charCodeAt(e)) || (b > 0 && isLetter(text.charCodeAt(b - 1)))) break;
    const key = text.slice(b, e).toLowerCase();
    if (r.lex.particles.has(key)) {
      edge = dir > 0 ? e : b;
      continue;
    }
    if (e - b < 4 || r.lex.commonWords.has(key) || r.lex.notNames.has(key) || r.lex.roles.has(key) || r.lex.fieldLabels.has(key) || r.lex.companyForms.has(key)) break;
    edge = dir > 0 ? e : b;
    found = edge;
  }
  return found;
}

/** One capitalised name word after ", " that ends the name ("Vəliyev, Emil (DOB…", "ANTUNES, Vera of"): its span, or null. */
function commaGiven(r: NamesRule, text: string, e: number, field: boolean): [number, number] | null {
  if (text.charCodeAt(e) !== 44 || text.charCodeAt(e + 1) !== 32 || !isUpper(text.charCodeAt(e + 2))) return null;
  const n = e + 2;
  const words = readRun(r.lex, text, n, Math.min(text.length, n + 40), false);
  if (words.length !== 1) return null;
  const w = words[0]!;
  const key = text.slice(w.s, w.e).toLowerCase().replace(/['’]s$/, '');
  // After a name field or an introduction ("Name (last, first): Oduya, Marit."), a word no list holds is a given name too.
  const ok = w.kind === 'strong' || (w.kind === 'weak' && !r.lex.commonWords.has(key) && !r.lex.wordNames.has(key)) || (field && (w.kind === 'unknown' || w.kind === 'weak'));
  if (!ok || thing(r, text, w.s, w.e)) return null;
  // The sentence goes on in lower case or ends: not a list of capitalised names going on ("Horne, Fuller and Keith").
  const c = text.charCodeAt(w.e);
  if (c === 32) {
    const d = text.charCodeAt(w.e + 1);
    if (!(isLower(d) || d === 40 || d === 60)) return null;
    let k = w.e + 1;
    while (k < text.length && isLetter(text.charCodeAt(k))) k++;
    if (r.lex.orgJoiners.has(text.slice(w.e + 1, k))) return null;
  } else if (!(c === 46 || c === 59 || c === 41 || c === 10 || Number.isNaN(c))) return null;
  return [w.s, w.e];
}

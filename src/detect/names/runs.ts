import { classifyRange, nameLike, type WordKind } from './classify.js';
import { isCaseless, isLetter, isLower, isUpper, wordEnd } from './letters.js';
import type { NameLexicon } from './lexicon.js';

/** A word of a candidate name: where it is and what the lexicon makes of it. */
export interface NameWord {
  s: number;
  e: number;
  kind: WordKind;
}

/** At most this many words make one name (given names, particles, surnames). */
const MAX_WORDS = 5;

/** One word at s (letters with inner joiners, an initial's period kept): its end and kind. */
export function readWord(lex: NameLexicon, text: string, s: number, limit: number): NameWord | null {
  const e = wordEnd(text, s, limit);
  if (e === s) return null;
  // Part of an identifier ("FIRST_NAME", "user2"): no name word.
  const after = text.charCodeAt(e);
  if (after === 95 || (after >= 48 && after <= 57)) return null;
  const withDot = e < limit && text.charCodeAt(e) === 46;
  const kind = classifyRange(lex, text, s, withDot ? e + 1 : e);
  // "J." and "Dr." keep their period; a sentence's final period stays outside the name.
  return { s, e: withDot && (kind === 'initial' || kind === 'title') ? e + 1 : e, kind };
}

/**
 * The run of name-like words starting at s on one line: capitalised words (or caseless-script words) joined
 * by one or two spaces, with lower-case particles (de, van, bin) between them. `anyCase` admits lower-case
 * words (after a cue that allows lower-case names).
 */
export function readRun(lex: NameLexicon, text: string, s: number, limit: number, anyCase: boolean, common = false): NameWord[] {
  const words: NameWord[] = [];
  let i = s;
  while (words.length < MAX_WORDS && i < limit) {
    const w = readWord(lex, text, i, limit);
    if (!w) break;
    const c = text.charCodeAt(w.s);
    const cap = isUpper(c) || isCaseless(c);
    if (w.kind === 'particle' && !words.length && !cap) {
      // A surname that opens with its particles after a title ("mevrouw van Leeuwen", "Dhr. van der Berg"):
      // the particles hold when a capitalised word follows them.
      let n = skipSpaces(text, w.e, limit);
      while (n >= 0 && isLower(text.charCodeAt(n))) {
        const p = readWord(lex, text, n, limit);
        if (!p || p.kind !== 'particle') break;
        n = skipSpaces(text, p.e, limit);
      }
      if (n < 0 || !isUpper(text.charCodeAt(n))) break;
    } else if (w.kind === 'particle' && words.length) {
      // An article is a particle only after another one ("de la Fuente", "van der Laan"); alone between
      // capitalised words it is the sentence's ("Nel giardino di Marita la Rosa fiorisce").
      if (words[words.length - 1]!.kind !== 'particle' && ARTICLES.has(text.slice(w.s, w.e).toLowerCase())) break;
      // Particles count only when a capitalised word follows them ("van der Laan"), or any name word in a
      // lower-case name ("abel van der linden").
      let n = skipSpaces(text, w.e, limit);
      let p: NameWord | null = null;
      for (;;) {
        if (n < 0) break;
        p = readWord(lex, text, n, limit);
        if (!p || p.kind !== 'particle' || isUpper(text.charCodeAt(n))) break;
        n = skipSpaces(text, p.e, limit);
      }
      if (n < 0 || !p || !(isUpper(text.charCodeAt(n)) || (anyCase && nameLike(p.kind)))) break;
    } else if (!cap && words.length >= 2 && nameLike(w.kind) && capitalParticle(lex, text, words[words.length - 1]!)) {
      // "Gisèle Le gall", "Moïse Le gall": a capitalised particle takes the lower-case word after it.
    } else if (w.kind === 'not' && words.length && w.e - w.s === 1 && text.charCodeAt(w.s) === 73) {
      // "Rhea I Tremblay": a lone "I" between name words is an initial, when a capitalised name follows.
      const n = skipSpaces(text, w.e, limit);
      if (n < 0 || !isUpper(text.charCodeAt(n))) break;
      const nx = readWord(lex, text, n, limit);
      if (!nx || !(nx.kind === 'strong' || nx.kind === 'weak' || nx.kind === 'unknown')) break;
      w.kind = 'initial';
    } else if (common && w.kind === 'common' && (cap || (anyCase && hasNonAsciiWord(text, w)))) {
      // A common word that is part of a name: after an introduction ("Name: Hương Thu Tô"), or in a
      // lower-case name after a cue when it holds letters outside ASCII ("my name is loan châu vũ").
    } else if (!nameLike(w.kind) || (!cap && !anyCase)) break;
    // A capital before a currency sign or a digit is a currency's or a code's letter, no initial ("Betaling van R$ 941").
    if (w.kind === 'initial' && w.e < limit && currencyOrDigit(text.charCodeAt(w.e))) break;
    words.push(w);
    // An initial's period may hold the surname without a space ("C.Gamper", "İ.Rəhimov").
    const glued = w.kind === 'initial' && text.charCodeAt(w.e - 1) === 46 && w.e + 1 < limit && isUpper(text.charCodeAt(w.e)) && isLower(text.charCodeAt(w.e + 1));
    const n = glued ? w.e : skipSpaces(text, w.e, limit);
    if (n < 0) break;
    i = n;
  }
  while (words.length && words[words.length - 1]!.kind === 'particle') words.pop();
  return words;
}

/** Particles that are only articles ("de la Fuente", "van der Laan"; not "de", "van", "den": those stand alone in names). */
const ARTICLES = new Set(['la', 'le', 'las', 'los', 'les', 'lo', 'der', 'het']);

const currencyOrDigit = (c: number) => c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5 || (c >= 48 && c <= 57);

/** A capitalised word that is a particle in lower case (Le, De, Van, Da). */
function capitalParticle(lex: NameLexicon, text: string, w: NameWord): boolean {
  if (w.e - w.s > 3 || !isUpper(text.charCodeAt(w.s))) return false;
  return lex.particles.has(text.slice(w.s, w.e).toLowerCase());
}

/** The next word start after one or two spaces or tabs (never a line break), or -1. */
function skipSpaces(text: string, e: number, limit: number): number {
  let n = e;
  while (n < limit && n - e < 2 && (text.charCodeAt(n) === 32 || text.charCodeAt(n) === 9)) n++;
  if (n === e || n >= limit || !isLetter(text.charCodeAt(n))) return -1;
  return n;
}

function hasNonAsciiWord(text: string, w: NameWord): boolean {
  for (let i = w.s; i < w.e; i++) if (text.charCodeAt(i) > 127) return true;
  return false;
}

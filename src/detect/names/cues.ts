import { isJoiner, isLetter } from './letters.js';
import { trieSource } from './trie.js';
import type { NameLexicon } from './lexicon.js';

/**
 * The cue families of a names lexicon. The cues before a name (`my name is `, `Dear `, `Name: `,
 * `Thanks,\n`, `Mr. `) are phrase sets looked up with the last words before the name (cueBefore), a few
 * set lookups per candidate instead of a regex over the text before it; the others are regexes.
 */
export interface NameCues {
  intro: Set<string>;
  soft: Set<string>;
  /** Phrases after which a name follows on the next line only (address blocks: "SHIP TO\nMaria Lopez"). */
  lineBefore: Set<string>;
  /** Labels whose value is a name ("Name:", "Contact:", "Manager:"): need their colon. */
  field: Set<string>;
  titles: ReadonlySet<string>;
  /**
   * Every phrase of intro, soft, lineBefore and field cut to its last words (one, two…), and the titles:
   * cueBefore stops reading back once its phrase is none of these, for no longer one can be a cue.
   */
  endings: Set<string>;
  /** Most words in a cue phrase. */
  maxWords: number;
  after: RegExp | null;
  lowercaseGate: RegExp | null;
  /** Cues of the lowercase gate after which only a listed name is taken (`hi its maria here`). */
  lowercaseWeak: Set<string>;
  /** Titles in the lowercase gate that no cue list holds: a cue only written with a capital ("Mme baldé", "Dona macedo"), as a weak one. */
  lowercaseTitles: Set<string>;
  question: RegExp | null;
  /** The question phrases as a global gate: ASR transcripts ask without a question mark. */
  questionGate: RegExp | null;
  filler: RegExp | null;
}

/** How far before a name its cue is looked for. */
export const CUE_WINDOW = 48;

const alternation = (list: readonly string[]) => `(?:${trieSource(list)})`;

const phraseKey = (p: string) => p.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ').trim();

export function compileCues(lex: NameLexicon): NameCues {
  const intro = new Set(lex.cues.intro.map(phraseKey));
  const soft = new Set(lex.cues.soft.map(phraseKey));
  const lineBefore = new Set(lex.cues.lineBefore.map(phraseKey));
  const field = new Set([...lex.nameFields].map(phraseKey));
  const maxWords = Math.max(1, ...[...intro, ...soft, ...field, ...lineBefore].map((p) => p.split(' ').length));
  const strongLower = new Set(lex.cues.lowercase.map(phraseKey));
  const lowerCues = new Set([...lex.cues.lowercase, ...lex.cues.lowercaseWeak].map(phraseKey));
  // Titles of two letters or more (not "M", which opens every other word) take a lower-case name after them.
  const lowercaseTitles = new Set([...lex.titles].map(phraseKey).filter((t) => t.length >= 2 && !lowerCues.has(t)));
  const lowerAll = [...new Set([...lex.cues.lowercase, ...lex.cues.lowercaseWeak, ...lowercaseTitles])];
  const endings = new Set<string>(lex.titles);
  for (const set of [intro, soft, lineBefore, field]) {
    for (const p of set) {
      const words = p.split(' ');
      for (let k = words.length - 1; k >= 0; k--) endings.add(words.slice(k).join(' '));
    }
  }
  return {
    intro,
    soft,
    lineBefore,
    field,
    titles: lex.titles,
    endings,
    maxWords: Math.min(maxWords, 6),
    // Sticky: tested at a name's end in place, without slicing the text after it.
    after: lex.cues.after.length ? new RegExp(`[ \\t]{1,3}(?:${alternation(lex.cues.after)})(?![\\p{L}\\p{M}])`, 'iuy') : null,
    // A period after the phrase only after a title ("Mr. rey"): lowerFrom checks it.
    lowercaseGate: lowerAll.length ? new RegExp(`\\b(${alternation(lowerAll)})[ \\t]{0,3}[:,.\\-]?[ \\t]{0,3}(?:is[ \\t]{1,3})?`, 'gi') : null,
    lowercaseWeak: new Set(lex.cues.lowercaseWeak.map(phraseKey).filter((p) => !strongLower.has(p))),
    lowercaseTitles,
    question: lex.questions.length ? new RegExp(`(?:${alternation(lex.questions)})`, 'iu') : null,
    // No 'u': irregexp scans a non-unicode alternation faster; the phrases' letters fold alike.
    questionGate: lex.questions.length ? new RegExp(`(?:${alternation(lex.questions)})`, 'gi') : null,
    filler: lex.answerFillers.length ? new RegExp(`^(?:${alternation(lex.answerFillers)})(?![\\p{L}\\p{M}])[ \\t,.:…\\-]{0,6}`, 'iu') : null,
  };
}

/**
 * What stands right before a name starting at s: 'intro' (an introduction, a greeting, a title, a name
 * field with its colon), 'signoff' (the same on the line before: "Thanks,\n", or a sign-off and a comma
 * before it: "Kramar, Simon" — the name must end its line), 'soft' (from, with, cust…) or null. Walks back over spaces, the
 * punctuation a cue ends with (: , . - * ") and one line break ("Thanks,\n"), then over the words.
 */
export function cueBefore(c: NameCues, text: string, s: number): 'intro' | 'signoff' | 'soft' | null {
  let i = s;
  let colon = false;
  let dot = false;
  let comma = false;
  let newline = false;
  for (let n = 0; i > 0 && n < CUE_WINDOW; n++) {
    const ch = text.charCodeAt(i - 1);
    if (ch === 44 && !newline) (comma = true), i--;
    else if (ch === 32 || ch === 9 || ch === 13 || ch === 34 || ch === 42 || ch === 44 || ch === 45 || ch === 47) i--;
    else if (ch === 58) (colon = true), i--;
    // What a field label says in parentheses before its colon ("Name (last, first):"): read past it.
    else if (ch === 41 && colon && !newline) {
      const open = text.lastIndexOf('(', i - 1);
      if (open < 0 || i - open > 32) break;
      i = open;
    }
    else if (ch === 46) (dot = true), i--;
    else if (ch === 10 && !newline) (newline = true), i--;
    else break;
  }
  let key = '';
  let count = 0;
  let soft = false;
  let e = i;
  while (count < c.maxWords && e > 0 && s - e < CUE_WINDOW) {
    let b = e;
    while (b > 0 && (isLetter(text.charCodeAt(b - 1)) || (isJoiner(text.charCodeAt(b - 1)) && b - 2 >= 0 && isLetter(text.charCodeAt(b - 2)) && b < e))) b--;
    if (b === e) break;
    // A word glued to a dot or an '@' before it is part of an address or a domain ("…@pasta.name. Titular"), no cue.
    if (b >= 2 && (text.charCodeAt(b - 1) === 46 || text.charCodeAt(b - 1) === 64) && isWordChar(text.charCodeAt(b - 2))) break;
    // The phrase grows by one word to the left: one lower-cased slice and one concatenation per word.
    let w = text.slice(b, e).toLowerCase();
    if (w.includes('’')) w = w.replace(/’/g, "'");
    key = count++ ? `${w} ${key}` : w;
    if (count === 1 && !newline && c.titles.has(key) && (dot || i === s - 1 || i === s - 2)) return 'intro';
    // The longest phrase decides ("spoke to" is an introduction, "to" alone a soft cue).
    if ((c.field.has(key) && colon) || c.intro.has(key)) return newline ? 'signoff' : 'intro';
    // A label of a few words that opens its line or sentence with a name field's word ("Name of insured:",
    // "Nom de l'assuré :"): the field's value is a name.
    if (colon && count > 1 && !newline && c.field.has(w) && labelOpens(text, b)) return 'intro';
    // A sign-off closes the line above the name, or stands before it with a comma ("Kramar, Simon").
    if ((newline || comma) && c.lineBefore.has(key)) return 'signoff';
    if (c.soft.has(key) && !newline) soft = true;
    // No cue ends with these words: none is found further back (but for a label's first word before its colon).
    if (!colon && !c.endings.has(key)) break;
    // The next word back: one or two spaces before this one, on the same line.
    let g = b;
    while (g > 0 && b - g < 3 && (text.charCodeAt(g - 1) === 32 || text.charCodeAt(g - 1) === 9)) g--;
    if (g === b || g === 0) break;
    e = g;
  }
  return soft ? 'soft' : null;
}

/** Whether b opens its line or a sentence (spaces allowed before it): where a field label starts. */
function labelOpens(text: string, b: number): boolean {
  let k = b;
  while (k > 0 && b - k < 4 && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) k--;
  if (k === 0) return true;
  const p = text.charCodeAt(k - 1);
  return p === 10 || p === 13 || ((p === 46 || p === 59) && k < b);
}

const isWordChar = (c: number) => isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 45;

/** Whether a name ending at e ends its line (a signature after "Thanks,"; at most a comma or period after it). */
export function endsLine(text: string, e: number): boolean {
  let i = e;
  while (i < text.length && i - e < 4 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 44 || text.charCodeAt(i) === 46 || text.charCodeAt(i) === 13)) i++;
  return i >= text.length || text.charCodeAt(i) === 10;
}

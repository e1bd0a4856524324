import { classifyRange, type WordKind } from './classify.js';
import { hasNonAscii, isCaseless, isLetter, isUpper, wordEnd } from './letters.js';
import type { NameLexicon } from './lexicon.js';
import { leadingNoun } from './not-a-person.js';
import type { NameWord } from './runs.js';

/**
 * Speaker labels versus field labels, for the text of a line before a ':' (at most 80 characters), read
 * by character codes (no regex, no slice unless a label is decided). A label is a speaker when it is a
 * role (Agent, Customer: no name in it), a role with a name (`Customer (Maria):` → Maria, `Agent Omari:`
 * → Omari), or a name by the lexicon and the layout (`[09:55] Priya:`, `**Jonathan O'Neill:**`). A field
 * label (`Mobile:`, `E-mail:`, `When:`, `Billing address:`) is never a name: its value belongs to that
 * field's detector. Returns the name's span (relative to the text) or null.
 */
export function speakerLabelName(lex: NameLexicon, text: string, ls: number, c: number, ignore: ReadonlySet<string>): [number, number] | null {
  const s = labelStart(text, ls, c);
  let e = c;
  while (e > s && (text.charCodeAt(e - 1) === 42 || text.charCodeAt(e - 1) === 95 || text.charCodeAt(e - 1) === 32)) e--;
  if (e <= s) return null;
  // The word before ':' decides cheaply: a label ends in a letter or ')'; a lower-case last word ending a
  // label with no parentheses is a role or a field ("agent:", "order status:"), unless the lists call it a name.
  const last = text.charCodeAt(e - 1);
  if (last !== 41 && !isLetter(last)) return null;
  const key = labelKey(text, s, e);
  if (ignore.has(key) && !key.includes('(')) return null;
  const open = key.indexOf('(');
  if (open > 0 && last === 41) {
    const o = s + rawIndex(text, s, e, 40);
    const outer = wordsOf(lex, text, s, o);
    const inner = wordsOf(lex, text, o + 1, e - 1);
    // "Customer (Maria)": the role is outside, the name inside; "Maria (Customer)": the other way round.
    if (outer && outer.every((w) => w.kind === 'not' || w.kind === 'number') && isName(inner)) return span(inner!, 0);
    if (inner && inner.every((w) => w.kind === 'not' || w.kind === 'number') && isName(outer)) return span(outer!, 0);
    return null;
  }
  if (isFieldLabel(lex, key)) return null;
  const words = wordsOf(lex, text, s, e);
  if (!words) return null;
  // "Agent Omari:", "Support Agent Lee:": roles first, then the name.
  let k = 0;
  while (k < words.length - 1 && words[k]!.kind === 'not' && lex.roles.has(text.slice(words[k]!.s, words[k]!.e).toLowerCase())) k++;
  if (k > 0) return isName(words.slice(k)) ? span(words, k) : null;
  // A heading's noun and a particle before the name ("Boletim de Lorenzo Souza:", "Rapport van Eva Devos:"): the name only.
  if (!words.some((w) => w.kind === 'number')) {
    const lead = leadingNoun(lex, text, words as NameWord[]);
    if (lead > 0) return isName(words.slice(lead)) ? span(words, lead) : null;
  }
  return isName(words) ? span(words, 0) : null;
}

/**
 * Where a label's words start: after leading spaces, a timestamp (`[09:55]`, `(10:02)`, `09:55`, `9:55 pm`)
 * with an optional dash or bar after it, a bullet, and markdown emphasis. Never past c.
 */
function labelStart(text: string, ls: number, c: number): number {
  let s = ls;
  for (let n = 0; n < 8 && s < c && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9); n++) s++;
  const t = timestampEnd(text, s, c);
  if (t > s) {
    s = t;
    s = spaces(text, s, c, 3);
    const d = text.charCodeAt(s);
    if (s < c && (d === 45 || d === 0x2013 || d === 0x2014 || d === 124)) s = spaces(text, s + 1, c, 3);
  }
  const b = text.charCodeAt(s);
  if (s < c && (b === 45 || b === 42 || b === 0x2022 || b === 62) && (text.charCodeAt(s + 1) === 32 || text.charCodeAt(s + 1) === 9)) {
    const n = spaces(text, s + 1, c, 3);
    if (n > s + 1) s = n;
  }
  if (s + 1 < c && ((text.charCodeAt(s) === 42 && text.charCodeAt(s + 1) === 42) || (text.charCodeAt(s) === 95 && text.charCodeAt(s + 1) === 95))) s += 2;
  return spaces(text, s, c, 2);
}

function spaces(text: string, s: number, c: number, max: number): number {
  let i = s;
  while (i < c && i - s < max && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}

/** End of a timestamp at s (or s when there is none), within c. */
function timestampEnd(text: string, s: number, c: number): number {
  const ch = text.charCodeAt(s);
  if (ch === 91) {
    // [ anything but ] or a line break, 1–32 characters ]
    for (let i = s + 1; i < c && i - s <= 33; i++) {
      const x = text.charCodeAt(i);
      if (x === 93) return i > s + 1 ? i + 1 : s;
      if (x === 10) return s;
    }
    return s;
  }
  if (ch === 40) {
    // ( digits, : . , spaces, am/pm, dashes )
    for (let i = s + 1; i < c && i - s <= 25; i++) {
      const x = text.charCodeAt(i);
      if (x === 41) return i > s + 1 ? i + 1 : s;
      if (!((x >= 48 && x <= 57) || x === 58 || x === 46 || x === 44 || x === 32 || x === 9 || x === 45 || x === 97 || x === 112 || x === 109 || x === 65 || x === 80 || x === 77)) return s;
    }
    return s;
  }
  // 9:55, 09:55:10, with " am" / "pm" after it
  let i = s;
  while (i < c && i - s < 2 && isDigit(text.charCodeAt(i))) i++;
  if (i === s || text.charCodeAt(i) !== 58 || i + 2 >= c || !isDigit(text.charCodeAt(i + 1)) || !isDigit(text.charCodeAt(i + 2))) return s;
  i += 3;
  if (i + 2 < c && text.charCodeAt(i) === 58 && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2))) i += 3;
  const a = text.charCodeAt(i) === 32 ? i + 1 : i;
  if (a + 1 < c && ((text.charCodeAt(a) | 0x20) === 97 || (text.charCodeAt(a) | 0x20) === 112) && (text.charCodeAt(a + 1) | 0x20) === 109) i = a + 2;
  return i;
}

const isDigit = (x: number) => x >= 48 && x <= 57;

/** The label lower-cased with its spaces collapsed: one string per label that reached this far. */
function labelKey(text: string, s: number, e: number): string {
  let key = text.slice(s, e).toLowerCase();
  if (key.includes('  ') || key.includes('\t')) key = key.replace(/\s+/g, ' ');
  return key;
}

/** Index (from s) of the first character code x in [s, e). */
function rawIndex(text: string, s: number, e: number, x: number): number {
  for (let i = s; i < e; i++) if (text.charCodeAt(i) === x) return i - s;
  return -1;
}

type LabelWord = { s: number; e: number; kind: WordKind | 'number'; common?: boolean };

function wordsOf(lex: NameLexicon, text: string, s: number, e: number): LabelWord[] | null {
  const out: LabelWord[] = [];
  let i = s;
  while (i < e) {
    const ch = text.charCodeAt(i);
    if (ch === 32 || ch === 9) {
      i++;
      continue;
    }
    if (ch >= 48 && ch <= 57) {
      let j = i;
      while (j < e && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      out.push({ s: i, e: j, kind: 'number' });
      i = j;
      continue;
    }
    // "Bot/Agent": a slash between two roles.
    if (ch === 47 && out.length && i + 1 < e && isLetter(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    if (!isLetter(ch)) return null;
    let j = wordEnd(text, i, e);
    if (j < e && text.charCodeAt(j) === 46) j++;
    let kind: LabelWord['kind'] = classifyRange(lex, text, i, j);
    // A lower-case word is a name in a label only when the lists know it as one. A common word with
    // letters outside ASCII or of a script without case is a name there ("Kim Sơn:", "松永菜摘:"): the
    // common-word lists of those languages hold name syllables, and field labels are written in ASCII.
    if (!isUpper(ch) && !isCaseless(ch) && kind !== 'strong' && kind !== 'particle' && kind !== 'not') kind = 'common';
    else if (kind === 'common' && (isCaseless(ch) || (isUpper(ch) && hasNonAscii(text, i, j)))) kind = 'unknown';
    out.push({ s: i, e: j, kind, common: kind === 'unknown' && isUpper(ch) && classifyRange(lex, text, i, j) === 'common' });
    i = j;
    if (out.length > 4) return null;
  }
  // A label of one common word stays a word, whatever its letters ("Fotoğraf:", "Świadectwo:"): names of
  // those scripts' common-word syllables come in two words ("Kim Sơn:") or are listed.
  if (out.length === 1 && out[0]!.common) out[0]!.kind = 'common';
  return out.length ? out : null;
}

/** Name-like words, the first of them capitalised (or in a script without case), at least one a name. */
function isName(words: LabelWord[] | null): boolean {
  if (!words || !words.length) return false;
  let named = 0;
  for (const w of words) {
    if (w.kind === 'strong' || w.kind === 'weak' || w.kind === 'unknown') named++;
    else if (w.kind !== 'initial' && w.kind !== 'particle') return false;
  }
  return named > 0;
}

function span(words: LabelWord[], from: number): [number, number] {
  return [words[from]!.s, words[words.length - 1]!.e];
}

/** A field label: the whole label, or its last or first word ("Work phone", "E-mail address") is one. */
export function isFieldLabel(lex: NameLexicon, key: string): boolean {
  // A field whose value is a name ("Apologies:", "Frånvarande:") is no speaker either.
  if (lex.fieldLabels.has(key) || lex.nameFields.has(key)) return true;
  const sp = key.indexOf(' ');
  if (sp < 0) return compoundField(lex, key);
  return lex.fieldLabels.has(key.slice(key.lastIndexOf(' ') + 1)) || lex.fieldLabels.has(key.slice(0, sp));
}

/**
 * A compound word whose head is a field label of five letters or more ("Postanschrift", "Correspondentieadres",
 * "Lieferadresse", "Telefonnummer"): German, Dutch and Nordic languages write a field's name as one word.
 */
function compoundField(lex: NameLexicon, key: string): boolean {
  for (let k = 3; k <= key.length - 5; k++) if (lex.fieldLabels.has(key.slice(k)) || lex.nameFields.has(key.slice(k))) return true;
  return false;
}

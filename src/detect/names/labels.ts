import { classifyWord, type WordKind } from './classify.js';
import { isUpper, isCaseless, wordEnd, isLetter } from './letters.js';
import type { NameLexicon } from './lexicon.js';

/**
 * Speaker labels versus field labels, for the text of a line before a ':' (at most 80 characters).
 * A label is a speaker when it is a role (Agent, Customer: no name in it), a role with a name in
 * parentheses (`Customer (Maria):` → Maria), or a name by the lexicon and the layout (`[09:55] Priya:`,
 * `**Jonathan O'Neill:**`). A field label (`Mobile:`, `E-mail:`, `When:`, `Billing address:`) is never a
 * name: its value belongs to that field's detector. Returns the name's span (relative to the text) or null.
 */
export function speakerLabelName(lex: NameLexicon, text: string, ls: number, c: number, ignore: ReadonlySet<string>): [number, number] | null {
  let s = ls;
  const skip = (re: RegExp) => {
    re.lastIndex = s;
    const m = re.exec(text);
    if (m && m.index === s) s += m[0].length;
  };
  skip(/[ \t]{0,8}/y);
  skip(/(?:\[[^\]\n]{1,32}\]|\([0-9:.,\sapmAPM-]{1,24}\)|\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?)[ \t]{0,3}(?:[-–—|][ \t]{0,3})?/y);
  skip(/(?:[-*•>][ \t]{1,3})?(?:\*\*|__)?[ \t]{0,2}/y);
  let e = c;
  while (e > s && (text.charCodeAt(e - 1) === 42 || text.charCodeAt(e - 1) === 95 || text.charCodeAt(e - 1) === 32)) e--;
  if (e <= s) return null;
  const body = text.slice(s, e);
  const key = body.toLowerCase().replace(/\s+/g, ' ');
  if (ignore.has(key) && !key.includes('(')) return null;
  const open = body.indexOf('(');
  if (open > 0 && body.endsWith(')')) {
    const outer = wordsOf(lex, text, s, s + open);
    const inner = wordsOf(lex, text, s + open + 1, e - 1);
    // "Customer (Maria)": the role is outside, the name inside; "Maria (Customer)": the other way round.
    if (outer && outer.every((w) => w.kind === 'not' || w.kind === 'number') && isName(inner)) return span(inner!);
    if (inner && inner.every((w) => w.kind === 'not' || w.kind === 'number') && isName(outer)) return span(outer!);
    return null;
  }
  if (isFieldLabel(lex, key)) return null;
  const words = wordsOf(lex, text, s, e);
  return isName(words) ? span(words!) : null;
}

type LabelWord = { s: number; e: number; kind: WordKind | 'number' };

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
    if (!isLetter(ch)) return null;
    let j = wordEnd(text, i, e);
    if (j < e && text.charCodeAt(j) === 46) j++;
    let kind: LabelWord['kind'] = classifyWord(lex, text.slice(i, j));
    // A lower-case word is a name in a label only when the lists know it as one.
    if (!isUpper(ch) && !isCaseless(ch) && kind !== 'strong' && kind !== 'particle') kind = 'common';
    out.push({ s: i, e: j, kind });
    i = j;
    if (out.length > 4) return null;
  }
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

function span(words: LabelWord[]): [number, number] {
  return [words[0]!.s, words[words.length - 1]!.e];
}

/** A field label: the whole label, or its last or first word ("Work phone", "E-mail address") is one. */
export function isFieldLabel(lex: NameLexicon, key: string): boolean {
  if (lex.fieldLabels.has(key)) return true;
  const parts = key.split(' ');
  return lex.fieldLabels.has(parts[parts.length - 1]!) || lex.fieldLabels.has(parts[0]!);
}

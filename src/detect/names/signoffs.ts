import type { ScanContext } from '../candidate.js';
import { isCaseless, isLetter, isLower, isUpper } from './letters.js';
import { offerScored } from './offer.js';
import type { NamesRule } from './plan.js';
import { readRun, type NameWord } from './runs.js';
import { trieSource } from './trie.js';

/** How far after its cue a signature's name is read. */
const REACH = 80;

/**
 * Messages signed on the line they end, in any case: a name after an exclamation that closes the message
 * ("Kommt vorbei! Mert", "apareçam! william"), and a name after a sign-off and a comma or a "from" word
 * ("Beijinhos da alessandro", "Groetjes van jens", "sevgiler, babacan", "Love from Priscilla"). The name is
 * one or two words of one case, the lists' names or words no list holds, and nothing but the end of the
 * line, a period or a new sentence (a capital) follows it. Decided from at most REACH characters after each
 * hit, so a stream finds what one pass finds.
 */
export function signoffsFrom(ctx: ScanContext, r: NamesRule, gate: RegExp, from: number, limit: number): number {
  const text = ctx.text;
  const phrases = signoffPhrases(r);
  let i = from;
  while (i < limit) {
    gate.lastIndex = i;
    const m = gate.exec(text);
    if (!m || m.index >= limit) break;
    const n = m.index + m[0].length;
    i = Math.max(n, m.index + 1);
    if (m[0].charCodeAt(0) === 33) {
      // "…! Name": the exclamation closes a sentence of words.
      if (!isLetter(text.charCodeAt(m.index - 1)) && text.charCodeAt(m.index - 1) !== 32) continue;
    } else if (!signoffBefore(phrases, text, m.index)) continue;
    signatureAt(ctx, r, n, m[0].charCodeAt(0) === 33);
  }
  return ctx.base + Math.max(i, limit);
}

/** Whether a sign-off phrase of the lexicon (one to five words) ends at e, a word's start before it. */
function signoffBefore(phrases: Set<string>, text: string, e: number): boolean {
  let key = '';
  let b = e;
  for (let n = 0; n < 5; n++) {
    const we = b;
    while (b > 0 && e - b < 48 && isLetter(text.charCodeAt(b - 1))) b--;
    if (b === we) return false;
    // Entry gate: most commas follow a word that ends no phrase, told from its char codes (no strings made).
    if (n === 0 && !mayEndPhrase(phrases, text, b, we)) return false;
    key = n ? `${text.slice(b, we)} ${key}` : text.slice(b, we);
    if (phrases.has(key.toLowerCase())) return true;
    if (b < 2 || text.charCodeAt(b - 1) !== 32 || !isLetter(text.charCodeAt(b - 2))) return false;
    b--;
  }
  return false;
}

/**
 * Signatures (length, first and last letter in lower case) of the phrases' last words, per phrase set. An
 * ASCII word whose signature is not among them is no phrase's last word (lower-casing ASCII keeps its length
 * and maps each letter alone); any other word is read as before.
 */
const lastWordSigs = new WeakMap<Set<string>, Set<number>>();
const sigOf = (len: number, first: number, last: number) => len * 65536 + (first | 32) * 256 + (last | 32);

function mayEndPhrase(phrases: Set<string>, text: string, b: number, e: number): boolean {
  let sigs = lastWordSigs.get(phrases);
  if (sigs === undefined) {
    sigs = new Set();
    for (const p of phrases) {
      const w = p.slice(p.lastIndexOf(' ') + 1);
      if (w.length) sigs.add(sigOf(w.length, w.charCodeAt(0), w.charCodeAt(w.length - 1)));
    }
    lastWordSigs.set(phrases, sigs);
  }
  for (let i = b; i < e; i++) if (text.charCodeAt(i) >= 128) return true;
  return sigs.has(sigOf(e - b, text.charCodeAt(b), text.charCodeAt(e - 1)));
}

const phraseSets = new WeakMap<NamesRule, Set<string>>();
function signoffPhrases(r: NamesRule): Set<string> {
  let p = phraseSets.get(r);
  if (!p) phraseSets.set(r, (p = new Set(r.lex.cues.lineBefore.map((w) => w.replace(/\s+/g, ' ')))));
  return p;
}

function signatureAt(ctx: ScanContext, r: NamesRule, s: number, exclaimed: boolean): void {
  const text = ctx.text;
  if (!isLetter(text.charCodeAt(s))) return;
  const lower = isLower(text.charCodeAt(s));
  const read = readRun(r.lex, text, s, Math.min(text.length, s + REACH), true).slice(0, 2);
  const words: NameWord[] = [];
  for (const w of read) {
    if (w.kind === 'particle' || w.kind === 'initial' || isLower(text.charCodeAt(w.s)) !== lower) break;
    words.push(w);
  }
  if (!words.length || !words.every((w) => signatureWord(r, text, w, lower))) return;
  // After an exclamation, one word: two may be a name and the next sentence's first word ("Sophie Hoffnung").
  const run = exclaimed ? words.slice(0, 1) : words;
  const end = run[run.length - 1]!.e;
  if (!endsMessage(text, end)) return;
  offerScored(ctx, r.rule, s, end, 0.7, ['signed']);
}

/** A word that may sign a message: a name the lists know that is no common word, or a word no list holds written as a name. */
function signatureWord(r: NamesRule, text: string, w: NameWord, lower: boolean): boolean {
  const key = text.slice(w.s, w.e).toLowerCase().replace(/['’]s$/, '');
  if (w.kind === 'strong') return true;
  if (w.kind === 'weak') return !r.lex.commonWords.has(key) && !r.lex.wordNames.has(key);
  if (w.kind !== 'unknown') return false;
  if (isCaseless(text.charCodeAt(w.s))) return true;
  let letters = 0;
  for (let i = w.s; i < w.e; i++) if (isLetter(text.charCodeAt(i))) letters++;
  if (letters < 3) return false;
  // No English participle or plural ("… ! Enjoyed", "Thanks! Cheers"); in capitals no acronym.
  const t = key.slice(-3);
  if (t.endsWith('ed') || t.endsWith('ing') || (t.endsWith('s') && !key.endsWith('ss'))) return false;
  return lower || isLower(text.charCodeAt(w.s + 1));
}

/** Nothing after the name but the line's or text's end, a period or a comma closing it, or a new sentence's capital. */
function endsMessage(text: string, e: number): boolean {
  let i = e;
  if (text.charCodeAt(i) === 46 || text.charCodeAt(i) === 33) i++;
  while (i < text.length && i - e < 3 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  return c === 10 || c === 13 || (i > e && (isUpper(c) || isCaseless(c)));
}

/**
 * The gate: an exclamation mark and spaces, or a comma or a "from" word between spaces, where a sign-off
 * phrase (checked by signoffBefore, a set lookup) may end: a literal at each hit, no phrase alternation
 * tried at every position. Null without sign-offs.
 */
export function signoffGate(r: NamesRule): RegExp | null {
  let g = gates.get(r);
  if (g === undefined) {
    const preps = [...r.lex.signoffPrepositions];
    g = r.lex.cues.lineBefore.length ? new RegExp(`!+[ \\t]{1,2}|,[ \\t]{1,2}${preps.length ? `|[ \\t](?:${trieSource(preps)})[ \\t]{1,2}` : ''}`, 'g') : new RegExp('!+[ \\t]{1,2}', 'g');
    gates.set(r, g);
  }
  return g;
}
const gates = new WeakMap<NamesRule, RegExp | null>();

import { classifyRange } from './classify.js';
import { isLetter, isLower, isUpper, startsWord, wordEnd } from './letters.js';
import type { NameLexicon } from './lexicon.js';
import type { NameWord } from './runs.js';

/**
 * Names a text has already given in full ("Devagya Menon"): each of their words alone, later in the same
 * text or stream session ("Devagya never ran out of hope", "Menon's office"), is the same person. Only the
 * capitals pass writes and reads it, in text order, so a stream fills it exactly as one pass over the whole
 * text does. Keys are lower case (NFC), so "DUPONT Jean" makes "Dupont" known.
 */
export class NameMentions {
  /** Made at the first name (most short texts have none): a new state per text costs nothing then. */
  private words: Map<string, true> | null = null;
  /** How many keys start with each ASCII character: a word of ASCII letters whose folded first letter none starts with is unknown without its key. */
  private firsts: Int32Array | null = null;
  /** Where the last name the capitals pass offered ends (absolute offset), or -1: a name joined to it by "and" is a person too. */
  lastEnd = -1;

  /**
   * Remembers the words of a full name: two name words or more (initials, particles and titles are no
   * mention); after a cue, common words that are part of the name count too ("Dr. Baba Bama").
   */
  add(text: string, run: readonly NameWord[]): void {
    const named = run.filter((w) => w.kind === 'strong' || w.kind === 'weak' || w.kind === 'unknown' || w.kind === 'common');
    if (named.length < 2) return;
    const words = (this.words ??= new Map());
    this.firsts ??= new Int32Array(128);
    for (const w of named) {
      if (w.e - w.s < 2) continue;
      const key = keyOf(text, w.s, w.e);
      if (words.delete(key)) this.count(key, -1);
      words.set(key, true);
      this.count(key, 1);
      // A session of any length keeps the most recent names only.
      if (words.size > MAX_KNOWN) {
        const old = words.keys().next().value!;
        words.delete(old);
        this.count(old, -1);
      }
    }
  }

  /**
   * The words of the full name `run` (just found) standing alone in text[from, run's start): capitalised
   * words whose key is one of the name's ("Bibek had a fever … Seen with Bibek Thapa's mother"). The
   * caller bounds `from` by how far back a stream may still place a finding (limits.ts MAX_BACK), so a
   * stream finds these as one pass does.
   */
  before(lex: NameLexicon, text: string, run: readonly NameWord[], from: number): [number, number][] {
    const keys = new Set<string>();
    for (const w of run) if ((w.kind === 'strong' || w.kind === 'weak' || w.kind === 'unknown' || w.kind === 'common') && w.e - w.s >= 2) keys.add(keyOf(text, w.s, w.e));
    if (keys.size < 2) return [];
    const found: [number, number][] = [];
    const to = run[0]!.s;
    for (let i = Math.max(0, from); i < to; i++) {
      if (!isUpper(text.charCodeAt(i)) || !startsWord(text, i)) continue;
      const e = wordEnd(text, i, to);
      if (e - i >= 2 && !isLetter(text.charCodeAt(e)) && keys.has(keyOf(text, i, e)) && (e - i >= 4 || hasLower(text, i, e))) {
        const kind = classifyRange(lex, text, i, e);
        if (kind !== 'not' && kind !== 'title' && kind !== 'particle') found.push([i, e]);
      }
      i = e;
    }
    return found;
  }

  /** Whether text[s, e) is a word of a name given in full before. */
  has(text: string, s: number, e: number): boolean {
    const words = this.words;
    if (words === null || words.size === 0) return false;
    // A word of ASCII characters only keys to its letters lower-cased (less a clitic at its end): its first
    // letter folded must start some key.
    if (e > s && asciiRange(text, s, e)) {
      const c = text.charCodeAt(s);
      if (this.firsts![c >= 65 && c <= 90 ? c | 0x20 : c] === 0) return false;
    }
    return words.has(keyOf(text, s, e));
  }

  private count(key: string, by: 1 | -1): void {
    const c = key.charCodeAt(0);
    if (c < 128) this.firsts![c]! += by;
  }
}

/** How many name words a session remembers. */
const MAX_KNOWN = 256;

/**
 * A word's key, the same in any case: upper- then lower-cased (so "Baßaba" and "BASSABA", "Σοφοκλής" and
 * "ΣΟΦΟΚΛΗΣ" meet), NFC, without a possessive clitic ("Menon's" is "menon").
 */
export function keyOf(text: string, s: number, e: number): string {
  const w = text.slice(s, e);
  const k = asciiRange(text, s, e) ? w.toLowerCase() : w.normalize('NFC').toUpperCase().toLowerCase();
  // Without the clitic: 's or ’s at the key's end (after folding: "MENON'S" too).
  const n = k.length;
  if (n >= 2 && k.charCodeAt(n - 1) === 115 && (k.charCodeAt(n - 2) === 39 || k.charCodeAt(n - 2) === 0x2019)) return k.slice(0, n - 2);
  return k;
}

function asciiRange(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

function hasLower(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (isLower(text.charCodeAt(i))) return true;
  return false;
}

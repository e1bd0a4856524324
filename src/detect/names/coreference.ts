import type { ScanContext } from '../candidate.js';
import { MAX_BACK } from '../limits.js';
import { classifyRange } from './classify.js';
import { anyLanguageWord } from './language.js';
import { isCaseless, isLetter, isLower, isUpper, startsWord, wordEnd } from './letters.js';
import { keyOf } from './mentions.js';
import { offerScored } from './offer.js';
import type { NamesRule } from './plan.js';

/**
 * Within-document coreference: a word of a name found anywhere earlier in the text or stream session (by
 * any names step: a cue, a title, the lists, a sign-off), standing again later in any case or script, is
 * the same person ("Fortuné Gonzalez … entre Gonzalez et …", "Hi Wendy … Wendy's flat", "omg eleonóra …
 * tell Eleonóra"). Keys are case-free (keyOf), so a name first written in capitals or lower case is found
 * written otherwise.
 *
 * Streams: the scan is exact because it lags the frontier by MAX_BACK. Every name a later step can find
 * starts at or after `frontier − MAX_BACK` (limits.ts), so when a word before that point is decided, every
 * name starting before it is already known; and a word at or after the previous step's `frontier − MAX_BACK`
 * has not been emitted yet.
 */
export class Coreference {
  /** Key → the earliest start (absolute) of a found name holding it, its rule, and whether the key is a common word. */
  private known: Map<string, Known> | null = null;
  /**
   * The keys' folded first UTF-16 units, 256 bits (a unit's low byte): most words are dismissed by one
   * lookup, without a string. Made at the first name: a session of a short text without one allocates nothing.
   */
  private firsts: Uint8Array | null = null;
  /** Found names (absolute [start, end) pairs) that may still cover words not yet scanned. */
  private spans: number[] | null = null;
  /** Absolute offset where the scan resumes. */
  pos = 0;

  /** Names found and not yet passed by the scan: their words join `known` when the scan reaches their start. */
  private pending: Pending[] = [];

  /**
   * Reads the words of the names the names pass offered in ctx.out[from, ctx.out.length). They are known
   * from their start on, in text order (scan), so a stream and one pass know the same names at every word.
   */
  learn(ctx: ScanContext, rules: readonly NamesRule[], from: number): void {
    const text = ctx.text;
    for (let k = from; k < ctx.out.length; k++) {
      const c = ctx.out[k]!;
      if (c.rule.entity !== 'PERSON') continue;
      const ri = rules.findIndex((x) => x.rule === c.rule);
      if (ri < 0) continue;
      const r = rules[ri]!;
      (this.spans ??= []).push(c.start, c.end);
      const words: { key: string; common: boolean }[] = [];
      const e = c.end - ctx.base;
      for (let i = c.start - ctx.base; i < e; ) {
        if (!isLetter(text.charCodeAt(i)) || !startsWord(text, i)) {
          i++;
          continue;
        }
        const we = wordEnd(text, i, e);
        const w = nameKey(r, text, i, we);
        if (w) words.push(w);
        i = Math.max(we, i + 1);
      }
      if (words.length) this.pending.push({ start: c.start, rule: ri, sure: c.confidence >= SURE, words });
    }
  }

  /** Makes a found name's words known (the most recent last: a session of any length keeps the latest). */
  private admit(p: Pending): void {
    const known = (this.known ??= new Map());
    const firsts = (this.firsts ??= new Uint8Array(256));
    for (const { key, common } of p.words) {
      const had = known.get(key);
      if (had) known.delete(key);
      known.set(key, had ? (p.sure && !had.sure ? { ...had, sure: true, sureStart: p.start } : had) : { start: p.start, rule: p.rule, common, sure: p.sure, sureStart: p.sure ? p.start : Infinity });
      firsts[fold(key.charCodeAt(0)) & 255] = 1;
      if (known.size > MAX_KNOWN) known.delete(known.keys().next().value!);
    }
  }

  /**
   * Offers the later mentions of known names in text[max(pos, …), to): to is the step's limit when it is
   * the last step, else limit − MAX_BACK (see the class comment).
   */
  scan(ctx: ScanContext, rules: readonly NamesRule[], limit: number): void {
    const text = ctx.text;
    const to = ctx.final ? limit : limit - MAX_BACK;
    let i = Math.max(0, this.pos - ctx.base);
    if (to <= i) return;
    this.pos = ctx.base + to;
    const pending = this.pending;
    if (this.known === null && pending.length === 0) return;
    this.prune(ctx.base + i);
    // Offers come pass by pass; the scan meets them in text order.
    if (pending.length > 1) pending.sort((a, b) => a.start - b.start);
    let next = 0;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (!isLetter(c)) {
        i++;
        continue;
      }
      while (next < pending.length && pending[next]!.start < ctx.base + i) this.admit(pending[next++]!);
      const e = wordEnd(text, i);
      if (this.firsts !== null && this.firsts[fold(c) & 255] && startsWord(text, i) && !glued(text, i, e)) this.mentionAt(ctx, rules, i, e);
      i = e;
    }
    while (next < pending.length && pending[next]!.start < ctx.base + to) this.admit(pending[next++]!);
    if (next) pending.splice(0, next);
  }

  private mentionAt(ctx: ScanContext, rules: readonly NamesRule[], s: number, e: number): void {
    const text = ctx.text;
    const key = keyOf(text, s, e);
    const k = this.known!.get(key);
    if (!k || k.start >= ctx.base + s || this.covered(ctx.base + s, ctx.base + e)) return;
    const first = text.charCodeAt(s);
    const lower = isLower(first);
    // Written in lower case, a word is a name only when one found with a cue or a title held it ("La Rosa
    // del jardín … de color rosa": a guessed name is no ground for a lower-case word).
    if (lower && (k.common || e - s < 3 || k.sureStart >= ctx.base + s)) return;
    // In capitals only when four letters or more ("DUPONT", not an acronym such as "ANA").
    if (isUpper(first) && e - s < 4 && allCapitals(text, s, e)) return;
    // A common word written as a name, opening a sentence, is that word ("Long queues…").
    if (k.common && (lower || sentenceStart(text, s))) return;
    // Beside another capitalised word that is no known name nor a title, it is part of a place, a firm or a
    // title ("Lake Darrion", "Gonzalez Group", "47 Johnson Tunnel").
    const r = rules[k.rule]!;
    if (!lower && (this.foreignCapitalBefore(ctx, r, s) || this.foreignCapitalAfter(ctx, e))) return;
    offerScored(ctx, r.rule, s, e, lower ? 0.7 : 0.75, ['named before']);
  }

  /**
   * A capitalised word one space before s that is no known name word, no title and does not open a sentence;
   * or one before a comma or a joiner before s ("Koirala, Dongol and Rana": a firm's names).
   */
  private foreignCapitalBefore(ctx: ScanContext, r: NamesRule, s: number): boolean {
    const text = ctx.text;
    if (text.charCodeAt(s - 1) !== 32) return false;
    if (text.charCodeAt(s - 2) === 44) return this.foreignCapitalBefore(ctx, r, s - 1);
    if (!isLetter(text.charCodeAt(s - 2))) return false;
    let j = s - 2;
    while (j > 0 && s - j < 6 && isLetter(text.charCodeAt(j - 1))) j--;
    if (isLower(text.charCodeAt(j)) && r.lex.orgJoiners.has(text.slice(j, s - 1)) && text.charCodeAt(j - 1) === 32) return this.foreignCapitalBefore(ctx, r, j);
    let b = s - 2;
    while (b > 0 && s - b < 24 && isLetter(text.charCodeAt(b - 1))) b--;
    if (!isUpper(text.charCodeAt(b)) || sentenceStart(text, b)) return false;
    if (this.known!.has(keyOf(text, b, s - 1))) return false;
    return classifyRange(r.lex, text, b, s - 1) !== 'title';
  }

  /** A capitalised word one space after e that is no known name word. */
  private foreignCapitalAfter(ctx: ScanContext, e: number): boolean {
    const text = ctx.text;
    if (text.charCodeAt(e) !== 32 || !isUpper(text.charCodeAt(e + 1))) return false;
    const ne = wordEnd(text, e + 1);
    return !this.known!.has(keyOf(text, e + 1, ne));
  }

  /** Whether [s, e) (absolute) lies inside a name already found. */
  private covered(s: number, e: number): boolean {
    const sp = this.spans;
    if (sp) for (let k = 0; k < sp.length; k += 2) if (sp[k]! <= s && sp[k + 1]! >= e) return true;
    return false;
  }

  /** Forgets found names that end before `at`: the scan never goes back there. */
  private prune(at: number): void {
    const sp = this.spans;
    if (!sp) return;
    let w = 0;
    for (let k = 0; k < sp.length; k += 2) {
      if (sp[k + 1]! <= at) continue;
      sp[w++] = sp[k]!;
      sp[w++] = sp[k + 1]!;
    }
    sp.length = w;
  }
}

/** A found name whose words are not known yet: where it starts, and its words' keys. */
interface Pending {
  start: number;
  /** The rule's index in the names pass's rules: the state holds plain data (the scanner's pool clones and compares it). */
  rule: number;
  sure: boolean;
  words: { key: string; common: boolean }[];
}

/**
 * The key of a found name's word text[s, e), and whether it is a common word too; null for initials, titles,
 * particles and words that are never names ("Dr.", "van", "Customer"): those are nobody's mention.
 */
function nameKey(r: NamesRule, text: string, s: number, e: number): { key: string; common: boolean } | null {
  const caseless = isCaseless(text.charCodeAt(s));
  if (e - s < 2 && !caseless) return null;
  const kind = caseless ? 'unknown' : classifyRange(r.lex, text, s, e);
  if (kind === 'title' || kind === 'particle' || kind === 'not' || kind === 'initial') return null;
  const key = keyOf(text, s, e);
  if (key.length < (caseless ? 1 : 2)) return null;
  // A common word or one a language uses often ("Long", "Rosa", "Will") is a mention only written as a name.
  const common = !caseless && (kind === 'common' || r.lex.wordNames.has(key) || r.lex.commonWords.has(key) || anyLanguageWord(r.lex, key));
  return { key, common };
}

interface Known {
  start: number;
  rule: number;
  common: boolean;
  /** Whether a name found with a cue, a title or two listed words held it, and where the first such starts. */
  sure: boolean;
  sureStart: number;
}

/** The confidence of a name found with a cue, a title or two listed words (pass.ts), not by its slot alone. */
const SURE = 0.7;

/** How many name words a session remembers. */
const MAX_KNOWN = 256;

/** Lower-case form of a UTF-16 unit, as keyOf folds it (cached per unit). */
const FOLD = new Uint16Array(65536);
function fold(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c | 0x20 : c;
  let f = FOLD[c]!;
  if (f === 0) FOLD[c] = f = String.fromCharCode(c).toUpperCase().toLowerCase().charCodeAt(0) || c;
  return f;
}

/** A word inside an address, a handle or a file name: glued to '@', '.', '/', '_', '#' or a digit. */
function glued(text: string, s: number, e: number): boolean {
  const p = s > 0 ? text.charCodeAt(s - 1) : 32;
  const n = text.charCodeAt(e);
  const bad = (c: number) => c === 64 || c === 47 || c === 95 || c === 35 || (c >= 48 && c <= 57);
  if (bad(p) || bad(n)) return true;
  // A period between letters joins the parts of an address or a host ("jan.novak@", "www.wendy.com").
  if (p === 46 && isLetter(text.charCodeAt(s - 2))) return true;
  return n === 46 && isLetter(text.charCodeAt(e + 1));
}

function allCapitals(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (isLower(text.charCodeAt(i))) return false;
  return true;
}

/** Whether s opens a sentence: the text's or a line's start, or after . ! ? : and spaces or quotes. */
function sentenceStart(text: string, s: number): boolean {
  for (let i = s - 1; i >= Math.max(0, s - 8); i--) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 34 || c === 0x201c || c === 0x201e || c === 0xab || c === 40 || c === 42) continue;
    return c === 10 || c === 13 || c === 46 || c === 33 || c === 63 || c === 58 || c === 0x2014 || c === 0x2013;
  }
  return s < 8;
}

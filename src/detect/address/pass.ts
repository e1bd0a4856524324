import type { ScanContext } from '../candidate.js';
import { isCaseless, isLetter, isUpper } from '../names/letters.js';
import { offerScored } from '../names/offer.js';
import { isArabicLetter, shapeOf, tailSig, wordKey, wordSig, type AddressGrammar } from './grammar.js';
import { cellStreet, cellStreetFirst, pairTypeAt, prepositionStreet, cityLine, cityLineCut, countryLine, crossingAt, extendAddress, hasSuffix, holdsPostcode, slashedStreet, streetAround, streetBeforeCity, streetBeforeCityMayStart, unitsBefore } from './parse.js';
import { cjkStreet } from './cjk.js';
import type { AddressRule } from './plan.js';
import { centsRunOn, commaInAmount, decidedIn, tokenize, type Tok } from './tokens.js';
import { cityLine as layoutCityLine, layoutBlock } from './layout.js';
import { gateOpen, gatesOf } from '../prefilter.js';
import { execFrom, gateProbe, openProbe } from '../gate-probe.js';
import { afterSpeaker, holdsAddressNumber, lineEnd, valueAt, valueEnd } from './value.js';

/**
 * The postal-address detector: irregexp gates find street types (and suffixes), PO boxes, military posts
 * and address-block cues; the grammar (parse.ts) reads the tokens around each hit. Every decision reads at
 * most BACK characters before its hit and AHEAD after it, so streams find what one pass finds.
 */
export interface AddressPassState {
  typePos: number;
  numberPos: number;
  linePos: number;
  boxPos: number;
  postPos: number;
  blockPos: number;
  askPos: number;
  layoutPos: number;
  keyPos: number;
  codePos: number;
  cjkPos: number;
  accentPos: number;
}

export const newAddressPassState = (): AddressPassState => ({ typePos: 0, numberPos: 0, linePos: 0, boxPos: 0, postPos: 0, blockPos: 0, askPos: 0, layoutPos: 0, keyPos: 0, codePos: 0, cjkPos: 0, accentPos: 0 });

const BACK = 100;
/** A line or a table's cell that starts with a digit (a postcode before its city: "10115 Berlin", "\t80220 Radnice"). */
const LINE_DIGIT = /(?:\n[ \t]{0,4}|[\t,;|"][ ]?)\d/g;
const AHEAD = 320;
/** A line holding a digit before any colon or @ (a street line of a block known by its layout). */
const LAYOUT_LINE = /\n[^\n\d:@]{0,48}\d/g;
/** An address block after a cue: at most this many lines of at most LINE characters. */
const BLOCK_LINES = 6;
const LINE = 100;
/** How far after its cue a block may reach (within MAX_MATCH, limits.ts). */
const BLOCK_REACH = 560;

export function addressPass(ctx: ScanContext, rules: readonly AddressRule[], st: AddressPassState, limit: number): void {
  // A gate that cannot match a short text is not run (ctx.pre, prefilter.ts).
  const pre = ctx.pre;
  for (const r of rules) {
    const f = gatesOf(pre, r);
    if (gateOpen(pre, f, 0)) st.typePos = gateFrom(ctx, r.typeGate, st.typePos, limit, (s, e) => streetAt(ctx, r, s, e));
    if (r.accentTypeGate && gateOpen(pre, f, 9)) st.accentPos = gateFrom(ctx, r.accentTypeGate, st.accentPos, limit, (s, e) => (s > 0 && isLetter(ctx.text.charCodeAt(s - 1)) ? e : streetAt(ctx, r, s, e)));
    if (gateOpen(pre, f, 1)) {
      const at = (s: number, e: number) => numberAfterStreet(ctx, r, e - 1);
      st.numberPos = isNumberGate(r.numberGate) ? numberGateFrom(ctx, r.numberGate, st.numberPos, limit, at) : gateFrom(ctx, r.numberGate, st.numberPos, limit, at);
    }
    if (gateOpen(pre, f, 2)) {
      // The text's first character starts a line too ("5642 Lugano|…", a row with no header): LINE_DIGIT needs a
      // character before its digit. Only at the true start (base 0), so a stream's later windows never see one.
      if (ctx.base === 0 && st.linePos === 0 && limit > 0 && ctx.text.charCodeAt(0) >= 48 && ctx.text.charCodeAt(0) <= 57) lineDigitAt(ctx, r, 0);
      st.linePos = gateFrom(ctx, LINE_DIGIT, st.linePos, limit, (s, e) => lineDigitAt(ctx, r, e - 1));
    }
    if (r.boxGate && gateOpen(pre, f, 3)) st.boxPos = cueGateFrom(ctx, r.boxGate, f, 3, st.boxPos, limit, (s, e) => fromTo(ctx, r, s, e, 0.85, 'PO box'));
    if (r.postGate && gateOpen(pre, f, 4)) st.postPos = cueGateFrom(ctx, r.postGate, f, 4, st.postPos, limit, (s, e) => militaryAt(ctx, r, s, e));
    if (r.blockGate && gateOpen(pre, f, 5)) st.blockPos = cueGateFrom(ctx, r.blockGate, f, 5, st.blockPos, limit, (s, e) => blockAt(ctx, r, s, e));
    if (gateOpen(pre, f, 6)) st.layoutPos = gateFrom(ctx, LAYOUT_LINE, st.layoutPos, limit, (s, e) => layoutAt(ctx, r, s + 1, e));
    if (r.keyGate && gateOpen(pre, f, 7)) st.keyPos = cueGateFrom(ctx, r.keyGate, f, 7, st.keyPos, limit, (s, e) => keyValueAt(ctx, r, e));
    if (r.codeGate && gateOpen(pre, f, 10)) st.codePos = gateFrom(ctx, r.codeGate, st.codePos, limit, (s) => codeLineAt(ctx, r, s));
    if (r.cjkGate && gateOpen(pre, f, 11)) st.cjkPos = gateFrom(ctx, r.cjkGate, st.cjkPos, limit, (s) => cjkAt(ctx, r, s));
    if (r.questionGate && gateOpen(pre, f, 8)) st.askPos = cueGateFrom(ctx, r.questionGate, f, 8, st.askPos, limit, (s, e) => answerAt(ctx, r, s, e));
  }
}

/** The gates addressPass runs, in the order of its filters. */
export const addressGates = (r: AddressRule) => [r.typeGate, r.numberGate, LINE_DIGIT, r.boxGate, r.postGate, r.blockGate, LAYOUT_LINE, r.keyGate, r.questionGate, r.accentTypeGate, r.codeGate, r.cjkGate];

/**
 * gateFrom for a cue gate (a word list): in a short text, tried sticky only where its grams say a match may
 * start (gate-probe.ts), which finds the same matches in the same order; searched over the text otherwise.
 */
function cueGateFrom(ctx: ScanContext, gate: RegExp, ids: Int32Array | null, k: number, from: number, limit: number, at: (s: number, e: number) => number): number {
  const pre = ctx.pre;
  if (pre === null || ids === null || ids[k]! < 0) return gateFrom(ctx, gate, from, limit, at);
  const probe = openProbe(gateProbe(gate), pre, ids[k]!);
  if (probe.count < 0) return gateFrom(ctx, gate, from, limit, at);
  const text = ctx.text;
  let i = Math.max(0, from - ctx.base);
  while (i < limit) {
    const m = execFrom(probe, text, i);
    if (!m || m.index >= limit) break;
    const e = m.index + m[0].length;
    i = Math.max(e, at(m.index, e), m.index + 1);
  }
  return ctx.base + Math.max(i, limit);
}

/** Runs a global gate from `from` (absolute) to `limit`; `at` returns where the next search may start. */
function gateFrom(ctx: ScanContext, gate: RegExp, from: number, limit: number, at: (s: number, e: number) => number): number {
  const text = ctx.text;
  let i = Math.max(0, from - ctx.base);
  while (i < limit) {
    gate.lastIndex = i;
    const m = gate.exec(text);
    if (!m || m.index >= limit) break;
    const e = m.index + m[0].length;
    i = Math.max(e, at(m.index, e), m.index + 1);
  }
  return ctx.base + Math.max(i, limit);
}

/**
 * The house-number gate, a letter then a space before a digit, is class-led: irregexp tries it at every
 * position (148 MB/s on care text). Its matches hold a space or tab right before their digit, which a
 * plain regex finds at 530 MB/s; the one position the gate could start at for that space is read back on
 * char codes and the gate tried there, sticky. Only for the gate as written here (address/plan.ts).
 */
const NUMBER_GATE_SOURCE = String.raw`[\p{L}\p{M}](?:\.,|[.,])?[ \t]{1,2}\d`;
const SPACE_DIGIT = /[ \t]\d/g;
const stickyNumberGates = new WeakMap<RegExp, RegExp>();

/** The house-number gate tried sticky (numberGateFrom). */
function stickyNumberGate(gate: RegExp): RegExp {
  let sticky = stickyNumberGates.get(gate);
  if (!sticky) stickyNumberGates.set(gate, (sticky = new RegExp(gate.source, 'uy')));
  return sticky;
}

/** Every regex addressPass runs over a text (its gates and the house-number gate's prefilter), made now (scanner.ts scanRegExps). */
export function addressRegExps(r: AddressRule): RegExp[] {
  const out: (RegExp | null)[] = [...addressGates(r), SPACE_DIGIT];
  if (isNumberGate(r.numberGate)) out.push(stickyNumberGate(r.numberGate));
  // The sticky copies that probe the cue gates in short texts (cueGateFrom).
  for (const g of [r.boxGate, r.postGate, r.blockGate, r.keyGate, r.questionGate]) if (g) out.push(gateProbe(g).sticky);
  return out.filter((re): re is RegExp => re !== null);
}

const isNumberGate = (gate: RegExp) => gate.source === NUMBER_GATE_SOURCE && gate.flags === 'gu';

/** gateFrom for the house-number gate (isNumberGate): the same matches, in the same order. */
function numberGateFrom(ctx: ScanContext, gate: RegExp, from: number, limit: number, at: (s: number, e: number) => number): number {
  const text = ctx.text;
  const sticky = stickyNumberGate(gate);
  let i = Math.max(0, from - ctx.base);
  let q = i;
  while (i < limit) {
    // The next space or tab before a digit at or after q, and the gate's start for it.
    SPACE_DIGIT.lastIndex = q;
    if (!SPACE_DIGIT.test(text)) break;
    const sp = SPACE_DIGIT.lastIndex - 2;
    q = sp + 1;
    const p = numberGateStart(text, sp);
    // A start before i only as V8 takes it: a lastIndex inside a surrogate pair steps back to the pair.
    if (p < i && !(p === i - 1 && (text.charCodeAt(i) & 0xfc00) === 0xdc00 && (text.charCodeAt(p) & 0xfc00) === 0xd800)) continue;
    sticky.lastIndex = p;
    if (!sticky.test(text)) continue;
    if (p >= limit) break;
    const e = sticky.lastIndex;
    i = Math.max(e, at(p, e), p + 1);
    q = Math.max(q, i);
  }
  return ctx.base + Math.max(i, limit);
}

/** The house-number gate's matches from i on, as numberGateFrom takes them to its callback (for tests). */
export function numberGateHits(gate: RegExp, text: string, i: number): [number, number][] {
  const hits: [number, number][] = [];
  numberGateFrom({ text, base: 0 } as ScanContext, gate, i, text.length, (s, e) => {
    hits.push([s, e]);
    return e;
  });
  return hits;
}

/**
 * Where a match of the house-number gate whose last space is at sp would start: before one more space or
 * tab, an optional period or comma (or a period and a comma), the letter or mark (a surrogate pair's start for one outside the BMP).
 * Any other start cannot end its spaces at sp; -1 when none can.
 */
function numberGateStart(text: string, sp: number): number {
  let j = sp;
  const b = text.charCodeAt(j - 1);
  if (b === 32 || b === 9) j--;
  const c = text.charCodeAt(j - 1);
  if (c === 46 || c === 44) j--;
  // An abbreviation's period before the comma ("Камская ул., 559").
  if (c === 44 && text.charCodeAt(j - 1) === 46) j--;
  let p = j - 1;
  if (p < 0) return -1;
  if ((text.charCodeAt(p) & 0xfc00) === 0xdc00 && p > 0 && (text.charCodeAt(p - 1) & 0xfc00) === 0xd800) p--;
  return p;
}

/**
 * Whether a house number may stand near a street type at [s, e): a run of 1–6 digits on the same line,
 * within 48 characters before it or 48 after it (longer runs are phones, orders, cards). Char codes only.
 */
function hasDigitNear(text: string, s: number, e: number): boolean {
  for (let i = s - 1, n = 0; i >= 0 && s - i <= 48; i--) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
    else {
      if (n > 0 && n <= 6) return true;
      n = 0;
      if (c === 10) break;
    }
    if (i === 0 && n > 0 && n <= 6) return true;
  }
  for (let i = e, n = 0; i < text.length && i - e <= 48; i++) {
    const c = text.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    if (digit) n++;
    if (!digit || i + 1 === text.length) {
      if (n > 0 && n <= 6) return true;
      n = 0;
      if (c === 10) break;
    }
  }
  return false;
}

/** Whether "s/n" (no house number, said so: "Barranco Francisca Ornelas Mena s/n.") follows within 48 characters on the line. */
function noNumberNear(text: string, e: number): boolean {
  for (let i = e; i < text.length && i - e <= 48; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return false;
    if (c === 47 && (text.charCodeAt(i - 1) | 0x20) === 115 && (text.charCodeAt(i + 1) | 0x20) === 110 && text.charCodeAt(i - 2) === 32) return true;
  }
  return false;
}

/**
 * Tokens of the window around a hit, from the first whole word after `back` characters before it to
 * `ahead` characters after it. Hits are read first in a small window (most are no street: "a short
 * walk", "the park"); only a street found there is read on in the whole window.
 */
function windowTokens(text: string, s: number, back = BACK, ahead = AHEAD): Tok[] {
  return tokenize(text, windowStart(text, s, back), Math.min(text.length, s + ahead), 96);
}

/** Where windowTokens' window for s starts: the first whole word after `back` characters before s. */
export function windowStart(text: string, s: number, back: number): number {
  let from = Math.max(0, s - back);
  // Start at a word's start: after a space or a mark (CSV cells and JSON strings have no space before them).
  if (from > 0) while (from < s && (isLetter(text.charCodeAt(from - 1)) || (text.charCodeAt(from - 1) >= 48 && text.charCodeAt(from - 1) <= 57))) from++;
  return from;
}

/** The street found around the hit at s in a small window, then read on in the whole one. */
function streetFrom(ctx: ScanContext, r: AddressRule, s: number, pick: (toks: Tok[]) => number, near = windowTokens(ctx.text, s, 72, 72)): number {
  const text = ctx.text;
  const k = pick(near);
  if (k < 0 || !streetAround(r.g, near, k)) return -1;
  const toks = windowTokens(text, s);
  const at = near[k]!.s;
  const k2 = toks.findIndex((t) => t.s === at);
  const street = k2 < 0 ? null : streetAround(r.g, toks, k2);
  if (!street) return -1;
  return offerTokens(ctx, r, toks, unitsBefore(r.g, toks, street[0]), extendAddress(r.g, toks, street[1]), 0.85, 'street grammar');
}

function offerTokens(ctx: ScanContext, r: AddressRule, toks: Tok[], a: number, b: number, confidence: number, why: string): number {
  const last = toks[b]!;
  // An abbreviation's period ("St.", "Apt.") belongs to the address; a sentence's final one does not.
  const end = last.dot && last.kind === 'w' && last.text.length <= 4 ? last.e + 1 : last.e;
  offerScored(ctx, r.rule, toks[a]!.s, end, confidence, [why]);
  return end;
}

/**
 * A grammar reading anchored on the token that starts at s, in a window of `before`/`after` characters
 * around it: offered with its confidence and reason when the grammar finds one. The end offered, or -1.
 */
function offerReadingAt(
  ctx: ScanContext,
  r: AddressRule,
  s: number,
  before: number,
  after: number,
  read: (g: AddressGrammar, toks: Tok[], at: number) => [number, number] | null,
  confidence: number,
  why: string,
): number {
  const toks = windowTokens(ctx.text, s, before, after);
  const at = toks.findIndex((t) => t.s === s);
  const found = at < 0 ? null : read(r.g, toks, at);
  return found ? offerTokens(ctx, r, toks, found[0], found[1], confidence, why) : -1;
}

function streetAt(ctx: ScanContext, r: AddressRule, s: number, e: number): number {
  const at = (toks: Tok[]) => toks.findIndex((t) => t.s <= s && s < t.e);
  const text = ctx.text;
  const numbered = hasDigitNear(text, s, e) || noNumberNear(text, e);
  // Without a house number only a crossing: its first tokens first (crossingMayStart).
  if (!numbered && !crossingMayStart(r.g, text, s)) return e;
  // The small window serves both readings (the parser only reads token lists).
  const toks = windowTokens(text, s, 72, 72);
  if (numbered) {
    const end = streetFrom(ctx, r, s, at, toks);
    if (end >= 0) return Math.max(e, end);
  }
  // A crossing of two streets has no house number ("Oak Street & 5th Avenue").
  const k = at(toks);
  const found = k < 0 ? null : crossingAt(r.g, toks, k);
  return found ? Math.max(e, offerTokens(ctx, r, toks, found[0], found[1], 0.8, 'crossing')) : e;
}

/**
 * What crossingAt needs of streetAt's window around a type at s, read on the window's tokens from the last
 * space before s (tokens.ts: no token holds one) or the window's start: the token that holds s capitalised,
 * and a joiner next on its line ("Oak Street & 5th Avenue").
 */
function crossingMayStart(g: AddressGrammar, text: string, s: number): boolean {
  const from = windowStart(text, s, 72);
  const e = Math.min(text.length, s + 72);
  let p = s;
  while (p > from && !isBlank(text.charCodeAt(p - 1))) p--;
  const before = tokenize(text, p, e, 96, s);
  const t = before[before.length - 1];
  if (t === undefined || t.e <= s || t.kind !== 'w' || !t.cap) return false;
  const next = tokenize(text, t.dot ? t.e + 1 : t.e, e, 1)[0];
  return next !== undefined && !next.nl && g.joiners.has(wordKey(next.text));
}

/** The characters tokenize skips between tokens. */
const isBlank = (c: number) => c === 32 || c === 13 || c === 0xa0 || c === 10;

/** A house number at d after a street's name: the type or suffix is one of the six words before it. */
/**
 * Whether one of the six words before the number at d, on its line, is a street type or ends in a street
 * suffix: read as slices, without tokenizing the window (most numbers after a word are no house number).
 */
function typeWordBefore(r: AddressRule, text: string, d: number): boolean {
  let e = d;
  for (let n = 0; n < 6 && e > 0; n++) {
    while (e > 0 && d - e < 96 && !isLetter(text.charCodeAt(e - 1))) {
      const c = text.charCodeAt(e - 1);
      if (c === 10 || (c >= 48 && c <= 57 && n > 0)) return false;
      e--;
    }
    let b = e;
    while (b > 0 && (isLetter(text.charCodeAt(b - 1)) || text.charCodeAt(b - 1) === 45)) b--;
    if (b === e) return false;
    // Char-code signatures first: most words before a number are no street type (no string made for them).
    // Types starting with an ASCII letter are found by the type gate (streetAt); here the others only.
    // (An Arabic word's signature without its vowel marks and tatweel: "شَارِع" is "شارع".)
    const maybeType = text.charCodeAt(b) >= 128 && (r.g.typeSigs.has(wordSig(text, b, e)) || (isArabicLetter(text.charCodeAt(b)) && arabicTypeSig(r, text, b, e)));
    const maybeSuffix = e - b >= 3 && r.g.suffixTails.has(tailSig(text.charCodeAt(e - 2), text.charCodeAt(e - 1)));
    if (!maybeType && !maybeSuffix) {
      e = b;
      continue;
    }
    const upper = isUpper(text.charCodeAt(b));
    if (isAsciiWord(text, b, e)) {
      // ASCII: the key is the word in lower case, compared on char codes; a string only for a type's signature.
      if (suffixAtAsciiEnd(r.g, text, b, e, upper)) return true;
      if (r.g.typeSigs.has(wordSig(text, b, e))) {
        const key = wordKey(text.slice(b, e));
        if (r.g.typesBefore.has(key) || r.g.typesAfter.has(key)) return true;
      }
      e = b;
      continue;
    }
    const key = wordKey(text.slice(b, e));
    if (r.g.typesBefore.has(key) || r.g.typesAfter.has(key) || r.g.pairSeconds.has(key) || r.g.suffixes.some((x) => (upper || x.length >= 5) && key.length > x.length + 1 && key.endsWith(x.replace(/\.$/, '')))) return true;
    e = b;
  }
  return false;
}

/**
 * Whether one of the five words before the number at d, on its line, is a capitalised street preposition ("Am",
 * "Auf", "Na"): read on char codes, a string made only for short capitalised words (most numbers have none).
 */
function prepositionBefore(r: AddressRule, text: string, d: number): boolean {
  let e = d;
  for (let n = 0; n < 5 && e > 0; n++) {
    while (e > 0 && d - e < 64 && !isLetter(text.charCodeAt(e - 1))) {
      if (text.charCodeAt(e - 1) === 10) return false;
      e--;
    }
    let b = e;
    while (b > 0 && e - b <= 8 && isLetter(text.charCodeAt(b - 1))) b--;
    if (b === e) return false;
    if (e - b <= 7 && isUpper(text.charCodeAt(b)) && mayBePreposition(r.g, text, b, e) && r.g.prepositions.has(wordKey(text.slice(b, e)))) return true;
    e = b;
  }
  return false;
}

/** The signatures (wordSig) of the grammar's prepositions written in ASCII. */
const asciiPrepositionSigs = new WeakMap<AddressGrammar, Set<number>>();

/**
 * Whether the word [b, e) may be one of the grammar's prepositions: an ASCII word's key is its lower case,
 * as long as it, so its signature is a preposition's when it is one (no string made for the others).
 */
function mayBePreposition(g: AddressGrammar, text: string, b: number, e: number): boolean {
  if (!isAsciiWord(text, b, e)) return true;
  let sigs = asciiPrepositionSigs.get(g);
  if (!sigs) {
    sigs = new Set();
    for (const w of g.prepositions) if (/^[\x00-\x7f]+$/.test(w)) sigs.add(wordSig(w, 0, w.length));
    asciiPrepositionSigs.set(g, sigs);
  }
  return sigs.has(wordSig(text, b, e));
}

/** Whether the Arabic word [b, e) without its marks has a street type's signature. */
function arabicTypeSig(r: AddressRule, text: string, b: number, e: number): boolean {
  const key = wordKey(text.slice(b, e));
  return key.length !== e - b && key.length > 0 && r.g.typeSigs.has(wordSig(key, 0, key.length));
}

function isAsciiWord(text: string, b: number, e: number): boolean {
  for (let i = b; i < e; i++) if (text.charCodeAt(i) >= 128) return false;
  return true;
}

/** The grammar's street suffixes without a final period, with their length as written. */
const bareSuffixes = new WeakMap<AddressGrammar, { bare: string; written: number }[]>();

/**
 * typeWordBefore's suffix test for an ASCII word [b, e) (its key is its lower case, as long as it): a
 * suffix, its final period left out, ends the word, which is longer than the suffix as written plus one
 * (for a word in lower case, only suffixes of five characters or more).
 */
function suffixAtAsciiEnd(g: AddressGrammar, text: string, b: number, e: number, upper: boolean): boolean {
  let list = bareSuffixes.get(g);
  if (!list) bareSuffixes.set(g, (list = g.suffixes.map((x) => ({ bare: x.replace(/\.$/, ''), written: x.length }))));
  const len = e - b;
  for (let k = 0; k < list.length; k++) {
    const { bare, written } = list[k]!;
    if ((!upper && written < 5) || len <= written + 1) continue;
    const m = bare.length;
    let j = 0;
    while (j < m) {
      let c = text.charCodeAt(e - m + j);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== bare.charCodeAt(j)) break;
      j++;
    }
    if (j === m) return true;
  }
  return false;
}

function numberAfterStreet(ctx: ScanContext, r: AddressRule, d: number): number {
  const g = r.g;
  if (!typeWordBefore(r, ctx.text, d)) {
    const street = numberBeforeCity(ctx, r, d);
    if (street > d) return street;
    const slashed = slashedAt(ctx, r, d);
    if (slashed > d) return slashed;
    const named = r.g.prepositions.size && prepositionBefore(r, ctx.text, d) ? offerReadingAt(ctx, r, d, 72, AHEAD, prepositionStreet, 0.75, 'street after a preposition') : -1;
    if (named > d) return named;
    const city = cityLineAt(ctx, r, d);
    return city > d + 1 ? city : Math.max(city, cellStreetAt(ctx, r, d));
  }
  const pick = (toks: Tok[]) => {
    const n = toks.findIndex((t) => t.s === d);
    for (let k = n - 1; n > 0 && k >= Math.max(0, n - 6) && !toks[k + 1]!.nl; k--) {
      const t = toks[k]!;
      if (t.kind === 'w' && (hasSuffix(g, t) || g.typesBefore.has(wordKey(t.text)) || g.typesAfter.has(wordKey(t.text)) || pairTypeAt(g, toks, k)) && streetAround(g, toks, k)) return k;
    }
    return -1;
  };
  const end = streetFrom(ctx, r, d, pick);
  // A street that ends before the number ("9514 Old State Road,\"Percycester, AK 70162-9860\""): the number may start a city line.
  return end > d ? end : Math.max(d + 1, cityLineAt(ctx, r, d));
}

/**
 * A house number at d after words that are no known street type, with a postcode after it ("Matteopark
 * 3228, 8995 Voormezeletem"): the street is read back from its city (parse.ts streetBeforeCity). A test on
 * char codes first: a digit or a capital next after the number, past a comma and spaces.
 */
function numberBeforeCity(ctx: ScanContext, r: AddressRule, d: number): number {
  const text = ctx.text;
  let q = d;
  while (q < text.length && q - d < 12 && text.charCodeAt(q) !== 32 && text.charCodeAt(q) !== 44) q++;
  let n = q;
  while (n < text.length && n - q < 3 && (text.charCodeAt(n) === 32 || text.charCodeAt(n) === 44)) n++;
  const c = text.charCodeAt(n);
  if (n === q || !((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return -1;
  // streetBeforeCity needs a postcode after the number on its line; every shape holds a digit. (Read from the
  // end of the number's leading digits: its token ends there or later.)
  if (allShapesHoldDigits(r.g) && !digitOnLine(text, d + digitsFrom(text, d), Math.min(text.length, d + AHEAD))) return -1;
  // The number and the name before it first, in a window that ends NEAR_AHEAD after the number (the same
  // tokens as the whole window's up to the number when the number's token is decided there): most
  // numbers after a word have no capitalised name before them, and the 320 characters after are not read.
  // streetBeforeCityMayStart reads the number's token and the four before it, on its line: read from where
  // the window's tokens are those (nearStart), up to the number.
  const near = tokenize(text, nearStart(text, d, windowStart(text, d, 72)), Math.min(text.length, d + NEAR_AHEAD), 96, d);
  const h = indexAt(near, d);
  if (h >= 0 && decidedIn(text, near[h]!, Math.min(text.length, d + NEAR_AHEAD)) && !streetBeforeCityMayStart(r.g, near, h)) return -1;
  return offerReadingAt(ctx, r, d, 72, AHEAD, streetBeforeCity, 0.8, 'street before its city');
}

/**
 * Where to read the tokens before d that a window starting at `from` holds, four of them at least: after the
 * space before the fourth run of non-spaces before d, or after a line break (no reading goes back across one),
 * or `from`. No token holds a space (tokens.ts), so the tokens read from there are the window's.
 */
export function nearStart(text: string, d: number, from: number): number {
  let runs = 0;
  let i = d;
  while (i > from) {
    const c = text.charCodeAt(i - 1);
    if (c === 32 || c === 13 || c === 0xa0 || c === 10) {
      // (The first space counted may be the one right before d: five of them leave four runs between.)
      if (c === 10 || ++runs >= 5) return i;
      while (i > from && isSpace(text.charCodeAt(i - 1))) {
        if (text.charCodeAt(i - 1) === 10) return i;
        i--;
      }
    } else i--;
  }
  return from;
}

const isSpace = (c: number) => c === 32 || c === 13 || c === 0xa0;

/** Whether a digit stands in [s, e) before a line break. */
function digitOnLine(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
    if (c === 10) return false;
  }
  return false;
}

const shapesWithDigits = new WeakMap<AddressGrammar, boolean>();

/** Whether every postcode shape of the grammar holds a digit (then so does a postcode's token or the one after it). */
function allShapesHoldDigits(g: AddressGrammar): boolean {
  let all = shapesWithDigits.get(g);
  if (all === undefined) shapesWithDigits.set(g, (all = [...g.postcodes].every((x) => x.includes('9'))));
  return all;
}

/** How far after a house number the window of its first reading goes (numberBeforeCity). */
const NEAR_AHEAD = 48;

/** The index of the token starting at s, or -1. */
function indexAt(toks: readonly Tok[], s: number): number {
  for (let k = 0; k < toks.length; k++) if (toks[k]!.s === s) return k;
  return -1;
}

/** A digit at a line's or a cell's start: a city line (postcode first), else a street cell written number first. */
function lineDigitAt(ctx: ScanContext, r: AddressRule, d: number): number {
  const end = cityLineAt(ctx, r, d);
  return end > d + 1 ? end : Math.max(end, cellFirstAt(ctx, r, d));
}

/**
 * A CSV cell holding a street line written number first, its house number at d (parse.ts cellStreetFirst).
 * On char codes first: one to five digits (a letter may end them), a space, a capital or a caseless letter,
 * and the row's separators near.
 */
function cellFirstAt(ctx: ScanContext, r: AddressRule, d: number): number {
  const text = ctx.text;
  let q = d;
  while (q < text.length && q - d < 6 && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) q++;
  if (q - d > 5) return -1;
  if (isLetter(text.charCodeAt(q)) && !isLetter(text.charCodeAt(q + 1))) q++;
  const c = text.charCodeAt(q + 1);
  if (text.charCodeAt(q) !== 32 || !(isUpper(c) || (c >= 0x590 && isCaseless(c)))) return -1;
  if (!cellSeparatorsNear(text, d, CELL_REACH)) return -1;
  return offerReadingAt(ctx, r, d, CELL_REACH, 96, cellStreetFirst, 0.75, 'street in a table cell');
}

/** How far before a cell's house number its row's separators are looked for (a long cell before it: an IPv6, an e-mail). */
const CELL_REACH = BACK;

/** A CSV cell holding a street line, its house number at d (parse.ts cellStreet). */
function cellStreetAt(ctx: ScanContext, r: AddressRule, d: number): number {
  if (!cellSeparatorsNear(ctx.text, d, CELL_REACH)) return -1;
  return offerReadingAt(ctx, r, d, CELL_REACH, 72, cellStreet, 0.75, 'street in a table cell');
}

/**
 * What cellStreet needs, on char codes before any token is read: three cell separators (',', ';', '|' or
 * a tab; a quote is not counted) on the line of d within `reach` characters of it. Its tokens of those
 * characters are at most as many, so a line without three never holds its row (most numbers are in prose).
 */
function cellSeparatorsNear(text: string, d: number, reach: number): boolean {
  let n = 0;
  for (let i = d - 1; i >= 0 && d - i <= reach; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) break;
    if ((c === 44 || c === 59 || c === 124 || c === 9) && ++n >= 3) return true;
  }
  for (let i = d; i < text.length && i - d < reach; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) break;
    if ((c === 44 || c === 59 || c === 124 || c === 9) && ++n >= 3) return true;
  }
  return false;
}

/** A house number with a slash at d ("Křemílkova 901/18"): the street before it (parse.ts slashedStreet). */
function slashedAt(ctx: ScanContext, r: AddressRule, d: number): number {
  const text = ctx.text;
  let q = d;
  while (q < text.length && q - d < 6 && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) q++;
  if (text.charCodeAt(q) !== 47 || !(text.charCodeAt(q + 1) >= 48 && text.charCodeAt(q + 1) <= 57)) return -1;
  // What slashedStreet needs on char codes: a first number above 31 (no date: "12/05"), and the name's last
  // word right before the house number, with spaces only between (a comma, period or tab leaves none).
  if (Number(text.slice(d, q)) <= 31 || !spacesAfterLetter(text, d)) return -1;
  return offerReadingAt(ctx, r, d, 72, AHEAD, slashedStreet, 0.75, 'street with a slashed number');
}

/**
 * Whether only spaces stand between a letter and the token at d (then the token before it may be a word
 * without a period after it): false for a comma, period or tab before the spaces, as the house-number gate
 * allows, which tokens.ts reads as a mark or a word's period.
 */
function spacesAfterLetter(text: string, d: number): boolean {
  let i = d - 1;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  return i >= 0 && i < d - 1 && isLetter(text.charCodeAt(i));
}

/** A postcode starting with a letter ("C4B 7K9", "W53 4MS5", "LV-4638") and its city (parse.ts cityLine). */
function codeLineAt(ctx: ScanContext, r: AddressRule, s: number): number {
  if (!postcodeMayStartAt(r.g, ctx.text, s, Math.min(ctx.text.length, s + 48))) return s + 1;
  const end = offerReadingAt(ctx, r, s, 48, 48, cityLine, 0.8, 'city line');
  return end < 0 ? s + 1 : end;
}

/** A street in a script written without spaces ("嘉義市侯南路92號", "〒161-1774 島根県…1丁目21番10号"), then its units. */
function cjkAt(ctx: ScanContext, r: AddressRule, s: number): number {
  const text = ctx.text;
  const run = cjkStreet(r.g, text, s);
  if (!run) return s + 1;
  const toks = tokenize(text, run[0], Math.min(text.length, run[0] + AHEAD), 64);
  let b = 0;
  while (b + 1 < toks.length && toks[b + 1]!.e <= run[1]) b++;
  return offerTokens(ctx, r, toks, 0, extendAddress(r.g, toks, b), 0.8, 'street (CJK)');
}

/**
 * What cityLine needs first (parse.ts postcodeAt) of a window ending at e, read on the two tokens from s alone:
 * a postcode's shape in one token or two. A window whose token starts at s reads those two tokens (the tokens
 * from a token's start depend only on the window's end); one without a token at s reads no city line there.
 */
function postcodeMayStartAt(g: AddressGrammar, text: string, s: number, e: number): boolean {
  const two = tokenize(text, s, e, 2);
  const t = two[0];
  if (t === undefined || t.s !== s || t.kind === 'p' || t.decimal) return false;
  const n = two[1];
  if (n !== undefined && !n.nl && n.kind !== 'p' && !n.decimal && g.postcodes.has(`${shapeOf(t.text)} ${shapeOf(n.text)}`)) return true;
  return g.postcodes.has(shapeOf(t.text));
}

/**
 * What cityLine needs around a postcode at [d, q), tested on char codes: a line's or cell's start before it,
 * a comma or a region code ("IL ") before it, or a shaped code ("1200-195", "111 51", "1017 GC").
 */
function cityLinePossible(text: string, d: number, q: number): boolean {
  let p = d - 1;
  while (p >= 0 && text.charCodeAt(p) === 32) p--;
  if (p < 0) return true;
  const c = text.charCodeAt(p);
  if (c === 10 || c === 13 || c === 44 || c === 34 || c === 59 || c === 124 || c === 9) return true;
  if (c >= 65 && c <= 90 && p > 0 && text.charCodeAt(p - 1) >= 65 && text.charCodeAt(p - 1) <= 90) return true;
  const a = text.charCodeAt(q);
  const b = text.charCodeAt(q + 1);
  // The end of a CSV cell or a record's string ("…,Yannicland 04080,").
  if (q >= text.length || a === 44 || a === 34 || a === 59 || a === 124 || a === 10 || a === 13 || a === 9) return true;
  if (a === 45 && b >= 48 && b <= 57) return true;
  return a === 32 && ((b >= 48 && b <= 57) || (b >= 65 && b <= 90));
}

/** A city line around the postcode starting at d (parse.ts cityLine); returns where to go on. */
function cityLineAt(ctx: ScanContext, r: AddressRule, d: number): number {
  // A postcode's digits first, on char codes: the run's length must start some country's shape, and no
  // decimal or time goes on after it ("5.99", "10:30"). Most numbers are none.
  const text = ctx.text;
  let q = d;
  while (q < text.length && q - d < 16 && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) q++;
  if (q - d > 12 || ((r.g.postcodeLead >>> (q - d)) & 1) === 0) return d + 1;
  const after = text.charCodeAt(q);
  // (A comma that is no amount's ends a CSV cell: "Thanh Hóa 91201,6393…", "Neoscheid 30865,117.230.143.233".)
  if ((after === 46 || after === 44 || after === 58) && text.charCodeAt(q + 1) >= 48 && text.charCodeAt(q + 1) <= 57 && !(after === 44 && !(commaInAmount(q - d, digitsFrom(text, q + 1)) && !lowerAfterDigits(text, q + 1) && !centsRunOn(text, q + 1) && !(text.charCodeAt(d) === 48 && q - d > 1)))) return d + 1;
  if (!cityLinePossible(text, d, q) || !postcodeMayStartAt(r.g, text, d, Math.min(text.length, d + 48))) return d + 1;
  const end = offerReadingAt(ctx, r, d, 48, 48, cityLine, 0.8, 'city line');
  return end < 0 ? d + 1 : end;
}

/** Whether the digits from i run on into a lower-case letter (a code in the next cell: "88204,9f79268b"). */
function lowerAfterDigits(text: string, i: number): boolean {
  const k = i + digitsFrom(text, i);
  const c = text.charCodeAt(k);
  return k < text.length && isLetter(c) && !isUpper(c);
}

/** How many digits follow from i (at most 8 counted). */
function digitsFrom(text: string, i: number): number {
  let k = i;
  while (k < text.length && k - i < 8 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
  return k - i;
}

function fromTo(ctx: ScanContext, r: AddressRule, s: number, e: number, confidence: number, why: string): number {
  const toks = tokenize(ctx.text, s, Math.min(ctx.text.length, s + AHEAD), 64);
  let b = 0;
  while (b + 1 < toks.length && toks[b + 1]!.e <= e) b++;
  return offerTokens(ctx, r, toks, 0, extendAddress(r.g, toks, b), confidence, why);
}

/** "PSC 1234, Box 5678, APO AE 09876": the post and region found, the unit looked for before them. */
function militaryAt(ctx: ScanContext, r: AddressRule, s: number, e: number): number {
  const text = ctx.text;
  const toks = tokenize(text, Math.max(0, s - 48), s, 24);
  let start = s;
  for (let i = toks.length - 1; i >= 0; i--) {
    if (toks[i]!.kind === 'w' && r.g.militaryUnits.has(wordKey(toks[i]!.text))) {
      start = toks[i]!.s;
      break;
    }
  }
  offerScored(ctx, r.rule, start, e, 0.9, ['military address']);
  return e;
}

/** An address block after a cue ("billing address:", "ship to:"): its lines, masked whole when they hold a number. */
function blockAt(ctx: ScanContext, r: AddressRule, s: number, e: number): number {
  const text = ctx.text;
  // "e-mail address:", "IP address": another kind of address.
  if (/(?:e-?mail|ip|mac|web|ipv[46]|wallet|btc)[ \t]{0,2}$/i.test(text.slice(Math.max(0, s - 8), s))) return e;
  // A block of lines follows a heading ("SHIP TO", "- Billing address:", "| ship to:"), never a cue inside a
  // sentence ("… what's the new address?" is a question: the answer turn is read by answerAt).
  const multiLine = text.charCodeAt(e - 1) === 10 && isHeading(text, s);
  if (text.charCodeAt(e - 1) === 10 && !multiLine) return e;
  if (!multiLine) {
    // A value on the cue's own line ("new address is …", "billing addr …", "Address: …"), whatever its script.
    const c = text.charCodeAt(e);
    if (c === 46 || c === 63 || c === 33 || c === 41) return e;
    const v = valueAt(r.g, text, e, text.length);
    if (!v) return e;
    // After a cue in prose ("deliver to …"), a value that starts with a word needs a comma between its
    // parts; a lone city and postcode is the postcode rules' ("deliver to London SW1A 1AA").
    const field = text.slice(s, e).includes(':');
    const c0 = text.charCodeAt(v[0]);
    if (!field && !(c0 >= 48 && c0 <= 57) && !text.slice(v[0], v[1]).includes(',')) return e;
    // "Jason Hermans, c/o Ana Ruiz, 56 Heron Close": the addressees are masked with the address, the care-of mark is kept.
    const co = careOf(text, v[0], v[1]);
    if (co) {
      offerScored(ctx, r.rule, v[0], co[0], 0.8, ['address value']);
      offerScored(ctx, r.rule, co[1], v[1], 0.8, ['address value']);
    } else offerScored(ctx, r.rule, v[0], v[1], 0.8, ['address value']);
    return v[1];
  }
  let i = e;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const start = i;
  let end = start;
  for (let n = 0; n < BLOCK_LINES; n++) {
    // Streams find what one pass finds: a block ends within BLOCK_REACH of its cue.
    if (i - e > BLOCK_REACH) break;
    const le = lineEnd(text, i, Math.min(text.length, i + LINE + 60, e + BLOCK_REACH));
    const line = text.slice(i, le).replace(/\r$/, '');
    // A blank line, or a turn of a chat or transcript ("[10:05] Clemmie: …"), ends the block.
    if (!line.trim() || /^[ \t]{0,4}[[(]\d{1,2}[:.]\d\d/.test(line)) break;
    // The next field ("Phone: …", "Order #…:") or a new bullet ends the block.
    if (n > 0 && (/^[ \t]{0,4}[\p{L}][\p{L} .#'-]{0,24}:/u.test(line) || /^[ \t]{0,4}[-*•·][ \t]/u.test(line))) break;
    // A turn of a transcript ("Speaker 1: Sure, what's the new address?") is no line of the block.
    if (/^[ \t]{0,4}\p{L}[\p{L} ]{0,16} \d{1,2}:[ \t]/u.test(line)) break;
    // Within a line, a field separator or a sentence's end ("31317 गोरखा. Mobile: …", "… Šaľa | DL# …").
    const ve = valueEnd(r.g, text, i, i + line.length);
    if (ve - i > LINE) break;
    end = n > 0 ? initialsAt(text, i, i + text.slice(i, ve).trimEnd().length) : i + text.slice(i, ve).trimEnd().length;
    // A city or country line that runs on into a sentence ends the block at the city or country.
    const lineToks = n > 0 ? tokenize(text, i, ve, 24) : [];
    const cut = n > 0 ? cityLineCut(r.g, lineToks) : null;
    if (cut !== null) {
      end = lineToks[cut]!.e;
      break;
    }
    if (ve < i + line.trimEnd().length || le >= text.length) break;
    // The city line ends the block, unless a country line follows it.
    if (n > 0 && blockEnds(r, text, i, ve, le)) break;
    if (n > 0 && countryLine(r.g, tokenize(text, i, ve, 6))) break;
    i = le + 1;
  }
  const value = text.slice(start, end);
  // (Two letters, vowel signs between them: Thaana writes each consonant with its mark, "ޚަދީޖާ".)
  if (end <= start || !/\d/.test(value) || !/\p{L}\p{M}*\p{L}/u.test(value) || /@|https?:/.test(value)) return e;
  // A block of lines is an address by its layout.
  offerScored(ctx, r.rule, start, end, 0.9, ['address block']);
  return end;
}

/**
 * A care-of mark inside an address value ("Jason Hermans, c/o Ana Ruiz, 56 Heron Close"): [end of the part
 * before it, start of the part after it], or null. The mark itself names nobody.
 */
function careOf(text: string, s: number, e: number): [number, number] | null {
  const value = text.slice(s, e).toLowerCase();
  const co = value.indexOf('c/o ');
  if (co <= 0 || isLetter(value.charCodeAt(co - 1))) return null;
  let a = s + co;
  while (a > s && (text.charCodeAt(a - 1) === 32 || text.charCodeAt(a - 1) === 44)) a--;
  let b = s + co + 4;
  while (b < e && text.charCodeAt(b) === 32) b++;
  return a > s && b < e ? [a, b] : null;
}

/**
 * Whether the line [i, ve) holds a postcode and a word, and the line after le is neither a country nor a city
 * line (then this line was the street's, its house number of a postcode's length: "Insulo de Rittenberg 8301").
 */
function blockEnds(r: AddressRule, text: string, i: number, ve: number, le: number): boolean {
  if (!holdsPostcode(r.g, tokenize(text, i, ve, 16))) return false;
  const ne = lineEnd(text, le + 1, Math.min(text.length, le + 48));
  const next = tokenize(text, le + 1, ne, 6);
  if (next.length && countryLine(r.g, next)) return false;
  return !layoutCityLine(r.g, tokenize(text, le + 1, initialsAt(text, le + 1, ne), 10));
}

/** Where a line [s, e) ends before an agent's initials after a slash ("… 24952 /mk", "… /مم"), or e. */
function initialsAt(text: string, s: number, e: number): number {
  let k = e;
  while (k > s && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 13)) k--;
  let n = 0;
  while (k > s && n < 4 && isLetter(text.charCodeAt(k - 1))) (k--, n++);
  if (n < 1 || n > 3 || text.charCodeAt(k - 1) !== 47 || text.charCodeAt(k - 2) !== 32) return e;
  k -= 2;
  while (k > s && text.charCodeAt(k - 1) === 32) k--;
  return k;
}

/** A street line and a city line under it (layout.ts), at the line starting at ls. */
function layoutAt(ctx: ScanContext, r: AddressRule, ls: number, e: number): number {
  const found = layoutBlock(r.g, ctx.text, ls);
  if (!found) return e;
  offerScored(ctx, r.rule, found[0], found[1], 0.75, ['address layout']);
  return found[1];
}

/** The string value of an address key ("street": "…", "city": "…"): masked whole when it holds a number. */
function keyValueAt(ctx: ScanContext, r: AddressRule, s: number): number {
  const text = ctx.text;
  const q = text.charCodeAt(s - 1);
  let e = s;
  while (e < text.length && e - s <= LINE + 60 && text.charCodeAt(e) !== q && text.charCodeAt(e) !== 10) e++;
  if (text.charCodeAt(e) !== q || e === s || e - s > LINE + 60) return s;
  let hasLetter = false;
  for (let i = s; i < e && !hasLetter; i++) hasLetter = isLetter(text.charCodeAt(i));
  if (!hasLetter || !holdsAddressNumber(text, s, e) || text.slice(s, e).includes('@')) return e;
  offerScored(ctx, r.rule, s, e, 0.85, ['address field']);
  return e;
}

/** Whether only marks stand between the line's start (or a field separator) and the cue at s. */
function isHeading(text: string, s: number): boolean {
  for (let i = s - 1; i >= 0 && s - i < 24; i--) {
    const c = text.charCodeAt(i);
    // A line's start, a field separator, or the end of the sentence before ("… and zip. SHIP TO").
    if (c === 10 || c === 124 || c === 59 || c === 46 || c === 58) return true;
    if (isLetter(c) || (c >= 48 && c <= 57)) return false;
  }
  return s < 24;
}

/** The turn after an address question ("what's the new address?") holds the address: its value is read. */
function answerAt(ctx: ScanContext, r: AddressRule, s: number, e: number): number {
  const text = ctx.text;
  // "e-mail address?", "IP address?" ask for something else.
  if (/(?:e-?mail|ip|mac|web|ipv[46]|wallet|btc)[ \t]{0,2}$/i.test(text.slice(Math.max(0, s - 8), s))) return e;
  const le = lineEnd(text, e, Math.min(text.length, e + AHEAD));
  const v = valueAt(r.g, text, afterSpeaker(text, e, le), le);
  if (!v) return e;
  offerScored(ctx, r.rule, v[0], v[1], 0.8, ['address answer']);
  return v[1];
}

function trimLowerTail(text: string, start: number, end: number): number {
  const toks = tokenize(text, start, end, 32);
  let b = toks.length - 1;
  while (b >= 0 && (toks[b]!.kind === 'p' || (toks[b]!.kind === 'w' && !toks[b]!.cap))) b--;
  return b < 0 ? start : toks[b]!.e;
}

import { CharSet, JS, NFA } from 'refa';
import { ALL_VALUES, matchPrefixes, WORD_VALUES } from './match-prefixes.js';

/**
 * Prefilters for short texts (the fixed cost per call: log lines, form fields, ticket fields). A gate regex
 * costs 50–450 ns per call over a 100-character string even when it finds nothing (the keyword tries up to
 * 2 µs), and a short text runs about twenty of them. Two necessary conditions, both computed once per gate
 * from its own pattern by refa, in the spirit of gitleaks' keyword prefilter:
 * - groups (`GateFilter`): characters every match needs, which most short texts lack (a digit, a line
 *   break, a quote, a capital);
 * - grams (`gramsOf`): the three characters every match starts with (case-folded, lookaheads read as the
 *   text they require, at a word start when the pattern starts with \b). A keyword trie of hundreds of
 *   words needs one of a few hundred trigrams, which a PII-free line seldom holds.
 * A text is read once (`featuresOf`: one loop of table lookups, a bit per gate of the plan's `GateIndex`),
 * and skipping a gate it rules out never changes what the gate would find.
 */

/** Switched off only by tests, to compare output with and without the prefilters. */
export const PREFILTERS = { enabled: true };

/** Groups of characters a gate may need. */
const GROUPS: readonly { name: string; chars: (c: number) => boolean }[] = [
  { name: 'digit', chars: (c) => c >= 48 && c <= 57 },
  { name: 'capital', chars: (c) => c >= 65 && c <= 90 },
  { name: 'non-ASCII', chars: (c) => c >= 128 },
  { name: 'line break', chars: (c) => c === 10 },
  { name: 'quote', chars: (c) => c === 34 || c === 39 },
  { name: 'colon', chars: (c) => c === 58 },
  { name: 'question mark', chars: (c) => c === 63 },
  { name: '@', chars: (c) => c === 64 },
];

/**
 * What a short text holds: its groups (a bit per group) and, when a gate index is given, the gram bits of
 * the gates it may hold a match of (see gramsOf), all from one loop over the text's characters.
 */
export interface TextFeatures {
  text: string;
  /** Bit k set: the text holds a character of GROUPS[k]. */
  groups: number;
  /** The gates the features were computed for (null: no gram filters, every gate's gram bit set). */
  index: GateIndex | null;
  /** Per word of 32 gates of the index: bit set when the gate has no gram filter or the text holds one of its grams. */
  grams: Int32Array;
  /**
   * With an index of at most 32 gates: per position p of the text, the bits of the gates whose grams hold the
   * gram starting at p (gramStarts reads them instead of hashing the text again). Reused, grown as needed.
   */
  at: Int32Array;
}

export const newTextFeatures = (): TextFeatures => ({ text: '', groups: 0, index: null, grams: new Int32Array(1), at: new Int32Array(0) });

/** Per ASCII character: its groups' bits. Every character from 128 on is in the non-ASCII group alone. */
const ASCII_GROUPS = new Uint8Array(128);
const NON_ASCII_BIT = 1 << GROUPS.findIndex((g) => g.name === 'non-ASCII');
for (let c = 0; c < 128; c++) GROUPS.forEach((g, k) => (ASCII_GROUPS[c]! |= g.chars(c) ? 1 << k : 0));

/** Computes what `text` holds (the features object is reused: no allocation per text but a wider mask). */
export function featuresOf(text: string, f: TextFeatures, index: GateIndex | null = null): TextFeatures {
  f.text = text;
  f.index = index;
  if (index === null) {
    let groups = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      groups |= c < 128 ? ASCII_GROUPS[c]! : NON_ASCII_BIT;
    }
    f.groups = groups;
    return f;
  }
  if (f.grams.length !== index.words) f.grams = new Int32Array(index.words);
  if (index.words === 1 && f.at.length <= text.length) f.at = new Int32Array(text.length + 64);
  f.groups = index.words === 1 ? scanOneWord(text, index, f) : scanWords(text, index, f);
  return f;
}

/**
 * The loop of featuresOf. A gram's key is its 21 bits (7 per unit) plus bit 21 when it starts a word (the
 * character before it is no ASCII word character); one table read per position, one read of CHAR_INFO per
 * character (its groups, folded value and word flag packed: three lookups cost a third more per call).
 */
function scanOneWord(text: string, index: GateIndex, f: TextFeatures): number {
  const table = index.table;
  let groups = 0;
  let mask = index.always[0]!;
  let gram = 0;
  // Bit k: the character k positions back is no word character (those before the text count as none).
  let notWord = 15;
  const n = text.length;
  const at = f.at;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const info = c < 128 ? CHAR_INFO[c]! : NON_ASCII_INFO;
    groups |= info;
    gram = ((gram << 7) | ((info >>> 8) & 127)) & 0x1fffff;
    notWord = ((notWord << 1) | (info >>> 15)) & 15;
    if (i >= 2) {
      const bits = table[gramSlot(gram | ((notWord & 8) << 18))]!;
      at[i - 2] = bits;
      mask |= bits;
    }
  }
  // One step past the end (a NUL, in no group): a gate's two-unit match may end the text.
  if (n >= 2) {
    gram = (gram << 7) & 0x1fffff;
    notWord = ((notWord << 1) | 1) & 15;
    const bits = table[gramSlot(gram | ((notWord & 8) << 18))]!;
    at[n - 2] = bits;
    mask |= bits;
  }
  f.grams[0] = mask;
  return groups & GROUP_MASK;
}

function scanWords(text: string, index: GateIndex, f: TextFeatures): number {
  const w = index.words;
  const table = index.table;
  const mask = f.grams;
  mask.set(index.always);
  let groups = 0;
  let gram = 0;
  let starts = 0;
  let prevWord = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0;
    let b = 0;
    if (c < 128) {
      groups |= ASCII_GROUPS[c]!;
      b = FOLD[c]!;
    } else groups |= NON_ASCII_BIT;
    gram = ((gram << 7) | b) & 0x1fffff;
    starts = ((starts << 1) | (prevWord ^ 1)) & 7;
    prevWord = c < 128 ? ASCII_WORD[c]! : 0;
    if (i >= 2) {
      const slot = gramSlot(gram | ((starts & 4) << 19)) * w;
      for (let k = 0; k < w; k++) mask[k]! |= table[slot + k]!;
    }
  }
  return groups;
}

/**
 * The positions of the text where a match of gate `id` may start (its gram key there has the gate's bit),
 * in increasing order, into `out` (text length + 1 entries at least); returns their count, or -1 when the
 * gate has no gram filter (it may start anywhere).
 */
export function gramStarts(pre: TextFeatures, id: number, out: Int32Array): number {
  const index = pre.index!;
  const w = index.words;
  const bit = 1 << (id & 31);
  const word = id >>> 5;
  if ((index.always[word]! & bit) !== 0) return -1;
  if (w === 1) return startsFromBits(pre, bit, out);
  const table = index.table;
  const text = pre.text;
  let count = 0;
  let gram = 0;
  let starts = 0;
  let prevWord = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0;
    gram = ((gram << 7) | (c < 128 ? FOLD[c]! : 0)) & 0x1fffff;
    starts = ((starts << 1) | (prevWord ^ 1)) & 7;
    prevWord = c < 128 ? ASCII_WORD[c]! : 0;
    if (i >= 2 && (table[gramSlot(gram | ((starts & 4) << 19)) * w + word]! & bit) !== 0) out[count++] = i - 2;
  }
  return count;
}

/** gramStarts from the bits featuresOf recorded per position (an index of one word). */
function startsFromBits(pre: TextFeatures, bit: number, out: Int32Array): number {
  const at = pre.at;
  const last = pre.text.length - 2;
  let count = 0;
  for (let p = 0; p <= last; p++) if ((at[p]! & bit) !== 0) out[count++] = p;
  return count;
}

function holds(f: TextFeatures, group: number): boolean {
  return (f.groups & (1 << group)) !== 0;
}

/** Each group's bit by name (textHolds runs per call: no search of GROUPS there). */
const GROUP_BITS: ReadonlyMap<string, number> = new Map(GROUPS.map((g, k) => [g.name, 1 << k]));

/** Whether the text holds a character of the group with this name (a condition a pass reads off its own code). */
export function textHolds(f: TextFeatures, name: string): boolean {
  return (f.groups & groupBit(name)) !== 0;
}

/** The bit of the group with this name in TextFeatures.groups (0 for no such group), for callers that test it per call. */
export function groupBit(name: string): number {
  return GROUP_BITS.get(name) ?? 0;
}

/**
 * What every match of a gate needs: clauses of groups, each clause met when the text holds one of its groups
 * (one clause per group every match holds, and one for the groups a match's first character is in).
 */
export interface GateFilter {
  clauses: Uint8Array[];
}

/** Whether the gate may match the text (always, without features or filter). */
export function mayMatch(f: TextFeatures | null, gate: GateFilter | null): boolean {
  if (f === null || gate === null) return true;
  for (const clause of gate.clauses) {
    let met = false;
    for (let k = 0; k < clause.length && !met; k++) met = holds(f, clause[k]!);
    if (!met) return false;
  }
  return true;
}

const cache = new Map<string, GateFilter | null>();

/**
 * Patterns longer than this are not analysed (null: the gate always runs). They are the keyword tries,
 * which start with letters and need no group, and whose automata take tens of milliseconds to build.
 */
const MAX_SOURCE = 1000;

/**
 * The filter of a gate regex, or null when it has none (a pattern refa cannot read or too long to be worth
 * it, a match that may be empty or that needs nothing a group holds): such a gate always runs. Cached by
 * pattern and flags, so redactors built alike share the work.
 */
export function gateFilter(re: RegExp, maxSource = MAX_SOURCE): GateFilter | null {
  const key = `${re.flags}/${re.source}${maxSource === MAX_SOURCE ? '' : ' (any length)'}`;
  let f = cache.get(key);
  if (f === undefined) {
    try {
      f = re.source.length > maxSource ? null : compileFilter(re);
    } catch {
      f = null;
    }
    cache.set(key, f);
  }
  return f;
}

/**
 * Whether gate k of an owner's gates may match the text: `ids` from gatesOf (null: no prefilter for this
 * text or an owner the index does not know, so the gate runs).
 */
export function gateOpen(pre: TextFeatures | null, ids: Int32Array | null, k: number): boolean {
  if (pre === null || ids === null) return true;
  const id = ids[k]!;
  if (id < 0) return true;
  const index = pre.index!;
  if ((pre.grams[id >>> 5]! & (1 << (id & 31))) === 0) return false;
  const clauses = index.clauses[id]!;
  for (let c = 0; c < clauses.length; c++) if ((pre.groups & clauses[c]!) === 0) return false;
  return true;
}

/** The ids of an owner's gates in the text's index, in the order the owner registered them (see GateIndex). */
export function gatesOf(pre: TextFeatures | null, owner: object): Int32Array | null {
  return pre === null || pre.index === null ? null : (pre.index.ids.get(owner) ?? null);
}

/**
 * The gates of one plan, each with an id: its group clauses (as bit masks of groups), and its grams in a
 * table of 2^16 slots (a gram key's slot holds the bits of the gates that may start with it, one Int32 per
 * 32 gates; see scanOneWord for the key).
 */
export interface GateIndex {
  /** Int32 words per slot and in a text's gram mask. */
  words: number;
  table: Int32Array;
  /** Bits of the gates with no gram filter, set in every text's mask. */
  always: Int32Array;
  /** Per gate id: each clause's groups as a bit mask (a clause is met when the text holds one of them). */
  clauses: Int32Array[];
  /** Per owner (a plan, a rule): the ids of its gates in its own order, -1 for an absent gate. */
  ids: Map<object, Int32Array>;
}

/**
 * Builds the index of a plan's gates: for each owner, its gates and their group filters (null: none). A
 * gate shared by owners gets one id.
 */
export function buildGateIndex(owners: readonly { owner: object; gates: readonly (RegExp | null)[]; filters: readonly (GateFilter | null)[] }[]): GateIndex {
  const idOf = new Map<RegExp, number>();
  const gates: { re: RegExp; filter: GateFilter | null }[] = [];
  const ids = new Map<object, Int32Array>();
  for (const { owner, gates: list, filters } of owners) {
    ids.set(
      owner,
      Int32Array.from(list, (re, k) => {
        if (re === null) return -1;
        let id = idOf.get(re);
        if (id === undefined) {
          idOf.set(re, (id = gates.length));
          gates.push({ re, filter: filters[k] ?? null });
        }
        return id;
      }),
    );
  }
  const words = Math.max(1, Math.ceil(gates.length / 32));
  const table = new Int32Array(SLOTS * words);
  const always = new Int32Array(words);
  gates.forEach(({ re }, id) => {
    const bit = 1 << (id & 31);
    const w = id >>> 5;
    const g = gramsOf(re);
    if (g === null) always[w]! |= bit;
    else for (const slot of g.slots) table[slot * words + w]! |= bit;
  });
  const clauses = gates.map(({ filter }) => Int32Array.from(filter?.clauses ?? [], (c) => c.reduce((m, g) => m | (1 << g), 0)));
  return { words, table, always, clauses, ids };
}

/** Grams are three UTF-16 units: ASCII case-folded to lower case, everything from 128 on one value (0). */
const GRAM = 3;
const FOLD = Uint8Array.from({ length: 128 }, (_, c) => (c >= 65 && c <= 90 ? c | 32 : c));
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (/\w/.test(String.fromCharCode(c)) ? 1 : 0));
/** Per ASCII character: its groups (bits 0–7), its folded value (bits 8–14), 1 << 15 when it is no word character. */
const CHAR_INFO = Int32Array.from({ length: 128 }, (_, c) => ASCII_GROUPS[c]! | (FOLD[c]! << 8) | ((ASCII_WORD[c]! ^ 1) << 15));
/** Every character from 128 on: the non-ASCII group, folded to 0, no (ASCII) word character. */
const NON_ASCII_INFO = NON_ASCII_BIT | (1 << 15);
const GROUP_MASK = 0xff;
if (GROUPS.length > 8) throw new Error('prefilter: CHAR_INFO packs at most 8 groups');
const SLOT_BITS = 16;
const SLOTS = 1 << SLOT_BITS;
/** A gram key's slot: its 22 bits hashed to SLOT_BITS (collisions only open a gate in vain). */
const gramSlot = (gram: number) => Math.imul(gram, 0x9e3779b1) >>> (32 - SLOT_BITS);

/** A gram key's bit for "starts a word". */
const WORD_START = 1 << 21;

/** The table slots of a gate's gram keys. */
export interface GramFilter {
  slots: Int32Array;
}

const gramCache = new Map<string, GramFilter | null>();

/**
 * The grams every match of a gate starts with, or null when there is no useful set: a match may be shorter
 * than three units, the pattern has what the analysis does not read (backreferences, astral characters),
 * or the grams are too many to tell texts apart. Cached by pattern and flags.
 */
export function gramsOf(re: RegExp): GramFilter | null {
  return analysed(gramCache, re, compileGrams);
}

/** An analysis of a gate cached by its pattern and flags; null when the analysis throws (a pattern it cannot read). */
function analysed<T>(cache: Map<string, T | null>, re: RegExp, analyse: (re: RegExp) => T | null): T | null {
  const key = `${re.flags}/${re.source}`;
  let g = cache.get(key);
  if (g === undefined) {
    try {
      g = analyse(re);
    } catch {
      g = null;
    }
    cache.set(key, g);
  }
  return g;
}

const MAX_SLOTS = SLOTS / 4;

function compileGrams(re: RegExp): GramFilter | null {
  const { prefixes, afterBoundary } = matchPrefixes(re.source, re.flags.replace(/[gyd]/g, ''), GRAM);
  // A match shorter than a gram ("st", "mr") is followed by any character, or by none at the text's end.
  if (prefixes.some((p) => p.length < GRAM - 1)) return null;
  const slots = new Set<number>();
  for (const p of prefixes) {
    const [a, b, c] = [...p, ...Array<bigint>(GRAM - p.length).fill(ALL_VALUES)].map(valueList);
    if (a!.length * b!.length * c!.length > MAX_SLOTS) return null;
    // \b before a word character needs a non-word character before it: such a match starts a word (value 0
    // stands for every non-ASCII character too, so a prefix that may start with one may start anywhere).
    const flags = afterBoundary && (p[0]! & ~WORD_VALUES) === 0n ? [WORD_START] : [0, WORD_START];
    for (const x of a!) for (const y of b!) for (const z of c!) for (const w of flags) slots.add(gramSlot(w | (x << 14) | (y << 7) | z));
  }
  if (slots.size > MAX_SLOTS) return null;
  return { slots: Int32Array.from(slots) };
}

function valueList(v: bigint): number[] {
  const out: number[] = [];
  for (let c = 0; c < 128; c++) if ((v >> BigInt(c)) & 1n) out.push(c);
  return out;
}

/** The groups a character set lies in, or null when some of its characters are in none. */
function coveringGroups(cs: CharSet): number[] | null {
  const out = new Set<number>();
  for (const r of cs.ranges) {
    for (let c = r.min; c <= r.max; c++) {
      const g = GROUPS.findIndex((x) => x.chars(c));
      if (g < 0) return null;
      out.add(g);
      // Everything from 128 on is one group: skip to the range's end.
      if (c >= 128) break;
    }
  }
  return [...out];
}

function compileFilter(re: RegExp): GateFilter | null {
  const { expression, maxCharacter } = JS.Parser.fromLiteral({ source: re.source, flags: re.flags.replace(/[gyd]/g, '') }).parse({ assertions: 'ignore', backreferences: 'throw' });
  const nfa = NFA.fromRegex(expression, { maxCharacter }, { assertions: 'ignore' }, new NFA.LimitedNodeFactory(50_000));
  if (nfa.finals.has(nfa.initial)) return null;
  const clauses: Uint8Array[] = [];
  GROUPS.forEach((g, k) => {
    if (!acceptsWithout(nfa, g.chars)) clauses.push(Uint8Array.of(k));
  });
  // Pairs of groups every match needs one of ("a digit or a capital": the shape alternation).
  for (let a = 0; a < GROUPS.length; a++) {
    for (let b = a + 1; b < GROUPS.length; b++) {
      if (clauses.some((c) => c.length === 1 && (c[0] === a || c[0] === b))) continue;
      if (!acceptsWithout(nfa, (c) => GROUPS[a]!.chars(c) || GROUPS[b]!.chars(c))) clauses.push(Uint8Array.of(a, b));
    }
  }
  let first: Set<number> | null = new Set();
  for (const cs of nfa.initial.out.values()) {
    const groups = coveringGroups(cs);
    if (!groups) {
      first = null;
      break;
    }
    for (const g of groups) first.add(g);
  }
  if (first && !clauses.some((c) => first.has(c[0]!))) clauses.push(Uint8Array.from(first));
  return clauses.length ? { clauses } : null;
}

/** Whether the automaton accepts some string with no character of the group. */
function acceptsWithout(nfa: NFA, inGroup: (c: number) => boolean): boolean {
  // Characters from 128 on are alike for every group: one of them stands for all.
  const outside = (cs: CharSet) =>
    cs.ranges.some((r) => {
      for (let c = r.min; c <= Math.min(r.max, 127); c++) if (!inGroup(c)) return true;
      return r.max >= 128 && !inGroup(Math.max(r.min, 128));
    });
  const seen = new Set<NFA.Node>([nfa.initial]);
  const todo = [nfa.initial];
  while (todo.length) {
    const n = todo.pop()!;
    if (nfa.finals.has(n)) return true;
    for (const [to, cs] of n.out) {
      if (seen.has(to) || !outside(cs)) continue;
      seen.add(to);
      todo.push(to);
    }
  }
  return false;
}

const digitFreeCache = new Map<string, RegExp | 'none' | null>();

/**
 * What of a gate's language needs no digit (speed: the shape gates): a regex whose matches include every
 * match of `re` without an ASCII digit (assertions dropped, so a wider language), 'none' when every match of
 * `re` holds a digit, or null when the pattern cannot be read. A text without digits then needs a match of
 * that regex for `re` to match at all; its grams and groups tell (the shape gate's capital-only alternative,
 * "WDL" and nine capitals, is what kept it open on every text with a capital). Cached by pattern and flags.
 */
export function digitFreeGate(re: RegExp): RegExp | 'none' | null {
  return analysed(digitFreeCache, re, compileDigitFree);
}

function compileDigitFree(re: RegExp): RegExp | 'none' | null {
  const flags = re.flags.replace(/[gyd]/g, '');
  const { expression, maxCharacter } = JS.Parser.fromLiteral({ source: re.source, flags }).parse({ assertions: 'ignore', backreferences: 'throw' });
  const factory = () => new NFA.LimitedNodeFactory(50_000);
  const nfa = NFA.fromRegex(expression, { maxCharacter }, { assertions: 'ignore' }, factory());
  const noDigits = NFA.fromCharSet(CharSet.all(maxCharacter).without({ min: 48, max: 57 }), factory());
  noDigits.quantify(0, Infinity);
  const free = NFA.fromIntersection(nfa, noDigits, factory());
  if (free.isEmpty) return 'none';
  const literal = JS.toLiteral(free.toRegex(), { flags: { unicode: flags.includes('u') } });
  return new RegExp(literal.source, `${literal.flags}g`);
}

/** Whether text holds at least n ASCII digits. */
export function hasDigits(text: string, n: number): boolean {
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++k >= n) return true;
  }
  return false;
}

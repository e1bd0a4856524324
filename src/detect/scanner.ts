import type { ScanContext } from './candidate.js';
import { isDigitCode } from './chars.js';
import type { ScanPlan, WordEntry } from './plan.js';
import { colonAt, emailAt, type CharPassState } from './scan-chars.js';
import { digitsAt, newDigitPassState, resumeDigits, type DigitPassState } from './scan-digits.js';
import { addressGates, addressPass, addressRegExps, newAddressPassState, type AddressPassState } from './address/pass.js';
import { namesGates, namesPass, namesRegExps, newNamesPassState, type NamesPassState } from './names/pass.js';
import { keywordAt, type KeywordPassState } from './scan-keywords.js';
import { shapesFrom, type ShapePassState } from './scan-shapes.js';
import { newSpokenPassState, spokenAt, type SpokenPassState } from './scan-spoken.js';
import { DELIMITERS } from './table/cells.js';
import { newTablePassState, tablePass, type TablePassState } from './table/pass.js';
import { hashRange } from './word-table.js';
import { shareGates } from './regexp-warm.js';
import { buildGateIndex, digitFreeGate, featuresOf, gateFilter, gateOpen, gatesOf, gramStarts, PREFILTERS, hasDigits, newTextFeatures, groupBit, type GateIndex, type TextFeatures } from './prefilter.js';

/**
 * The passes over the text (speed.md B9). Each pass is a skip loop of irregexp or indexOf, which runs in
 * native code over the text between hits, with JavaScript work at hits only: digit runs (numeric rules),
 * gate words (keyword phrases and spoken numbers; case-sensitive phrases apart), '@', ':' and shape rules.
 * Every pass keeps where it stopped and its detector's state, so a step can stop at the frontier and the
 * next chunk resumes with the result one pass over the whole text gives (B10: positions per pass).
 */
export interface ScannerState {
  /** Absolute positions each pass resumes at. */
  digitPos: number;
  wordPos: number;
  wordCsPos: number;
  atPos: number;
  colonPos: number;
  shapePos: number;
  digits: DigitPassState;
  spoken: SpokenPassState;
  keywords: KeywordPassState;
  chars: CharPassState;
  shapes: ShapePassState;
  names: NamesPassState;
  addresses: AddressPassState;
  table: TablePassState;
  /** Whether a step has scanned with this state (the gates' prefilters apply to a first and last step only). */
  scanned: boolean;
  /** What the text of a first and last step holds (prefilter.ts), reused from session to session. */
  features: TextFeatures;
  /** Where a word gate may match in such a text (prefilter.ts gramStarts), reused likewise. */
  starts: Int32Array;
}

export function newScannerState(plan: ScanPlan): ScannerState {
  return {
    digitPos: 0,
    wordPos: 0,
    wordCsPos: 0,
    atPos: 0,
    colonPos: 0,
    shapePos: 0,
    digits: newDigitPassState(plan),
    spoken: newSpokenPassState(plan),
    keywords: { next: 0, nextCs: 0 },
    chars: { emailNext: 0, colonNext: 0 },
    shapes: { next: 0 },
    names: newNamesPassState(),
    addresses: newAddressPassState(),
    table: newTablePassState(),
    scanned: false,
    features: newTextFeatures(),
    starts: new Int32Array(0),
  };
}

/**
 * Scanner states of finished sessions, per plan, reset and handed to the next session: allocating a fresh
 * one (a typed array per numeric pass) costs more than scanning a short string does. The reset must give
 * exactly newScannerState's values (test/perf/scanner-state.test.ts compares them after dirty scans); a plan
 * whose fresh state has fields the reset does not know (a pass added since) is never pooled.
 */
const pools = new WeakMap<ScanPlan, ScannerState[] | null>();
const POOL_SIZE = 4;

export function acquireScannerState(plan: ScanPlan): ScannerState {
  return pools.get(plan)?.pop() ?? newScannerState(plan);
}

/** Hands back the state of a session that will not scan again. */
export function releaseScannerState(plan: ScanPlan, st: ScannerState): void {
  let pool = pools.get(plan);
  if (pool === undefined) pools.set(plan, (pool = resetKnowsAll(plan) ? [] : null));
  if (pool && pool.length < POOL_SIZE) pool.push(resetScannerState(st));
}

const keysOf = (o: object) => Object.keys(o).sort().join(',');
/** The fields resetScannerState sets in place, besides the objects it rebuilds. */
const RESET_IN_PLACE = { digits: 'inRun,midGroup,next,resume,ruleNext', spoken: 'next,ruleNext', keywords: 'next,nextCs', chars: 'colonNext,emailNext', shapes: 'next' };

/** Whether resetScannerState sets every field a fresh state of this plan has (checked once per plan). */
function resetKnowsAll(plan: ScanPlan): boolean {
  const fresh = newScannerState(plan) as unknown as Record<string, unknown>;
  const reset = resetScannerState(newScannerState(plan)) as unknown as Record<string, unknown>;
  for (const [k, keys] of Object.entries(RESET_IN_PLACE)) if (keysOf(fresh[k] as object) !== keys) return false;
  if (keysOf(fresh) !== 'addresses,atPos,chars,colonPos,digitPos,digits,features,keywords,names,scanned,shapePos,shapes,spoken,starts,table,wordCsPos,wordPos') return false;
  for (const k of Object.keys(fresh)) {
    const v = fresh[k];
    if (v !== null && typeof v === 'object' && keysOf(v) !== keysOf(reset[k] as object)) return false;
  }
  return true;
}

export function resetScannerState(st: ScannerState): ScannerState {
  st.digitPos = st.wordPos = st.wordCsPos = st.atPos = st.colonPos = st.shapePos = 0;
  const d = st.digits;
  d.resume = d.next = 0;
  d.inRun = d.midGroup = false;
  zero(d.ruleNext);
  st.spoken.next = 0;
  zero(st.spoken.ruleNext);
  // In place: a reset runs per short text, where three small objects and two fill() calls cost 60 ns.
  st.keywords.next = st.keywords.nextCs = 0;
  st.chars.emailNext = st.chars.colonNext = 0;
  st.shapes.next = 0;
  st.names = newNamesPassState();
  st.addresses = newAddressPassState();
  st.table = newTablePassState();
  st.scanned = false;
  return st;
}

/** A loop, not fill(): the arrays hold a few entries, and fill's call costs more than writing them. */
function zero(a: Float64Array): void {
  for (let k = 0; k < a.length; k++) a[k] = 0;
}

/** Any digit: irregexp finds the next run; the digit detector walks it in JavaScript. */
const DIGIT_GATE = /[0-9]/g;

const isLetter = (c: number) => (c | 0x20) >= 97 && (c | 0x20) <= 122;

/**
 * Texts up to this long that a session scans in one step get the gates' prefilters (prefilter.ts): the fixed
 * cost per call of log lines and form fields. Longer texts hold every character a filter asks for anyway.
 */
const PREFILTER_MAX = 4096;

const gateIndexes = new WeakMap<ScanPlan, GateIndex>();

/** The index of every gate the passes ask prefilters of (prefilter.ts), built at a plan's first short text. */
function gateIndexOf(plan: ScanPlan): GateIndex {
  // Most processes scan with one plan: its index without a WeakMap lookup per call.
  if (plan === lastPlan) return lastIndex!;
  let index = gateIndexes.get(plan);
  if (index === undefined) {
    const planGates = [plan.wordGate, plan.wordGateCs, plan.shapeGate, plan.shapeGateCi];
    const own = <T extends object>(owner: T, gates: readonly (RegExp | null)[]) => ({ owner, gates, filters: gates.map((re) => re && gateFilter(re)) });
    const owners = [
      { owner: plan, gates: planGates, filters: plan.gateFilters },
      ...plan.nameRules.map((r) => own(r, namesGates(r))),
      ...plan.addressRules.map((r) => own(r, addressGates(r))),
    ];
    index = buildGateIndex(owners);
    // The shape gates' digit-free parts, as gates of their own while the index stays one word of 32 gates.
    const free = [plan.shapeGate, plan.shapeGateCi].map((g) => (g ? digitFreeGate(g) : null));
    const extra = free.map((g) => (g instanceof RegExp ? g : null));
    if (extra.some((g) => g !== null) && index.clauses.length + extra.length <= 32) {
      index = buildGateIndex([...owners, { owner: free, gates: extra, filters: extra.map((g) => g && gateFilter(g, Infinity)) }]);
    }
    shapeFrees.set(index, free);
    gateIndexes.set(plan, index);
  }
  lastPlan = plan;
  lastIndex = index;
  return index;
}
let lastPlan: ScanPlan | null = null;
let lastIndex: GateIndex | null = null;

/** Per gate index: the digit-free parts of its plan's shape gates (prefilter.ts digitFreeGate), which own their ids. */
const shapeFrees = new WeakMap<GateIndex, (RegExp | 'none' | null)[]>();

/**
 * Whether shape gate k (0: case-sensitive, 1: case-insensitive) may match a text with features `pre`: every
 * match holds a digit or is a match of the gate's digit-free part, so a text without digits needs that part.
 */
function shapeMayMatch(pre: TextFeatures | null, k: number): boolean {
  if (pre === null || (pre.groups & DIGIT) !== 0) return true;
  const free = shapeFrees.get(pre.index!);
  const g = free === undefined ? null : free[k]!;
  if (g === 'none') return false;
  return g === null || gateOpen(pre, gatesOf(pre, free!), k);
}

/**
 * The prefilter features of a buffer a session scans in one first and last step, or null when the prefilters do
 * not apply: read before normalizing (whose test for non-ASCII they answer), then handed to scan as `known`.
 */
export function shortTextFeatures(text: string, plan: ScanPlan, st: ScannerState): TextFeatures | null {
  return !st.scanned && text.length <= PREFILTER_MAX && PREFILTERS.enabled ? featuresOf(text, st.features, gateIndexOf(plan)) : null;
}

/** Whether the features' text holds a character from 128 on. */
export const holdsNonAscii = (f: TextFeatures) => (f.groups & NON_ASCII) !== 0;

/** `known`: shortTextFeatures of the buffer, reused when normalizing left the text as it was. */
export function scan(ctx: ScanContext, plan: ScanPlan, st: ScannerState, known: TextFeatures | null = null): void {
  const limit = ctx.final ? ctx.text.length : ctx.frontier;
  // Only a first and last step: a gate skipped here leaves pass state that no later step reads.
  const pre = (ctx.pre =
    ctx.final && !st.scanned && ctx.text.length <= PREFILTER_MAX && PREFILTERS.enabled ? (known !== null && known.text === ctx.text ? known : featuresOf(ctx.text, st.features, gateIndexOf(plan))) : null);
  st.scanned = true;
  const gates = gatesOf(pre, plan);
  if (plan.writtenDigitRules.length && (pre === null || (pre.groups & DIGIT) !== 0)) digitPass(ctx, plan, st, limit);
  if (plan.wordGate && gateOpen(pre, gates, 0)) st.wordPos = wordPassOf(ctx, plan, st, plan.wordGate, gates, 0, st.wordPos, limit, false);
  if (plan.wordGateCs && gateOpen(pre, gates, 1)) st.wordCsPos = wordPassOf(ctx, plan, st, plan.wordGateCs, gates, 1, st.wordCsPos, limit, true);
  // The groups say whether the text holds an '@' or a ':' at all (prefilter.ts): no search for one it lacks.
  if (plan.emailRules.length && (pre === null || (pre.groups & AT) !== 0)) {
    let i = Math.max(0, st.atPos - ctx.base);
    while ((i = ctx.text.indexOf('@', i)) >= 0 && i < limit) emailAt(ctx, plan, st.chars, i++);
    st.atPos = ctx.base + limit;
  }
  if ((plan.ipv6Rules.length || plan.speakerRules.length) && (pre === null || (pre.groups & COLON) !== 0)) {
    let i = Math.max(0, st.colonPos - ctx.base);
    while ((i = ctx.text.indexOf(':', i)) >= 0 && i < limit) colonAt(ctx, plan, st.chars, i++);
    st.colonPos = ctx.base + limit;
  }
  if ((plan.shapeGate && gateOpen(pre, gates, 2) && shapeMayMatch(pre, 0)) || (plan.shapeGateCi && gateOpen(pre, gates, 3) && shapeMayMatch(pre, 1))) {
    st.shapePos = shapesFrom(ctx, plan, st.shapes, st.shapePos, limit);
  }
  if (plan.nameRules.length) namesPass(ctx, plan.nameRules, st.names, limit);
  if (plan.addressRules.length) addressPass(ctx, plan.addressRules, st.addresses, limit);
  if (plan.table && (pre === null || tableMayFind(pre, ctx.text))) tablePass(ctx, plan.table, st.table, limit);
}

/**
 * Whether the table pass may find anything in a whole text scanned with fresh state: record members need a
 * quoted key and its colon (table/members.ts MEMBER), so an apostrophe in prose ("it's") runs nothing;
 * delimited rows need a delimiter (a line without one starts no block, table/rows.ts) and a second line, or
 * a card number (12 digits at least) on a lone line.
 */
function tableMayFind(pre: TextFeatures, text: string): boolean {
  if ((pre.groups & QUOTE_COLON) === QUOTE_COLON) return true;
  if ((pre.groups & LINE_BREAK) === 0 && !((pre.groups & DIGIT) !== 0 && hasDigits(text, 12))) return false;
  return hasDelimiter(text);
}

/** Per ASCII character: 1 for a row delimiter (table/cells.ts DELIMITERS: comma, semicolon, tab, bar). */
const IS_DELIMITER = Uint8Array.from({ length: 128 }, (_, c) => ((DELIMITERS as readonly string[]).includes(String.fromCharCode(c)) ? 1 : 0));

function hasDelimiter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && IS_DELIMITER[c] === 1) return true;
  }
  return false;
}
const DIGIT = groupBit('digit');
const LINE_BREAK = groupBit('line break');
const QUOTE = groupBit('quote');
const NON_ASCII = groupBit('non-ASCII');
const AT = groupBit('@');
const COLON = groupBit('colon');
const QUOTE_COLON = QUOTE | COLON;

function digitPass(ctx: ScanContext, plan: ScanPlan, st: ScannerState, limit: number): void {
  const text = ctx.text;
  const base = ctx.base;
  if (!resumeDigits(ctx, plan, st.digits)) return;
  let i = Math.max(0, st.digitPos - base, st.digits.next - base);
  const gate = DIGIT_GATE;
  while (i < limit) {
    gate.lastIndex = i;
    if (!gate.test(text)) break;
    const s = gate.lastIndex - 1;
    if (s >= limit) break;
    let q = s + 1;
    while (q < text.length && isDigitCode(text.charCodeAt(q))) q++;
    if (!digitsAt(ctx, plan, st.digits, s, q)) {
      st.digitPos = st.digits.resume;
      return;
    }
    // The run's groups and joiners hold no other run start.
    i = Math.max(q, st.digits.next - base);
  }
  st.digitPos = base + limit;
}

/**
 * A word gate over a text with features: probed (sticky) only where its grams say a match may start. The
 * keyword trie costs 3–8 µs per 100 characters when run over the text even with nothing to find (irregexp
 * tries the trie at every word start under /i); a probe costs about 0.3 µs, and a PII-free line has a few
 * candidates ("for", "the", "order"). The first candidate at or after i where the gate matches is the match
 * a search from i finds (no match starts where the grams rule it out), so the hits are the same.
 */
/** The gate searched over the whole text: the case-insensitive one in its parts when it has them (plan.ts gateParts). */
function wholeWordPass(ctx: ScanContext, plan: ScanPlan, st: ScannerState, gate: RegExp, k: number, from: number, limit: number, cs: boolean): number {
  return k === 0 && plan.wordGateParts.length > 1 ? wordPartsPass(ctx, plan, st, plan.wordGateParts, from, limit) : wordPass(ctx, plan, st, gate, from, limit, cs);
}

function wordPassOf(ctx: ScanContext, plan: ScanPlan, st: ScannerState, gate: RegExp, gates: Int32Array | null, k: number, from: number, limit: number, cs: boolean): number {
  const pre = ctx.pre;
  if (pre === null || gates === null || gates[k]! < 0) return wholeWordPass(ctx, plan, st, gate, k, from, limit, cs);
  if (st.starts.length <= ctx.text.length) st.starts = new Int32Array(ctx.text.length + 1);
  const count = gramStarts(pre, gates[k]!, st.starts);
  if (count < 0) return wholeWordPass(ctx, plan, st, gate, k, from, limit, cs);
  const starts = st.starts;
  const text = ctx.text;
  const probes = probesOf(plan, gate, k);
  const partOf = plan.wordGatePartOf;
  let i = Math.max(0, from - ctx.base);
  let c = 0;
  while (i < limit) {
    let e = -1;
    for (; c < count && e < 0; c++) {
      const p = starts[c]!;
      if (p < i) continue;
      e = probeAt(probes, partOf, text, p);
    }
    if (e < 0) break;
    i = onGateMatch(ctx, plan, st, e, limit, cs);
    if (i < 0) break;
  }
  return ctx.base + limit;
}

/**
 * Where a gate's match at p ends, or -1: each probe tried sticky at p. The case-insensitive word gate is probed
 * in its parts (plan.ts gateParts): at a position at most one part matches, with the whole gate's match, and
 * each part is under V8's 20 KB limit, so it is compiled with its quick checks (the whole gate, 39 KB, is not).
 * An ASCII character at p names its part (plan.ts wordGatePartOf); any other is tried with every part.
 */
function probeAt(probes: readonly RegExp[], partOf: Uint8Array, text: string, p: number): number {
  const c = text.charCodeAt(p);
  const only = probes.length > 1 && c < 128 ? partOf[c]! : 0;
  if (only > 0) {
    const probe = probes[only - 1]!;
    probe.lastIndex = p;
    return probe.test(text) ? probe.lastIndex : -1;
  }
  for (let k = 0; k < probes.length; k++) {
    const probe = probes[k]!;
    probe.lastIndex = p;
    if (probe.test(text)) return probe.lastIndex;
  }
  return -1;
}

const probeLists = new WeakMap<RegExp, RegExp[]>();

/** The sticky probes of word gate k (0: case-insensitive, 1: case-sensitive); see probeAt. */
function probesOf(plan: ScanPlan, gate: RegExp, k: number): RegExp[] {
  let list = probeLists.get(gate);
  if (list === undefined) probeLists.set(gate, (list = (k === 0 && plan.wordGateParts.length > 1 ? plan.wordGateParts : [gate]).map(stickyOf)));
  return list;
}

/**
 * The regexes a scan of this plan runs on any text, derived ones (sticky probes, class prefilters) made now:
 * compiled when the redactor is created (regexp-warm.ts), while V8 still optimises them.
 */
export function scanRegExps(plan: ScanPlan): RegExp[] {
  // The gates of plans made before, where they have the same pattern: compiled already, and early.
  shareGates([plan, ...plan.nameRules.flatMap((r) => [r, r.cues]), ...plan.addressRules]);
  const out: (RegExp | null)[] = [DIGIT_GATE, plan.wordGate, plan.wordGateCs, plan.shapeGate, plan.shapeGateCi, ...plan.wordGateParts];
  if (plan.wordGate) out.push(...probesOf(plan, plan.wordGate, 0));
  if (plan.wordGateCs) out.push(...probesOf(plan, plan.wordGateCs, 1));
  for (const r of plan.nameRules) out.push(...namesRegExps(r));
  for (const r of plan.addressRules) out.push(...addressRegExps(r));
  return out.filter((re): re is RegExp => re !== null);
}

const sticky = new WeakMap<RegExp, RegExp>();

/** The gate as a sticky regex (same pattern), to try at one position. */
function stickyOf(gate: RegExp): RegExp {
  let y = sticky.get(gate);
  if (y === undefined) sticky.set(gate, (y = new RegExp(gate.source, `${gate.flags.replace(/[gy]/g, '')}y`)));
  return y;
}

/** Runs one word gate from `from` (absolute) to `limit`; returns where it resumes. */
function wordPass(ctx: ScanContext, plan: ScanPlan, st: ScannerState, gate: RegExp, from: number, limit: number, cs: boolean): number {
  const text = ctx.text;
  let i = Math.max(0, from - ctx.base);
  while (i < limit) {
    gate.lastIndex = i;
    if (!gate.test(text)) break;
    i = onGateMatch(ctx, plan, st, gate.lastIndex, limit, cs);
    if (i < 0) break;
  }
  return ctx.base + limit;
}

/**
 * wordPass over the parts of a gate cut by first character (plan.ts gateParts): each part keeps its next hit,
 * and the hits are taken in text order. At a position at most one part matches, as the whole gate would, so
 * this meets the hits wordPass meets with the whole gate.
 */
function wordPartsPass(ctx: ScanContext, plan: ScanPlan, st: ScannerState, parts: readonly RegExp[], from: number, limit: number): number {
  const text = ctx.text;
  const n = parts.length;
  // Per part: where its next hit starts and ends (-1: none left in this text).
  const partStart = new Float64Array(n);
  const partEnd = new Float64Array(n);
  let i = Math.max(0, from - ctx.base);
  for (let k = 0; k < n; k++) nextPartHit(parts[k]!, text, i, partStart, partEnd, k);
  while (i < limit) {
    let k = -1;
    for (let p = 0; p < n; p++) if (partStart[p]! >= 0 && (k < 0 || partStart[p]! < partStart[k]!)) k = p;
    if (k < 0) break;
    i = onGateMatch(ctx, plan, st, partEnd[k]!, limit, false);
    if (i < 0) break;
    for (let p = 0; p < n; p++) if (partStart[p]! >= 0 && partStart[p]! < i) nextPartHit(parts[p]!, text, i, partStart, partEnd, p);
  }
  return ctx.base + limit;
}

/** The first hit of gate part k from i on, into partStart/partEnd. */
function nextPartHit(gate: RegExp, text: string, i: number, partStart: Float64Array, partEnd: Float64Array, k: number): void {
  gate.lastIndex = i;
  const m = gate.exec(text);
  partStart[k] = m ? m.index : -1;
  partEnd[k] = m ? gate.lastIndex : -1;
}

/** A word gate's match ending at e: its word's entry, if any, run; returns where the search goes on (-1: stop). */
function onGateMatch(ctx: ScanContext, plan: ScanPlan, st: ScannerState, e: number, limit: number, cs: boolean): number {
  const text = ctx.text;
  // The gate matched the first word of a phrase (or a number word), a run of letters or of digits
  // with a word boundary before it: it starts where that run starts.
  let s = e - 1;
  if (isDigitCode(text.charCodeAt(s))) while (s > 0 && isDigitCode(text.charCodeAt(s - 1))) s--;
  else while (s > 0 && isLetter(text.charCodeAt(s - 1))) s--;
  if (s >= limit) return -1;
  const entry = plan.words.lookup(text, s, e, hashRange(text, s, e));
  if (entry) onWord(ctx, plan, st, entry, s, e, cs);
  return e;
}

function onWord(ctx: ScanContext, plan: ScanPlan, st: ScannerState, entry: WordEntry, s: number, e: number, cs: boolean): void {
  if (cs) {
    keywordAt(ctx, entry.phrasesCs, s, st.keywords, true);
    return;
  }
  if (entry.spoken) spokenAt(ctx, plan, st.spoken, s, e);
  if (entry.phrases.length) keywordAt(ctx, entry.phrases, s, st.keywords, false);
}

/**
 * The clean check of a JSON log line without JSON.parse (issue 20: pino's fixed cost per line). A strict
 * walker over the serialized record hands each member name and each string or integer value, as the text
 * holds it, to a verdict function; it understands only what reads the same before and after JSON.parse:
 * strings without escapes or control characters, integers of at most 15 digits (exact as doubles, and
 * written as String(Number(text)) writes them: no "-0"), true, false, null, objects with distinct member
 * names and arrays. On anything else (escapes, fractions, exponents, long numbers, duplicate names, a
 * syntax error, nesting deeper than MAX_DEPTH) it gives up and the caller takes the JSON.parse path, so
 * its "clean" is the parse path's "clean" on every line it answers.
 */

/** What the walker asks about each piece of the record. */
export interface JsonVerdicts {
  /** A member name (of any object): clean and no sensitive-key hint. */
  key(name: string): boolean;
  /** A string value, or an integer value as text (the number's own digits); `topKey` names the top-level member it sits under ('' inside arrays at the top, or deeper down only through its top-level member). */
  value(text: string, isNumber: boolean, topKey: string, depth: number): boolean;
  /** Verdicts of the last record by position, reused when the next record holds the same text there. */
  memo?: WalkMemo;
}

/**
 * The clean names and values of the last records walked, by their order in the record (records from one
 * call site have one layout, and most of their pieces repeat: host, method, message, status). A piece whose
 * text, at its position, equals the remembered one (compared in place: no slice, no hash, no lookup in a
 * large set) has its verdict, since verdicts are pure functions of what they are given; a value's topKey
 * and depth are compared too.
 */
export interface WalkMemo {
  /** Pieces met so far in the current record. */
  n: number;
  keys: (string | undefined)[];
  values: (string | undefined)[];
  valueTops: (string | undefined)[];
  /** depth * 2 + (isNumber ? 1 : 0) of the value remembered. */
  valueKinds: Int32Array;
  /** Per piece of the last walk: where its value text starts and ends in the line (-1 for a name), and whether it differed from the walk before. */
  starts: Int32Array;
  ends: Int32Array;
  varied: Uint8Array;
  /** Pieces met by the walk before the current one (0: none yet, so no piece can be said to vary). */
  lastN: number;
  /** The last record's layout (see matchLayout), or null until two records were walked clean. */
  layout: Layout | null;
}

/**
 * A clean record's text as literal runs with holes at the values that differed from the record before it
 * (request ids, times, durations): a record from the same call site matches the runs with one native
 * startsWith each, and only its holes are read and asked about. `literals` has one more entry than the holes.
 */
interface Layout {
  literals: string[];
  numbers: boolean[];
  tops: string[];
  depths: number[];
}

/** Pieces of a record remembered by position. */
const MEMO_PIECES = 64;

export const newWalkMemo = (): WalkMemo => ({
  n: 0,
  keys: [],
  values: [],
  valueTops: [],
  valueKinds: new Int32Array(MEMO_PIECES),
  starts: new Int32Array(MEMO_PIECES),
  ends: new Int32Array(MEMO_PIECES),
  varied: new Uint8Array(MEMO_PIECES),
  lastN: 0,
  layout: null,
});

/** Whether s[start, end) is `known` (a loop: startsWith's call costs more on these short pieces). */
function holdsAt(s: string, start: number, end: number, known: string | undefined): boolean {
  if (known === undefined || known.length !== end - start) return false;
  for (let k = 0; k < known.length; k++) if (s.charCodeAt(start + k) !== known.charCodeAt(k)) return false;
  return true;
}

const MAX_DEPTH = 32;
/** Gave up: the caller parses the line. */
const UNKNOWN = -1;
/** A piece was found not clean. */
const DIRTY = -2;

/**
 * Whether the record in `line` (a JSON object, white space around it allowed) is clean by `v`: true when
 * every name and value is, false when the walker cannot tell or one is not.
 */
export function walkCleanJsonObject(line: string, v: JsonVerdicts): boolean {
  let i = skipSpace(line, 0);
  if (line.charCodeAt(i) !== 123 /* { */) return false;
  const memo = v.memo;
  if (memo) {
    const known = memo.layout === null ? UNKNOWN : matchLayout(line, memo.layout, v);
    if (known !== UNKNOWN) return known === 1;
    memo.n = 0;
  }
  i = walkObject(line, i, v, 0, '');
  const clean = i >= 0 && skipSpace(line, i) === line.length;
  if (memo) {
    memo.layout = clean && memo.lastN > 0 && memo.n <= MEMO_PIECES ? layoutOf(line, memo) : null;
    memo.lastN = memo.n;
  }
  return clean;
}

/** The layout of a line just walked clean: its value pieces that varied are the holes. */
function layoutOf(line: string, memo: WalkMemo): Layout {
  const layout: Layout = { literals: [], numbers: [], tops: [], depths: [] };
  let from = 0;
  for (let k = 0; k < memo.n; k++) {
    if (memo.starts[k]! < 0 || memo.varied[k] === 0) continue;
    layout.literals.push(line.slice(from, memo.starts[k]));
    layout.numbers.push((memo.valueKinds[k]! & 1) === 1);
    layout.tops.push(memo.valueTops[k]!);
    layout.depths.push(memo.valueKinds[k]! >> 1);
    from = memo.ends[k]!;
  }
  layout.literals.push(line.slice(from));
  return layout;
}

/**
 * The walk's answer for a line that is `layout`'s record with other values in its holes: 1 clean, 0 not clean,
 * UNKNOWN when the line does not have that layout (the walker then reads it). A matching line has the
 * record's structure, names and other values, all found clean before (verdicts are pure), so the walker
 * would ask only about the holes, with the same top key and depth: each hole is read as the walker reads
 * a value (a plain string's text, an integer token) and given to v.value. The literal after a string hole
 * starts with its closing quote; after an integer, with what ends a token.
 */
function matchLayout(line: string, layout: Layout, v: JsonVerdicts): number {
  const literals = layout.literals;
  const holes = literals.length - 1;
  let i = 0;
  for (let h = 0; h < holes; h++) {
    const literal = literals[h]!;
    if (!line.startsWith(literal, i)) return UNKNOWN;
    i += literal.length;
    const isNumber = layout.numbers[h]!;
    const end = isNumber ? integerEnd(line, i) : stringEnd(line, i - 1) - 1;
    if (end < 0 || (!isNumber && line.charCodeAt(i - 1) !== 34)) return UNKNOWN;
    // An empty string is clean unasked, as the walker has it.
    if (end > i && !v.value(line.slice(i, end), isNumber, layout.tops[h]!, layout.depths[h]!)) return 0;
    i = end;
  }
  const last = literals[holes]!;
  if (!line.startsWith(last, i)) return UNKNOWN;
  return skipSpace(line, i + last.length) === line.length ? 1 : UNKNOWN;
}

function skipSpace(s: string, i: number): number {
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
}

/** The end of a plain string token starting at its quote (i), or UNKNOWN (an escape, a control character, no end). */
function stringEnd(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 34) return j + 1;
    if (c === 92 || c < 32) return UNKNOWN;
  }
  return UNKNOWN;
}

/** The end of an integer token of at most 15 digits at i (not "-0"), or UNKNOWN for any other number. */
function integerEnd(s: string, i: number): number {
  let j = i;
  if (s.charCodeAt(j) === 45) j++;
  const first = j;
  while (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
  const digits = j - first;
  if (digits === 0 || digits > 15) return UNKNOWN;
  if (s.charCodeAt(first) === 48 && (digits > 1 || first > i)) return UNKNOWN;
  const c = s.charCodeAt(j);
  if (c === 46 || c === 101 || c === 69) return UNKNOWN;
  return j;
}

/** Walks the object whose '{' is at i; returns the index after its '}', or UNKNOWN / DIRTY. */
function walkObject(s: string, i: number, v: JsonVerdicts, depth: number, topKey: string): number {
  if (depth >= MAX_DEPTH) return UNKNOWN;
  i = skipSpace(s, i + 1);
  if (s.charCodeAt(i) === 125) return i + 1;
  const names: string[] = [];
  for (;;) {
    if (s.charCodeAt(i) !== 34) return UNKNOWN;
    const ke = stringEnd(s, i);
    if (ke < 0) return UNKNOWN;
    const memo = v.memo;
    const k = memo ? memo.n++ : MEMO_PIECES;
    const known = k < MEMO_PIECES && holdsAt(s, i + 1, ke - 1, memo!.keys[k]);
    const name = known ? memo!.keys[k]! : s.slice(i + 1, ke - 1);
    if (k < MEMO_PIECES) memo!.starts[k] = -1;
    // Duplicate names: JSON.parse keeps the last one only, so the parse path redacts and re-serializes.
    for (let k = 0; k < names.length; k++) if (names[k] === name) return UNKNOWN;
    names.push(name);
    i = skipSpace(s, ke);
    if (s.charCodeAt(i) !== 58) return UNKNOWN;
    i = skipSpace(s, i + 1);
    if (!known) {
      if (!v.key(name)) return DIRTY;
      if (k < MEMO_PIECES) memo!.keys[k] = name;
    }
    i = walkValue(s, i, v, depth, depth === 0 ? name : topKey);
    if (i < 0) return i;
    i = skipSpace(s, i);
    const c = s.charCodeAt(i);
    if (c === 125) return i + 1;
    if (c !== 44) return UNKNOWN;
    i = skipSpace(s, i + 1);
  }
}

function walkArray(s: string, i: number, v: JsonVerdicts, depth: number, topKey: string): number {
  if (depth >= MAX_DEPTH) return UNKNOWN;
  i = skipSpace(s, i + 1);
  if (s.charCodeAt(i) === 93) return i + 1;
  for (;;) {
    i = walkValue(s, i, v, depth, topKey);
    if (i < 0) return i;
    i = skipSpace(s, i);
    const c = s.charCodeAt(i);
    if (c === 93) return i + 1;
    if (c !== 44) return UNKNOWN;
    i = skipSpace(s, i + 1);
  }
}

/** A member's value (depth: of the object holding it) at i; returns the index after it, or UNKNOWN / DIRTY. */
function walkValue(s: string, i: number, v: JsonVerdicts, depth: number, topKey: string): number {
  const c = s.charCodeAt(i);
  if (c === 34) {
    const e = stringEnd(s, i);
    if (e < 0) return UNKNOWN;
    return e - i === 2 || valueClean(s, i + 1, e - 1, v, false, topKey, depth) ? e : DIRTY;
  }
  if (c === 123) return walkObject(s, i, v, depth + 1, topKey);
  if (c === 91) return walkArray(s, i, v, depth + 1, topKey);
  if (c === 45 || (c >= 48 && c <= 57)) {
    const e = integerEnd(s, i);
    if (e < 0) return UNKNOWN;
    return valueClean(s, i, e, v, true, topKey, depth) ? e : DIRTY;
  }
  if (s.startsWith('true', i)) return i + 4;
  if (s.startsWith('false', i)) return i + 5;
  if (s.startsWith('null', i)) return i + 4;
  return UNKNOWN;
}

/** v.value of s[start, end), through the memo when the value at this position is the one remembered there. */
function valueClean(s: string, start: number, end: number, v: JsonVerdicts, isNumber: boolean, topKey: string, depth: number): boolean {
  const memo = v.memo;
  const k = memo ? memo.n++ : MEMO_PIECES;
  const kind = depth * 2 + (isNumber ? 1 : 0);
  if (k < MEMO_PIECES) {
    memo!.starts[k] = start;
    memo!.ends[k] = end;
    memo!.varied[k] = 0;
  }
  if (k < MEMO_PIECES && memo!.valueKinds[k] === kind && memo!.valueTops[k] === topKey && holdsAt(s, start, end, memo!.values[k])) return true;
  const text = s.slice(start, end);
  if (!v.value(text, isNumber, topKey, depth)) return false;
  if (k < MEMO_PIECES) {
    memo!.varied[k] = 1;
    memo!.values[k] = text;
    memo!.valueTops[k] = topKey;
    memo!.valueKinds[k] = kind;
  }
  return true;
}

/**
 * The normalizing reader's first step: the scanners read a copy of the text in which every Unicode decimal
 * digit (\p{Nd}: full-width, Arabic-Indic, Devanagari, Bengali, mathematical…) is its ASCII digit, every
 * Unicode dash a '-', every space separator a ' ', and format characters (zero-width space and joiners,
 * word joiner, soft hyphen, BOM, direction marks) are gone; URL-encoded separators (`%20`, `%2D`, `%3A`…)
 * and a '+' between two digits (form encoding) become the character they stand for. Findings are mapped
 * back to the original text, and masks work on the original, so a mask keeps the text's own separators
 * and script.
 *
 * Each replacement depends on its own characters only (apart from '+', which looks at one neighbour on
 * each side), so a stream that normalizes its buffer step by step reads what one pass over the whole
 * text reads.
 */

import { everyText } from './regexp-warm.js';

/** Per UTF-16 code unit: 0 keeps it, DROP removes it, any other value is the replacement code unit. */
const DROP = 0xffff;
const MAP = new Uint16Array(65536);

/**
 * The digit value of a \p{Nd} code point: decimal digits come in runs of ten, 0 first (Unicode policy), and
 * some runs follow each other (the five mathematical digit sets): the offset from the start of the
 * contiguous block, modulo ten.
 */
function digitValue(cp: number): number {
  let k = 0;
  while (k < 100 && ND.test(String.fromCodePoint(cp - k - 1))) k++;
  return k % 10;
}
const ND = /^\p{Nd}$/u;
const UTF16_DECODER = new TextDecoder('utf-16le');

(() => {
  // One string of every BMP character outside the surrogates, searched once per class (faster than a
  // regex test per character at start-up).
  const all = new Uint16Array(0xf800);
  for (let c = 0, k = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) all[k++] = c;
  const bmp = UTF16_DECODER.decode(all);
  const mark = (re: RegExp, value: (c: number) => number) => {
    for (const m of bmp.matchAll(re)) {
      const c = m[0].charCodeAt(0);
      if (c >= 0x80) MAP[c] = value(c);
    }
  };
  mark(/[\p{Zs}]/gu, () => 32);
  mark(/\p{Cf}/gu, () => DROP);
  mark(/[\p{Pd}\u2212\u2796\ufe63\uff0d]/gu, () => 45);
  mark(/\p{Nd}/gu, (c) => 48 + digitValue(c));
  MAP[0x2028] = 10; // line separator
  MAP[0x2029] = 10; // paragraph separator
  MAP[0xff1a] = 58; // full-width colon
  MAP[0xff0f] = 47; // full-width solidus
  MAP[0xff03] = 35; // full-width number sign
  MAP[0x2044] = 47; // fraction slash
  MAP[0x2215] = 47; // division slash
})();

/** `%XX` escapes that stand for a separator or a cue's punctuation. */
const URL_ESCAPES: Readonly<Record<string, number>> = {
  '20': 32, '2d': 45, '2D': 45, '3a': 58, '3A': 58, '2f': 47, '2F': 47, '2c': 44, '2C': 44, '23': 35, '2e': 46, '2E': 46, '3d': 61, '3D': 61,
};

/**
 * Whether a buffer holds anything the reader normalizes (most text does not: it is then read as is). Three
 * tests, the last two behind a native indexOf, are faster than one alternation over the whole buffer.
 */
const NON_ASCII = everyText(/[^\x00-\x7f]/);
const URL_ESCAPE = everyText(/%[23][0-9a-fA-F]/);
const PLUS_JOIN = everyText(/[0-9]\+[0-9]/);
const needsNormalizing = (buf: string, ascii: boolean) =>
  (!ascii && NON_ASCII.test(buf)) || (buf.includes('%') && URL_ESCAPE.test(buf)) || (buf.includes('+') && PLUS_JOIN.test(buf));

export interface NormalizedText {
  /** What the scanners read. */
  text: string;
  /** Per character of `text`: where it starts in the original, and where it ends; null when `text` is the original. */
  starts: Int32Array | null;
  ends: Int32Array | null;
}

const isAsciiDigit = (c: number) => c >= 48 && c <= 57;

/** Normalizes a buffer for scanning (see above). */
/**
 * Buffers of released normalizations (releaseNormalized), reused by the next: a stream normalizes every
 * step of about 64 K characters, and fresh arrays cost 10 bytes per character each time, kept alive
 * through the step (each scavenge in it copied them, then promoted them).
 */
interface Scratch {
  units: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
}
const free: Scratch[] = [];
const FREE_MAX = 2;
/** Buffers larger than this are never kept (one long text must not pin its arrays). */
const KEEP_MAX = 1 << 17;
const scratchOf = new WeakMap<NormalizedText, Scratch>();

function takeScratch(n: number): Scratch {
  for (let k = free.length - 1; k >= 0; k--) {
    if (free[k]!.starts.length > n) return free.splice(k, 1)[0]!;
  }
  const size = Math.max(n + 1, n <= KEEP_MAX ? Math.min(KEEP_MAX, 66_000) : 0);
  return { units: new Uint16Array(size), starts: new Int32Array(size), ends: new Int32Array(size) };
}

/**
 * Hands a normalization's buffers back once nothing reads its offsets (the session's step is over): the
 * next normalizeForScan may reuse them, so `nt`'s offsets must not be read after this.
 */
export function releaseNormalized(nt: NormalizedText): void {
  // The text as it was (most short texts) took no buffers: no WeakMap lookup for it.
  if (nt.starts === null) return;
  const sc = scratchOf.get(nt);
  if (!sc) return;
  scratchOf.delete(nt);
  if (free.length < FREE_MAX && sc.starts.length <= KEEP_MAX) free.push(sc);
}

/** `ascii`: the caller knows the buffer is all ASCII (prefilter features), so that test is skipped. */
export function normalizeForScan(buf: string, ascii = false): NormalizedText {
  if (!needsNormalizing(buf, ascii)) return { text: buf, starts: null, ends: null };
  const n = buf.length;
  const sc = takeScratch(n);
  const out = sc.units;
  const starts = sc.starts;
  const ends = sc.ends;
  let o = 0;
  let i = 0;
  while (i < n) {
    const c = buf.charCodeAt(i);
    let r = c;
    let len = 1;
    if (c >= 0x80) {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const cp = buf.codePointAt(i)!;
        if (cp > 0xffff && ND.test(String.fromCodePoint(cp))) {
          r = 48 + digitValue(cp);
          len = 2;
        }
      } else {
        const m = MAP[c]!;
        if (m === DROP) {
          i++;
          continue;
        }
        if (m) r = m;
      }
    } else if (c === 37 && i + 2 < n) {
      const e = URL_ESCAPES[buf.slice(i + 1, i + 3)];
      if (e !== undefined) {
        r = e;
        len = 3;
      }
    } else if (c === 43 && o > 0 && isAsciiDigit(out[o - 1]!) && i + 1 < n && unicodeDigitAt(buf, i + 1) !== null) {
      r = 32;
    }
    out[o] = r;
    starts[o] = i;
    ends[o] = i + len;
    o++;
    i += len;
  }
  starts[o] = n;
  ends[o] = n;
  const nt: NormalizedText = { text: decode(out, o), starts: starts.subarray(0, o + 1), ends: ends.subarray(0, o + 1) };
  scratchOf.set(nt, sc);
  return nt;
}

function decode(units: Uint16Array, length: number): string {
  return UTF16_DECODER.decode(units.subarray(0, length));
}

/** The original offset of a point (a position between characters) of the normalized text. */
export function originalPoint(nt: NormalizedText, p: number): number {
  if (!nt.starts) return p;
  return nt.starts[Math.max(0, Math.min(p, nt.starts.length - 1))]!;
}

/** The original end of a span of the normalized text that ends at e (exclusive). */
export function originalEnd(nt: NormalizedText, e: number): number {
  if (!nt.ends) return e;
  return e <= 0 ? 0 : nt.ends[Math.min(e, nt.ends.length - 1) - 1]!;
}

/** The normalized point at an original offset that is a point of the normalization (first at or after it). */
export function normalizedPoint(nt: NormalizedText, orig: number): number {
  const s = nt.starts;
  if (!s) return orig;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid]! < orig) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The digit a character of the original text stands for ('0'–'9'), with the number of code units it takes
 * (2 for the astral digits), or null. Masks use it to find the digits of a finding in its own script.
 */
export function unicodeDigitAt(text: string, i: number): { digit: number; len: number } | null {
  const c = text.charCodeAt(i);
  if (c >= 48 && c <= 57) return { digit: c - 48, len: 1 };
  if (c < 0x80) return null;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    return cp > 0xffff && ND.test(String.fromCodePoint(cp)) ? { digit: digitValue(cp), len: 2 } : null;
  }
  const m = MAP[c]!;
  return m >= 48 && m <= 57 && ND.test(text[i]!) ? { digit: m - 48, len: 1 } : null;
}

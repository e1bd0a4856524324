import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contextFinder, WordTrie, type WordMode } from '../../src/detect/context-words.js';
import { compileFillers, fillerStops, isFillerPunct, type FillerTable } from '../../src/detect/cue-fillers.js';
import { excludedBefore } from '../../src/detect/candidate.js';
import type { CompiledContext } from '../../src/detect/plan.js';

/**
 * The trie reads context words, exclusion words and cue fillers as the regexes did (context-words.ts). The
 * regexes are kept here as the oracle, built as the plan built them before the trie, and both are run over
 * generated windows: words of the shipped lists and of random lists, in case variants (Kelvin sign, long s),
 * glued to letters and digits, between punctuation, separators and random Unicode (lone surrogates too).
 */

const RUNS = { seed: 20261207, numRuns: 300 };

// ---- The oracle: the regexes exactly as plan.ts and cue-fillers.ts built them before the trie. ----

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function gateTokens(word: string): string[] {
  const tokens: string[] = [];
  word.trim().split(/\s+/).forEach((w, i) => {
    if (i > 0) tokens.push('\\s{1,3}');
    for (const c of w) tokens.push(escapeRe(c));
  });
  return tokens;
}
const phraseEnd = (word: string) => (/[A-Za-z]$/.test(word) ? '(?![A-Za-z])' : /\w$/.test(word) ? '(?![0-9A-Za-z_])' : '');
const contextOrder = (words: string[]) => [...new Set(words.map((w) => w.trim()))].sort((a, b) => b.length - a.length || a.localeCompare(b));
const oracleContextRegex = (words: string[]) => new RegExp(`\\b(?:${contextOrder(words).map((w) => gateTokens(w).join('') + phraseEnd(w)).join('|')})`, 'i');

function oracleLast(re: RegExp, text: string): [number, number] | null {
  const g = new RegExp(re.source, 'gi');
  let found: [number, number] | null = null;
  let m: RegExpExecArray | null;
  while ((m = g.exec(text)) !== null) {
    found = [m.index, g.lastIndex];
    if (m[0].length === 0) g.lastIndex++;
  }
  return found;
}

const FILLER_PUNCT = `[ \\t:=#"'\u201c\u201d\u2018\u2019*_,.\\-\u2013\u2014()\\u00a0]`;
function oracleFillerRegex(words: string[]): RegExp {
  const alts = [...new Set(words.map((w) => w.trim().toLowerCase()))]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRe(w).replace(/ +/g, '[ \\t]{1,3}') + (/[\p{L}\p{N}]$/u.test(w) ? '(?![\\p{L}\\p{N}])' : ''));
  return new RegExp(`${FILLER_PUNCT}+|(?:${alts.join('|')})`, 'iuy');
}
const WORD_CHAR = /[\p{L}\p{N}]/u;
const CELL_DELIMITER: ReadonlySet<number> = new Set([44, 124, 59, 9]);
function oracleFillerStops(text: string, from: number, re: RegExp, maxWords: number, limit: number): number[] {
  const stops = [from];
  if (CELL_DELIMITER.has(text.charCodeAt(from))) return stops;
  if (text.charCodeAt(from) === 45 && from > 0 && WORD_CHAR.test(text[from - 1]!) && WORD_CHAR.test(text[from + 1] ?? '')) return stops;
  let p = from;
  let words = 0;
  const end = Math.min(text.length, limit);
  while (p < end) {
    re.lastIndex = p;
    const m = re.exec(text);
    if (!m || m[0].length === 0) break;
    const punct = !/[\p{L}\p{N}]/u.test(m[0]);
    if (!punct && ++words > maxWords) break;
    p = re.lastIndex;
    if (p > end) break;
    stops.push(p);
  }
  return stops.reverse();
}

function oracleExcluded(words: RegExp, exclude: RegExp, before: string): boolean {
  before = before.slice(-32);
  before = before.slice(before.lastIndexOf('\n') + 1);
  if (!exclude.test(before)) return false;
  if (!words.test(before)) return true;
  const ex = oracleLast(exclude, before)!;
  const cue = oracleLast(words, before)!;
  return cue[0] < ex[1] || /^[\s#:.-]*$/.test(before.slice(ex[1], cue[0]));
}

// ---- The shipped lists. ----

function packFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return packFiles(p);
    return f.endsWith('.json') ? [p] : [];
  });
}
interface Lists {
  context: string[][];
  exclude: string[][];
  fillers: string[][];
}
const LISTS: Lists = { context: [], exclude: [], fillers: [] };
for (const f of packFiles(fileURLToPath(new URL('../../rules', import.meta.url)))) {
  const pack = JSON.parse(readFileSync(f, 'utf8')) as { rules?: { context?: { words: string[]; exclude?: string[] }; detector?: { fillers?: string[] } }[] };
  if (!Array.isArray(pack.rules)) continue;
  for (const r of pack.rules) {
    if (r.context?.words?.length) LISTS.context.push(r.context.words);
    if (r.context?.exclude?.length) LISTS.exclude.push(r.context.exclude);
    if (r.detector?.fillers?.length) LISTS.fillers.push(r.detector.fillers);
  }
}

// ---- Generated windows. ----

/** Case variants the engine folds: upper, lower, title, and the Kelvin sign and long s for k and s. */
function caseVariant(word: string, seed: number): string {
  let out = '';
  let i = 0;
  for (const ch of word) {
    const r = (seed >> i++ % 28) & 3;
    if (ch === 'k' && r === 3) out += '\u212a';
    else if (ch === 's' && r === 3) out += '\u017f';
    else out += r & 1 ? ch.toUpperCase() : ch.toLowerCase();
  }
  return out;
}

const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const separator = fc.constantFrom(' ', '  ', '   ', '    ', '\t', ' \t', '\n', '\u00a0', '\u2003', '\ufeff', '');
const punct = fc.constantFrom(':', '#', '.', '-', ',', '"', '(', ')', '*', '_', '=', '\u2014', '\u2019', "'", '/', '|', ';', '!', '?');
const glue = fc.constantFrom('a', 'Z', '7', '_', 'é', 'ß', '\u0345', '\u03c2', '𝐀', '1', '中');

/** A window: words of `list` (case variants, glued or not) among separators, punctuation and any Unicode. */
const windowOf = (list: readonly string[]) =>
  fc
    .array(
      fc.oneof(
        { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...list), fc.integer({ min: 0, max: 0x7fffffff })).map(([w, s]) => caseVariant(w, s)) },
        { weight: 3, arbitrary: separator },
        { weight: 2, arbitrary: punct },
        { weight: 1, arbitrary: glue },
        { weight: 1, arbitrary: anyCodePoint },
        { weight: 1, arbitrary: loneSurrogate },
        // A phrase with its spaces made a run of another length or kind.
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...list), separator).map(([w, s]) => w.replace(/ /g, s || ' ')) },
      ),
      { maxLength: 14 },
    )
    .map((parts) => parts.join(''));

/** Random lists a user pack could hold: letters of several scripts, digits, regex punctuation, spaces. */
const randomWord = fc
  .array(fc.constantFrom('a', 'k', 's', 'S', 'é', 'É', 'ß', 'ẞ', 'σ', 'Σ', 'ς', 'ι', '\u0345', 'İ', 'ı', 'i', '1', '_', '#', '.', '(', '$', '-', "'", ' ', 'ñ', 'ö', 'Ж', '中', '\u00a0'), { minLength: 1, maxLength: 6 })
  .map((cs) => cs.join(''))
  .filter((w) => w.trim().length > 0);
const randomList = fc.array(randomWord, { minLength: 1, maxLength: 8 });

// ---- Properties. ----

function checkContext(list: string[], text: string): void {
  const re = oracleContextRegex(list);
  const trie = WordTrie.build(contextOrder(list), 'context');
  expect(trie).not.toBeNull();
  // Any window of the text, read as if it were the whole string.
  for (const [lo, hi] of [[0, text.length], [1, text.length], [0, text.length - 1], [2, text.length - 2]] as const) {
    if (lo > hi) continue;
    const w = text.slice(lo, hi);
    expect(trie!.test(text, lo, hi), JSON.stringify(w)).toBe(re.test(w));
    const last = oracleLast(re, w);
    expect(trie!.last(text, lo, hi), JSON.stringify(w)).toBe(last !== null);
    if (last) expect([trie!.start - lo, trie!.end - lo], JSON.stringify(w)).toEqual(last);
  }
}

function checkFillers(list: string[], text: string, from: number, maxWords: number, limit: number): void {
  const table = compileFillers(list)!;
  expect(fillerStops(text, from, table, maxWords, limit), JSON.stringify(text)).toEqual(oracleFillerStops(text, from, oracleFillerRegex(list), maxWords, limit));
}

describe('context and exclusion words read by the trie as by their regex (property, regex oracle)', () => {
  it('the shipped lists find the same words, and the same last word, in any window', () => {
    const lists = [...LISTS.context, ...LISTS.exclude];
    expect(lists.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: lists.length - 1 }).chain((i) => fc.tuple(fc.constant(lists[i]!), windowOf(lists[i]!))), ([list, text]) => checkContext(list, text)),
      { ...RUNS, numRuns: 2000 },
    );
  });

  it('random lists (any script, regex punctuation, odd case folds) too', () => {
    fc.assert(fc.property(randomList.chain((list) => fc.tuple(fc.constant(list), windowOf(list))), ([list, text]) => checkContext(list, text)), { ...RUNS, numRuns: 1000 });
  });

  it('an exclusion word names the value as the old regex reading decided', () => {
    const pairs = LISTS.exclude.length ? LISTS.context.map((w, i) => [w, LISTS.exclude[i % LISTS.exclude.length]!] as const) : [];
    expect(pairs.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: pairs.length - 1 }).chain((i) => fc.tuple(fc.constant(pairs[i]!), windowOf([...pairs[i]![0], ...pairs[i]![1]]), fc.nat(60))),
        ([[words, exclude], text, cut]) => {
          const wordsRe = oracleContextRegex(words);
          const excludeRe = oracleContextRegex(exclude);
          const c = { findWords: contextFinder(contextOrder(words), wordsRe), findExclude: contextFinder(contextOrder(exclude), excludeRe) } as CompiledContext;
          const bs = Math.min(cut, text.length);
          const start = text.length;
          expect(excludedBefore(c, text, bs, start), JSON.stringify(text.slice(bs))).toBe(oracleExcluded(wordsRe, excludeRe, text.slice(bs, start)));
        },
      ),
      { ...RUNS, numRuns: 2000 },
    );
  });

  it('a blank exclusion word (an empty alternative) is left to the regex, which matches at every boundary', () => {
    expect(WordTrie.build(contextOrder(['order', '  ']), 'context')).toBeNull();
    const re = oracleContextRegex(['order', '  ']);
    const f = contextFinder(contextOrder(['order', '  ']), re);
    for (const s of ['x', ' ', 'ab cd', '']) {
      expect(f.test(s, 0, s.length)).toBe(re.test(s));
      const last = oracleLast(re, s);
      expect(f.last(s, 0, s.length)).toBe(last !== null);
      if (last) expect([f.start, f.end]).toEqual(last);
    }
  });

  it('examples: boundaries, glued values, phrase spaces, case', () => {
    const t = WordTrie.build(contextOrder(['cvv', 'card no.', 'ss#', 'phone number', 'card']), 'context')!;
    const has = (s: string) => t.test(s, 0, s.length);
    expect(has('CVV: 123')).toBe(true);
    expect(has('cvv123')).toBe(true); // a digit after a final letter is no boundary for the regex either
    expect(has('cvvs')).toBe(false);
    expect(has('xcvv')).toBe(false);
    expect(has('PHONE\t\tNUMBER')).toBe(true);
    expect(has('phone    number')).toBe(false); // four spaces: \s{1,3}
    expect(has('ss#1')).toBe(true);
    expect(has('card no.x')).toBe(true);
    expect(has('ca\u212ad')).toBe(false); // the Kelvin sign is no k without the u flag
    expect(t.last('card cvv card', 0, 13)).toBe(true);
    expect([t.start, t.end]).toEqual([9, 13]);
  });
});

describe('cue fillers read by the trie as by their sticky regex (property, regex oracle)', () => {
  const cue = fc.constantFrom('DOB', 'passport', 'pw', 'x', 'license-', 'cvv');

  it('the shipped lists give the same stops after any cue', () => {
    expect(LISTS.fillers.length).toBeGreaterThan(2);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: LISTS.fillers.length - 1 }).chain((i) =>
          fc.tuple(fc.constant(LISTS.fillers[i]!), cue, windowOf(LISTS.fillers[i]!), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 120 })),
        ),
        ([list, c, tail, maxWords, reach]) => checkFillers(list, c + tail, c.length, maxWords, c.length + reach),
      ),
      { ...RUNS, numRuns: 2000 },
    );
  });

  it('random lists too, the trie or (a tab, a character outside the BMP) the regex', () => {
    const fillerList = fc.array(fc.oneof(randomWord, fc.constantFrom('a\tb', 'x𝐀', "it's", 'no.', 'é')), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fillerList.chain((list) => fc.tuple(fc.constant(list), windowOf(list), fc.integer({ min: 0, max: 6 }))), ([list, tail, maxWords]) =>
        checkFillers(list, `pw${tail}`, 2, maxWords, 98),
      ),
      { ...RUNS, numRuns: 400 },
    );
  });

  it('keeps the regex for a list the trie cannot read exactly', () => {
    expect(compileFillers(['a\tb'])!.trie).toBeNull();
    expect(compileFillers(['x𝐀'])!.trie).toBeNull();
    expect((compileFillers(['is', "it's", 'no.']) as FillerTable).trie).not.toBeNull();
  });

  it('punctuation runs are the regex class, over the whole BMP', () => {
    const re = new RegExp(`^${FILLER_PUNCT}$`, 'iu');
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isFillerPunct(c) !== re.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});

describe('a list character matches exactly the text characters its regex matched, over the whole BMP', () => {
  const chars = (lists: string[][]) => [...new Set(lists.flatMap((l) => l.flatMap((w) => [...w.toLowerCase(), ...w.toUpperCase(), ...w])))].filter((c) => c.trim() !== '' && c.length === 1);

  for (const mode of ['context', 'filler'] as WordMode[]) {
    it(`${mode} lists`, () => {
      const list = mode === 'context' ? chars([...LISTS.context, ...LISTS.exclude]) : chars(LISTS.fillers).map((c) => c.toLowerCase());
      const extra = ['k', 's', 'ß', 'σ', 'ι', 'µ', 'İ', 'ı', 'å', 'ω', 'θ'];
      const differ: string[] = [];
      for (const ch of new Set([...list, ...extra])) {
        const trie = WordTrie.build([ch], mode)!;
        const re = new RegExp(`^${escapeRe(ch)}`, mode === 'context' ? 'i' : 'iu');
        for (let c = 0; c < 0x10000; c++) {
          const s = String.fromCharCode(c);
          if ((trie.matchAt(s, 0, 1) === 1) !== re.test(s)) differ.push(`${ch}~U+${c.toString(16)}`);
        }
      }
      expect(differ).toEqual([]);
    });
  }
});

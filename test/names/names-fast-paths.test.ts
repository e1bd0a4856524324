import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadNameLexicon, type NameLexicon } from '../../src/detect/names/lexicon.js';
import { languageAt } from '../../src/detect/names/language.js';
import { keyOf, NameMentions } from '../../src/detect/names/mentions.js';
import { compileCues, cueBefore } from '../../src/detect/names/cues.js';
import { isJoiner, isLetter } from '../../src/detect/names/letters.js';
import { WordIndex } from '../../src/detect/word-set.js';

/**
 * The names pass's fast paths (language votes cached by position, keys without regexes, cue phrases read back
 * only while they can still end a cue, lookups without slicing) answer as the plain computations they replace.
 */
const lex = loadNameLexicon(['names', 'not-persons', 'languages'], 'test');

/** languageAt as it was written first: every word of the window sliced, folded and looked up, votes in a Map. */
let plainLangs: Map<string, string[]> | null = null;
function plainLanguageAt(lx: NameLexicon, text: string, s: number, e: number): string {
  let langsOf = plainLangs;
  if (!langsOf) {
    langsOf = plainLangs = new Map<string, string[]>();
    for (const [lang, words] of lx.languageWords) for (const [w] of words) if (w.length > 1) langsOf.set(w, [...(langsOf.get(w) ?? []), lang]);
  }
  const votes = new Map<string, number>();
  let a = Math.max(0, s - 200);
  while (a > 0 && a < s && isLetter(text.charCodeAt(a - 1))) a++;
  let b = Math.min(text.length, e + 160);
  while (b < text.length && b > e && isLetter(text.charCodeAt(b))) b--;
  for (let i = a; i < b; ) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < b && (isLetter(text.charCodeAt(j)) || (isJoiner(text.charCodeAt(j)) && j + 1 < b && isLetter(text.charCodeAt(j + 1))))) j++;
    const langs = j - i <= 12 ? langsOf.get(text.slice(i, j).toLowerCase()) : undefined;
    if (langs) for (const l of langs) votes.set(l, (votes.get(l) ?? 0) + 1 / langs.length);
    i = j;
  }
  let best = '';
  let top = 0;
  let second = 0;
  for (const [l, v] of votes) {
    if (v > top) {
      second = top;
      top = v;
      best = l;
    } else if (v > second) second = v;
  }
  return top >= 1.5 && top >= 1.25 * second ? best : '';
}

// Frequent words of several languages, names, joiners and letters outside ASCII, so windows vote, tie and cut words.
const pieces = ['the', 'and', 'der', 'und', 'die', 'le', 'la', 'et', 'de', 'que', 'och', 'het', 'een', 'não', 'für', 'İ', 'Σ', 'ß', 'Maria', 'Dupont', "O'Neill", 'Jean-Luc', 'x', 'AND', 'Der'];
const sep = fc.constantFrom(' ', '  ', '-', "'", ', ', '. ', '\n', '’', '5', '');
const textArb = fc.array(fc.tuple(fc.constantFrom(...pieces), sep), { minLength: 1, maxLength: 140 }).map((xs) => xs.map(([w, s]) => w + s).join(''));

describe('names fast paths', () => {
  it('languageAt with its cache answers as the plain vote, call after call on one text and across texts (property)', () => {
    const plainIx = new Map<string, string>();
    fc.assert(
      fc.property(fc.array(fc.tuple(textArb, fc.array(fc.tuple(fc.nat(), fc.nat(12)), { minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 3 }), (cases) => {
        for (const [text, spots] of cases) {
          const windows = spots.map(([p, w]) => [p % text.length, Math.min(text.length, (p % text.length) + w)] as const);
          // Windows whose end cuts a word at a joiner ("Jean-|Luc"), after windows that read that word whole.
          for (let j = 161; j < text.length; j++) if (isJoiner(text.charCodeAt(j)) && isLetter(text.charCodeAt(j - 1))) windows.push([j - 163, j - 160], [j - 161, j - 160]);
          for (const [s, e] of windows) {
            const k = `${text}\u0000${s}\u0000${e}`;
            let want = plainIx.get(k);
            if (want === undefined) plainIx.set(k, (want = plainLanguageAt(lex, text, s, e)));
            expect(languageAt(lex, text, s, e)).toBe(want);
          }
        }
      }),
      { seed: 20, numRuns: 60 },
    );
  });

  it('languageAt reads a word its window cuts at a joiner as the window holds it, though another window read it whole', () => {
    // "nicht-nicht" ends at a hyphen at e + 160: the window holds "nicht" (a vote for German), not the whole word.
    let text = 'Maria nicht ' + 'zq '.repeat(60);
    text = `${text.slice(0, 159)} nicht-nicht tail`;
    expect(text.indexOf('-')).toBe(165);
    expect(plainLanguageAt(lex, text, 0, 5)).toBe('de');
    expect(languageAt(lex, `${text} `, 170, 172)).toBe(plainLanguageAt(lex, `${text} `, 170, 172));
    expect(languageAt(lex, text, 170, 172)).toBe(plainLanguageAt(lex, text, 170, 172));
    expect(languageAt(lex, text, 0, 5)).toBe('de');
  });

  it('keyOf folds and drops the clitic as the regex form did (property)', () => {
    const plain = (w: string) => (/[^\x00-\x7f]/.test(w) ? w.normalize('NFC').toUpperCase().toLowerCase() : w.toLowerCase()).replace(/['’]s$/, '');
    const unit = fc.constantFrom('a', 'B', 's', 'S', "'", '’', 'ß', 'İ', 'Σ', 'e\u0301', 'ﬁ', 'x');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 8 }), fc.nat(3), (us, pad) => {
        const w = us.join('');
        const text = ' '.repeat(pad) + w + ' ';
        expect(keyOf(text, pad, pad + w.length)).toBe(plain(w));
      }),
      { seed: 20 },
    );
  });

  it('NameMentions.has, skipping words by their first letter, answers as a lookup of every key (property)', () => {
    const name = fc.constantFrom('Anna', 'BOB', 'bob', "Menon's", 'Ève', 'E\u0301ve', 'Zoë', 'zed', 'Sam', 'SAM', 'İpek', 'ipek', 'Ôn');
    fc.assert(
      fc.property(fc.array(fc.tuple(name, name), { maxLength: 140 }), fc.array(name, { maxLength: 30 }), (runs, probes) => {
        const m = new NameMentions();
        const keys: string[] = [];
        for (const [a, b] of runs) {
          const text = `${a} ${b}`;
          m.add(text, [
            { s: 0, e: a.length, kind: 'weak' },
            { s: a.length + 1, e: text.length, kind: 'unknown' },
          ]);
          for (const k of [keyOf(text, 0, a.length), keyOf(text, a.length + 1, text.length)]) {
            const at = keys.indexOf(k);
            if (at >= 0) keys.splice(at, 1);
            keys.push(k);
            if (keys.length > 256) keys.shift();
          }
        }
        for (const p of probes) expect(m.has(`(${p})`, 1, 1 + p.length)).toBe(keys.includes(keyOf(p, 0, p.length)));
      }),
      { seed: 20 },
    );
  });

  it('WordIndex.getAsciiLower finds what get finds for the lower-cased slice (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', 'é', 'ж', "'"), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.uniqueArray(word.map((w) => w.toLowerCase()), { minLength: 600, maxLength: 700 }), fc.array(word, { maxLength: 40 }), (words, probes) => {
        const ix = new WordIndex(words);
        for (const p of [...words.map((w) => w.toUpperCase()), ...probes]) {
          if (/[^\x00-\x7f]/.test(p)) continue;
          const text = `(${p})`;
          expect(ix.getAsciiLower(text, 1, 1 + p.length)).toBe(ix.get(p.toLowerCase()));
        }
      }),
      { seed: 20, numRuns: 30 },
    );
  });

  it('cueBefore stops early only where no cue can be found further back', () => {
    const cues = compileCues(lex);
    // Every phrase's last words are endings, so a phrase is read back whole.
    for (const p of [...cues.intro, ...cues.soft, ...cues.field, ...cues.lineBefore]) {
      const words = p.split(' ');
      for (let k = 0; k < words.length; k++) expect(cues.endings.has(words.slice(k).join(' '))).toBe(true);
    }
    expect(cueBefore(cues, 'well, my name is Maria', 17)).toBe('intro');
    expect(cueBefore(cues, 'Name of the insured: Maria', 21)).toBe('intro');
    expect(cueBefore(cues, 'purple elephants Maria', 17)).toBeNull();
  });
});

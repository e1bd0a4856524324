import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compactSet, COMPACT_FROM, WordIndex, WordSet } from '../../src/detect/word-set.js';
import { loadNameLexicon } from '../../src/detect/names/lexicon.js';

// Words of Latin-1 and wider letters, so both joined strings and the hash probing are exercised.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'é', 'ß', 'ł', 'ж', '中', '😀', ' ', "'"), minLength: 0, maxLength: 6 });

describe('WordSet', () => {
  it('answers has, size and iteration as the Set of the same words does (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 300 }), fc.array(word, { maxLength: 50 }), (words, probes) => {
        const plain = new Set(words);
        const compact = new WordSet(plain);
        expect(compact.size).toBe(plain.size);
        expect([...compact]).toEqual([...plain]);
        for (const w of [...words, ...probes]) expect(compact.has(w)).toBe(plain.has(w));
      }),
    );
  });

  it('after add or delete behaves as an ordinary Set holding the same words', () => {
    const s = new WordSet(['anna', 'bruno', 'zoë']);
    expect(s.delete('bruno')).toBe(true);
    s.add('łucja');
    expect([...s]).toEqual(['anna', 'zoë', 'łucja']);
    expect(s.has('bruno')).toBe(false);
    expect(s.has('łucja')).toBe(true);
    expect(s.size).toBe(3);
  });

  it('is a Set (instanceof); two builds of the same words are equal; small sets stay Sets', () => {
    const words = Array.from({ length: COMPACT_FROM }, (_, i) => `w${i}`);
    const a = compactSet(new Set(words));
    const b = compactSet(new Set(words));
    expect(a).toBeInstanceOf(Set);
    expect(a).toBeInstanceOf(WordSet);
    expect(a).not.toBe(b);
    expect([...a]).toEqual([...b]);
    expect(compactSet(new Set(['few']))).not.toBeInstanceOf(WordSet);
  });
});

describe('WordIndex', () => {
  it('maps each word to the order it was added in (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 300 }), fc.array(word, { maxLength: 50 }), (words, probes) => {
        const plain = new Map(words.map((w, i) => [w, i]));
        const compact = new WordIndex(words);
        expect(compact.size).toBe(plain.size);
        expect([...compact]).toEqual([...plain]);
        expect([...compact.keys()]).toEqual(words);
        for (const w of [...words, ...probes]) expect(compact.get(w)).toBe(plain.get(w));
      }),
    );
  });
});

describe('the shipped names lexicon in compact storage', () => {
  it('holds its large lists as WordSets that find their own words and no others', () => {
    const lex = loadNameLexicon(['names', 'not-persons', 'languages'], 'test');
    expect(lex.distinctive).toBeInstanceOf(WordSet);
    expect(lex.commonWords).toBeInstanceOf(WordSet);
    for (const w of lex.commonNames) expect(lex.distinctive.has(w)).toBe(false);
    const sample = [...lex.commonWords].filter((_, i) => i % 997 === 0);
    for (const w of sample) expect(lex.commonWords.has(w)).toBe(true);
    expect(lex.commonWords.has('no-such-word-qx')).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cityLine, cityLineCut, extendAddress } from '../../src/detect/address/parse.js';
import { tokenize } from '../../src/detect/address/tokens.js';
import { addressGrammar, expectExactAddresses } from './support.js';

/**
 * A city after a postcode ends where the sentence starts: a function word of some language (a pronoun, an article,
 * a particle: the first functionWordRank words of functionWordLists) after the city's first word, with a comma and
 * a capitalised word after it, is the next sentence's ("… 4471 Brenneval Ich, Mara Velt, …"), unless a country
 * or region follows the comma. The places here are made up for these tests.
 */
const g = addressGrammar;
const toks = (s: string) => tokenize(s, 0, s.length);
const lastText = (s: string, k: number | null) => (k === null ? null : toks(s)[k]!.text);

describe('a function word after a city opens the next sentence', () => {
  it.each([
    ['37314 Brenneval Yo, Mara Velt escribe.', 'Brenneval'],
    ['4471 Ostrau Ich, Mara Velt, warte.', 'Ostrau'],
    ['50-731 Kantoma Czy, Mara Velt, może?', 'Kantoma'],
  ])('%s', (line, city) => {
    const t = toks(line);
    expect(lastText(line, extendAddress(g, t, 0))).toBe(city);
    expect(lastText(line, cityLine(g, t, 0)?.[1] ?? null)).toBe(city);
    expect(lastText(line, cityLineCut(g, t))).toBe(city);
  });

  it('in a block, the word and the name after it are left as written', () => {
    expectExactAddresses('Schreiben Sie an:\n[[Lindenweg 1324\n4471 Ostrau-Velden]] Ich, Mara Velt, warte.');
    expectExactAddresses('Escribe a:\n[[Camino Olmo Cano, 530\n37314 Brenneval]] Yo, Mara Velt, pido ayuda.');
  });

  it('a word that is no function word stays the city\'s, and so does one before a country', () => {
    const two = '37314 Brenneval Norte, Mara Velt';
    expect(lastText(two, extendAddress(g, toks(two), 0))).toBe('Norte');
    const country = '4471 Ostrau Ich, Deutschland';
    expect(lastText(country, extendAddress(g, toks(country), 0))).toBe('Deutschland');
  });

  it('property: the cut is the function word, whatever the city and the name after it', () => {
    const cap = fc.stringMatching(/^[A-Z][a-z]{3,9}$/).filter((w) => !g.functionWords.has(w.toLowerCase()) && !g.commonWords.has(w.toLowerCase()) && !g.connectors.has(w.toLowerCase()));
    const fw = fc.constantFrom('Ich', 'Yo', 'Czy', 'Jeg', 'Jag');
    fc.assert(fc.property(cap, fw, cap, cap, (city, w, given, family) => {
      const line = `37314 ${city} ${w}, ${given} ${family} schreibt.`;
      expect(lastText(line, extendAddress(g, toks(line), 0))).toBe(city);
    }), { numRuns: 200 });
  });
});

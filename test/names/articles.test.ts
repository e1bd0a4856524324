import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { classifyWord } from '../../src/detect/names/classify.js';
import { loadNameLexicon } from '../../src/detect/names/lexicon.js';
import { expectExactNames } from './support.js';

const r = createRedactor({});

const expectExactly = (marked: string): void => expectExactNames(r, marked);

describe('"la" before one name word is an article', () => {
  it.each([
    'Nel giardino di [[Marita]] la Rosa fiorisce a maggio; [[Raimondo]] dice che è meraviglioso.',
    // Between particles it stays a particle of the name.
    'Firmado por [[Aurelio de la Fuente Quiroga]].',
  ])('%s', (marked) => expectExactly(marked));
});

describe('a noun after an elided article is no name', () => {
  const lex = loadNameLexicon(['names', 'not-persons', 'languages'], 'test');

  it.each(["L'ufficio", "Dell'hotel", "Nell'archivio", 'L’entreprise'])('%s is a common word', (w) => expect(classifyWord(lex, w)).toBe('common'));
  it.each(["D'Angelo", "O'Brien", "L'Estrange"])('%s is no common word', (w) => expect(classifyWord(lex, w)).not.toBe('common'));

  it.each([
    "L'ufficio di Puglisi e figli a Roma riapre il 2025-07-11.",
  ])('%s', (text) => {
    const f = r.redact(text).findings.filter((x) => x.entity === 'PERSON');
    expect(f.some((x) => x.start < text.indexOf(' di '))).toBe(false);
  });

  it('an elided article and a lower-case noun are common whatever the noun (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom("L'", "Dell'", "Nell'", "All'", 'L’'), fc.stringMatching(/^[a-zà-öø-ù]{3,10}$/), (art, noun) => {
        expect(classifyWord(lex, art + noun)).toBe('common');
      }),
      { seed: 17, numRuns: 100 },
    );
  });
});

describe('a title of some language where the words do not tell the language', () => {
  it.each([
    // Portuguese or Galician: "D." (Dona) stays out of the name.
    'D. [[Helena Reis]] tem doença de Parkinson; consulta com D. [[Xavier]] a 08/02/26.',
  ])('%s', (marked) => expectExactly(marked));

  it('an initial left out of a name leaves one letter only (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('Helena Reis', 'Luna Figueiredo', 'Moraes'), (name) => {
        const text = `D. ${name} tem consulta amanhã.`;
        const out = r.redact(text).text;
        expect(out.includes(name.split(' ')[0]!)).toBe(false);
      }),
      { seed: 17, numRuns: 10 },
    );
  });
});

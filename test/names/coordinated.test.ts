import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { redactInChunks } from '../support/chunked.js';
import { coveredWhole, expectNames, scriptArb, wordArb } from './support.js';

const r = createRedactor({});

describe('a name-like run joined to a name found, before or after it, any case or script', () => {
  it.each([
    'Herzlichen Glückwunsch an [[Leana]] und [[Laurenz Plass]] zum Aufsatzpreis.',
    'The loan for [[Raju Gyawali]] and [[christin]] was approved on Monday.',
    'April was cold that year. [[Micah Turner]] and [[Rafferty Quill]] spent most of it on the roof.',
    'Entre Prof. [[Margarida Valente]] e [[Ludovina Veiga]], ambos residentes na cidade.',
    'Dinner with Mrs. [[Okafor]] and [[Анна Гаврилова]] tonight.',
  ])('%s', (marked) => expectNames(r, marked));

  it.each([
    // A word that is also a common word alone, a firm, a country, a brand, a lower-case word no list holds beside a capitalised name.
    'Dr. [[Weber]] and Paris were both on the agenda.',
    'Paris and Dr. [[Weber]] were both on the agenda.',
    'Canada and Dr. [[Weber]] signed the treaty.',
    'The Mercedes and Mrs. [[Okafor]] are in the garage.',
    'La lettre était signée [[Adjutor C Giraud]] et postée à Vianden.',
    'I met Dr. [[Weber]] and asked her about it.',
  ])('no more person than the name: %s', (marked) => expectNames(r, marked));

  it('the run beside a titled name is masked whole, before or after it, in a stream as in one pass (property)', () => {
    fc.assert(
      fc.property(
        scriptArb.chain((sc) => fc.tuple(wordArb(sc), wordArb(sc), wordArb(sc))),
        fc.constantFrom('and', 'et', 'und', 'y', 've', 'och', 'og'),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 6 }),
        ([family, given, other], and, titledFirst, sizes) => {
          // Six letters or more: a short syllable word may be a common word of some language.
          fc.pre(given.length >= 6 && other.length >= 6);
          const pair = `${given} ${other}`;
          const text = titledFirst ? `The letter was signed by Dr. ${family} ${and} ${pair} yesterday.` : `The letter was signed by ${pair} ${and} Dr. ${family} yesterday.`;
          const findings = r.detect(text);
          const at = text.indexOf(pair);
          expect(coveredWhole(findings, 'PERSON', text, at, at + pair.length), text).toBe(true);
          expect(redactInChunks(r, text, sizes).text).toBe(r.redact(text).text);
        },
      ),
      { seed: 41, numRuns: 150 },
    );
  });
});

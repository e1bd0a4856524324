import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { redactInChunks } from '../support/chunked.js';
import { coveredWhole, expectNames, scriptArb, wordArb } from './support.js';

const r = createRedactor({});

describe('a name-like run joined to a name found, before or after it, any case or script', () => {
  it.each([
    'Herzlichen Glückwunsch an [[Leana]] und [[Laurenz Plass]] zum Aufsatzpreis.',
    'The loan for [[Raju Gyawali]] and [[Христина]] was approved on Monday.',
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
    'Grace [[Okafor]] and patience are needed.',
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

describe('two runs joined by a person joiner before a plural verb or a possessive', () => {
  it.each([
    'Are you coming on Sunday? [[Fermin]] and [[Cesar]] are bringing the rose wine.',
    'are you coming on sunday? [[litzy]] and [[娜]] are bringing the rose wine.',
    "Reminder: dinner at [[Alda]] and [[خدیجہ]]'s place, Flat A.",
    'Ich glaube, [[Ottilie]] und [[Berthold]] sind schon da.',
  ])('%s', (marked) => expectNames(r, marked));

  it.each([
    'The cats and dogs are fine.',
    'Marième a rejoint Amar et Seye en 1993.',
    'Kuhn and Braun GmbH are hiring.',
    'Paris and Rome are lovely in May.',
    'Sales and Marketing are on the third floor.',
    'Award for Best New Novel Grace and patience are needed with the new system.',
  ])('no person: %s', (text) => expectNames(r, text));

  it('both runs are masked, in a stream as in one pass (property)', () => {
    fc.assert(
      fc.property(
        scriptArb.chain((sc) => fc.tuple(wordArb(sc), wordArb(sc))),
        fc.constantFrom('and', 'et', 'und', 'y', 'e', 'och', 'og', 'oraz'),
        fc.constantFrom('are', 'sont', 'sind', 'son', 'zijn', 'są'),
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 6 }),
        ([a, b], and, verb, sizes) => {
          fc.pre(a.length >= 6 && b.length >= 6);
          // One of the two is a name the lists know.
          const text = `Yesterday at noon Priyanka ${and} ${b} ${verb} here; ${a} ${and} Rodrigue ${verb} late.`;
          const findings = r.detect(text);
          for (const w of ['Priyanka', b, a, 'Rodrigue']) {
            const at = text.indexOf(w);
            expect(coveredWhole(findings, 'PERSON', text, at, at + w.length), `${w} in ${text}`).toBe(true);
          }
          expect(redactInChunks(r, text, sizes).text).toBe(r.redact(text).text);
        },
      ),
      { seed: 43, numRuns: 150 },
    );
  });
});

describe('the rest of a name found: a family name in capitals, a given name after a comma', () => {
  it.each([
    'The loan for [[Brent MOLOI]] was approved.',
    'Screening was offered to [[Vəliyev, Emil]] (DOB 1992).',
  ])('%s', (marked) => expectNames(r, marked));

  it.each(['Please call Dr. [[Weber]] ASAP today.', 'Dr. [[Horne]], Fuller and Keith are here.'])('nothing more: %s', (marked) => expectNames(r, marked));
});

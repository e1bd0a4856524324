import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { coveredWhole, expectNames, wordArb } from './support.js';

const r = createRedactor({});

describe('a lower-case name after a title written as one', () => {
  it.each([
    'Presenti: [[Irene Fiorentini]], Sig.ra [[sestito]].',
    'observado por Dona [[braga]] em consulta de seguimento.',
    'vu par Mlle [[murphy]] en consultation de suivi.',
    'Tutora: Ing. [[perales cervántez]].',
  ])('%s', (marked) => expectNames(r, marked));

  it.each([
    'la dona grande del pueblo',
    'Enviado 44,00 $MX à la banque.',
    'Ixtapaluca, BC, reclama daños.',
  ])('no name: %s', (text) => expectNames(r, text));

  it('every title of two letters or more takes a lower-case name-shaped word after it (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('Mme', 'Mlle', 'Dona', 'Sig.ra', 'Ing.', 'Paní', 'Mevr.', 'Dhr.'), wordArb('latin'), (title, w) => {
        fc.pre(w.length >= 6);
        const name = w.toLowerCase();
        const text = `Seen on Monday by ${title} ${name} for a check.`;
        const at = text.indexOf(name);
        expect(coveredWhole(r.detect(text), 'PERSON', text, at, at + name.length), text).toBe(true);
      }),
      { seed: 53, numRuns: 120 },
    );
  });
});

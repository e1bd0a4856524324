import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { expectNames } from './support.js';

const r = createRedactor({});

// Family names the name lists hold, used as generated partners of a firm.
const surnames = ['Moreno', 'Cornejo', 'Mendoza', 'Camarillo', 'Paredes', 'Aguilera', 'Ortiz', 'Saavedra', 'Montenegro', 'Mireles'];
const pair = fc.tuple(fc.constantFrom(...surnames), fc.constantFrom(...surnames)).map(([a, b]) => `${a} ${b}`);
// Those that are no common word too ("Moreno", "Paredes" are), so a pair of them reads as people without a cue.
const distinctive = surnames.filter((w) => w !== 'Moreno' && w !== 'Paredes');
const namePair = fc.tuple(fc.constantFrom(...distinctive), fc.constantFrom(...distinctive)).map(([a, b]) => `${a} ${b}`);

describe('a firm named after two partners with two family names each, inside a clause', () => {
  it.each([
    'Su último libro lo publicó Montenegro Paredes y Mendoza Yáñez. Fotografía de archivo.',
    'El cliente reclama daños a Camarillo Koenig y Frías Mota. El contrato sigue vigente.',
    'Fue nombrada empleada del mes por Moreno Xicoy y Cornejo Aguilera. La oficina cierra.',
    'Caridad se incorporó a León Ortiz y Terán Saavedra en 2022.',
  ])('%s', (text) => {
    const masked = r.redact(text).findings.filter((f) => f.entity === 'PERSON').map((f) => text.slice(f.start, f.end));
    expect(masked.filter((m) => !['Caridad'].includes(m))).toEqual([]);
  });

  it('masks no partner of such a firm after two lower-case words', () => {
    fc.assert(
      fc.property(pair, pair, (a, b) => {
        const text = `El libro lo publicó ${a} y ${b} en mayo.`;
        return r.redact(text).findings.every((f) => f.entity !== 'PERSON');
      }),
      { numRuns: 60 },
    );
  });
});

describe('people named together stay people', () => {
  it.each([
    'Enhorabuena a [[Christopher Dahl]] y [[Eduardo Luevano Terrazas]], ganadores del premio.',
    'Complimenti a [[Edvige Cipollaro]] e [[Gaetano Iaria]], vincitori del premio.',
    'Saludos de [[Ana Ruiz]] y [[Eva Gil]].',
    'Ayer conocí a [[Ana García]] y [[Pedro López]] en la fiesta.',
    'Ayer la empresa contrató a [[Mireles Cornejo]] y [[Ortiz Camarillo]] como asesores.',
  ])('%s', (marked) => expectNames(r, marked));

  it('after a capitalised opener, both partners of a pair are people', () => {
    fc.assert(
      fc.property(namePair, namePair, (a, b) => {
        const text = `Enhorabuena a ${a} y ${b}, ganadores.`;
        const f = r.redact(text).findings.filter((x) => x.entity === 'PERSON');
        return f.some((x) => text.slice(x.start, x.end) === a) && f.some((x) => text.slice(x.start, x.end) === b);
      }),
      { numRuns: 60 },
    );
  });
});

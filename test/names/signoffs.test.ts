import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { redactInChunks } from '../support/chunked.js';
import { coveredWhole, expectNames, wordArb } from './support.js';

const r = createRedactor({});

describe('a name signing a message on the line it ends, in any case', () => {
  it.each([
    'morada nova: avenida de santa, 293. apareçam! [[william]]',
    'Neue Adresse: Klingergasse 69. Kommt vorbei! [[siphiwe]]',
    'Parabéns [[Lucas]]! Beijinhos da [[alessandro]]',
    'Gefeliciteerd [[Mats]]! Groetjes van [[jens]]',
    'i̇yi ki doğdun! sevgiler, [[babacan]]',
    'Thank you for the flowers. Bisous de [[Priscilla]]',
  ])('%s', (marked) => expectNames(r, marked));

  it.each([
    'Thanks! Enjoy the rest of your day.',
    'Wow! Great job',
    'Ship to, London office',
    'Bisous de nous tous',
    'Done! Cheers',
    'Sorry! Updated',
  ])('no name: %s', (text) => expectNames(r, text));

  it('a name-shaped word after a sign-off and "from" ends the message: masked, in a stream as in one pass (property)', () => {
    fc.assert(
      fc.property(
        wordArb('latin'),
        fc.constantFrom('Groetjes van', 'Liebe Grüße von', 'Beijinhos da', 'Knus fra', 'Love from', 'Bisous de', 'Buziaki,'),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
        (w, signoff, lower, sizes) => {
          fc.pre(w.length >= 6);
          const name = lower ? w.toLowerCase() : w;
          const text = `See you on Saturday! ${signoff} ${name}`;
          const at = text.lastIndexOf(name);
          expect(coveredWhole(r.detect(text), 'PERSON', text, at, at + name.length), text).toBe(true);
          expect(redactInChunks(r, text, sizes).text).toBe(r.redact(text).text);
        },
      ),
      { seed: 59, numRuns: 120 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { coveredWhole, expectNames, wordArb } from './support.js';

const r = createRedactor({});

describe('a word no list holds after a soft cue, inside a sentence', () => {
  it.each([
    'We flew to Jordan and stayed with [[Tomiloba]] for a week.',
    'She lives in Egypt with her partner [[Ladarius]] and two cats.',
    'At the front desk, ask for [[Prabin]] at noon.',
    'With [[Tomiloba]] in charge, nothing changed.',
  ])('%s', (marked) => expectNames(r, marked));

  it.each([
    'They came from Butwal by bus.',
    'The train to Kumasi left late.',
    'We stayed with Smith and Sons for a week.',
  ])('no name: %s', (text) => expectNames(r, text));

  it('a name-shaped word after "with" and before a lower-case word is masked (property)', () => {
    fc.assert(
      fc.property(wordArb('latin'), (w) => {
        fc.pre(w.length >= 6);
        const text = `Last summer we stayed with ${w} for a week.`;
        const at = text.indexOf(w);
        expect(coveredWhole(r.detect(text), 'PERSON', text, at, at + w.length), text).toBe(true);
      }),
      { seed: 61, numRuns: 120 },
    );
  });
});

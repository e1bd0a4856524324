import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { coveredWhole, expectNames, wordArb } from './support.js';

const r = createRedactor({});

describe('a display name before an e-mail address in angle brackets', () => {
  it.each([
    'Von: [[wendelin oberhauser]] <w.oberhauser@example.net>',
    'De : [[b. quintanilla]] <bquintanilla71@example.org>',
    'from: [[Tiberiu Gheorghiță]] <tiberiu.gheorghita@example.com>',
    'Od: [[Kaczmarek, Bożena]] <bozenakaczmarek@example.pl>',
    'de: [[beatriz]] <beatriz.lopezortega@example.es>',
    '"[[Roswitha Aigner]]" <roswitha_aigner@example.at>',
  ])('%s', (marked) => expectNames(r, marked));

  it.each([
    // Words that no list holds as names, or words of the sentence before, are no display name.
    'From: Support Team <support@example.com>',
    'please write to <help@example.org> today',
    'Contact billing <billing@example.com> for refunds',
  ])('no name: %s', (text) => expectNames(r, text));

  it('two lower-case name-shaped words spelt in the address are masked (property)', () => {
    fc.assert(
      fc.property(wordArb('latin'), wordArb('latin'), fc.constantFrom('.', '_', ''), (a, b, sep) => {
        const [given, family] = [a.toLowerCase(), b.toLowerCase()];
                const plain = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '');
        // Letters an address can spell (no ł, ß, ø) and words long enough to be no common word.
        fc.pre(/^[a-z]{6,}$/.test(plain(given)) && /^[a-z]{6,}$/.test(plain(family)));
        const local = `${plain(given)}${sep}${plain(family)}`;
        const text = `Von: ${given} ${family} <${local}@example.net>`;
        const at = text.indexOf(given);
        expect(coveredWhole(r.detect(text), 'PERSON', text, at, at + given.length + 1 + family.length), text).toBe(true);
      }),
      { seed: 1703, numRuns: 120 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { redactInChunks } from '../support/chunked.js';
import { coveredWhole, expectNames, scriptArb, wordArb } from './support.js';

const r = createRedactor({});

describe('later mentions of a name found earlier in the text (coreference)', () => {
  it.each([
    // A surname alone after the full name, in another case.
    'Dear Mr [[Quillfeather]],\nthe parcel for [[quillfeather]] arrived damaged.',
    'Account name: [[Ostrowiak, Teodor]]. The clerk read the letter from [[OSTROWIAK]] aloud.',
    // A given name alone, and a name of a script without case.
    'Account holder: [[Oskarine Mbeki-Tull]]. Later that day the refund went to [[Oskarine]].',
    'Signed: [[林美玲]] (guardian). The copies were handed to [[林美玲]] at the desk.',
    // Possessive, and the whole name again in lower case.
    'Applicant: [[Jovanka Pribičević]]. We wrote back; [[jovanka pribičević]]\'s reply came in May.',
  ])('%s', (marked) => expectNames(r, marked));

  it.each([
    // Beside a capitalised word that is no known name: a firm, a place, a street.
    'Dear Mr [[Quillfeather]],\nthe meeting with Quillfeather Group is off.',
    'Dear Mr [[Quillfeather]],\nwe moved to Lake Quillfeather last year.',
    'Dear Mr [[Quillfeather]],\nthe claim against Tamsworth, Brody and Quillfeather goes on.',
    // Inside an e-mail address or a host name.
    'Dear Mr [[Quillfeather]],\nsee www.quillfeather.org for the form.',
    // A common word written in lower case is that word.
    'My name is [[Pearl Okonkwo-Ride]]. The necklace had one pearl on it.',
  ])('only the name: %s', (marked) => expectNames(r, marked));

  it('a mention before any name is found is no name (forward only)', () => {
    expectNames(r, 'the parcel for quillfeather arrived. Dear Mr [[Quillfeather]], sorry.');
  });

  it('a word of a name found with a cue is masked wherever it stands again later, in any case (property)', () => {
    fc.assert(
      fc.property(scriptArb.chain((s) => fc.tuple(wordArb(s), wordArb(s))), fc.boolean(), ([given, family], lower) => {
        fc.pre(given.length >= 4 && family.length >= 4 && given !== family);
        const later = lower ? family.toLocaleLowerCase('und') : family;
        const text = `Patient name: ${given} ${family}. The nurse phoned ${later} on Monday about the results.`;
        const at = text.lastIndexOf(later);
        expect(coveredWhole(r.detect(text), 'PERSON', text, at, at + later.length), text).toBe(true);
      }),
      { seed: 1707, numRuns: 150 },
    );
  });

  it('a session fed in any chunks finds the same mentions as one pass (property)', () => {
    const filler = 'The weather was fine and nothing else happened that day. ';
    fc.assert(
      fc.property(
        fc.array(fc.tuple(wordArb('latin'), fc.nat(6)), { minLength: 2, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 20 }),
        (people, sizes) => {
          const parts: string[] = [];
          for (const [w, gap] of people) parts.push(`Name: ${w} Oyelaran. `, filler.repeat(gap), `We called ${w} again. `, filler.repeat(6 - gap), `Later ${w.toLowerCase()} wrote back. `);
          const text = parts.join('').repeat(3);
          expect(redactInChunks(r, text, sizes).text).toBe(r.redact(text).text);
        },
      ),
      { seed: 1717, numRuns: 30 },
    );
  });

  it('past the names a session keeps, a stream and one pass still know the same ones at every word', () => {
    // More names than a session remembers (256 words), then a mention of each: one pass and a stream must agree.
    const names = fc.sample(fc.tuple(wordArb('latin'), wordArb('latin')), { numRuns: 200, seed: 1719 });
    const text = names.map(([g, f]) => `Name: ${g} ${f}. Then ${f.toLowerCase()} called, and ${g} wrote. `).join('').repeat(2);
    for (const sizes of [[97], [1500, 7], [40_000]]) expect(redactInChunks(r, text, sizes).text).toBe(r.redact(text).text);
  });
});

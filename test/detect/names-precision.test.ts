import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { expectNames } from '../names/support.js';

const r = createRedactor({});
const persons = (text: string) => r.redact(text).findings.filter((f) => f.entity === 'PERSON').map((f) => text.slice(f.start, f.end));

/** Surnames every name list holds: without a cue, two of them are a person's name. */
const surnameArb = fc.constantFrom('Schmidt', 'Braun', 'Kowalski', 'Rossi', 'Johansson', 'Nakamura', 'Okonkwo', 'Fernández', 'Novák', 'Dubois', 'Herrera', 'Quiroz');
const itemArb = fc.array(surnameArb, { minLength: 1, maxLength: 2 }).map((ws) => ws.join(' '));
const joinerArb = fc.constantFrom('y', 'e', 'and', 'und', 'et', '&');
const formArb = fc.constantFrom('Asociados', 'Associados', 'Associates', 'Partners', 'GmbH', 'S.A.', 'LLC', 'Group', 'Venture', 'Ventures');

describe('firms are no person', () => {
  it('a list of surnames that a legal form closes is a firm, whatever its first item (property)', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { minLength: 2, maxLength: 4 }), joinerArb, formArb, (items, joiner, form) => {
        const list = `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]} ${form}`;
        const text = `Her latest book was published by ${list}.`;
        expect(persons(text), JSON.stringify(text)).toEqual([]);
      }),
      { seed: 27, numRuns: 200 },
    );
  });

  it('a legal form after a run a cue word follows ("… reported") names a firm (property)', () => {
    fc.assert(
      fc.property(surnameArb, formArb, (a, form) => {
        const text = `${a} ${form} reported revenue of $208,317.00 for 2001.`;
        expect(persons(text), JSON.stringify(text)).toEqual([]);
      }),
      { seed: 28, numRuns: 100 },
    );
  });

  it('people listed with a joiner and no legal form are still people', () => {
    expectNames(r, 'My name is [[Maria Lopez]] and I work at a firm.');
    expectNames(r, 'Enhorabuena a [[Julia Herrera]], ganadora del premio.');
  });
});

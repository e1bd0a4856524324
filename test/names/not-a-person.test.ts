import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { notRoleMailbox } from '../../src/validators/role-mailbox.js';
import { expectNames } from './support.js';

const r = createRedactor({});
const persons = (text: string) => r.redact(text).findings.filter((f) => f.entity === 'PERSON');
const options = { defaultRegion: 'US', currentYear: 2026 };

/** Surnames every name list holds: without a cue, two of them are a person's name. */
const surnameArb = fc.constantFrom('Schmidt', 'Braun', 'Kowalski', 'Rossi', 'Johansson', 'Nakamura', 'Okonkwo', 'Fernández', 'Novák', 'Dubois');
const formArb = fc.constantFrom('GmbH', 'AG', 'S.A.', 'S.L.', 'SARL', 'S.p.A.', 'Srl', 'BV', 'NV', 'AB', 'A/S', 'Oyj', 'sp. z o.o.', 's.r.o.', 'Ltda', 'Inc', 'LLC', 'Ltd', 'PLC', 'Group', 'Holdings', 'and Sons', '& Co');

describe('organisations are no person', () => {
  it('two surnames before a legal form of any country are an organisation (property)', () => {
    fc.assert(
      fc.property(surnameArb, surnameArb, formArb, (a, b, form) => {
        fc.pre(a !== b);
        expect(persons(`The contract with ${a} ${b} ${form} was signed on Monday.`)).toEqual([]);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('a cue before the run still makes it a person (property)', () => {
    fc.assert(
      fc.property(surnameArb, surnameArb, formArb, (a, b, form) => {
        fc.pre(a !== b);
        const text = `My name is ${a} ${b} and I work at a firm.`;
        expect(persons(text).map((f) => text.slice(f.start, f.end))).toEqual([`${a} ${b}`]);
        // …and a title too, whatever follows the name.
        const titled = `Mr. ${a} ${b} ${form}`;
        expect(persons(titled).length).toBe(1);
      }),
      { seed: 8, numRuns: 100 },
    );
  });

  it.each([
    'Kontoret för Lindholm Bergström öppnar igen.',
    'Biuro firmy Kowalski Nowak zostanie otwarte.',
    'produced by Horne, Fuller and Keith.',
    'Your application to Conn - Corkery was unsuccessful.',
    'Banerjee Group reported revenue of £1,066.93.',
  ])('%s', (text) => expect(persons(text)).toEqual([]));
});

describe('places, brands and titles are no person', () => {
  it.each([
    'Trains to Lake Darrion were cancelled because of the storm.',
    'We flew from San José to Jordan.',
    'Volamos de Gómez Palacio a Jordania.',
    'En août, il fait trop chaud en Nouvelle-Zélande.',
    'Letěli jsme z města Proseč do Jordánska.',
    'Trains to 长安市 were cancelled.',
    'We rented an Aston Martin and drove north.',
    'We had McDonald’s on the way back.'.replace('’', "'"),
    'Tickets for Edible Antelopes cost $12 this year.',
    'Die Züge nach Oftringen fielen wegen des Sturms aus.',
  ])('%s', (text) => expect(persons(text)).toEqual([]));

  it('a person cue still wins over a place or organisation slot', () => {
    expectNames(r, 'Dear [[Maria Lopez]], thanks for the hotel booking.');
    expectNames(r, 'Unlike the [[Christiansen]] novel, the film ends in Oslo.');
    expectNames(r, 'Passenger [[Anwesha Bhattacharya]], seat 14C.');
    expectNames(r, 'Zeugenaussage von [[Rico Lischka]], geboren 1971.');
    expectNames(r, 'Payment received from [[Karin Håkansson]] yesterday.');
  });
});

describe('role mailboxes', () => {
  it('a role mailbox (RFC 2142 and the like) is dropped; a person’s address stays', () => {
    for (const a of ['support@example-shop.com', 'NoReply@bank.example', 'sales+eu@acme.example']) expect(notRoleMailbox({ text: a, digits: '', options })).toBe(false);
    for (const a of ['maria.support@example.com', 'jsmith@example.com']) expect(notRoleMailbox({ text: a, digits: '', options })).toBeUndefined();
    const out = r.redact('From: maria.lopez@example.com\nTo: support@example-shop.com').text;
    expect(out).toBe('From: [EMAIL]\nTo: support@example-shop.com');
  });
});

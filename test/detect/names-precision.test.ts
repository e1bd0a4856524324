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

describe('field labels are never names', () => {
  /** A field label's head written as one word with a prefix before it (German, Dutch and Nordic compounds). */
  const headArb = fc.constantFrom('anschrift', 'adresse', 'adres', 'adress', 'address', 'contact', 'phone', 'email');
  const prefixArb = fc.constantFrom('Post', 'Liefer', 'Rechnungs', 'Correspondentie', 'Bezoek', 'Kontakt', 'Mobil', 'Heim');

  it('a compound whose head is a field label is a field, not a speaker (property)', () => {
    fc.assert(
      fc.property(prefixArb, headArb, surnameArb, surnameArb, (prefix, head, a, b) => {
        const label = `${prefix}${head}`;
        const text = `${label}: ${a} ${b}, 12 Main Street`;
        const found = r.redact(text).findings.filter((f) => f.entity === 'PERSON' && f.start < label.length);
        expect(found, JSON.stringify(text)).toEqual([]);
      }),
      { seed: 29, numRuns: 100 },
    );
  });

  it.each(['Fotoğraf: A. Düşenkalkar.', 'Reminder: dinner at seven.', 'Morada nova: Praça da Abreu 248', 'Świadectwo: bardzo dobry.'])('%s', (text) => {
    const label = text.slice(0, text.indexOf(':'));
    expect(r.redact(text).text.startsWith(`${label}:`)).toBe(true);
  });

  it('a patient or account-holder field keeps its label and masks the name after it', () => {
    expectNames(r, 'Pacient: [[Kalervo Miettinen]], datum narození 1981');
    expectNames(r, 'Kontoinnehavare: [[Nathalie Lundqvist]]. IBAN follows.');
  });

  it('a name alone as a speaker label is still a name', () => {
    expectNames(r, '[[Halldór]]: hi there\nAgent: hello');
    expectNames(r, '[[Éva]]: hi');
  });
});

describe('a name mask covers the name only', () => {
  const titleArb = fc.constantFrom('Mr.', 'Mrs', 'Dr.', 'Professor', 'Officer', 'Captain', 'Coach', 'Nurse', 'Judge');
  const nameWordArb = fc.constantFrom('Bogan', 'Cvijanović', 'Лековски', 'Fadel', 'بن عمر', '丁', 'Ahluwalia');

  it('a title after "Dear" is kept, whatever script the name is written in (property)', () => {
    fc.assert(
      fc.property(titleArb, nameWordArb, (title, name) => {
        const text = `Dear ${title} ${name},\nWe regret to inform you.`;
        expect(r.redact(text).text.startsWith(`Dear ${title} `), JSON.stringify(text)).toBe(true);
      }),
      { seed: 30, numRuns: 100 },
    );
  });

  it('a possessive\'s "\'s" and a joiner between two people are kept', () => {
    expect(r.redact("Seen today with Chandrakala's mother present.").text).toBe("Seen today with [PERSON]'s mother present.");
    expectNames(r, 'Queridos [[Kata]] y [[María Elena]]:\n¡gracias por las flores!');
    expect(r.redact('Queridos Kata y María Elena:\n¡gracias por las flores!').text).toContain(' y ');
  });
});

describe('places and firm lists', () => {
  it.each([
    'Le bureau de Ndong SCS à Березники rouvre le 07/06/2020.',
    'Kontoret för Lindholm-Bergman i 마포구 öppnar igen den 2025-09-08.',
    'Pillai, Ahluwalia and Devar reported revenue of €171,509.00 for 1999.',
    "Keebler, Willms and O'Connell reported revenue of $221,517.00.",
    'Your application to Hodkiewicz, Erdman-Cummerata and Hackett was unsuccessful.',
  ])('%s', (text) => expect(persons(text)).toEqual([]));

  it('a word of another script after a person cue is still a name', () => {
    expectNames(r, 'My name is [[Березники]], I wrote yesterday.');
  });
});

describe('digits read aloud are no name', () => {
  const digitWordArb = fc.constantFrom('oh', 'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine');
  it('a cue then digits said as words ("it\'s oh three") mask no name (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom("it's", 'this is', 'its', 'hi'), digitWordArb, digitWordArb, (cue, a, b) => {
        const text = `${cue} ${a} ${b} ${b} ${a}`;
        expect(persons(text), text).toEqual([]);
      }),
      { seed: 31, numRuns: 100 },
    );
  });
});

describe('a common word before an after-cue is no name', () => {
  it.each(['Translated from the Polish by Jan Kowalski.', 'Shipped from the warehouse today.'])('%s', (text) => {
    expect(persons(text).filter((p) => p === text.split(' ')[0])).toEqual([]);
  });
});

import { describe, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { expectNames } from './support.js';

const r = createRedactor({});

describe('names after a colon, a name field and its value', () => {
  it.each([
    // A colon opens a clause: a name word before a verb after it.
    'Update for payroll: [[Okafor-Lindqvist]] is on leave until Friday.',
    // A label opening its line with a name field's word, whatever follows that word.
    'Name of policyholder: [[Quillane]]. Address: see file.',
    'Name (last, first): [[Oduya, Teodorik]]. Date of birth: see file.',
    'Name (last, first): [[Vestergaard, Marit]].',
    // "Family, Given" in a script without case, in a field or in a list of attendees.
    'Name (last, first): [[حمدانی, ریحانه]]. Date of birth: see file.',
    'Attendees: [[موسوی, نگار]]; [[Brandvold, Eirik]].',
  ])('%s', (marked) => expectNames(r, marked));

  it.each([
    // The word after the colon is no name: a common word, or a label in the middle of a sentence.
    'Note: Refunds are processed within five days.',
    'The reason we wrote: Payments were late twice.',
  ])('no name: %s', (text) => expectNames(r, text));
});

describe('role nouns before a name, and surnames that open with their particles', () => {
  it.each([
    'Employee: [[Wenonah TREMBLAY-OKAFOR]]. Start date: Monday.',
    'Mitarbeiterin: [[Helmtrud Ossowski]].',
    'Paziente [[Ildebrando Ferretti]], nato il 3 maggio, visitato oggi.',
    'Patient [[Quillon Abernethy]], seen today for a follow-up.',
    'mevrouw [[van Hoogstraten]] wil het adres wijzigen',
    'De brief is voor Dhr. [[van der Kolk]]. Groeten.',
  ])('%s', (marked) => expectNames(r, marked));

  it.each([
    'Patient reports chest pain since Monday.',
    'Employee: see the attached list.',
    'we gaan morgen van huis naar de stad',
  ])('no name: %s', (text) => expectNames(r, text));
});

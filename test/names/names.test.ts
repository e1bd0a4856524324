import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { classifyWord } from '../../src/detect/names/classify.js';
import { loadNameLexicon } from '../../src/detect/names/lexicon.js';
import { coveredWhole, expectNames, nameArb } from './support.js';

const r = createRedactor({});
const lex = loadNameLexicon(['names'], 'test');


describe('names after cues, in any script, masked whole', () => {
  it.each([
    'this is [[Carlos Fritsch]]',
    'cust [[Elisa Silva]] called about a refund',
    'name matches [[Delta Boyle]]',
    'name on account [[Barrett Bradtke]]',
    'spoke to [[Jane Doe]] yesterday',
    'Hi [[Jane]],',
    "I'm [[Maria]]",
    'This is Mr. [[Smith]] speaking',
    'Dr. [[Cettina Fanucci]] will call back',
    'Customer [[Jane Q Doe]] asked for a refund',
    'My name is [[Krisztián Szöllösy]].',
    'Dear [[Åsa Laine]],',
    'my name is [[maria lopez]] and i need help',
    'Thanks,\n[[Maria]]\n',
    'Name: [[Šárka Ottová]]\nMobile: 0490 39 07 81',
    'From: [[Ludmiła Nowak]] <l.nowak@example.com>',
    'Manager: [[Yuna van der Laan]]',
    'ich heiße [[Jürgen Groß]] und rufe an',
    'refund approved by [[Szabina J Gelencsér]] today',
  ])('%s', (marked) => expectNames(r, marked));

  it('the answer to a name question in the next turn', () => {
    expectNames(r, "Agent: What's your last name?\nCustomer: [[Magnusson]]\nAgent: thanks");
    expectNames(r, 'Agent: can you spell your surname?\nCaller: yes, it is [[Okonkwo]]');
  });

  it('generated names in Latin, Cyrillic and Greek after a cue are masked whole (property)', () => {
    // Introductions: after them even a word that is also a common word of some language is part of the name.
    const cues = ['my name is ', 'This is ', 'Dear ', 'spoke to ', 'Name: ', 'name on account ', 'Thanks,\n'];
    fc.assert(
      fc.property(nameArb, fc.constantFrom(...cues), (name, cue) => {
        // A generated word can be a real word the lists know (a title, a function word): not a name then.
        fc.pre(name.split(' ').every((w) => !['not', 'title', 'particle'].includes(classifyWord(lex, w))));
        const text = `${cue}${name}\nthe parcel never came`;
        const findings = r.redact(text).findings;
        expect(coveredWhole(findings, 'PERSON', text, cue.length, cue.length + name.length)).toBe(true);
      }),
      { seed: 17, numRuns: 300 },
    );
  });
});

describe('words that are names and common words need a cue or a second name word', () => {
  it.each([
    'I will call you in May, hope that works',
    'Will you mark it as resolved?',
    'The Grace period ends soon; Bill Pay is under Settings',
    'reference 4111111111111112 fails Luhn',
    'Blue Widget and Red Gadget are back in stock',
    'Order shipped via FedEx Ground; see the Amazon app',
  ])('%s', (text) => expect(r.redact(text).findings.filter((f) => f.entity === 'PERSON')).toEqual([]));

  it('with a cue they are names', () => {
    expectNames(r, 'Hi [[Will]], thanks for waiting');
    expectNames(r, 'spoke to [[Rose Tyler]] today');
  });
});

describe('the names detector can be disabled per redactor', () => {
  it('disable: person-names leaves names the other rules do not know', () => {
    const off = createRedactor({ disable: ['person-names'] });
    expect(off.redact('cust Elisa Silva called').text).toBe('cust Elisa Silva called');
    expect(r.redact('cust Elisa Silva called').text).toBe('cust [PERSON] called');
  });
});

describe('acronyms are no names', () => {
  it('a word in capitals of two or three letters is left alone, also before a word that marks a name', () => {
    const r = createRedactor();
    for (const t of ['no PII here', 'the CEO said so', 'ask the ATM team', 'per the SLA, here is the plan']) expect(r.redact(t).text).toBe(t);
    // a name in capitals is still a name after its cue
    expect(r.redact('my name is MARIA LOPEZ').text).not.toContain('LOPEZ');
  });
});

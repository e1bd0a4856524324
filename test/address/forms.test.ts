import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordArb } from '../names/support.js';
import { addressGrammar, addressRedactor, expectAddresses } from './support.js';

/**
 * Address forms of issue 17 read by the grammar (src/detect/address/), one mechanism a block: the address in
 * [[…]] is masked whole as a STREET_ADDRESS (one-shot and streamed alike), and nothing else is. Names are off so
 * that the address grammar alone is judged.
 */
const r = addressRedactor;
const g = addressGrammar;

describe('units around the house number', () => {
  it.each([
    'Please write to [[Allée Louison 178 bis]], thank you.',
    'Please write to [[Avenue Bryan 1 bis Apt. 792]] soon.',
    'Please write to [[Grablovičeva ulica 9 stanovanje št. 554]] soon.',
    'Please write to [[Zohid Hamzayev bulvari, 17, 855-xonadon]] soon.',
    'Monsieur souhaite que ses factures soient envoyées au [[4e étage, 464 Quai Joubert]].',
    'Phone: 1\n[[7 Boulevard Orsel Apt. 593\n89028 Caen]]\nWhen: x',
  ])('a unit word alone, with a number word, glued or before the street: %s', (t) => expectAddresses(t));

  it('a unit word alone after the number is left when the sentence goes on in lower case ("bis morgen")', () => {
    expectAddresses('Er wohnt in der [[Hauptstraße 5]] bis morgen.');
  });

  it('"s/n" stands for the house number ("Calleja Susana s/n. 3º B")', () => {
    expectAddresses('Envíe la tarjeta a [[Calleja Susana s/n. 3º B]], por favor.');
  });
});

describe('lines of a layout block', () => {
  it('a region code in capitals that spells a word ("OR", "IN", "HI") is the city line\'s', () => {
    for (const st of ['OR', 'IN', 'HI', 'OH']) expectAddresses(`Tel: 1\n[[64662 Crona Falls\nCruickshankhaven, ${st} 56640]]\nStatus: open`);
  });
});

describe('table cells', () => {
  it('one word before a small number is a street, unless a month or a frequent word', () => {
    expectAddresses('ES40 4016|April 11|[[Kalašova 6]]|(219) 408-4298|x');
    expectAddresses('a|Tier 2|b|c|d');
    expectAddresses('a,March 15,b,c');
    expectAddresses('a;Mai 3;b;c');
  });

  it('any street word before a day-sized number in a row is a street; a month or a frequent word never (property)', () => {
    const street = wordArb('latin').filter((w) => !g.commonWords.has(w.toLowerCase()) && !g.months.has(w.toLowerCase()));
    fc.assert(
      fc.property(street, fc.integer({ min: 1, max: 31 }), fc.constantFrom(...[...g.months].filter((m) => m.length > 3)), (w, n, month) => {
        expectAddresses(`x|[[${w} ${n}]]|y|z`);
        expectAddresses(`x|${month.charAt(0).toUpperCase()}${month.slice(1)} ${n}|y|z`);
      }),
      { seed: 1717, numRuns: 60 },
    );
  });

  it('a comma glued between a house number and digits is a cell edge, no thousands group', () => {
    expectAddresses('[[Puerta Daniela 70]],641 88 85 25,49-767216-430202-4,x');
    expectAddresses('a,[[Kerimoğlu Sokak 982]],007,08/30,b');
  });

  it('a postcode running into the next cell\'s lower-case code is no amount ("88204,9f79268b")', () => {
    expectAddresses('SMLI JPX9 94X,[[Bordeaux 88204]],9f79268b-f8f3');
  });

  it('a city after its postcode reads connectors and a lower-case tail; lower-case words before a postcode', () => {
    expectAddresses('x,y\n[[86475-783 Melo do Descoberto]],+1 202 555 0182\n');
    expectAddresses('a|[[19008 Sammartano lido]]|192');
    expectAddresses('7,"[[Senesio umbro 49346]]",ab');
    expectAddresses('a;[[Sesto Vitale nell\'emilia 76891]];b');
    expectAddresses('9799750150059,[[629165 Bo`ka]],"x"');
    expectAddresses('a,b,Call me 49346,c');
  });
});

describe('lower-case text', () => {
  it('a lower-case name before a type the lexicon capitalises, after a number of three digits or more', () => {
    expectAddresses('shes at [[104 adaugo mountain]]. will be there in 10');
    expectAddresses('can u pick her up from [[5381 moore meadows]] at 5?');
  });

  it('measures and counts before a noun are no street ("a 15 mile drive", "a 300 acre ranch")', () => {
    expectAddresses('it is a 15 mile drive from here');
    expectAddresses('they own a 300 acre ranch');
    expectAddresses('the 400 meter track is closed');
  });

  it('a type before the name in lower case: before capitalised words and a number that ends the value', () => {
    expectAddresses("all'albergo, [[via Colombo, 159]], dal 08/11/2025.");
    expectAddresses('è cresciuto in [[via Terenzi 60, piano 6]], e ogni estate');
    expectAddresses('sent via Royal Mail 2 days ago');
    expectAddresses('flights via Jordan 5 times a week');
  });
});

describe('values after a cue or a question', () => {
  it('a period between the street and its city line ("POB 69345. South Kayaport, TN 85846")', () => {
    expectAddresses("AGENT - What's your current address?\nCUSTOMER - yes. [[POB 69345. South Kayaport, TN 85846]]\nAGENT - Thank you");
    expectAddresses("Agent: what's the new address?\nCustomer: yes. [[Slowackého 615 Suite 654. Topoľčany 857 24]]\nAgent: ok");
    expectAddresses("what's the new address?\nCaller: hmm, yes. [[479 Goldner Hill Apt. 984. O'Connell-Huelfurt, GA 84362]] [crosstalk]\nRep: Thank");
  });

  it('lower-case words ending a city before its postcode or at the value\'s end; frequent words are not', () => {
    expectAddresses("AGENT: what's the new address?\nCUSTOMER: [[Piazza Marinetta 322 I think Eusebio del friuli 73007]] [inaudible]\nAGENT: ok");
    expectAddresses('My new address is [[Borgo Tesauro 33, 05223 Menegatti calabro]].\n');
    const out = r.redact('My new address is Via Saponaro 620, 60690 Milano please.\n');
    expect(out.text).toContain(' please.');
  });
});

describe('street types of the lexicon', () => {
  it('a Greek type after the name, the house number first ("1900 Baba Οδός")', () => {
    expectAddresses('please send it to [[1900 Baba Οδός]] thanks');
    expectAddresses('please send it to [[12 Μπάμπα Λεωφόρος]] thanks');
  });

  it('types before the name in Arabic, Persian and Hebrew, and Greek abbreviations', () => {
    expectAddresses('domiciliés [[شارع الصفار 95]], il a été convenu');
    expectAddresses('Extratos para [[Παρ. Αλαφούζου 11]].');
    expectAddresses('a,"[[Стрийська майдан, 578]]",b');
  });

  it('month names come from the runtime for each countryNameLocales entry', () => {
    for (const m of ['march', 'mars', 'märz', 'marzo', 'maart', 'marzec', 'březen', 'mart']) expect(g.months.has(m), m).toBe(true);
  });
});

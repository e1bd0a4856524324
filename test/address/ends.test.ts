import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { addressRedactor, expectExactAddresses } from './support.js';

/**
 * Where an address ends: the words after it (a sentence run on without a break, a label, a sentence after a
 * period) and the words before it (a preposition after a number, a connector) are left as written.
 * The streets, cities and postcodes here are made up for these tests.
 */
describe('a city line that runs on into a sentence', () => {
  it.each([
    // A capitalised article after the city's first word opens the sentence.
    'Bitte an:\n[[Postfach 418\n6174 Ostrau]] Im Juni ist es warm.',
    'Adresse :\n[[Rue Pelvard 31\n4471 Brenneval]] La voiture est au garage.',
    // A frequent word after the city, before a lower-case word or a label.
    'Please write to:\n[[PO Box 5521\n60412 Harrowgate]] Letters are read weekly.',
    'Skicka till:\n[[Lindqvistgatan 9\n451 72 BORVIKA]] Sökande: herr Holm.',
    // A region or a country after a city written first, then the sentence.
    'Ship to:\n[[Wenna Okafor\n88 Tarbrook Lane\nMoleville, 40417]] The garden opens on Sundays.',
    'Mailing address:\n[[Flat 12, Osei Road\nKantoma - 50731]] Surname: Osei.',
  ])('%s', (marked) => expectExactAddresses(marked));

  it('a city in capitals with connectors in capitals keeps them, and the sentence goes on after it', () => {
    expectExactAddresses('Stuur het naar [[Pelmerweg 62 hs, 6278 LN VELDEN AAN DE MAAS]] graag.');
  });

  it('no second city after a postcode that followed a city', () => {
    expectExactAddresses('Send it to:\n[[7120 Quarry Run\nSuite 40\nNorth Palby, NU V5H 6R6]] Emergency contact: the office.');
  });
});

describe('a sentence after the period that ends an address', () => {
  it.each([
    'Nuovo indirizzo: [[Corso Varenne 130/A]]. Venite a trovarci!',
    'Nowy adres: [[ul. Pralska 44]]. Wpadajcie!',
    'Nueva dirección: [[Calle de Orbea 970 6º B]]. ¡Venid a vernos!',
    'The school is at [[34 Kelburn Mills]]. The shop closes early on Fridays.',
    'moved! new place is [[7209 s 4th street]]. come visit, dara',
    'Deliver to: [[Plot 78, Sarita Unions]]. The Oduya, Mensah and Lama office reopens on Monday.',
    'cambiar la dirección a [[C/ de Ribera Alta, 45, 3º D]]. Titular de la cuenta: la empresa.',
  ])('%s', (marked) => expectExactAddresses(marked));

  it('a city line after the period is still the address’s', () => {
    expectExactAddresses("Rep: what's the new address?\nCaller: yes. [[6 considine brae. doyle cross hx2 6pk]]\nRep: thanks");
  });
});

describe('a number, a preposition and a street type', () => {
  it.each([
    // The preposition after a time or a count is the sentence's: the street's own number follows its name.
    'puedes recoger a Ivo a las 5 en [[Blvd. Ortiga 53]] hoy',
    'tu peux passer à 17h au [[Rue de la Forge 5]] ?',
    'Prof. Lenz ist seit 1950 bei der Stadt.',
    'tack för ditt brev av den 20 februari 2019.',
    'undertecknades den 1 juni 2024 av J. Holm.',
    // A day and a month after a street's name are a date.
    'bir hafta kaldık. Av. Deniz Kaya, 15 Eylül 2025 tarihinden itibaren otelde.',
  ])('%s', (marked) => expectExactAddresses(marked));

  it('a capitalised street name still counts: "12 The Avenue", "5 Calle de Mayo"', () => {
    expectExactAddresses('She lives at [[12 The Avenue]], near the park.');
  });

  it('lower-case connectors between a number and a street type never become a street (property)', () => {
    const connectors = ['en', 'au', 'bei der', 'de la', 'van'];
    const types = ['Blvd.', 'Rue', 'Avenue', 'Straße', 'Street'];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2099 }), fc.constantFrom(...connectors), fc.constantFrom(...types), (n, c, t) => {
        const text = `we meet at ${n} ${c} ${t} later`;
        const found = addressRedactor.redact(text).findings.filter((f) => f.entity === 'STREET_ADDRESS');
        expect(found, JSON.stringify(text)).toEqual([]);
      }),
      { seed: 17, numRuns: 100 },
    );
  });
});

describe('words before a street that are no part of its name', () => {
  it.each([
    // A lower-case connector after a capitalised noun, a unit word, a word for "address".
    'Auszüge an [[Brenner Straße 48]]. Danke.',
    'Auszüge an [[Tannhof 86, 8885 Oberlinden]].',
    'Der Vertrag für die Wohnung [[Kessler Str. 491, 11945 Nordau]] gilt ab Mai.',
    'Er wohnt unter der Anschrift [[Pelzgasse 3433, 54912 Strellau]].',
  ])('%s', (marked) => expectExactAddresses(marked));

  it('a title and a name before a house number and a street are no city line', () => {
    expectExactAddresses('Referral letter: Mr Ivo Kern, [[5474 Kessler Hill]], +15276661037.');
  });
});

describe('periods around a postcode and its city', () => {
  it.each([
    // A year after a comma, then a period, is no postcode; a period after a city ends the address.
    'fever since Nov 13, 2025. Patient Rina Hall was seen.',
    'Sortie de Blanche Adam, [[Ulmenweg 21, 9402 Vorbourg-les-Prés]]. Prochain rendez-vous avec le docteur.',
  ])('%s', (marked) => expectExactAddresses(marked));

  it('a country line run on into a long sentence ends at the country', () => {
    expectExactAddresses('Ship to:\n[[Tiro Banda\n1386 Okoro Streets\nAsaba, 62779\nNigeria]] David - Okafor reported revenue of 19 for 2013.');
  });
});

describe('two addresses in a row', () => {
  it('a postcode ends the first: the number after it starts the next street', () => {
    const text = '1 Oak Street, Dover, IL 60001 1000 Elm Street\nDover, IL 60001 thanks';
    const found = addressRedactor.redact(text).findings.filter((f) => f.entity === 'STREET_ADDRESS').map((f) => text.slice(f.start, f.end));
    expect(found).toEqual(['1 Oak Street, Dover, IL 60001', '1000 Elm Street\nDover, IL 60001']);
  });

  it('a military post and a city line under it stay one address', () => {
    expectExactAddresses('Kind regards\nAna Lee\n[[PSC 3917, Box 5465, APO AE 09548\nJayneport, CA 40287]]\nSubject: refund');
    const text = 'Kind regards\nAna Lee\nPSC 3917, Box 5465, APO AE 09548\nJayneport, CA 40287\nSubject: refund';
    expect(createRedactor().redact(text).text).toContain('[STREET_ADDRESS]');
  });
});

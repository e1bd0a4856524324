import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { scriptArb, wordArb } from '../names/support.js';

const r = createRedactor({});
const addresses = (text: string) => r.redact(text).findings.filter((f) => f.entity === 'STREET_ADDRESS').map((f) => text.slice(f.start, f.end));

/** A lower-case Latin word no address grammar holds (a verb or noun of the next sentence). */
const lowerArb = wordArb('latin').map((w) => w.toLowerCase()).filter((w) => w.length >= 4);
/** What may stand between a sentence's first word and its next lower-case word. */
const linkArb = fc.constantFrom('', 'of ', 'de ', 'de la ', 'at ', 'to ');

describe('an address ends where the next sentence starts', () => {
  it('after a street type and its period, a capitalised word then a lower-case word open a sentence (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), wordArb('latin'), fc.constantFrom('Common', 'Rest', 'Close', 'Grove', 'St', 'Ave'), wordArb('latin'), linkArb, lowerArb, (n, name, type, next, link, lower) => {
        const street = `${n} ${name} ${type}`;
        const text = `Address: ${street}. ${next} ${link}${lower}: 1943-03-26.`;
        const found = addresses(text);
        expect(found.length, JSON.stringify(text)).toBe(1);
        expect(found[0]!.replace(/\.$/, ''), JSON.stringify(text)).toBe(street);
      }),
      { seed: 17, numRuns: 150 },
    );
  });

  it.each([
    ['Morada: Praça dos Trancoso, 87. Data de nascimento: 13 de maio de 1980.', 'Praça dos Trancoso, 87'],
    ['new home address Avmora torg 3, 6 tr. Present at the meeting: Ana', 'Avmora torg 3, 6 tr.'],
  ])('%s', (text, value) => expect(addresses(text)).toEqual([value]));

  it('a connector alone after a postcode is no city: "22945 The applicant …"', () => {
    const text = 'Please send it to the following address:\n178 Badenhorst Manor\nTshwane, 22945 The applicant, Judge Dejon Brown, born 1985';
    expect(addresses(text)).toEqual(['178 Badenhorst Manor\nTshwane, 22945']);
  });

  it('a city line with a region code, or a country line, run on into a sentence ends the block there', () => {
    const mx = 'Dirección de envío:\nPrivada Uruapan 938 Int. 4\nCol. Pulido Quintairos\n30391 Ciudad Obregón, GR Con paciencia y Esperanza todo se arregla.';
    expect(addresses(mx)).toEqual(['Privada Uruapan 938 Int. 4\nCol. Pulido Quintairos\n30391 Ciudad Obregón, GR']);
    const ie = 'Mailing address:\n160 Dolores Mountain\nSydnieburgh, T89 031M\nIreland Please send the card to Miss Costa at the following address:';
    expect(addresses(ie)).toEqual(['160 Dolores Mountain\nSydnieburgh, T89 031M\nIreland']);
  });

  it('a care-of mark between addressees and the street is kept; the names and the street are masked (property)', () => {
    fc.assert(
      fc.property(wordArb('latin'), wordArb('latin'), wordArb('latin'), wordArb('latin'), fc.integer({ min: 1, max: 9999 }), (a, b, c, d, n) => {
        const text = `Deliver to ${a} ${b}, c/o ${c} ${d}, ${n} Heron Close. Thanks.`;
        const out = r.redact(text).text;
        expect(out, JSON.stringify(text)).toContain(', c/o ');
        for (const w of [a, b, c, d, String(n), 'Heron']) expect(out, JSON.stringify(text)).not.toContain(w);
      }),
      { seed: 18, numRuns: 100 },
    );
  });
});

describe('addresses in CSV cells', () => {
  it('a house number with a letter, then a cell of digits, is no amount (property)', () => {
    fc.assert(
      fc.property(wordArb('latin'), fc.integer({ min: 1, max: 999 }), fc.constantFrom('a', 'b', 'c'), fc.constantFrom('2027-03-20T04:57:00Z', '001-274-503-9332', '6:26 pm'), (name, n, letter, next) => {
        const street = `${name} Str. ${n}${letter}`;
        const text = `172.217.178.91,${street},${next}`;
        expect(addresses(text), JSON.stringify(text)).toEqual([street]);
      }),
      { seed: 19, numRuns: 100 },
    );
  });

  it('a city and postcode cell before a cell of many digits is a city line', () => {
    expect(addresses('"172.197.228.1",Thanh Hóa 91201,6393135934420189,11/2033,895')).toEqual(['Thanh Hóa 91201']);
  });

  it('an amount stays an amount', () => {
    expect(addresses('Total 4.812.723 Street 5')).toEqual([]);
    expect(addresses('paid 1.234,56 at Main Street')).toEqual([]);
  });

  it('a Swedish street written in the definite form ("Ängsallén", "Storgränden") is a street', () => {
    expect(addresses('abc,Södra Ängsallén 303,xyz')).toEqual(['Södra Ängsallén 303']);
  });
});

describe('a street line alone in a CSV cell', () => {
  const sepArb = fc.constantFrom(',', ';', '|', '\t');
  it('words and a house number filling a cell of a row are a street, in any script (property)', () => {
    const wordsArb = scriptArb.chain((script) => fc.array(wordArb(script), { minLength: 1, maxLength: 3 }));
    fc.assert(
      fc.property(wordsArb, fc.integer({ min: 32, max: 9999 }), sepArb, (words, n, sep) => {
        const street = `${words.join(' ')} ${n}`;
        const text = `x${sep}172.16.0.1${sep}${street}${sep}2024-01-05${sep}y`;
        expect(addresses(text), JSON.stringify(text)).toEqual([street]);
      }),
      { seed: 20, numRuns: 150 },
    );
  });

  it.each(['a,b,March 15,c', 'x,Version 2,y,z', 'id;Order 5512;open;2024', 'SKU 123,Level 4,Tier 2,x', 'just Gornja 41 in a sentence'])('%s holds no address', (text) => expect(addresses(text)).toEqual([]));
});

describe('numbers that are no address', () => {
  it('a blood pressure after "BP" is no PO box (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 80, max: 220 }), fc.integer({ min: 40, max: 130 }), (sys, dia) => {
        const text = `Vitals: BP ${sys}/${dia}, pulse 72.`;
        expect(addresses(text), text).toEqual([]);
      }),
      { seed: 21, numRuns: 100 },
    );
    expect(addresses('BP 1234, 75001 Paris')).toEqual(['BP 1234, 75001 Paris']);
  });

  it.each(['Wpłata 191 209 zaksięgowana.', 'Rechnung 12345 Berlin', 'Invoice 512 341 876 was paid.'])('%s', (text) => expect(addresses(text)).toEqual([]));
});

describe('an address read on by the grammar stops at the next sentence', () => {
  it.each([
    ['the statement address is Plot 268, Jyoti Crest, Behind Annapurna Station. Disney bought it', 'Disney'],
    ['We stay at Flat 9, Ravi Heights, Near Urmila Lake. The court appointed her.', 'court'],
  ])('%s', (text, word) => expect(addresses(text).join(' ')).not.toContain(word));

  it('an abbreviation of the grammar still leads on ("Jd. Xavier")', () => {
    expect(addresses('reside na Travessa Braga, 694, Jd. Xavier há três anos.')).toEqual(['Travessa Braga, 694, Jd. Xavier']);
  });
});

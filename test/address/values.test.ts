import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { redactInChunks } from '../support/chunked.js';
import { coveredWhole, scriptArb, wordArb } from '../names/support.js';

const r = createRedactor({});

const addressesIn = (text: string) => r.redact(text).findings.filter((f) => f.entity === 'STREET_ADDRESS');

function expectWhole(text: string, value: string) {
  const start = text.indexOf(value);
  expect(start, 'value in text').toBeGreaterThanOrEqual(0);
  const findings = r.redact(text).findings;
  expect(coveredWhole(findings, 'STREET_ADDRESS', text, start, start + value.length), `${JSON.stringify(value)} in ${JSON.stringify(text)}`).toBe(true);
}

/** Words of text that a finding touches. */
function touched(text: string, word: string): boolean {
  const s = text.indexOf(word);
  return r.redact(text).findings.some((f) => f.start < s + word.length && s < f.end);
}

/** A street line in any script and word order: house number before or after 1–3 words. */
const streetArb = fc
  .tuple(scriptArb, fc.integer({ min: 1, max: 99999 }), fc.boolean())
  .chain(([script, n, numberFirst]) =>
    fc.array(wordArb(script), { minLength: 1, maxLength: 3 }).map((ws) => (numberFirst ? `${n} ${ws.join(' ')}` : `${ws.join(' ')} ${n}`)),
  );
/** A city line: a five-digit postcode and a city's name. */
const cityArb = fc.tuple(scriptArb, fc.integer({ min: 10000, max: 99999 })).chain(([script, pc]) => wordArb(script).map((c) => `${pc} ${c}`));

describe('address values after a cue, in any script', () => {
  it.each([
    ['My new address is ', 'Slavíčkova 47 Suite 635, Zbýšov 18925', '.\n\nThanks'],
    ['new addr: ', '6281 ސުލައިމް މަގު, ޞަފިއްޔާދޫ 59457', '. refund to acct 1'],
    ['billing addr ', 'Pri hradnej studni 60, 719 88 Svidník', ' | cx cld re acct'],
    ['My new address is ', '23. Октомври 4, Пробиштип 8225', '.\n'],
    ['upd addr to ', 'szosa Musiał 12b m. 309, Kęty 40-252', '\nrefund'],
  ])('%s[%s]%s', (before, value, after) => expectWhole(`${before}${value}${after}`, value));

  it('a generated street and city after a cue are masked whole, and the next sentence is left (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('My new address is ', 'new address: ', 'billing addr ', 'Address: ', 'we moved, the new address is '), streetArb, cityArb, (cue, street, city) => {
        const value = `${street}, ${city}`;
        const text = `${cue}${value}. Please update the account.`;
        expectWhole(text, value);
        expect(touched(text, 'Please')).toBe(false);
      }),
      { seed: 171, numRuns: 150 },
    );
  });
});

describe('the turn after an address question', () => {
  it.each([
    ["Rep: sure what's the new address\nCaller: hold on ", '5852 hồng phát ridge 70878 vinh', '\nRep: updated'],
    ["悠: Sure, what's the new address? [inaudible]\n恵: yeah, hold on... ", '2丁目9番4号, 719-5388 陽太市', '\n悠: Updated.'],
    ["[13:27] Support: Can you confirm your billing address?\n[13:27] You: sure, ", '8548 tremayne course suite 545 ferrybury, sc 45353', '\n[13:27] Support: Thank you'],
    ['Agent Ulrich: And the address on file?\n[11:39] Cust: ok ', 'بن بست حقانی, پلاک 32', '\n[11:40] Agent Ulrich: Great'],
  ])('%s[%s]%s', (before, value, after) => expectWhole(`${before}${value}${after}`, value));

  it('answers in any script after any speaker label are masked whole (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Customer: ', '[00:08:37] Caller: ', 'Visitor > (19:10) ', 'CUSTOMER - ', 'You: '),
        fc.constantFrom('', 'yeah it\'s ', 'um ', 'ok so ', 'it should be '),
        streetArb,
        cityArb,
        (label, filler, street, city) => {
          const value = `${street}, ${city}`;
          expectWhole(`Agent: what's the new address?\n${label}${filler}${value}\nAgent: updated`, value);
        },
      ),
      { seed: 172, numRuns: 150 },
    );
  });

  it('the question itself, and a turn without a number, are left', () => {
    const text = "[10:05] Cedrick: new address: \n[10:05] Clemmie: Sure, what's the new address?\n[10:06] Cedrick: I will send it later\n";
    expect(addressesIn(text)).toEqual([]);
  });
});

describe('address blocks by their layout', () => {
  it.each([
    ['Cheers,\nEdīte Zālīte\nTel: +371 27 953 848\n', 'Ābolu iela 298 - 947\nLV-2974 Pāvilosta', '\nWhen: tomorrow afternoon'],
    ['Kind regards\nТемелко Попоски\nCell 09 95 54 79 18\n', '23. Октомври 4\nПробиштип 8225', '\nStatus: open'],
    ['Cheers,\n天宇\nCell 133 3162 1526\n', '包旁732号 套房 650\n珠徽市 527927', '\nManager: on shift'],
  ])('%s[%s]%s', (before, value, after) => expectWhole(`${before}${value}${after}`, value));

  it('a street line over a city line in a signature is masked whole, the lines around it are left (property)', () => {
    fc.assert(
      fc.property(streetArb, cityArb, (street, city) => {
        const text = `Thanks,\nMaria\nPhone: 555 0100\n${street}\n${city}\nPriority: high\n`;
        expectWhole(text, `${street}\n${city}`);
        expect(touched(text, 'Priority')).toBe(false);
      }),
      { seed: 173, numRuns: 150 },
    );
  });

  it.each([
    'Shipment 9137502742264606 was re-sent.\nOrder 55812 shipped today\n',
    'Credit of TRL 4.812.723 issued; balance now 63 166.64 USD.\nCredit of Rs. 502.19 issued\n',
    'Invoice #9845416 total 15.102,71 €\nPage 2 of 3\n',
    'we shipped 3 boxes\nand 12345 more later\n',
  ])('finds no address in %j', (text) => expect(addressesIn(text)).toEqual([]));
});

describe('address fields of records', () => {
  it('JSON values of address keys are masked whole', () => {
    const text = '{"street": "U Vinice 581 Apt. 904", "city": "Çankırı 08183", "orderId": "871247273"}';
    expectWhole(text, 'U Vinice 581 Apt. 904');
    expectWhole(text, 'Çankırı 08183');
    expect(touched(text, 'orderId')).toBe(false);
  });

  it('a CSV cell that is a city and its postcode is masked whole', () => {
    expectWhole('a,b,Yannicland 04080,Liv\n', 'Yannicland 04080');
    expectWhole('x,Fábio do Norte 79550-038\n', 'Fábio do Norte 79550-038');
  });
});

describe('address detector in streams', () => {
  const SNIPPETS = [
    "Agent: what's the new address?\nCustomer: yeah it's 5852 hồng phát ridge 70878 vinh\n",
    'My new address is Slavíčkova 47 Suite 635, Zbýšov 18925.\n\n',
    'Thanks,\nMaria\nPhone: 555 0100\nĀbolu iela 298 - 947\nLV-2974 Pāvilosta\nWhen: now\n',
    '{"street": "U Vinice 581 Apt. 904", "city": "Çankırı 08183"}\n',
    'SHIP TO\nSoňa Farkašovská\nMoyzesova 604\n66 459 Šaľa | DL# 1234 | social\n',
    'nothing here, order 55812 shipped. ',
  ];
  it('a session fed in any chunks finds exactly what redact() finds (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...SNIPPETS), { minLength: 100, maxLength: 300 }),
        fc.array(fc.integer({ min: 1, max: 4000 }), { minLength: 1, maxLength: 30 }),
        (parts, sizes) => {
          const text = parts.join('');
          const out = redactInChunks(r, text, sizes).text;
          expect(out).toBe(r.redact(text).text);
        },
      ),
      { seed: 174, numRuns: 20 },
    );
  });
});

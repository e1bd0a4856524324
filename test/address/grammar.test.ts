import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, type Finding } from '../../src/index.js';
import { loadAddressGrammar } from '../../src/detect/address/grammar.js';
import { redactInChunks } from '../support/chunked.js';
import { wordArb } from '../names/support.js';

/**
 * Addresses built from the grammar's own parts (rules/lexicons/addresses.json: street types per language,
 * suffixes, units, postcode shapes, joiners), with generated names and numbers, in each order the grammar
 * reads: the whole address is masked, one-shot and streamed alike. Names are off so that the address
 * grammar alone is judged.
 */
const r = createRedactor({ disable: ['person-names'] });
const g = loadAddressGrammar(['addresses'], 'test');

/** Capitalised grammar words of at least three letters (abbreviations and lower-case words are other cases). */
const capital = (ws: Iterable<string>) => [...ws].filter((w) => /^\p{Lu}\p{Ll}{2,}$/u.test(w));
const file = (await import('../../rules/lexicons/addresses.json', { with: { type: 'json' } })).default as {
  streetTypesAfter: Record<string, string[]>;
  streetTypesBefore: Record<string, string[]>;
  unitWords: string[];
};

const typesAfter = capital(file.streetTypesAfter.en!);
const typesBefore = capital(['pt', 'es', 'it', 'fr'].flatMap((l) => file.streetTypesBefore[l]!));
const suffixes = g.suffixes.filter((x) => /^\p{Ll}{4,}$/u.test(x));
const units = capital(file.unitWords).filter((w) => g.units.has(w.toLowerCase()));
/** Every postcode shape of the grammar, filled in. */
const shapes = [...g.postcodes];

const name = wordArb('latin');
const houseNumber = fc.integer({ min: 1, max: 9999 }).map(String);
// (A code that opens with "PW" reads as a password cue, and the password rule rightly claims what follows it.)
const postcode = fc.constantFrom(...shapes).chain((shape) =>
  fc.tuple(...[...shape].map((ch) => (ch === '9' ? fc.integer({ min: 0, max: 9 }).map(String) : ch === 'A' ? fc.constantFrom(...'BCDFGHJKLMNPRSTVWXZ') : fc.constant(ch)))).map((cs) => cs.join('')),
).filter((pc) => !pc.startsWith('PW'));

/** Whether every word of the value lies in a finding, and an address finding touches it. */
function maskedWhole(findings: readonly Pick<Finding, 'start' | 'end' | 'entity'>[], text: string, value: string): boolean {
  const start = text.indexOf(value);
  const end = start + value.length;
  if (!findings.some((f) => f.entity === 'STREET_ADDRESS' && f.start < end && start < f.end)) return false;
  for (const m of value.matchAll(/[\p{L}\p{M}]+|\d+/gu)) {
    const s = start + m.index;
    if (!findings.some((f) => f.start <= s && s + m[0].length <= f.end)) return false;
  }
  return true;
}

function expectAddress(value: string, before = 'Please send the papers to ', after = ' before Friday.') {
  const text = `${before}${value}${after}`;
  const one = r.redact(text);
  expect(maskedWhole(one.findings, text, value), `${JSON.stringify(value)} in ${JSON.stringify(text)} → ${one.text}`).toBe(true);
  expect(one.text.endsWith(after), `${JSON.stringify(after)} left in ${one.text}`).toBe(true);
  expect(redactInChunks(r, text, [7, 3, 11]).text).toBe(one.text);
}

const opts = { seed: 1717, numRuns: 80 };

describe('street lines from the grammar, in each order', () => {
  it('number · name · type after ("742 Evergreen Terrace") (property)', () => {
    fc.assert(fc.property(houseNumber, fc.array(name, { minLength: 1, maxLength: 2 }), fc.constantFrom(...typesAfter), (n, ws, t) => expectAddress(`${n} ${ws.join(' ')} ${t}`)), opts);
  });

  it('type before · name · number ("Rua Arenque 1634", "Via Roma, 10") (property)', () => {
    fc.assert(fc.property(fc.constantFrom(...typesBefore), name, fc.constantFrom(' ', ', '), houseNumber, (t, w, sep, n) => expectAddress(`${t} ${w}${sep}${n}`)), opts);
  });

  it('name with a glued suffix · number ("Hauptstraße 5", "Puruntie 82") (property)', () => {
    fc.assert(fc.property(name, fc.constantFrom(...suffixes), houseNumber, (w, x, n) => expectAddress(`${w}${x} ${n}`)), opts);
  });

  it('a street line and a unit after it ("… Apt 5") (property)', () => {
    fc.assert(fc.property(houseNumber, name, fc.constantFrom(...typesAfter), fc.constantFrom(...units), fc.integer({ min: 1, max: 999 }), (n, w, t, u, id) => expectAddress(`${n} ${w} ${t} ${u} ${id}`)), opts);
  });

  it('a street line, a postcode of any country and a city ("… 5, 10115 Berlin") (property)', () => {
    fc.assert(fc.property(fc.constantFrom(...typesBefore), name, houseNumber, postcode, name, (t, w, n, pc, city) => expectAddress(`${t} ${w} ${n}, ${pc} ${city}`)), opts);
  });

  it('a street without a known type, vouched for by its postcode and city ("Matteopark 3228, 8995 Voormezeletem") (property)', () => {
    fc.assert(fc.property(name, houseNumber.filter((n) => !/^(19|20)\d\d$/.test(n)), fc.integer({ min: 10000, max: 99999 }), name, (w, n, pc, city) => expectAddress(`${w} ${n}, ${pc} ${city}`)), opts);
  });
});

describe('crossings, slashed numbers and scripts without spaces', () => {
  it('two streets and a joiner ("Oak Street & 5th Avenue", "X Rd/Y Lane") (property)', () => {
    const joiners = [...g.joiners].filter((j) => ['&', '/', 'and'].includes(j));
    fc.assert(
      fc.property(name, fc.constantFrom(...typesAfter), fc.constantFrom(...joiners), name, fc.constantFrom(...typesAfter), (a, t1, j, b, t2) =>
        expectAddress(j === '/' ? `${a} ${t1}/${b} ${t2}` : `${a} ${t1} ${j} ${b} ${t2}`, 'Meet me at the corner of ', ' at noon.'),
      ),
      opts,
    );
  });

  it('a Czech street with a building and door number ("Dudkova 319/39") (property)', () => {
    fc.assert(
      fc.property(name, fc.constantFrom(...g.slashedEndings.filter((x) => x.length >= 3)), fc.integer({ min: 32, max: 9999 }), fc.integer({ min: 1, max: 99 }), (w, x, a, b) =>
        expectAddress(`${w}${x} ${a}/${b}`, 'Výpisy na adresu ', '. Platba přijata.'),
      ),
      opts,
    );
  });

  it('a Han street with its mark and number ("嘉義市侯南路92號") (property)', () => {
    const han = fc.array(fc.constantFrom(...'嘉義侯南澎湖唐東金西崔夏旁港永野島根'), { minLength: 2, maxLength: 4 }).map((cs) => cs.join(''));
    fc.assert(fc.property(han, han, fc.integer({ min: 1, max: 999 }), (city, street, n) => expectAddress(`${city}市${street}路${n}號`, 'Discharge summary, ', '. Next appointment.')), opts);
  });

  it('a date, an amount or a blood pressure is no address', () => {
    for (const text of ['On 11 September 1994 she was born.', 'Blood pressure 120/80 today.', 'We met on 5月3号 and paid 200元.', 'Invoice 2955, due on Friday.', 'In March 2023, 10115 people came.']) {
      expect(r.redact(text).findings.filter((f) => f.entity === 'STREET_ADDRESS'), text).toEqual([]);
    }
  });
});

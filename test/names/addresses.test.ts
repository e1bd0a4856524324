import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { LEXICONS_DIR } from '../../src/detect/names/lexicon.js';
import { coveredWhole, wordArb } from './support.js';

const r = createRedactor({});
const grammar = JSON.parse(readFileSync(`${LEXICONS_DIR}addresses.json`, 'utf8')) as {
  streetTypesAfter: Record<string, string[]>;
  streetTypesBefore: Record<string, string[]>;
};

function expectAddress(before: string, address: string, after: string) {
  const text = `${before}${address}${after}`;
  const findings = r.redact(text).findings;
  expect(coveredWhole(findings, 'STREET_ADDRESS', text, before.length, before.length + address.length), `${address} in ${JSON.stringify(text)}`).toBe(true);
}

describe('postal addresses as the world writes them', () => {
  it.each([
    ['send it to ', 'Rua do Arenque 1634', ' please'],
    ['new address ', 'Puruntie 82 Apt. 595', ' from May'],
    ['', 'Hauptstraße 5, 10115 Berlin', ''],
    ['moved to ', '12 rue de la Paix, 75002 Paris', ''],
    ['', 'Calle Mayor, 5, 28013 Madrid', ''],
    ['', 'Via Roma 10, 00184 Roma', ''],
    ['', 'ul. Długa 5, 00-238 Warszawa', ''],
    ['', 'Aleksanterinkatu 5 A 12, 00100 Helsinki', ''],
    ['', 'Drottninggatan 12, 111 51 Stockholm', ''],
    ['', 'Kerkstraat 12, 1017 GC Amsterdam', ''],
    ['', 'Escalinata Ángela 69 2º A', ' last month'],
    ['ship to ', 'Intrarea Soldat Dima Dumitru, Bloc 98, Ap. 10', ''],
    ['ship to ', 'пров. Зелена, 23 кв. 836', ''],
    ['', '742 Evergreen Terrace, Springfield, IL 62704', ''],
    ['', '861 Kohler Circuit Suite 462', ''],
    ['mail it to ', 'P.O. Box 1234, Austin, TX 78701', ''],
    ['', 'PSC 1234, Box 5678, APO AE 09876', ''],
    ['', 'Unit 4100 Box 2200, DPO AP 96543', ''],
  ])('%s[%s]%s', (before, address, after) => expectAddress(before, address, after));

  it('an address block after a cue is masked whole, up to the next field', () => {
    const text = 'billing address:\nMaria Lopez\nRua das Flores 12\n1200-195 Lisboa\nPortugal\nPhone: see file\n';
    const block = 'Maria Lopez\nRua das Flores 12\n1200-195 Lisboa\nPortugal';
    const start = text.indexOf(block);
    const findings = r.redact(text).findings;
    expect(coveredWhole(findings, 'STREET_ADDRESS', text, start, start + block.length)).toBe(true);
    expect(findings.filter((f) => f.end > text.indexOf('Phone'))).toEqual([]);
  });

  it.each(['Main Street store is closed', 'the road to recovery', 'a 5 minute walk to the park', 'e-mail address: see ticket 42', 'shipped via FedEx Ground 2 days ago'])(
    'finds no address in %s',
    (text) => expect(r.redact(text).findings.filter((f) => f.entity === 'STREET_ADDRESS')).toEqual([]),
  );

  it('a house number, a generated street name and any street type of the grammar make an address (property)', () => {
    const after = Object.values(grammar.streetTypesAfter).flat().filter((t) => t.length > 2 && /^\p{Lu}/u.test(t));
    const before = Object.values(grammar.streetTypesBefore).flat().filter((t) => t.length > 2 && /^\p{Lu}/u.test(t));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        wordArb('latin'),
        fc.oneof(fc.constantFrom(...after).map((t) => ({ t, first: false })), fc.constantFrom(...before).map((t) => ({ t, first: true }))),
        (n, name, { t, first }) => {
          const address = first ? `${t} ${name} ${n}` : `${n} ${name} ${t}`;
          expectAddress('please send it to ', address, ' thanks');
        },
      ),
      { seed: 41, numRuns: 300 },
    );
  });
});

describe('initialisms', () => {
  it('a dotted initialism is one word, not a street type and a name ("C.V.V. 123" is no address)', () => {
    const r = createRedactor();
    expect(r.detect('C.V.V. 123').map((f) => [f.entity, f.start])).toEqual([['CARD_CVV', 7]]);
    expect(r.detect('U.S.A. 123').filter((f) => f.entity === 'STREET_ADDRESS')).toEqual([]);
    expect(r.redact('C. Mayor 12, 28013 Madrid').text).not.toContain('Mayor');
  });
});

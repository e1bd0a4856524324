import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { LEXICONS_DIR } from '../../src/detect/names/lexicon.js';

const r = createRedactor({});
const persons = (text: string) => r.redact(text).findings.filter((f) => f.entity === 'PERSON').map((f) => text.slice(f.start, f.end));
const lexicon = JSON.parse(readFileSync(`${LEXICONS_DIR}names.json`, 'utf8')) as { fieldLabels: string[]; roles: string[] };

describe('speaker labels and field labels', () => {
  it.each([
    ['Customer (Maria): I want to cancel', ['Maria']],
    ['Agent (Tom): hello', ['Tom']],
    ['[09:55] Priya: the parcel is late', ['Priya']],
    ['Halldór: yes that is me', ['Halldór']],
    ['**Customer:** Jonathan O\'Neill', ["Jonathan O'Neill"]],
    ['Agent: how can I help?\nCustomer: my order is late', []],
  ])('%s', (text, names) => expect(persons(text)).toEqual(names));

  it.each(['Mobile', 'Fax', 'E-mail', 'Website', 'When', 'Where', 'Contact', 'Password', 'Callback', 'Card', 'Billing', 'Shipping', 'Manager', 'Dispatcher', 'Carrier'])(
    '"%s:" is a field label, never a name',
    (label) => {
      const text = `${label}: see below\n${label}: 0490 39 07 81`;
      const found = r.redact(text).findings.filter((f) => f.start < label.length || (f.start >= label.length + 12 && f.start < label.length * 2 + 13));
      expect(found.filter((f) => text.slice(f.start, f.end).includes(label))).toEqual([]);
    },
  );

  it('no field label of the lexicon is ever masked as a name, whatever follows it (property)', () => {
    const labels = lexicon.fieldLabels.map((l) => l.charAt(0).toUpperCase() + l.slice(1));
    fc.assert(
      fc.property(fc.constantFrom(...labels), fc.constantFrom('', '[10:02] ', '**', '- '), fc.string({ maxLength: 30 }), (label, lead, value) => {
        const text = `${lead}${label}:${lead === '**' ? '**' : ''} ${value.replace(/\n/g, ' ')}\n`;
        const start = lead.length;
        const hit = r.redact(text).findings.filter((f) => f.entity === 'PERSON' && f.start < start + label.length && f.end > start);
        expect(hit).toEqual([]);
      }),
      { seed: 29, numRuns: 400 },
    );
  });

  it('a label of roles only holds no name (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...lexicon.roles), fc.constantFrom('how can I help?', 'yes', 'the parcel never came'), (role, said) => {
        const label = role.charAt(0).toUpperCase() + role.slice(1);
        expect(persons(`${label}: ${said}`)).toEqual([]);
      }),
      { seed: 31, numRuns: 200 },
    );
  });
});

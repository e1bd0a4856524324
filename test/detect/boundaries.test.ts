import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { validCard, withLuhn } from '../support/cards.js';
import { cutPoints, oneShot, streamed } from './support.js';

const redactor = createRedactor({ currentYear: 2026 });
const RUNS = { seed: 20261207, numRuns: 200 };
const redact = (t: string) => redactor.redact(t).text;

/** Value kinds a cue binds, each with its cue family and a value generator. */
const kinds = {
  cvv: { cues: ['CVV', 'security code', 'CVC', 'sec code'], value: fc.stringMatching(/^[1-9][0-9]{2}$/) },
  pin: { cues: ['PIN', 'pin number'], value: fc.stringMatching(/^[1-9][0-9]{3}$/) },
  dob: {
    cues: ['date of birth', 'DOB', 'birthday'],
    value: fc.record({ d: fc.integer({ min: 1, max: 28 }), m: fc.constantFrom('January', 'March', 'May', 'July', 'September', 'December'), y: fc.integer({ min: 1940, max: 2000 }) }).map(({ d, m, y }) => `${d} ${m} ${y}`),
  },
};
const kind = fc.constantFrom(...(Object.keys(kinds) as (keyof typeof kinds)[]));
const caseOf = kind.chain((k) => fc.record({ k: fc.constant(k), cue: fc.constantFrom(...kinds[k].cues), value: kinds[k].value }));

describe('context windows and their boundaries (issue 19, fast-check)', () => {
  it('binds a value after its cue, and a value before it ("1234 is the CVV", "4 May 1961 is my date of birth")', () => {
    fc.assert(
      fc.property(caseOf, fc.constantFrom(' is ', ': ', ' was ', ' - '), fc.constantFrom(' is my ', ' is the ', ', that\'s my ', ' was my '), ({ cue, value }, after, before) => {
        expect(redact(`The customer said ${cue}${after}${value} and hung up.`)).not.toContain(value);
        expect(redact(`Customer said ${value}${before}${cue} and hung up.`)).not.toContain(value);
      }),
      RUNS,
    );
  });

  it('does not bind across a paragraph break, nor across two turns, in either direction', () => {
    fc.assert(
      fc.property(caseOf, fc.constantFrom('\n\n', '\n \n', '\r\n\r\n', '\nAgent: ok\nCustomer: '), ({ cue, value }, boundary) => {
        expect(redact(`Please confirm the ${cue}.${boundary}${value} was the delivery slot.`)).toContain(value);
        expect(redact(`${value} was the delivery slot.${boundary}We asked for the ${cue}`)).toContain(value);
      }),
      RUNS,
    );
  });

  it('a dialogue answer crosses exactly one turn', () => {
    fc.assert(
      fc.property(caseOf, fc.constantFrom('Customer', 'Caller', '[00:01:07] Customer', 'Maria Lopez'), ({ cue, value }, label) => {
        expect(redact(`Agent: can you give me the ${cue}?\n${label}: ${value}`)).not.toContain(value);
        expect(redact(`Agent: can you give me the ${cue}?\n${label}: hold on\nAgent: ${value} is on the label`)).toContain(value);
      }),
      RUNS,
    );
  });

  it('the ECHR case: the birth date before "born" is masked, a date in the next paragraph is not', () => {
    const out = redact('On 11 September 1994, their daughter was born.\n\nOn 12 March 1998, after his wife had left, he moved.');
    expect(out).not.toContain('11 September 1994');
    expect(out).toContain('12 March 1998');
  });

  it('context words of a digit rule do not reach across a blank line', () => {
    // A Luhn-valid number of no card range is a card only by its cue (credit-card-near-cue).
    const n = withLuhn('830495060000000');
    expect(redact(`card\n${n.slice(0, 8)} ${n.slice(8)}`)).not.toContain(n.slice(0, 8));
    expect(redact(`card\n\n${n.slice(0, 8)} ${n.slice(8)}`)).toContain(`${n.slice(0, 8)} ${n.slice(8)}`);
  });

  it('streaming at random cuts equals one-shot across boundaries', () => {
    fc.assert(
      fc.property(caseOf, fc.constantFrom('\n\n', '\nCustomer: ', ' is '), cutPoints, ({ cue, value }, boundary, cuts) => {
        const text = `Agent: the ${cue}?${boundary}${value} and then ${value} is the ${cue}.`;
        expect(streamed(redactor, text, cuts)).toBe(oneShot(redactor, text));
      }),
      { ...RUNS, numRuns: 80 },
    );
  });
});

describe('amounts are not phone numbers (issue 19, fast-check)', () => {
  const currency = fc.constantFrom('TRL', 'USD', 'EUR', 'GBP', 'INR', 'JPY', 'CHF', '$', '€', '£', '¥', '₹', '₺');
  const grouping = fc.constantFrom(',', '.', ' ', '\u00a0', '\u202f');
  const amount = fc.record({ groups: fc.array(fc.stringMatching(/^[0-9]{3}$/), { minLength: 2, maxLength: 3 }), lead: fc.integer({ min: 1, max: 999 }), sep: grouping });
  const written = (a: { groups: string[]; lead: number; sep: string }) => [String(a.lead), ...a.groups].join(a.sep);

  it('an amount after or before a currency code or symbol, in any grouping, is kept', () => {
    fc.assert(
      fc.property(currency, amount, fc.boolean(), (cur, a, after) => {
        const value = written(a);
        const text = after ? `the court awarded the applicant ${value} ${cur} of compensation` : `the court awarded the applicant ${cur} ${value} of compensation`;
        expect(redact(text)).toContain(value);
      }),
      RUNS,
    );
    expect(redact('On 16 July 1998 the court awarded the applicant TRL 615.478.0000 of additional compensation')).toContain('615.478.0000');
  });

  it('a phone cue still binds a phone-shaped number beside a currency code', () => {
    expect(redact('call me on EUR 415-555-2671 tomorrow')).not.toContain('415-555-2671');
  });

  it('Luhn-valid card numbers are masked beside a currency code or symbol', () => {
    fc.assert(
      fc.property(currency, validCard, (cur, { digits }) => {
        expect(redact(`charged ${cur} ${digits} twice`)).not.toContain(digits);
      }),
      RUNS,
    );
  });
});

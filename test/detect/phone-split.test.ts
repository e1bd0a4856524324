import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { redactInChunks } from '../support/chunked.js';

const redactor = createRedactor({ currentYear: 2026 });
const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** A piece of a number as typed ("06237") or read out ("oh six two three seven"). */
const say = (digits: string, spoken: boolean) => (spoken ? [...digits].map((d) => (d === '0' ? 'oh' : WORDS[Number(d)])).join(' ') : digits);

/** How many digits of `digits` are left in `out`, as digits or as number words. */
const digitsLeft = (out: string) => (out.match(/\d/g)?.length ?? 0) + (out.match(/\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b/g)?.length ?? 0);

const labels = fc.constantFrom(
  ['Agent: ', 'Customer: '],
  ['A: ', 'C: '],
  ['[10:02] Agent: ', '[10:03] Customer: '],
  ['AGENT - ', 'CUSTOMER - '],
  ['**Agent:** ', '**Customer:** '],
  ['agent: (14:23) ', 'customer: (14:23) '],
);
const question = fc.constantFrom("What's the best number to reach you?", 'Can I get a callback number?', 'is this still the best phone number for you?');
const ack = fc.constantFrom('mhm', 'ok...', 'sorry, go on', 'yes?');
const lead = fc.constantFrom('', "it's ", 'so ', 'um, ');

/** A number of 7–15 digits cut into 2–3 pieces, each of 2–8 digits. */
const pieces = fc
  .array(fc.stringMatching(/^[0-9]{2,5}$/), { minLength: 2, maxLength: 3 })
  .filter((p) => p.join('').length >= 7 && p.join('').length <= 15);

describe('a phone number read out over several turns (issue 16)', () => {
  it('masks every piece after a phone question, across acknowledgements, written or spoken, in one shot and streamed', () => {
    fc.assert(
      fc.property(labels, question, pieces, fc.array(ack, { minLength: 2, maxLength: 2 }), lead, fc.boolean(), fc.boolean(), (lab, q, ps, acks, l, spoken, ackFirst) => {
        const [agent, customer] = lab;
        const lines = [`${agent}${q}`];
        ps.forEach((p, i) => {
          if (i > 0 && (i === 1 ? ackFirst : true)) lines.push(`${agent}${acks[i - 1]}`);
          lines.push(`${customer}${i === 0 ? l : ''}${say(p, spoken)}`);
        });
        lines.push(`${agent}Thanks, anything else?`);
        const text = lines.join('\n');
        const one = redactor.redact(text).text;
        const said = one.split('\n').filter((line) => line.startsWith(customer)).map((line) => line.slice(customer.length)).join(' ');
        expect(digitsLeft(said)).toBe(0);
        expect(one).toContain(`${agent}Thanks, anything else?`);
        expect(redactInChunks(redactor, text, [7, 13, 29]).text).toBe(one);
      }),
      { seed: 20261207, numRuns: 150 },
    );
  });

  it('leaves the acknowledgements in clear', () => {
    const out = redactor.redact("Agent: What's the best number to reach you?\nCustomer: it's 06237\nAgent: sorry, go on\nCustomer: 20758\nAgent: thanks").text;
    expect(out).toContain('Agent: sorry, go on');
    expect(out).not.toMatch(/06237|20758/);
  });

  it('joins pieces after the whole number was said once', () => {
    const text = 'Agent: best number to reach you?\nCustomer: sure, (256) 634-6667\nCustomer: it\'s 25663\nAgent: mhm\nCustomer: 46667\nAgent: ok';
    expect(redactor.redact(text).text).not.toMatch(/25663|46667|634/);
  });

  it('keeps pieces after wording that is not about a phone, and a date asked for in between', () => {
    // (A piece of 4-4 digits alone could be a valid national number for phone-national-grouped.)
    const order = "Agent: what's the order number?\nCustomer: 4153\nAgent: ok\nCustomer: 48 364";
    expect(redactor.redact(order).text).toBe(order);
    const dob = "Agent: What's the best number to reach you?\nCustomer: it's 0623\nAgent: What is your date of birth please?\nCustomer: 12 03 1985";
    expect(redactor.redact(dob).text).toContain('12 03 1985');
  });

  it('never joins more than a phone number holds (15 digits)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{8}$/), fc.stringMatching(/^[0-9]{8}$/), (a, b) => {
        const text = `Agent: best number to reach you?\nCustomer: it's ${a}\nAgent: mhm\nCustomer: ${b}`;
        const f = redactor.redact(text).findings.filter((x) => x.ruleId === 'phone-split-turns');
        expect(f).toHaveLength(0);
      }),
      { seed: 7, numRuns: 50 },
    );
  });
});

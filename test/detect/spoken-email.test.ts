import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';

const redactor = createRedactor({ currentYear: 2026 });

const word = fc.stringMatching(/^[a-z]{2,10}$/).filter((w) => !['at', 'dot', 'the', 'underscore', 'dash'].includes(w));

describe('e-mail addresses read out (issue 16)', () => {
  it('masks words joined by dot/underscore/dash and spoken digits, "at", a domain and a top-level domain', () => {
    fc.assert(
      fc.property(
        word,
        fc.option(fc.tuple(fc.constantFrom('dot', 'underscore', 'dash'), word), { nil: undefined }),
        fc.option(fc.stringMatching(/^[0-9]( [0-9])?$/), { nil: undefined }),
        fc.constantFrom('gmail', 'yahoo', 'hotmail', 'mail dot example', 'posteo'),
        fc.constantFrom('com', 'net', 'org', 'de', 'co dot uk'),
        fc.constantFrom('my email is ', 'Caller: um, ', 'send it to ', 'e-mail: '),
        (first, joined, digits, domain, tld, lead) => {
          const local = [first, ...(joined ? joined : []), ...(digits ? [digits] : [])].join(' ');
          const spoken = `${local} at ${domain} dot ${tld}`;
          const out = redactor.redact(`${lead}${spoken} thanks`).text;
          expect(out).toBe(`${lead}[EMAIL] thanks`);
        },
      ),
      { seed: 1616, numRuns: 200 },
    );
  });

  it('leaves "at" and "dot" in ordinary speech alone', () => {
    for (const t of ['the dot com bubble burst', 'meet me at home dot', 'arrive at noon, dot the i', 'at gmail or yahoo']) {
      expect(redactor.redact(t).text).toBe(t);
    }
  });
});

describe('"at … dot com" without a mailbox (issue 16)', () => {
  const lead = fc.constantFrom('you can find ', 'look ', 'Caller: yeah ', 'go to the site, ', '');
  const before = fc.constantFrom('us', 'me', 'it', 'to', 'look', 'find', "I'm", "it's", 'we are', 'they were');
  const after = fc.constantFrom('the', 'a', 'our', 'my', 'your', 'this', 'that', 'their');

  it('a pronoun, preposition or contraction before "at" and an article or possessive after it are no e-mail', () => {
    fc.assert(
      fc.property(lead, before, after, fc.constantFrom('com', 'net', 'org', 'co dot uk'), fc.constantFrom(' site', ' page', '', '.'), (l, b, a, tld, tail) => {
        const text = `${l}${b} at ${a} dot ${tld}${tail}`;
        expect(redactor.redact(text).text).toBe(text);
      }),
      { seed: 1617, numRuns: 150 },
    );
  });

  it('a mailbox before "at" is still an e-mail, also after "at" words ("email me at sales at acme dot com")', () => {
    fc.assert(
      // A mailbox of five letters or more: no closed-class word ("of", "us") the validator reads as talk.
      fc.property(word.filter((w) => w.length >= 5), fc.constantFrom('email me at ', 'reach us at ', 'write to '), fc.constantFrom('acme', 'gmail', 'example'), (box, l, domain) => {
        expect(redactor.redact(`${l}${box} at ${domain} dot com please`).text).toBe(`${l}[EMAIL] please`);
      }),
      { seed: 1618, numRuns: 150 },
    );
  });
});

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

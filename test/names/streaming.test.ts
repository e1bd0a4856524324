import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { redactInChunks } from '../support/chunked.js';

const r = createRedactor({});

const SNIPPETS = [
  'cust Elisa Silva called about the refund. ',
  'Agent: may I have your last name?\nCustomer: Magnusson\n',
  '[09:55] Priya: the parcel is late\n',
  'Dear Åsa Laine,\nthanks for writing.\n',
  'Mobile: 0490 39 07 81\nFax: none\n',
  'ship to Rua do Arenque 1634, 1200-195 Lisboa please\n',
  'billing address:\n12 rue de la Paix\n75002 Paris\nFrance\n\n',
  'PSC 1234, Box 5678, APO AE 09876\n',
  'my name is krisztián szöllösy and i need help\n',
  'Thanks,\nMaria Lopez\n',
  'nothing to see here, order 55812 shipped. ',
];

describe('names and addresses in streams', () => {
  it('a session fed in any chunks finds exactly what redact() finds on the whole text (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...SNIPPETS), { minLength: 300, maxLength: 600 }),
        fc.array(fc.integer({ min: 1, max: 9000 }), { minLength: 1, maxLength: 40 }),
        (parts, sizes) => {
          const text = parts.join('');
          const whole = r.redact(text);
          const out = redactInChunks(r, text, sizes).text;
          expect(out).toBe(whole.text);
        },
      ),
      { seed: 53, numRuns: 25 },
    );
  });
});

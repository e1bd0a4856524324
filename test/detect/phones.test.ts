import fc from 'fast-check';
import { getExampleNumber, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { DEFAULT_PHONE_REGIONS } from '../../src/validators/phone.js';

const redactor = createRedactor({ currentYear: 2026 });
const redact = (t: string) => redactor.redact(t).text;
const digitsOf = (s: string) => s.replace(/\D/g, '');

describe('phones of many regions (issue 16)', () => {
  for (const region of DEFAULT_PHONE_REGIONS) {
    const n = getExampleNumber(region as CountryCode, examples);
    if (!n) continue;
    it(`${region}: the example mobile number, national and international, after a phone cue keeps at most four digits`, () => {
      for (const written of [n.formatNational(), n.formatInternational(), n.number]) {
        const left = digitsOf(redact(`call me on ${written} please`));
        expect(left.length).toBeLessThanOrEqual(4);
      }
    });
  }

  it('near a phone cue, a phone-shaped number is masked even when it is not a valid number (fail closed)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('phone is', 'call me on', 'mobile:', 'reach me at', 'cell', 'tel', 'callback'),
        // Epoch seconds (1…, 2000–2039) are timestamps, not phones: numbers from 3 up.
        fc.stringMatching(/^[3-9][0-9]{9}$/),
        fc.constantFrom('', '-', ' ', '.'),
        (cue, d, sep) => {
          const written = sep ? `${d.slice(0, 3)}${sep}${d.slice(3, 6)}${sep}${d.slice(6)}` : d;
          expect(digitsOf(redact(`${cue} ${written} thanks`)).length).toBeLessThanOrEqual(4);
        },
      ),
      { seed: 20261207, numRuns: 200 },
    );
  });

  it('with 00/001 prefixes and glued words', () => {
    for (const t of ['call 001-253-366-9781 tomorrow', 'call 541-714-1388-Office', 'phone is 4824762002']) {
      expect(digitsOf(redact(t)).length).toBeLessThanOrEqual(4);
    }
  });

  it('without a cue, an order number is not a phone', () => {
    expect(redact('call about order 2025-0929-1432')).toContain('2025-0929-1432');
  });
});

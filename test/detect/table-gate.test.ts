import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { PREFILTERS } from '../../src/detect/prefilter.js';

/**
 * The table pass runs on a short text only when it may find something there (scanner.ts tableMayFind): a
 * line break, a quote and a colon (a record member), or twelve digits. Texts here are record members in one
 * line, with the colon or the quotes left out at random, and prose with apostrophes.
 */
const redactor = createRedactor();
const digits = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));
const key = fc.constantFrom('cvv', 'card_number', 'dob', 'pan', 'name', 'zorvek', 'ship to', 'exp');
const quote = fc.constantFrom('"', "'", '', '`');
const member = fc
  .tuple(quote, key, fc.constantFrom(':', ': ', ' : ', '=', ' '), fc.oneof(digits(3, 4), digits(13, 16), fc.constantFrom('"123"', "'0427'", '"12/29"', 'Kelo Mira')))
  .map(([q, k, sep, v]) => `${q}${k}${q}${sep}${v}`);
const prose = fc.array(fc.constantFrom("it's", "don't", 'ok', ' ', ', ', 'the order', "'quoted'", ':', 'cvv', '12', '\n'), { maxLength: 10 }).map((p) => p.join(' '));
const text = fc.oneof(member, fc.tuple(fc.array(fc.oneof(member, prose), { minLength: 1, maxLength: 4 }), fc.constantFrom(', ', ' ', '; ')).map(([p, sep]) => p.join(sep)), prose);

describe('table pass gate', () => {
  afterEach(() => {
    PREFILTERS.enabled = true;
  });

  it('leaves the output as it is without the prefilters', () => {
    fc.assert(
      fc.property(text, (t) => {
        PREFILTERS.enabled = true;
        const a = JSON.stringify([redactor.redact(t), redactor.detect(t, { explain: true })]);
        PREFILTERS.enabled = false;
        const b = JSON.stringify([redactor.redact(t), redactor.detect(t, { explain: true })]);
        expect(a).toBe(b);
      }),
      { numRuns: 500 },
    );
  });

  it('still finds a member typed by its key on one line', () => {
    const out = redactor.redact('order note {"cvv": "4821"} thanks');
    expect(out.text).not.toContain('4821');
  });
});

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { PREFILTERS } from '../../src/detect/prefilter.js';
import { anyCard } from '../support/cards.js';
import { expectSameWithoutPrefilters } from '../support/prefilters.js';

/**
 * The table pass runs on a short text only when it may find something there (scanner.ts tableMayFind): a
 * quote and a colon (a record member), or a delimiter with a line break or twelve digits (rows). Texts here are record members in one
 * line, with the colon or the quotes left out at random, prose with apostrophes, and rows of cells split on
 * a delimiter or on none, over one line or several.
 */
const redactor = createRedactor();
const digits = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));
const key = fc.constantFrom('cvv', 'card_number', 'dob', 'pan', 'name', 'zorvek', 'ship to', 'exp');
const quote = fc.constantFrom('"', "'", '', '`');
const member = fc
  .tuple(quote, key, fc.constantFrom(':', ': ', ' : ', '=', ' '), fc.oneof(digits(3, 4), digits(13, 16), fc.constantFrom('"123"', "'0427'", '"12/29"', 'Kelo Mira')))
  .map(([q, k, sep, v]) => `${q}${k}${q}${sep}${v}`);
const prose = fc.array(fc.constantFrom("it's", "don't", 'ok', ' ', ', ', 'the order', "'quoted'", ':', 'cvv', '12', '\n'), { maxLength: 10 }).map((p) => p.join(' '));
/** Rows: lines of cells on one delimiter or none, a header at times, card-like numbers among them. */
const cell = fc.oneof(digits(3, 4), anyCard.map((c) => c.digits), anyCard.map((c) => c.digits), fc.constantFrom('card', 'cvv', 'exp', 'name', '12/29', 'Kelo Mira', 'ok', ''));
const rows = fc
  .tuple(fc.constantFrom(',', ';', '\t', '|', ' ', ' - '), fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), fc.constantFrom('\n', '\r\n', ' '))
  .map(([d, lines, nl]) => lines.map((l) => l.join(d)).join(nl));
const text = fc.oneof(rows, rows, member, fc.tuple(fc.array(fc.oneof(member, prose), { minLength: 1, maxLength: 4 }), fc.constantFrom(', ', ' ', '; ')).map(([p, sep]) => p.join(sep)), prose);

describe('table pass gate', () => {
  afterEach(() => {
    PREFILTERS.enabled = true;
  });

  it('leaves the output as it is without the prefilters', () => {
    fc.assert(
      fc.property(text, (t) => expectSameWithoutPrefilters(redactor, t)),
      { numRuns: 500 },
    );
  });

  it('still reads a lone line of cells that holds a card number', () => {
    // Its code and expiry are typed by their neighbour, the card (table/rows.ts), on one line.
    const t = '4111111111111111 | 0529 | 981';
    expect(redactor.redact(t).text).toBe('••••••••••••1111 | [CARD_EXPIRY] | [CARD_CVV]');
    const a = JSON.stringify(redactor.detect(t, { explain: true }));
    PREFILTERS.enabled = false;
    expect(a).toBe(JSON.stringify(redactor.detect(t, { explain: true })));
  });

  it('still finds a member typed by its key on one line', () => {
    const out = redactor.redact('order note {"cvv": "4821"} thanks');
    expect(out.text).not.toContain('4821');
  });
});

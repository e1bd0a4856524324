import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { formatCard, validCard } from '../support/cards.js';

const redactor = createRedactor();

/** Streams text through a session in the given chunk sizes (cycled) and returns the redacted text. */
function streamed(text: string, sizes: number[]): string {
  const s = redactor.session();
  let out = '';
  for (let i = 0, k = 0; i < text.length; k++) {
    const n = sizes[k % sizes.length]!;
    out += s.push(text.slice(i, i + n)).text;
    i += n;
  }
  return out + s.finish().text;
}

/**
 * Digit runs of thousands of groups ("12 3-45.6 …") are read with the groups ahead sliding along the run
 * within one scan step, and read afresh at every step boundary of a stream: both must decide alike.
 */
describe('long digit runs', () => {
  it('a run of thousands of joined groups with valid cards inside redacts the same whole and in chunks (property)', () => {
    const group = fc.tuple(fc.stringMatching(/^[0-9]{1,5}$/), fc.constantFrom(' ', '-', '.', ' - '));
    const piece = fc.oneof(
      { weight: 20, arbitrary: group.map(([g, j]) => g + j) },
      { weight: 1, arbitrary: fc.tuple(validCard, fc.constantFrom<'space' | 'dash' | 'dot' | 'none'>('space', 'dash', 'dot', 'none')).map(([c, style]) => `${formatCard(c.digits, style)} `) },
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 2000, maxLength: 5000 }), fc.array(fc.integer({ min: 1, max: 20000 }), { minLength: 1, maxLength: 5 }), (pieces, sizes) => {
        const text = `card ${pieces.join('')}end`;
        const whole = redactor.redact(text).text;
        expect(streamed(text, sizes)).toBe(whole);
        expect(redactor.redact(whole).text).toBe(whole);
      }),
      { numRuns: 25, seed: 20261124 },
    );
  });

  it('digits a mask kept do not start a new number on a second pass (found by the property above)', () => {
    for (const text of [
      'card 5 - 3009-8560-8205-5690-235 1527 870.1804-767 1466-18 - 1',
      'card 5514 62829766356098 11 - 16206.748-352-940 5307-9-738 70',
    ]) {
      const once = redactor.redact(text).text;
      expect(redactor.redact(once).text, text).toBe(once);
    }
  });

  it("only this redactor's mask characters mark kept digits: an SSN in markdown bold is still found", () => {
    expect(redactor.redact('SSN **536-22-1947** on file').text).toBe('SSN **•••-••-1947** on file');
    const stars = createRedactor({ masks: { PHONE_NUMBER: { type: 'last4', char: '*' } } });
    const once = stars.redact('call (415) 555-2671 or 415 555 2671 ext').text;
    expect(stars.redact(once).text).toBe(once);
  });
});

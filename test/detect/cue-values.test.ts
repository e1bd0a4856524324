import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { ANY_DIGIT, cutPoints, digitScript, inScript, oneShot, streamed } from './support.js';

const redactor = createRedactor({ currentYear: 2026 });
const RUNS = { seed: 20261207, numRuns: 250 };

const redact = (t: string) => redactor.redact(t).text;

describe('a value right after its cue (issue 15 item 9)', () => {
  // Each was reproduced leaking; values are made up and carry no meaning.
  const cases: [string, string][] = [
    ['CVV:123', '123'],
    ['CVV2:123', '123'],
    ['cvv123', '123'],
    ['security code:123', '123'],
    ['CVV:one two three', 'one two three'],
    ['PIN:4921', '4921'],
    ['expiry:1227', '1227'],
    ['account number:12345678', '12345678'],
    ['CVV *123*', '123'],
    ['CVV **123**', '123'],
    ['cvv: 1\u200b23', '1\u200b23'],
    ['cvv: １２３', '１２３'],
    ['sec code 123', '123'],
    ['C.V.V. 123', '123'],
    ['cvv%3A123', '123'],
    ['CVV for the card ending 1111 that she used last week is 123', 'is 123'],
  ];
  for (const [text, value] of cases) {
    it(`masks the value of ${JSON.stringify(text)}`, () => {
      const out = redact(text);
      expect(out).not.toContain(value);
      expect(redactor.detect(text).length).toBeGreaterThan(0);
    });
  }

  it('keeps the number another value word binds ("ending 1111") when no binding word follows', () => {
    expect(redact('CVV for the card ending 1111 was not given')).toContain('1111');
    expect(redact('CVV for the card ending 1111 that she used last week is 123')).toContain('ending 1111');
  });

  it('still skips a clock time between the cue and its answer', () => {
    expect(redact('CVV check at 10:30 passed')).toContain('10:30');
    expect(redact('[00:00:52] Agent: the CVV?\n[00:00:55] Customer: 739')).toContain('[00:00:55]');
  });
});

const cvvCue = fc.constantFrom('CVV', 'cvv', 'CVC', 'security code', 'Security Code', 'sec code', 'C.V.V.', 'CID', 'the three digits on the back');
const pinCue = fc.constantFrom('PIN', 'pin', 'PIN number', 'pin code');
/** What people write between a cue and its value. */
const filler = fc.constantFrom('', ' ', ':', ': ', ' : ', '=', ' = ', ' is ', ' was ', ' - ', '# ', ' #', ' no. ', ' number is ', ' on file is ', ' is just ', '%3A', '%20');
const emphasis = fc.constantFrom<[string, string]>(['', ''], ['*', '*'], ['**', '**'], ['"', '"'], ['\'', '\''], ['`', '`']);
/** Invisible characters inside a value (copied from web forms and PDFs). */
const invisible = fc.constantFrom('', '\u200b', '\u200c', '\u2060', '\u00ad', '\ufeff');

function withInvisible(value: string, ch: string, at: number): string {
  if (!ch) return value;
  const chars = Array.from(value);
  const i = 1 + (at % (chars.length - 1));
  return [...chars.slice(0, i), ch, ...chars.slice(i)].join('');
}

describe('cue, filler, value: generated (fast-check)', () => {
  const cvvCase = fc.record({
    cue: cvvCue,
    filler,
    emphasis,
    digits: fc.stringMatching(/^[0-9]{3,4}$/),
    script: digitScript,
    invisible,
    at: fc.nat(),
    cuts: cutPoints,
  });

  it('a CVV of any script, glued, after any filler, in emphasis or quotes, with invisible characters inside, leaves no digit', () => {
    fc.assert(
      fc.property(cvvCase, ({ cue, filler: f, emphasis: [open, close], digits, script, invisible: inv, at }) => {
        // A glued value needs a cue that ends in a letter and a value that does not continue the cue's word.
        const value = withInvisible(inScript(digits, script), inv, at);
        const text = `Customer gave the ${cue}${f}${open}${value}${close} and asked for a refund.`;
        const out = redact(text);
        expect(ANY_DIGIT.test(out.replace(/%[0-9A-F]{2}/g, ''))).toBe(false);
      }),
      RUNS,
    );
  });

  it('a PIN after any filler leaves no digit, and streaming at random cuts equals one-shot', () => {
    fc.assert(
      fc.property(pinCue, filler, fc.stringMatching(/^[0-9]{4,6}$/), digitScript, cutPoints, (cue, f, digits, script, cuts) => {
        const text = `Agent noted the ${cue}${f}${inScript(digits, script)} before the transfer.`;
        const out = oneShot(redactor, text);
        expect(ANY_DIGIT.test(out.replace(/%[0-9A-F]{2}/g, ''))).toBe(false);
        expect(streamed(redactor, text, cuts)).toBe(out);
      }),
      { ...RUNS, numRuns: 100 },
    );
  });

  it('a CVV bound by "is" far after its cue on the same line is masked; a number after "ending" is not the CVV', () => {
    const words = fc.array(fc.constantFrom('for', 'the', 'card', 'that', 'she', 'used', 'last', 'week', 'on', 'her', 'trip', 'to', 'Lisbon'), { minLength: 3, maxLength: 14 });
    fc.assert(
      fc.property(cvvCue, words, fc.stringMatching(/^[0-9]{4}$/), fc.stringMatching(/^[0-9]{3}$/), (cue, w, last4, cvv) => {
        const text = `${cue} ${w.join(' ')} ending ${last4} ${w.join(' ')} is ${cvv}`;
        const out = redact(text);
        expect(out).not.toMatch(new RegExp(`is ${cvv}$`));
        expect(out).toContain(`ending ${last4}`);
      }),
      RUNS,
    );
  });
});

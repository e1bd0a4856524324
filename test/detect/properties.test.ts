import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { formatCard, plainText, separatorStyle, validCard, withLuhn } from '../support/cards.js';

const redactor = createRedactor({ currentYear: 2026 });
const binRedactor = createRedactor({ currentYear: 2026, masks: { CREDIT_CARD: 'bin-last4' } });
const RUNS = { seed: 20261123, numRuns: 300 };

/** Every run of the card's digits still visible in the output, longest first. */
function digitsLeft(output: string): string {
  return output.replace(/\D/g, '');
}

describe('redaction properties (fast-check)', () => {
  it('(a) every valid card of every brand and length, in every separator style, anywhere in text, keeps at most its last four digits', () => {
    fc.assert(
      fc.property(validCard, separatorStyle, plainText, plainText, fc.constantFrom(' ', '\n', ': ', ' (', '\t'), ({ digits }, style, before, after, glue) => {
        const card = formatCard(digits, style);
        const text = `${before}${glue}${card}${glue === ' (' ? ')' : ' '}${after}`;
        const out = redactor.redact(text).text;
        expect(out.includes(card)).toBe(false);
        // No digits surround the card, so every digit left comes from it: only its last four.
        expect(digitsLeft(out)).toBe(digits.slice(-4));
      }),
      RUNS,
    );
  });

  it('(a) under bin-last4 at most the first six and last four digits remain', () => {
    fc.assert(
      fc.property(validCard, separatorStyle, plainText, ({ digits }, style, before) => {
        const out = binRedactor.redact(`${before} card ${formatCard(digits, style)} thanks`).text;
        const left = digitsLeft(out);
        expect(left.length).toBeLessThanOrEqual(10);
        expect(left.length).toBeLessThan(digits.length);
        expect(digits.startsWith(left.slice(0, left.length - 4))).toBe(true);
        expect(left.slice(-4)).toBe(digits.slice(-4));
      }),
      RUNS,
    );
  });

  const piiText = fc
    .array(
      fc.oneof(
        plainText,
        validCard.map((c) => formatCard(c.digits, 'space')),
        fc.constantFrom('jane.doe@example.com', '(415) 555-2671', 'SSN 536-22-1947', 'CVV 123', 'exp 05/27', 'four one one one one one one one one one one one one one one one', 'DOB: 03/14/1985', 'IBAN DE89 3704 0044 0532 0130 00', '203.0.113.42', 'my name is Maria Lopez', 'Order 782331', 'v4.2.1'),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(' '));

  it('(b) redaction is idempotent: redact(redact(x).text).text === redact(x).text', () => {
    fc.assert(
      fc.property(piiText, (text) => {
        const once = redactor.redact(text).text;
        expect(redactor.redact(once).text).toBe(once);
      }),
      RUNS,
    );
  });

  it('(c) text with no digits, no @ and no number words comes out unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (raw) => {
        const text = raw.replace(/[0-9@]/g, '').replace(/\b(?:zero|oh|o|nought|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|double|triple)\b/gi, '');
        // Names after introductions and speaker labels are found without digits; keep them out too.
        const safe = text.replace(/:/g, ';').replace(/\b(?:name|dear|attn|this is|it's|it is|spoke|speaking|password|passwd|pwd|passcode|pass code|pw|street|st|ave|avenue|road|rd|dr|drive|lane|ln|way|court|ct)\b/gi, '');
        expect(redactor.redact(safe).text).toBe(safe);
        expect(redactor.detect(safe)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('(d) every finding lies inside the input and covers exactly the text its mask replaced', () => {
    // With every entity masked as its label, the output must be the input with each finding's span
    // replaced by "[ENTITY]" and nothing else changed.
    const entities = [...new Set(redactor.rules.map((r) => r.entity))];
    const labels = createRedactor({ currentYear: 2026, masks: Object.fromEntries(entities.map((e) => [e, 'label'])) });
    fc.assert(
      fc.property(piiText, (text) => {
        const { text: out, findings } = labels.redact(text);
        let expected = '';
        let cursor = 0;
        for (const f of findings) {
          expect(f.start).toBeGreaterThanOrEqual(cursor);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expected += text.slice(cursor, f.start) + `[${f.entity}]`;
          cursor = f.end;
        }
        expect(out).toBe(expected + text.slice(cursor));
      }),
      RUNS,
    );
  });

  it('(e) 13–19 digit numbers that fail Luhn are never CREDIT_CARD', () => {
    fc.assert(
      fc.property(validCard, fc.integer({ min: 1, max: 9 }), separatorStyle, ({ digits }, bump, style) => {
        const last = (Number(digits.at(-1)) + bump) % 10;
        const bad = digits.slice(0, -1) + String(last);
        const text = `card number ${formatCard(bad, style)} please`;
        expect(redactor.detect(text).filter((f) => f.entity === 'CREDIT_CARD')).toEqual([]);
      }),
      RUNS,
    );
  });

  it('withLuhn helper makes numbers the engine accepts (guards the generator itself)', () => {
    expect(withLuhn('411111111111111')).toBe('4111111111111111');
  });
});

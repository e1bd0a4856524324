import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/index.js';
import { cardDigits, cvv, expiry, orderNo, person } from './support.js';

const r = createRedactor({ currentYear: 2026 });

const spellings = fc.constantFrom<(k: string) => string>(
  (k) => k,
  (k) => k.toUpperCase(),
  (k) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
);

describe('record members in text (issue 16, structured text)', () => {
  it('a value under a hinting key is typed by the key, in JSON or Python quotes, pretty or compact; other members stay (property)', () => {
    fc.assert(
      fc.property(
        fc.record({ card: cardDigits, code: cvv, exp: expiry, name: person, order: orderNo, pw: fc.stringMatching(/^[A-Za-z0-9!#$%&*]{6,14}$/) }),
        spellings,
        fc.constantFrom('"', "'"),
        fc.boolean(),
        (v, spell, q, pretty) => {
          // The password first: the engine's password rule also reads a value written before its keyword,
          // and a password's mask takes over whatever it overlaps (nothing of it may stay).
          const members: [string, string, string | null][] = [
            ['password', v.pw, 'PASSWORD'],
            ['order_id', v.order, null],
            ['first_name', v.name.split(' ')[0]!, 'PERSON'],
            ['card_number', v.card, 'CREDIT_CARD'],
            ['cvv', v.code, 'CARD_CVV'],
            ['exp', v.exp, 'CARD_EXPIRY'],
          ];
          const sep = pretty ? ',\n  ' : ', ';
          const body = members.map(([k, val]) => `${q}${spell(k)}${q}: ${q}${val}${q}`).join(sep);
          const text = `payload was ${pretty ? '{\n  ' : '{'}${body}${pretty ? '\n}' : '}'} end`;
          const res = r.redact(text);
          for (const [, val, entity] of members) {
            const at = text.indexOf(`: ${q}${val}${q}`) + 3;
            const over = res.findings.filter((f) => f.start <= at && f.end >= at + val.length).map((f) => f.entity);
            if (entity) expect(over, `${entity} ${val}`).toContain(entity);
            else expect(over).toEqual([]);
          }
          expect(res.text).toContain(v.order);
        },
      ),
      { seed: 18, numRuns: 80 },
    );
  });

  it('a number value is typed too, and a value that does not fit its key is left to the other detectors', () => {
    const res = r.redact('{"cvv": 123, "routing": "not on file", "order": 55812}');
    expect(res.text).toBe('{"cvv": [CARD_CVV], "routing": "not on file", "order": 55812}');
  });
});

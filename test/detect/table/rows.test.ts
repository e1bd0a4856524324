import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/index.js';
import { amount, cardDigits, cell, cvv, delimiter, expiry, orderNo, person, sku, timestamp } from './support.js';

const r = createRedactor({ currentYear: 2026 });

interface Row {
  order: string;
  name: string;
  card: string;
  exp: string;
  code: string;
  amount: string;
  at: string;
  sku: string;
}

const row = fc.record({ order: orderNo, name: person, card: cardDigits, exp: expiry, code: cvv, amount, at: timestamp, sku });

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Where `value` stands as a whole cell in `text` at or after `from` (not inside a longer cell such as a card number). */
function cellAt(text: string, value: string, from: number): number {
  for (let at = text.indexOf(value, from); at >= 0; at = text.indexOf(value, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + value.length]) && text[at - 1] !== '/' && text[at + value.length] !== '/') return at;
  }
  return -1;
}

/** Which entities the redactor reported over the cell holding `value` in `text` (found at or after `from`). */
function entitiesAt(text: string, findings: { start: number; end: number; entity: string }[], value: string, from: number): { at: number; entities: string[] } {
  const at = cellAt(text, value, from);
  expect(at).toBeGreaterThanOrEqual(0);
  return { at, entities: findings.filter((f) => f.start <= at && f.end >= at + value.length).map((f) => f.entity) };
}

/** Writes rows as a delimited table with the given column order, each cell quoted or not. */
function table(rows: Row[], cols: (keyof Row)[], delim: string, quoted: boolean[], header: string[] | null): string {
  const lines = rows.map((x) => cols.map((c, k) => cell(x[c], quoted[k % quoted.length]!)).join(delim));
  return [...(header ? [header.join(delim)] : []), ...lines].join('\n');
}

function expectTyped(text: string, rows: Row[], typedCols: [keyof Row, string][], keptCols: (keyof Row)[]): void {
  const res = r.redact(text);
  let from = 0;
  for (const x of rows) {
    let next = from;
    for (const [col, entity] of typedCols) {
      const { at, entities } = entitiesAt(text, res.findings, x[col], from);
      expect(entities, `${col} in row ${JSON.stringify(x)}`).toContain(entity);
      next = Math.max(next, at);
    }
    for (const col of keptCols) {
      const { entities } = entitiesAt(text, res.findings, x[col], from);
      expect(entities, `${col} kept in row ${JSON.stringify(x)}`).toEqual([]);
    }
    from = next;
  }
  // Hard negatives come through unchanged.
  for (const x of rows) for (const col of keptCols) expect(res.text).toContain(x[col]);
}

describe('delimited rows in text (issue 16, structured text)', () => {
  it('a header types its columns through the key hints; order numbers, amounts, timestamps and SKUs stay (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), delimiter, fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (rows, delim, quoted) => {
        const cols: (keyof Row)[] = ['order', 'name', 'card', 'exp', 'code', 'amount', 'at', 'sku'];
        const header = ['order_id', 'customer_name', 'card_number', 'EXP', 'CVV', 'amount', 'created_at', 'sku'];
        const text = `Export attached below.\n${table(rows, cols, delim, quoted, header)}\nThanks.`;
        expectTyped(text, rows, [['name', 'PERSON'], ['card', 'CREDIT_CARD'], ['exp', 'CARD_EXPIRY'], ['code', 'CARD_CVV']], ['order', 'amount', 'at', 'sku']);
      }),
      { seed: 16, numRuns: 60 },
    );
  });

  it('without a header, an expiry and a 3-digit cell beside a card number are its expiry and CVV (property)', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 5 }),
        delimiter,
        fc.constantFrom<(keyof Row)[]>(['card', 'exp', 'code', 'order', 'amount'], ['name', 'code', 'exp', 'card', 'order'], ['order', 'exp', 'card', 'code', 'sku']),
        (rows, delim, cols) => {
          const text = table(rows, cols, delim, [false], null);
          expectTyped(text, rows, [['card', 'CREDIT_CARD'], ['exp', 'CARD_EXPIRY'], ['code', 'CARD_CVV']], cols.filter((c) => ['order', 'amount', 'sku'].includes(c)));
        },
      ),
      { seed: 17, numRuns: 60 },
    );
  });

  it('without a card number in the row, a short number beside other cells stays', () => {
    const text = 'order,qty,price,sku\nORD-55812,312,19.99,SKU-4411-BLK\nORD-55813,120,4.50,SKU-4412-RED';
    expect(r.redact(text).text).toBe(text);
  });

  it('a column a header does not name keeps its numbers even beside a card number', () => {
    const text = 'card_number,qty,sku\n4539148803436467,312,SKU-4411\n5555555555554444,120,SKU-4412';
    const out = r.redact(text).text;
    expect(out).toContain(',312,');
    expect(out).toContain(',120,');
    expect(out).not.toContain('4539148803436467');
  });

  it('beside a card, a day of a month ("May 19") is no expiry, and a Luhn-valid IMEI in a column that held a card once stays', () => {
    // 490154203237518 is an IMEI (Luhn-valid, in no card network's IIN range); 4539148803436467 a Visa.
    const text = 'x1,4539148803436467,May 19,123\nx2,4539148803436467,May 2027,456\nx3,490154203237518,03/27,789';
    const res = r.redact(text);
    expect(res.text).toContain(',May 19,');
    expect(res.text).not.toContain('May 2027');
    expect(res.text).toContain('490154203237518');
  });

  it('prose with commas is no table', () => {
    const text = 'Name, please, and the reason for the call.\nSure, John here, about my refund.\nThanks, John, one moment.';
    const res = r.redact(text);
    expect(res.findings.filter((f) => f.entity !== 'PERSON' || text.slice(f.start, f.end) !== 'John')).toEqual([]);
  });

  it('a header cell that hints at an entity masks only values that fit it (an account column of names keeps them)', () => {
    const text = 'account|plan|status\nAcme Corp|gold|active\nGlobex|silver|paused';
    expect(r.redact(text).text).toBe(text);
  });

  it('a city column is an address line only with its postcode: a bare city stays', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Heilbronn', 'Lake Christy, LA', 'Nova Moseofuorto', 'Toksovo'),
        fc.oneof(fc.integer({ min: 10000, max: 99999 }).map(String), fc.constantFrom('WC1E 2QY', 'R5K 9S4', '00106-0984')),
        delimiter,
        (city, postcode, delim) => {
          const line = `${city} ${postcode}`;
          const q = (v: string) => (v.includes(delim) ? `"${v}"` : v);
          const text = ['city', 'order_id', 'city'].join(delim) + '\n' + [q(line), 'ORD-1', q(city)].join(delim) + '\n' + [q('Paris'), 'ORD-2', q(line)].join(delim);
          const res = r.redact(text);
          const typed = res.findings.filter((f) => f.entity === 'STREET_ADDRESS').map((f) => text.slice(f.start, f.end));
          expect(typed).toEqual([line, line]);
          expect(res.text).toContain('Paris');
        },
      ),
      { seed: 20, numRuns: 40 },
    );
  });

  it('redacting a redacted table changes nothing more', () => {
    const text = 'customer_name;card_number;exp;cvv\nMaria Lopez;4539 1488 0343 6467;05/27;123\nJonas Berg;5555-5555-5555-4444;11/2031;"042"';
    const once = r.redact(text).text;
    expect(once).not.toMatch(/123|042|05\/27|Maria|Jonas/);
    expect(r.redact(once).text).toBe(once);
  });

  it('keyHints configured on the redactor type text columns too, and removing one stops it', () => {
    const text = 'ticket,loyalty_code,name\nT-1,884213,Maria Lopez\nT-2,992114,Jonas Berg';
    const withHint = createRedactor({ keyHints: { loyalty_code: 'PIN' } }).redact(text).text;
    expect(withHint).not.toContain('884213');
    const without = createRedactor({ keyHints: { name: null } }).detect(text);
    expect(without.some((f) => f.ruleId !== 'person-names' && text.slice(f.start, f.end) === 'Jonas Berg' && f.entity === 'PERSON' && f.confidence === 0.85)).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';

const r = createRedactor({ currentYear: 2026 });

describe('redactValue', () => {
  it('scans strings deep in objects and arrays, and reports JSON pointers', () => {
    const input = {
      ticket: { subject: 'refund', comments: [{ body: 'card 4111 1111 1111 1111 please' }, { body: 'mail jane.doe@example.com' }] },
      tags: ['vip', 'call (415) 555-2671'],
    };
    const { value, findings } = r.redactValue(input);
    expect(value).toEqual({
      ticket: { subject: 'refund', comments: [{ body: 'card •••• •••• •••• 1111 please' }, { body: 'mail [EMAIL]' }] },
      tags: ['vip', 'call (•••) •••-2671'],
    });
    expect(findings.map((f) => [f.path, f.entity])).toEqual([
      ['/ticket/comments/0/body', 'CREDIT_CARD'],
      ['/ticket/comments/1/body', 'EMAIL'],
      ['/tags/1', 'PHONE_NUMBER'],
    ]);
    // The input is not modified.
    expect(input.ticket.comments[0]!.body).toContain('4111');
  });

  it('catches card numbers given as numbers', () => {
    const { value } = r.redactValue({ amount: 49.99, order: 782331, pan: 4111111111111111, other: 5555555555554444 });
    expect(value).toEqual({ amount: 49.99, order: 782331, pan: '••••••••••••1111', other: '••••••••••••4444' });
  });

  it('masks values under sensitive keys whatever they contain', () => {
    const { value, findings } = r.redactValue({ cvv: '123', CVC2: 987, card_number: 'n/a', cardNumber: '1', Password: 'hunter2', nested: { ssn: 'on file' } });
    // Letters and digits are masked alike under a hinted key; a one-digit value keeps nothing.
    expect(value).toEqual({ cvv: '[CARD_CVV]', CVC2: '[CARD_CVV]', card_number: '•/•', cardNumber: '•', Password: '[PASSWORD]', nested: { ssn: '•• ••••' } });
    expect(findings.filter((f) => f.ruleId.startsWith('key-hint:')).map((f) => f.path)).toEqual(['/cvv', '/CVC2', '/card_number', '/cardNumber', '/Password', '/nested/ssn']);
  });

  it('key hints are configurable', () => {
    const custom = createRedactor({ keyHints: { loyaltyid: 'LOYALTY_ID' } });
    expect(custom.redactValue({ loyalty_id: 'LX-99' }).value).toEqual({ loyalty_id: '[LOYALTY_ID]' });
    const replaced = createRedactor({ keyHints: {}, replaceKeyHints: true });
    expect(replaced.redactValue({ cvv: 'none given' }).value).toEqual({ cvv: 'none given' });
  });

  it('numbered labels stay consistent across the strings of one value', () => {
    const labels = createRedactor({ masks: { EMAIL: { type: 'label', numbered: true } } });
    const { value } = labels.redactValue({ a: 'jane@example.com', b: ['bob@example.com', 'jane@example.com'] });
    expect(value).toEqual({ a: '[EMAIL_1]', b: ['[EMAIL_2]', '[EMAIL_1]'] });
  });

  it('refuses cyclic values with a clear error', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    expect(() => r.redactValue(a)).toThrow(/refers to itself at \/self/);
  });

  it('fast-check: no card number survives anywhere in a random JSON value', () => {
    const card = fc.constantFrom('4111111111111111', '5555 5555 5555 4444', '378282246310005');
    const leaf = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), card.map((c) => `note ${c} end`));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 8 }), tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(tree, (v) => {
        const out = JSON.stringify(r.redactValue(v).value) ?? '';
        for (const c of ['4111111111111111', '5555 5555 5555 4444', '378282246310005']) expect(out.includes(c)).toBe(false);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('hard negatives of care notes come out untouched', () => {
  const negatives = [
    'Order 782331 shipped',
    'Case 2025-34177 updated',
    'RMA R-009441 created',
    'Incident INC-2025-0929-1432 closed',
    'UPS 1Z999AA10123456784 delivered',
    'FedEx 123456789012 in transit',
    'USPS 9400 1118 9922 3371 8654 12 out for delivery',
    'reference 4111111111111112 fails Luhn',
    'ref 9999999999999995 fits no card range',
    'logged at 2025-09-29T14:32:05Z',
    'epoch 1727620800000 ms',
    'delivered on 03/14/2025',
    'total $1,234.56 refunded',
    'app v4.2.1 installed',
    'call back at 14:00 PT',
    'split 80/20 between warehouses',
    'SKU BLK-44821-XL restocked',
  ];
  for (const text of negatives) {
    it(JSON.stringify(text), () => {
      expect(r.redact(text).text).toBe(text);
    });
  }
});

describe('redactValue and hostile keys', () => {
  it('keeps a "__proto__" member from parsed JSON as a member (no prototype change)', () => {
    const input = JSON.parse('{"__proto__": {"note": "card 4111 1111 1111 1111"}, "a": 1}') as Record<string, unknown>;
    const { value } = createRedactor().redactValue(input);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(value)).toBe('{"__proto__":{"note":"card •••• •••• •••• 1111"},"a":1}');
  });
});

describe('key hints for personal-data fields', () => {
  it('mask names, phones and e-mails under their keys, and a null hint removes a default', () => {
    const r = createRedactor();
    expect(r.redactValue({ requester: { name: 'Maria Lopez', email: 'n/a', phone: '415 555 2671' } }).value).toEqual({
      requester: { name: '[PERSON]', email: '[EMAIL]', phone: '••• ••• 2671' },
    });
    const products = createRedactor({ keyHints: { name: null } });
    expect(products.redactValue({ product: { name: 'Blue Widget' } }).value).toEqual({ product: { name: 'Blue Widget' } });
    expect(products.keyHint('Name')).toBeUndefined();
    expect(r.keyHint('Customer-Name')).toBe('PERSON');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { createMask } from '../../src/mask/masks.js';
import { newMaskState } from '../../src/mask/types.js';

const text = 'card 4111 1111 1111 1111 and again 4111-1111-1111-1111, then 5555555555554444';

describe('masks', () => {
  it('last4 keeps the last four digits and the separators (default character •)', () => {
    expect(createRedactor().redact(text).text).toBe('card •••• •••• •••• 1111 and again ••••-••••-••••-1111, then ••••••••••••4444');
  });

  it('last4 compact style with a configured character', () => {
    const r = createRedactor({ masks: { CREDIT_CARD: { type: 'last4', char: '*', style: 'compact' } } });
    expect(r.redact('card 4111 1111 1111 1111').text).toBe('card **** 1111');
  });

  it('bin-last4 keeps at most the first six and the last four digits, hiding at least five', () => {
    const r = createRedactor({ masks: { CREDIT_CARD: 'bin-last4' } });
    expect(r.redact('card 4111 1111 1111 1111').text).toBe('card 4111 11•• •••• 1111');
    expect(r.redact('amex 378282246310005').text).toBe('amex 378282•••••0005');
  });

  it('full keeps the length and nothing else', () => {
    const r = createRedactor({ masks: { EMAIL: 'full' } });
    expect(r.redact('mail jane.doe@example.com ok').text).toBe('mail •••••••••••••••••••• ok');
  });

  it('label, numbered consistently within one document', () => {
    const r = createRedactor({ masks: { CREDIT_CARD: { type: 'label', numbered: true } } });
    expect(r.redact(text).text).toBe('card [CREDIT_CARD_1] and again [CREDIT_CARD_1], then [CREDIT_CARD_2]');
    // A new document starts counting again.
    expect(r.redact('5555555555554444').text).toBe('[CREDIT_CARD_1]');
  });

  it('hmac gives a keyed pseudonym: equal for one key and value, different for another key', () => {
    const a = createRedactor({ hmacKey: 'k'.repeat(32), masks: { EMAIL: 'hmac' } });
    const b = createRedactor({ hmacKey: 'q'.repeat(32), masks: { EMAIL: 'hmac' } });
    const one = a.redact('jane.doe@example.com').text;
    expect(one).toMatch(/^\[EMAIL:[0-9a-f]{8}\]$/);
    expect(a.redact('write to jane.doe@example.com').text).toBe(`write to ${one}`);
    expect(b.redact('jane.doe@example.com').text).not.toBe(one);
    // Keyed on the digits: the same card written two ways gets one pseudonym.
    const c = createRedactor({ hmacKey: 'k'.repeat(32), masks: { CREDIT_CARD: 'hmac' } });
    expect(c.redact('4111 1111 1111 1111').text).toBe(c.redact('4111-1111-1111-1111').text);
  });

  it('hmac refuses to start without a key, saying what to pass', () => {
    expect(() => createRedactor({ masks: { EMAIL: 'hmac' } })).toThrow(/needs a secret key of at least 16 bytes: pass hmacKey/);
  });

  it('remove deletes the value', () => {
    expect(createRedactor({ masks: { CARD_CVV: 'remove' } }).redact('CVV 123.').text).toBe('CVV .');
  });

  it('CVV and passwords accept only masks that keep nothing of the value', () => {
    for (const mask of ['last4', 'bin-last4', 'full', 'hmac']) {
      expect(() => createRedactor({ hmacKey: 'k'.repeat(32), masks: { CARD_CVV: mask } }), mask).toThrow(/may keep nothing of the value/);
      expect(() => createRedactor({ hmacKey: 'k'.repeat(32), masks: { PASSWORD: mask } }), mask).toThrow(/may keep nothing of the value/);
    }
    expect(() => createRedactor({ masks: { CARD_CVV: { type: 'label', numbered: true } } })).toThrow(/linkable label/);
    expect(createRedactor({ masks: { CARD_CVV: 'remove' } }).rules.find((r) => r.id === 'card-cvv')!.mask).toBe('remove');
  });

  it('spoken card numbers are masked word by word, keeping the last four', () => {
    const out = createRedactor().redact('it is four one one one one one one one one one one one one one one one').text;
    expect(out).toBe('it is •••• ••• ••• ••• ••• ••• ••• ••• ••• ••• ••• ••• one one one one');
  });

  it('a short number never shows more than half its digits', () => {
    const r = createRedactor({ masks: { BANK_ACCOUNT: 'last4' } });
    expect(r.redact('bank account 123456').text).toBe('bank account •••456');
  });

  it('last4 and bin-last4 on written numbers: separators stay, and only the allowed digits (at most half, five hidden) are kept', () => {
    const written = fc
      .array(fc.oneof(fc.constantFrom(...'0123456789'), fc.constantFrom(' ', '-', '.', '/', '(', ')')), { minLength: 1, maxLength: 40 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(written, fc.constantFrom('last4', 'bin-last4'), fc.constantFrom('•', '*', '##'), (value, type, char) => {
        const mask = createMask({ type, char }, {}, 'test');
        const out = mask.apply({ text: value, digits: value.replace(/\D/g, ''), entity: 'CREDIT_CARD', ruleId: 'r', state: newMaskState() });
        // The oracle: digit k (of n) stays when it is within the head or the tail the mask may keep.
        const n = value.replace(/\D/g, '').length;
        const tail = Math.min(4, Math.floor(n / 2));
        const head = Math.min(type === 'bin-last4' ? 6 : 0, Math.max(0, n - tail - 5));
        let k = 0;
        const expected = [...value].map((c) => (/\d/.test(c) ? (k++ < head || k > n - tail ? c : char) : c)).join('');
        expect(out).toBe(expected);
      }),
      { numRuns: 500, seed: 20261124 },
    );
  });
});

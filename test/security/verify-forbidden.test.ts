// Issue 15 item 5: forbidden data points are recognised by normalized name and synonyms (the synonym table
// rules/verification-forbidden-names.json and the redactor's key hints), and every supplied value is
// scanned by the engine: a card number, CVV by context or SSN is refused whatever the field is called.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KEY_HINTS } from '../../src/config.js';
import { VerificationInputError, VerificationPolicyError, forbiddenDataPoint, parsePolicy } from '../../src/verify/index.js';
import { formatCard, separatorStyle, validCard } from '../support/cards.js';
import { GOOD, ON_FILE, T0, defaultPolicyJson, makeVerifier } from '../verify/helpers.js';

const REPORTED = ['credit_card', 'cc_number', 'ccn', 'card_num', 'cardNum', 'card', 'cc', 'ccv', 'cvn', 'sin', 'social', 'ss_number', 'dl_number', 'mothers_maiden', 'pet_name'];

/** The ways people write one name: snake, camel, Pascal, kebab, upper, spaced, full-width, with a zero-width space. */
function spellings(snake: string): string[] {
  const words = snake.split('_');
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return [
    snake,
    words[0] + words.slice(1).map(cap).join(''),
    words.map(cap).join(''),
    words.join('-'),
    snake.toUpperCase(),
    words.join(' '),
    snake.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
    words.join('_\u200b'),
  ];
}

describe('forbidden data point names', () => {
  it.each(REPORTED)('%s is refused by parsePolicy, in every spelling', (name) => {
    for (const spelled of spellings(name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase())) {
      const policy = defaultPolicyJson();
      policy['dataPoints'][spelled] = { normalizer: 'identifier' };
      expect(() => parsePolicy(policy), spelled).toThrow(VerificationPolicyError);
      expect(forbiddenDataPoint(spelled), spelled).toBeDefined();
    }
  });

  it('every key hint of the redactor for card, CVV, PIN, track, SSN, password and ID entities is refused, with words around it', () => {
    const forbiddenEntities = new Set(['CREDIT_CARD', 'CARD_CVV', 'PIN', 'CARD_TRACK_DATA', 'US_SSN', 'US_ITIN', 'PASSWORD', 'US_PASSPORT', 'DRIVER_LICENSE']);
    const hints = Object.entries(DEFAULT_KEY_HINTS).filter(([, entity]) => forbiddenEntities.has(entity));
    expect(hints.length).toBeGreaterThan(20);
    for (const [hint] of hints) {
      for (const name of [hint, `customer_${hint}`, `${hint}_value`, `customer${hint.charAt(0).toUpperCase()}${hint.slice(1)}`]) {
        expect(forbiddenDataPoint(name), name).toBeDefined();
      }
    }
  });

  it('the last four digits and ordinary data points stay allowed', () => {
    for (const name of ['card_last4', 'card_number_last4', 'cardLast4', 'phone_last4', 'order_id', 'postal_code', 'email', 'date_of_birth', 'billing_name', 'last_order_amount', 'cc_email', 'shipping_city', 'account_created']) {
      expect(forbiddenDataPoint(name), name).toBeUndefined();
    }
  });

  it('check() refuses a supplied synonym before anything is compared', async () => {
    const { verifier, lines } = makeVerifier();
    for (const name of ['ccNumber', 'CVN', 'social', 'ss-number', 'mothersMaiden']) {
      const err = await verifier
        .check({ action: 'order_status', subjectId: 'c-1', onFile: ON_FILE, provided: { order_id: GOOD.order_id, [name]: 'x' }, now: T0, channel: 'phone' })
        .catch((e: unknown) => e);
      expect(err, name).toBeInstanceOf(VerificationInputError);
      expect((err as VerificationInputError).code).toBe('forbidden_data_point');
    }
    expect(lines).toHaveLength(0);
  });
});

describe('forbidden values under any name', () => {
  const { verifier, lines } = makeVerifier();
  const attempt = (provided: Record<string, string>) =>
    verifier.check({ action: 'order_status', subjectId: 'c-values', onFile: ON_FILE, provided, now: T0, channel: 'phone' }).catch((e: unknown) => e);

  it('a card number under phone_last4 (or any data point) is refused, not counted as a factor (property)', async () => {
    await fc.assert(
      fc.asyncProperty(validCard, separatorStyle, fc.constantFrom('phone_last4', 'order_id', 'postal_code', 'billing_name', 'email', 'last_order_amount'), async (c, style, name) => {
        const before = lines.length;
        const err = await attempt({ order_id: GOOD.order_id, [name]: formatCard(c.digits, style) });
        expect(err).toBeInstanceOf(VerificationInputError);
        expect((err as VerificationInputError).code).toBe('forbidden_value');
        expect((err as VerificationInputError).path).toBe(`/provided/${name}`);
        expect(lines.length).toBe(before); // refused before any comparison or audit event
      }),
      { numRuns: 60, seed: 1551 },
    );
  });

  it('the reported case: phone_last4 "4532 0193 7746 2881" with a phone on file ending 2881', async () => {
    const err = await verifier
      .check({ action: 'order_status', subjectId: 'c-2881', onFile: { ...ON_FILE, phone: '+1 415 555 2881' }, provided: { order_id: GOOD.order_id, phone_last4: '4532 0193 7746 2881' }, now: T0, channel: 'phone' })
      .catch((e: unknown) => e);
    expect((err as VerificationInputError).code).toBe('forbidden_value');
  });

  it('a CVV by its context and an SSN are refused too', async () => {
    for (const value of ['cvv 123', 'my security code is 9876', '536-22-1947', 'ssn 536-22-1947']) {
      const err = await attempt({ order_id: GOOD.order_id, billing_name: value });
      expect((err as VerificationInputError).code, value).toBe('forbidden_value');
    }
  });

  it('ordinary values pass', async () => {
    const result = await attempt({ order_id: GOOD.order_id, postal_code: GOOD.postal_code, phone_last4: '2671', date_of_birth: 'July 4, 1985', billing_name: 'jose ROE' });
    expect(result).toMatchObject({ allowed: true });
  });
});

import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { VerificationConfigError, createVerifier, loadDefaultPolicy } from '../../src/verify/index.js';
import { createKeys, digestsEqual, pseudonym } from '../../src/verify/digest.js';
import { checkToken, issueToken } from '../../src/verify/token.js';
import { KEY, MINUTE, T0, makeVerifier, supplied } from './helpers.js';

describe('keys', () => {
  it('refuses to start without a key, saying what to pass', () => {
    expect(() => createVerifier(loadDefaultPolicy(), undefined as never)).toThrow(/caregate: createVerifier\(policy, options\) needs options with key/);
    expect(() => createVerifier(loadDefaultPolicy(), {} as never)).toThrow(VerificationConfigError);
    expect(() => createVerifier(loadDefaultPolicy(), {} as never)).toThrow(/no HMAC key given; pass options\.key: a secret Buffer or string of at least 32 bytes/);
  });

  it('refuses a key shorter than 32 bytes', () => {
    expect(() => createKeys(Buffer.alloc(31))).toThrow(/has 31 bytes, fewer than 32/);
    expect(() => createKeys('short secret')).toThrow(/fewer than 32/);
    expect(() => createKeys('x'.repeat(32))).not.toThrow();
  });

  it('digests are 32 bytes, keyed, and separated by label and purpose', () => {
    const keys = createKeys(KEY);
    const other = createKeys(Buffer.alloc(32, 8));
    const a = keys.hmac('compare', 'postal_code', '94105');
    expect(a).toHaveLength(32);
    expect(digestsEqual(a, keys.hmac('compare', 'postal_code', '94105'))).toBe(true);
    expect(digestsEqual(a, other.hmac('compare', 'postal_code', '94105'))).toBe(false);
    expect(digestsEqual(a, keys.hmac('compare', 'order_id', '94105'))).toBe(false);
    expect(digestsEqual(a, keys.hmac('pseudonym', 'postal_code', '94105'))).toBe(false);
    expect(digestsEqual(keys.hmac('compare', 'ab', 'c'), keys.hmac('compare', 'a', 'bc'))).toBe(false);
    expect(digestsEqual(a, a.subarray(0, 16))).toBe(false);
  });

  it('pseudonyms are stable per key and do not contain the ID', () => {
    const keys = createKeys(KEY);
    const p = pseudonym(keys, 'subject', 'customer-42');
    expect(p).toMatch(/^[0-9a-f]{64}$/);
    expect(pseudonym(keys, 'subject', 'customer-42')).toBe(p);
    expect(pseudonym(createKeys(Buffer.alloc(32, 9)), 'subject', 'customer-42')).not.toBe(p);
  });

  it('the verification code never compares values with === or !==', () => {
    // Values are compared only in digest.ts via timingSafeEqual; this guards the modules that handle them.
    const dir = new URL('../../src/verify/', import.meta.url);
    for (const file of readdirSync(dir)) {
      // Type tests (typeof x === 'string') are not value comparisons.
      const text = readFileSync(new URL(file, dir), 'utf8').replace(/typeof\s+[\w.]+\s*[!=]==\s*'\w+'/g, '');
      expect(text).not.toMatch(/\b(given|onFileValue|code|typed|codeDigest)\s*[!=]==/);
      expect(text).not.toMatch(/[!=]==\s*(given|onFileValue|code|typed|codeDigest)\b/);
    }
    expect(readFileSync(new URL('digest.ts', dir), 'utf8')).toContain('timingSafeEqual(a, b)');
  });
});

describe('tokens', () => {
  const keys = createKeys(KEY);
  const sub = pseudonym(keys, 'subject', 'c-1');
  const { token } = issueToken(keys, { sub, act: ['change_address'], ch: 'phone', lvl: 'multi_factor', iat: T0, ttlMs: 15 * MINUTE });

  it('is HMAC-signed and carries no subject ID', () => {
    expect(token).toMatch(/^cgv1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()).not.toContain('c-1');
  });

  it('is valid for its subject, action and channel until it expires', () => {
    const expect_ = { subject: sub, action: 'change_address', channel: 'phone' };
    expect(checkToken(keys, token, { ...expect_, now: T0 + 14 * MINUTE }).valid).toBe(true);
    expect(checkToken(keys, token, { ...expect_, now: T0 + 15 * MINUTE })).toEqual({ valid: false, reason: 'expired' });
    expect(checkToken(keys, token, { ...expect_, subject: pseudonym(keys, 'subject', 'c-2'), now: T0 })).toEqual({ valid: false, reason: 'wrong_subject' });
    expect(checkToken(keys, token, { ...expect_, action: 'change_email', now: T0 })).toEqual({ valid: false, reason: 'wrong_action' });
    expect(checkToken(keys, token, { ...expect_, channel: 'chat', now: T0 })).toEqual({ valid: false, reason: 'wrong_channel' });
  });

  it('rejects a token whose claims were changed or that another key signed', () => {
    const [prefix, body, sig] = token.split('.');
    const claims = JSON.parse(Buffer.from(body ?? '', 'base64url').toString()) as Record<string, unknown>;
    claims['act'] = ['change_address', 'refund_to_new_method'];
    const forged = `${prefix}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`;
    const now = T0;
    expect(checkToken(keys, forged, { subject: sub, action: 'refund_to_new_method', channel: 'phone', now })).toEqual({ valid: false, reason: 'bad_signature' });
    expect(checkToken(createKeys(Buffer.alloc(32, 1)), token, { subject: sub, action: 'change_address', channel: 'phone', now })).toEqual({ valid: false, reason: 'bad_signature' });
    expect(checkToken(keys, 'nonsense', { subject: sub, action: 'change_address', channel: 'phone', now })).toEqual({ valid: false, reason: 'malformed' });
  });

  it('a successful check yields a token scoped to subject, action and channel for 15 minutes', async () => {
    const { verifier } = makeVerifier();
    const { ON_FILE } = await import('./helpers.js');
    const result = await verifier.check({
      action: 'order_status',
      subjectId: 'c-1',
      onFile: ON_FILE,
      provided: supplied(['postal_code', 'email']),
      now: T0,
      channel: 'chat',
    });
    expect(result.allowed).toBe(true);
    expect(result.tokenExpiresAt?.getTime()).toBe(T0 + 15 * MINUTE);
    const t = result.token ?? '';
    expect((await verifier.verifyToken(t, { subjectId: 'c-1', action: 'order_status', channel: 'chat', now: T0 + 15 * MINUTE })).valid).toBe(false);
    expect(await verifier.verifyToken(t, { subjectId: 'c-2', action: 'order_status', channel: 'chat', now: T0 })).toMatchObject({ reason: 'wrong_subject' });
    expect(await verifier.verifyToken(t, { subjectId: 'c-1', action: 'change_address', channel: 'chat', now: T0 })).toMatchObject({ reason: 'wrong_action' });
    expect(await verifier.verifyToken(t, { subjectId: 'c-1', action: 'order_status', channel: 'phone', now: T0 })).toMatchObject({ reason: 'wrong_channel' });
    // Refusals do not use the token up; the first valid presentation does.
    expect((await verifier.verifyToken(t, { subjectId: 'c-1', action: 'order_status', channel: 'chat', now: T0 + MINUTE })).valid).toBe(true);
  });
});

import { describe, it, expect } from 'vitest';
import { createMemoryStore, generateOtpCode, VerificationInputError } from '../../src/verify/index.js';
import type { CheckInput, Verifier } from '../../src/verify/index.js';
import { createKeys, pseudonym } from '../../src/verify/digest.js';
import { createOtpService } from '../../src/verify/otp.js';
import { GOOD, MINUTE, ON_FILE, T0, makeVerifier, outbox, supplied } from './helpers.js';
import { storeContract } from './store-contract.js';

describe('OTP codes', () => {
  it('are 6 digits by default, zero-padded, and 6 to 10 digits only', () => {
    const codes = Array.from({ length: 3000 }, () => generateOtpCode());
    for (const c of codes) expect(c).toMatch(/^\d{6}$/);
    // Leading zeros appear (a uniform draw over 000000-999999, not 100000-999999): P(none) = 0.9^3000.
    expect(codes.some((c) => c.startsWith('0'))).toBe(true);
    expect(generateOtpCode(8)).toMatch(/^\d{8}$/);
    expect(() => generateOtpCode(5)).toThrow(RangeError);
    expect(() => generateOtpCode(11)).toThrow(RangeError);
  });

  it('are spread evenly over the first digit (chi-square, false alarm chance below 1e-9)', () => {
    const counts = new Array<number>(10).fill(0);
    const n = 20_000;
    for (let i = 0; i < n; i++) counts[Number(generateOtpCode()[0])]! += 1;
    const expected = n / 10;
    const chi = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(chi).toBeLessThan(60);
  });
});

describe('OTP challenges (fake clock)', () => {
  const keys = createKeys(Buffer.alloc(32, 3));
  const subject = pseudonym(keys, 'subject', 's-1');
  const other = pseudonym(keys, 'subject', 's-2');
  const service = () => createOtpService(createMemoryStore(), keys, { digits: 6, ttlMs: 10 * MINUTE, maxAttempts: 3 });
  const wrongOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('work once', async () => {
    const otp = service();
    const { challengeId, code, expiresAt } = await otp.issue({ subject, via: 'sms', restricted: true, now: T0 });
    expect(expiresAt).toBe(T0 + 10 * MINUTE);
    expect(await otp.verify({ challengeId, code, subject, now: T0 + MINUTE })).toMatchObject({ ok: true, outcome: 'ok', restricted: true, via: 'sms' });
    expect(await otp.verify({ challengeId, code, subject, now: T0 + MINUTE })).toMatchObject({ ok: false, outcome: 'unknown' });
  });

  it('accept the code read back with spaces', async () => {
    const otp = service();
    const { challengeId, code } = await otp.issue({ subject, via: 'sms', restricted: true, now: T0 });
    expect((await otp.verify({ challengeId, code: `${code.slice(0, 3)} ${code.slice(3)}`, subject, now: T0 })).ok).toBe(true);
  });

  it('expire after 10 minutes and are gone after that', async () => {
    const otp = service();
    const a = await otp.issue({ subject, via: 'email', restricted: false, now: T0 });
    expect((await otp.verify({ challengeId: a.challengeId, code: a.code, subject, now: T0 + 10 * MINUTE - 1 })).ok).toBe(true);
    const b = await otp.issue({ subject, via: 'email', restricted: false, now: T0 });
    expect(await otp.verify({ challengeId: b.challengeId, code: b.code, subject, now: T0 + 10 * MINUTE })).toMatchObject({ ok: false, outcome: 'expired' });
    expect(await otp.verify({ challengeId: b.challengeId, code: b.code, subject, now: T0 + MINUTE })).toMatchObject({ outcome: 'unknown' });
  });

  it('die after 3 wrong tries, even for the right code', async () => {
    const otp = service();
    const { challengeId, code } = await otp.issue({ subject, via: 'sms', restricted: true, now: T0 });
    const wrong = wrongOf(code);
    expect(await otp.verify({ challengeId, code: wrong, subject, now: T0 })).toMatchObject({ outcome: 'wrong_code', attemptsLeft: 2 });
    expect(await otp.verify({ challengeId, code: wrong, subject, now: T0 })).toMatchObject({ outcome: 'wrong_code', attemptsLeft: 1 });
    expect(await otp.verify({ challengeId, code: wrong, subject, now: T0 })).toMatchObject({ outcome: 'exhausted', attemptsLeft: 0 });
    expect(await otp.verify({ challengeId, code, subject, now: T0 })).toMatchObject({ ok: false, outcome: 'unknown' });
  });

  it("belong to one subject: another subject's try neither succeeds nor uses the code up", async () => {
    const otp = service();
    const { challengeId, code } = await otp.issue({ subject, via: 'sms', restricted: true, now: T0 });
    expect(await otp.verify({ challengeId, code, subject: other, now: T0 })).toMatchObject({ ok: false, outcome: 'wrong_subject' });
    expect((await otp.verify({ challengeId, code, subject, now: T0 })).ok).toBe(true);
  });

  it('are kept only as a keyed digest', async () => {
    const store = createMemoryStore();
    const otp = createOtpService(store, keys, { digits: 6, ttlMs: 10 * MINUTE, maxAttempts: 3 });
    const { code } = await otp.issue({ subject, via: 'sms', restricted: true, now: T0 });
    expect(JSON.stringify(store.dump())).not.toContain(code);
  });
});

describe('issueOtp sends only to a contact point on file', () => {
  it('ignores any destination given in the interaction', async () => {
    const { verifier } = makeVerifier();
    const box = outbox();
    const input = { subjectId: 's', via: 'email', onFile: ON_FILE, now: T0, send: box.send, to: 'attacker@example.net' };
    await verifier.issueOtp(input as never);
    expect(box.last().to).toBe(ON_FILE.email);
  });

  it('refuses when the record has no such contact, or one that cannot receive it', async () => {
    const { verifier } = makeVerifier();
    const box = outbox();
    await expect(verifier.issueOtp({ subjectId: 's', via: 'sms', onFile: { email: ON_FILE.email }, now: T0, send: box.send })).rejects.toMatchObject({
      code: 'no_contact_on_file',
      message: expect.stringContaining('never to one given during the interaction'),
    });
    await expect(verifier.issueOtp({ subjectId: 's', via: 'email', onFile: { email: 'not-an-address' }, now: T0, send: box.send })).rejects.toMatchObject({
      code: 'contact_on_file_unusable',
    });
    await expect(verifier.issueOtp({ subjectId: 's', via: 'pigeon' as never, onFile: ON_FILE, now: T0, send: box.send })).rejects.toBeInstanceOf(VerificationInputError);
    expect(box.sent).toHaveLength(0);
  });

  it('cancels the code when sending fails', async () => {
    const store = createMemoryStore();
    const { verifier, events } = makeVerifier({ store });
    const failing = () => {
      throw new Error('gateway down');
    };
    await expect(verifier.issueOtp({ subjectId: 's', via: 'sms', onFile: ON_FILE, now: T0, send: failing })).rejects.toThrow('gateway down');
    expect(events().at(-1)).toMatchObject({ event: 'verification.otp', outcome: 'send_failed' });
    expect(store.dump()).toMatchObject({ challenges: {} });
    const issued = await verifier.issueOtp({ subjectId: 's', via: 'sms', onFile: ON_FILE, now: T0, send: () => undefined });
    expect(issued.issued).toBe(true);
    expect(Object.keys((store.dump() as { challenges: object }).challenges)).toHaveLength(1);
  });

  it('logs the delivery and its restriction, never the code or the destination', async () => {
    const { verifier, lines } = makeVerifier();
    const box = outbox();
    await verifier.issueOtp({ subjectId: 'cust-9', via: 'voice', onFile: ON_FILE, now: T0, send: box.send });
    const line = lines.at(-1) ?? '';
    expect(JSON.parse(line)).toMatchObject({ event: 'verification.otp', via: 'voice', restricted: true, outcome: 'issued' });
    expect(line).not.toContain(box.last().code);
    expect(line).not.toContain('555');
    expect(line).not.toContain('cust-9');
  });
});

async function fail(verifier: Verifier, over: Partial<CheckInput> = {}) {
  return verifier.check({ action: 'order_status', subjectId: 'locked-1', onFile: ON_FILE, provided: supplied(['postal_code'], ['email']), now: T0, channel: 'phone', ...over });
}
async function pass(verifier: Verifier, over: Partial<CheckInput> = {}) {
  return verifier.check({ action: 'order_status', subjectId: 'locked-1', onFile: ON_FILE, provided: supplied(['postal_code', 'email']), now: T0, channel: 'phone', ...over });
}

describe('lockout (fake clock)', () => {
  it('locks a subject after 5 consecutive failures for 30 minutes, then releases it', async () => {
    const { verifier, events } = makeVerifier();
    const left: number[] = [];
    for (let i = 0; i < 5; i++) left.push((await fail(verifier, { now: T0 + i * MINUTE })).attemptsLeft);
    expect(left).toEqual([4, 3, 2, 1, 0]);
    const locked = await pass(verifier, { now: T0 + 5 * MINUTE });
    expect(locked).toMatchObject({ allowed: false, attemptsLeft: 0, matchedDataPoints: [], lockedUntil: new Date(T0 + 4 * MINUTE + 30 * MINUTE) });
    expect(locked.reason).toContain('too many attempts');
    expect(events().at(-1)).toMatchObject({ outcome: 'locked' });
    expect((await pass(verifier, { now: T0 + 34 * MINUTE - 1 })).allowed).toBe(false);
    const released = await pass(verifier, { now: T0 + 34 * MINUTE });
    expect(released).toMatchObject({ allowed: true, attemptsLeft: 5 });
  });

  it('the fifth failure reports the lock', async () => {
    const { verifier } = makeVerifier();
    for (let i = 0; i < 4; i++) await fail(verifier);
    const fifth = await fail(verifier);
    expect(fifth.lockedUntil).toEqual(new Date(T0 + 30 * MINUTE));
    expect(fifth.internalReason).toContain('now locked: subject');
  });

  it('a success resets the counter', async () => {
    const { verifier } = makeVerifier();
    for (let i = 0; i < 4; i++) await fail(verifier);
    expect((await pass(verifier)).attemptsLeft).toBe(5);
    for (let i = 0; i < 4; i++) await fail(verifier);
    expect((await pass(verifier)).allowed).toBe(true);
  });

  it('locks other subjects not at all', async () => {
    const { verifier } = makeVerifier();
    for (let i = 0; i < 5; i++) await fail(verifier);
    expect((await pass(verifier, { subjectId: 'someone-else' })).allowed).toBe(true);
  });

  it('limits failures per agent across subjects (20 per hour)', async () => {
    const { verifier } = makeVerifier();
    for (let i = 0; i < 20; i++) await fail(verifier, { subjectId: `s-${i}`, agentId: 'agent-7' });
    const blocked = await pass(verifier, { subjectId: 'fresh', agentId: 'agent-7' });
    expect(blocked.allowed).toBe(false);
    expect(blocked.internalReason).toContain('locked: agent');
    expect((await pass(verifier, { subjectId: 'fresh', agentId: 'agent-8' })).allowed).toBe(true);
    expect((await pass(verifier, { subjectId: 'fresh', agentId: 'agent-7', now: T0 + 30 * MINUTE })).allowed).toBe(true);
  });

  it('limits failures per origin across subjects (10 per hour)', async () => {
    const { verifier, lines } = makeVerifier();
    for (let i = 0; i < 10; i++) await fail(verifier, { subjectId: `o-${i}`, origin: '+14155550100' });
    const blocked = await pass(verifier, { subjectId: 'fresh', origin: '+14155550100' });
    expect(blocked.internalReason).toContain('locked: origin');
    expect((await pass(verifier, { subjectId: 'fresh', origin: '+14155550101' })).allowed).toBe(true);
    expect(lines.join('\n')).not.toContain('4155550100');
  });

  it('no code is issued to a locked subject', async () => {
    const { verifier } = makeVerifier();
    for (let i = 0; i < 5; i++) await fail(verifier);
    const box = outbox();
    const result = await verifier.issueOtp({ subjectId: 'locked-1', via: 'sms', onFile: ON_FILE, now: T0, send: box.send });
    expect(result).toEqual({ issued: false, reason: 'locked', lockedUntil: new Date(T0 + 30 * MINUTE) });
    expect(box.sent).toHaveLength(0);
  });

  it('wrong codes count towards the lockout', async () => {
    const { verifier } = makeVerifier();
    const box = outbox();
    for (let i = 0; i < 5; i++) {
      const issued = await verifier.issueOtp({ subjectId: 'locked-1', via: 'email', onFile: ON_FILE, now: T0, send: box.send });
      if (!issued.issued) throw new Error('not issued');
      await verifier.check({
        action: 'change_address', subjectId: 'locked-1', onFile: ON_FILE, now: T0, channel: 'phone',
        provided: { postal_code: GOOD.postal_code, email: GOOD.email },
        otp: { challengeId: issued.challengeId, code: 'xxxxxx' },
      });
    }
    expect((await pass(verifier)).lockedUntil).toEqual(new Date(T0 + 30 * MINUTE));
  });
});

describe('memory store contract', () => {
  let n = 0;
  storeContract(() => createMemoryStore(), () => `k${++n}`);

  it('keeps no supplied value after checks', async () => {
    const store = createMemoryStore();
    const { verifier } = makeVerifier({ store });
    for (let i = 0; i < 3; i++) await fail(verifier, { provided: { postal_code: 'Z9Z 9Z9', billing_name: 'Quentin Marchetti' } });
    const dump = JSON.stringify(store.dump());
    expect(dump).not.toMatch(/Z9Z|Quentin|Marchetti|locked-1/);
    expect(store.size()).toBeGreaterThan(0);
  });
});

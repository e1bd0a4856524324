// The behaviour every VerificationStore must have; run against the memory store and against Redis.
import { it, expect } from 'vitest';
import type { StoredChallenge, VerificationStore } from '../../src/verify/index.js';
import { MINUTE, T0 } from './helpers.js';

const challenge = (over: Partial<StoredChallenge> = {}): StoredChallenge => ({
  subject: 'ab'.repeat(32),
  codeDigest: 'cd'.repeat(32),
  via: 'sms',
  restricted: true,
  issuedAt: T0,
  expiresAt: T0 + 10 * MINUTE,
  maxAttempts: 3,
  ...over,
});

export function storeContract(store: () => VerificationStore, unique: () => string): void {
  it('counts reserved attempts in a window that starts with the first one', async () => {
    const s = store();
    const key = unique();
    expect(await s.reserveAttempt(key, T0, 10 * MINUTE)).toEqual({ count: 1 });
    expect(await s.reserveAttempt(key, T0 + MINUTE, 10 * MINUTE)).toEqual({ count: 2 });
    expect(await s.failures(key, T0 + 2 * MINUTE, 10 * MINUTE)).toBe(2);
    await s.releaseAttempt(key);
    expect(await s.failures(key, T0 + 2 * MINUTE, 10 * MINUTE)).toBe(1);
    expect(await s.failures(key, T0 + 10 * MINUTE, 10 * MINUTE)).toBe(0);
    expect(await s.reserveAttempt(key, T0 + 10 * MINUTE, 10 * MINUTE)).toEqual({ count: 1 });
    await s.resetFailures(key);
    expect(await s.failures(key, T0 + 10 * MINUTE, 10 * MINUTE)).toBe(0);
    await s.releaseAttempt(key);
    expect(await s.failures(key, T0 + 10 * MINUTE, 10 * MINUTE)).toBe(0);
  });

  it('reserves atomically under concurrency', async () => {
    const s = store();
    const key = unique();
    const counts = await Promise.all(Array.from({ length: 50 }, () => s.reserveAttempt(key, T0, 60 * MINUTE)));
    expect(counts.map((c) => ('count' in c ? c.count : 0)).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('counts nothing while a key is locked, and a lock clears the count', async () => {
    const s = store();
    const key = unique();
    await s.reserveAttempt(key, T0, 60 * MINUTE);
    await s.lock(key, T0 + 30 * MINUTE, T0);
    expect(await s.reserveAttempt(key, T0 + MINUTE, 60 * MINUTE)).toEqual({ lockedUntil: T0 + 30 * MINUTE });
    expect(await s.failures(key, T0 + MINUTE, 60 * MINUTE)).toBe(0);
    expect(await s.reserveAttempt(key, T0 + 30 * MINUTE, 60 * MINUTE)).toEqual({ count: 1 });
  });

  it('records a token ID as used once, for every caller sharing the store', async () => {
    const s = store();
    const id = unique();
    const firsts = await Promise.all(Array.from({ length: 20 }, () => s.markTokenUsed(id, T0 + 15 * MINUTE, T0)));
    expect(firsts.filter(Boolean)).toHaveLength(1);
    expect(await s.markTokenUsed(id, T0 + 15 * MINUTE, T0 + MINUTE)).toBe(false);
  });

  it('locks until a time by the caller clock, and a lock is only ever raised', async () => {
    const s = store();
    const key = unique();
    expect(await s.lockedUntil(key, T0)).toBeUndefined();
    await s.lock(key, T0 + 30 * MINUTE, T0);
    expect(await s.lockedUntil(key, T0 + 29 * MINUTE)).toBe(T0 + 30 * MINUTE);
    await s.lock(key, T0 + 5 * MINUTE, T0);
    expect(await s.lockedUntil(key, T0 + 29 * MINUTE)).toBe(T0 + 30 * MINUTE);
    expect(await s.lockedUntil(key, T0 + 30 * MINUTE)).toBeUndefined();
  });

  it('keeps challenges, counts tries, and lets exactly one caller consume', async () => {
    const s = store();
    const id = unique();
    await s.putChallenge(id, challenge(), T0);
    expect(await s.getChallenge(id)).toEqual({ challenge: challenge(), attempts: 0 });
    expect(await s.addChallengeAttempt(id)).toBe(1);
    expect(await s.addChallengeAttempt(id)).toBe(2);
    expect((await s.getChallenge(id))?.attempts).toBe(2);
    const consumed = await Promise.all(Array.from({ length: 10 }, () => s.consumeChallenge(id)));
    expect(consumed.filter(Boolean)).toHaveLength(1);
    expect(await s.getChallenge(id)).toBeUndefined();
    expect(await s.addChallengeAttempt(id)).toBeUndefined();
  });
}

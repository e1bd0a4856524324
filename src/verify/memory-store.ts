// The default store: one process's memory. Several helpdesk processes need the Redis store to share lockouts.
import type { StoredChallenge, VerificationStore } from './store.js';

export interface MemoryStore extends VerificationStore {
  /** Number of keys held (for tests and monitoring). */
  size(): number;
  /** Everything held, for inspection in tests: counters, locks and challenges. */
  dump(): unknown;
}

export function createMemoryStore(): MemoryStore {
  const counters = new Map<string, { start: number; count: number; windowMs: number }>();
  const locks = new Map<string, number>();
  const challenges = new Map<string, { challenge: StoredChallenge; failures: number }>();

  const liveCounter = (key: string, now: number, windowMs: number) => {
    const counter = counters.get(key);
    if (counter && now - counter.start < windowMs) return counter;
    counters.delete(key);
    return undefined;
  };

  // Drops what has expired so that abandoned counters, locks and challenges do not pile up.
  let lastSweep = -Infinity;
  const sweep = (now: number) => {
    if (now - lastSweep < 60_000) return;
    lastSweep = now;
    for (const [key, c] of counters) if (now - c.start >= c.windowMs) counters.delete(key);
    for (const [key, until] of locks) if (until <= now) locks.delete(key);
    for (const [id, e] of challenges) if (e.challenge.expiresAt <= now) challenges.delete(id);
  };

  return {
    async addFailure(key, now, windowMs) {
      const counter = liveCounter(key, now, windowMs);
      if (counter) {
        counter.count += 1;
        return counter.count;
      }
      sweep(now);
      counters.set(key, { start: now, count: 1, windowMs });
      return 1;
    },
    async failures(key, now, windowMs) {
      return liveCounter(key, now, windowMs)?.count ?? 0;
    },
    async resetFailures(key) {
      counters.delete(key);
    },
    async lock(key, until) {
      locks.set(key, Math.max(until, locks.get(key) ?? 0));
    },
    async lockedUntil(key, now) {
      const until = locks.get(key);
      if (until === undefined) return undefined;
      if (until > now) return until;
      locks.delete(key);
      return undefined;
    },
    async putChallenge(id, challenge, now) {
      sweep(now);
      challenges.set(id, { challenge: { ...challenge }, failures: 0 });
    },
    async getChallenge(id) {
      const entry = challenges.get(id);
      return entry ? { challenge: { ...entry.challenge }, failures: entry.failures } : undefined;
    },
    async addChallengeFailure(id) {
      const entry = challenges.get(id);
      if (!entry) return undefined;
      entry.failures += 1;
      return entry.failures;
    },
    async consumeChallenge(id) {
      return challenges.delete(id);
    },
    size() {
      return counters.size + locks.size + challenges.size;
    },
    dump() {
      return {
        counters: Object.fromEntries(counters),
        locks: Object.fromEntries(locks),
        challenges: Object.fromEntries(challenges),
      };
    },
  };
}

// The default store: one process's memory. Several helpdesk processes need the Redis store to share lockouts.
// Every read-modify-write below runs synchronously (no await inside), so it is atomic in this process.
import type { Reservation, StoredChallenge, VerificationStore } from './store.js';

export interface MemoryStore extends VerificationStore {
  /** Number of keys held (for tests and monitoring). */
  size(): number;
  /** Everything held, for inspection in tests: counters, locks, challenges and used tokens. */
  dump(): unknown;
}

export function createMemoryStore(): MemoryStore {
  const counters = new Map<string, { start: number; count: number; windowMs: number }>();
  const locks = new Map<string, number>();
  const challenges = new Map<string, { challenge: StoredChallenge; attempts: number }>();
  const usedTokens = new Map<string, number>();

  const liveCounter = (key: string, now: number, windowMs: number) => {
    const counter = counters.get(key);
    if (counter && now - counter.start < windowMs && now >= counter.start) return counter;
    counters.delete(key);
    return undefined;
  };

  const liveLock = (key: string, now: number): number | undefined => {
    const until = locks.get(key);
    if (until === undefined) return undefined;
    if (until > now) return until;
    locks.delete(key);
    return undefined;
  };

  // Drops what has expired so that abandoned counters, locks, challenges and token IDs do not pile up.
  let lastSweep = -Infinity;
  const sweep = (now: number) => {
    if (now - lastSweep < 60_000) return;
    lastSweep = now;
    for (const [key, c] of counters) if (now - c.start >= c.windowMs) counters.delete(key);
    for (const [key, until] of locks) if (until <= now) locks.delete(key);
    for (const [id, e] of challenges) if (e.challenge.expiresAt <= now) challenges.delete(id);
    for (const [id, until] of usedTokens) if (until <= now) usedTokens.delete(id);
  };

  return {
    async reserveAttempt(key, now, windowMs): Promise<Reservation> {
      const lockedUntil = liveLock(key, now);
      if (lockedUntil !== undefined) return { lockedUntil };
      const counter = liveCounter(key, now, windowMs);
      if (counter) {
        counter.count += 1;
        return { count: counter.count };
      }
      sweep(now);
      counters.set(key, { start: now, count: 1, windowMs });
      return { count: 1 };
    },
    async releaseAttempt(key) {
      const counter = counters.get(key);
      if (counter && counter.count > 0) counter.count -= 1;
    },
    async failures(key, now, windowMs) {
      return liveCounter(key, now, windowMs)?.count ?? 0;
    },
    async resetFailures(key) {
      counters.delete(key);
    },
    async lock(key, until) {
      locks.set(key, Math.max(until, locks.get(key) ?? 0));
      counters.delete(key);
    },
    async lockedUntil(key, now) {
      return liveLock(key, now);
    },
    async putChallenge(id, challenge, now) {
      sweep(now);
      challenges.set(id, { challenge: { ...challenge }, attempts: 0 });
    },
    async getChallenge(id) {
      const entry = challenges.get(id);
      return entry ? { challenge: { ...entry.challenge }, attempts: entry.attempts } : undefined;
    },
    async addChallengeAttempt(id) {
      const entry = challenges.get(id);
      if (!entry) return undefined;
      entry.attempts += 1;
      return entry.attempts;
    },
    async consumeChallenge(id) {
      return challenges.delete(id);
    },
    async markTokenUsed(tokenId, expiresAt, now) {
      sweep(now);
      const until = usedTokens.get(tokenId);
      if (until !== undefined && until > now) return false;
      usedTokens.set(tokenId, expiresAt);
      return true;
    },
    size() {
      return counters.size + locks.size + challenges.size + usedTokens.size;
    },
    dump() {
      return {
        counters: Object.fromEntries(counters),
        locks: Object.fromEntries(locks),
        challenges: Object.fromEntries(challenges),
        usedTokens: Object.fromEntries(usedTokens),
      };
    },
  };
}

// Lockout: consecutive failures per subject lock it for a cooldown; failures per agent and per origin
// (ANI or IP) are limited too, so one agent or line cannot try many subjects. A success resets only the
// subject's counter: resetting the agent or origin counter would let one known subject reopen the window.
import type { VerificationStore } from './store.js';

export type LockScope = 'subject' | 'agent' | 'origin';

export interface LockoutLimit {
  maxFailures: number;
  windowMinutes: number;
  cooldownMinutes: number;
}

/** Pseudonyms (never raw IDs) of who is being verified, by whom, from where. */
export interface LockoutParties {
  subject: string;
  agent?: string | undefined;
  origin?: string | undefined;
}

export type LockoutStatus = { locked: false } | { locked: true; scope: LockScope; until: number };

export interface Lockout {
  /** The first lock in force among subject, agent and origin. */
  status(parties: LockoutParties, now: number): Promise<LockoutStatus>;
  /** Counts a failure for each party; locks those that reach their limit. Returns tries left for the subject. */
  recordFailure(parties: LockoutParties, now: number): Promise<{ attemptsLeft: number; locked: LockScope[] }>;
  /** Resets the subject's consecutive-failure counter. */
  recordSuccess(parties: LockoutParties): Promise<void>;
  /** Tries left for the subject before it is locked. */
  attemptsLeft(subject: string, now: number): Promise<number>;
}

const MINUTE = 60_000;

export function createLockout(store: VerificationStore, limits: Record<LockScope, LockoutLimit>): Lockout {
  const key = (scope: LockScope, id: string) => `${scope}:${id}`;
  const each = (parties: LockoutParties) =>
    (['subject', 'agent', 'origin'] as const).flatMap((scope) => {
      const id = parties[scope];
      return id === undefined ? [] : [{ scope, id, limit: limits[scope] }];
    });

  return {
    async status(parties, now) {
      for (const { scope, id } of each(parties)) {
        const until = await store.lockedUntil(key(scope, id), now);
        if (until !== undefined) return { locked: true, scope, until };
      }
      return { locked: false };
    },

    async recordFailure(parties, now) {
      const locked: LockScope[] = [];
      let attemptsLeft = limits.subject.maxFailures;
      for (const { scope, id, limit } of each(parties)) {
        const count = await store.addFailure(key(scope, id), now, limit.windowMinutes * MINUTE);
        if (count >= limit.maxFailures) {
          await store.lock(key(scope, id), now + limit.cooldownMinutes * MINUTE, now);
          // The cooldown ends the series: after it the party starts again with a full count.
          await store.resetFailures(key(scope, id));
          locked.push(scope);
        }
        if (scope === 'subject') attemptsLeft = Math.max(0, limit.maxFailures - count);
      }
      return { attemptsLeft, locked };
    },

    async recordSuccess(parties) {
      await store.resetFailures(key('subject', parties.subject));
    },

    async attemptsLeft(subject, now) {
      const limit = limits.subject;
      const count = await store.failures(key('subject', subject), now, limit.windowMinutes * MINUTE);
      return Math.max(0, limit.maxFailures - count);
    },
  };
}

// Lockout: consecutive failures per subject lock it for a cooldown; failures per agent and per origin
// (ANI or IP) are limited too, so one agent or line cannot try many subjects. A success resets only the
// subject's counter: resetting the agent or origin counter would let one known subject reopen the window.
//
// Reserve, then compare: every attempt is counted in the store (one atomic step) before anything is
// compared, and an attempt whose number is above the limit is refused without comparing. Parallel
// requests therefore cannot all read a low count and all be compared.
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

/** Attempts reserved for one check, with their numbers in each party's window. */
export interface AttemptReservation {
  parties: LockoutParties;
  counts: ReadonlyArray<{ scope: LockScope; id: string; count: number }>;
}

export type ReserveResult = { ok: true; reservation: AttemptReservation } | { ok: false; scope: LockScope; until: number };

export interface Lockout {
  /** The first lock in force among subject, agent and origin (for requests that compare nothing). */
  status(parties: LockoutParties, now: number): Promise<LockoutStatus>;
  /**
   * Counts this attempt for every party before anything is compared. Refused (and the party locked) when a
   * party is locked or the attempt's number is above its limit; the attempts already counted for the other
   * parties are then given back.
   */
  reserve(parties: LockoutParties, now: number): Promise<ReserveResult>;
  /** After the comparison: a success resets the subject and gives back the agent's and origin's attempts. */
  succeeded(reservation: AttemptReservation): Promise<void>;
  /** After the comparison: a failure stays counted; parties that reached their limit are locked. */
  failed(reservation: AttemptReservation, now: number): Promise<{ attemptsLeft: number; locked: LockScope[] }>;
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
  const lockParty = (scope: LockScope, id: string, now: number) => {
    const until = now + limits[scope].cooldownMinutes * MINUTE;
    return store.lock(key(scope, id), until, now).then(() => until);
  };

  return {
    async status(parties, now) {
      for (const { scope, id } of each(parties)) {
        const until = await store.lockedUntil(key(scope, id), now);
        if (until !== undefined) return { locked: true, scope, until };
      }
      return { locked: false };
    },

    async reserve(parties, now) {
      const counts: Array<{ scope: LockScope; id: string; count: number }> = [];
      for (const { scope, id, limit } of each(parties)) {
        const r = await store.reserveAttempt(key(scope, id), now, limit.windowMinutes * MINUTE);
        let refusedUntil: number | undefined;
        if ('lockedUntil' in r) refusedUntil = r.lockedUntil;
        else if (r.count > limit.maxFailures) refusedUntil = await lockParty(scope, id, now);
        if (refusedUntil !== undefined) {
          for (const c of counts) await store.releaseAttempt(key(c.scope, c.id));
          return { ok: false, scope, until: refusedUntil };
        }
        counts.push({ scope, id, count: (r as { count: number }).count });
      }
      return { ok: true, reservation: { parties, counts } };
    },

    async succeeded(reservation) {
      for (const { scope, id } of reservation.counts) {
        if (scope === 'subject') await store.resetFailures(key(scope, id));
        else await store.releaseAttempt(key(scope, id));
      }
    },

    async failed(reservation, now) {
      const locked: LockScope[] = [];
      let attemptsLeft = limits.subject.maxFailures;
      for (const { scope, id, count } of reservation.counts) {
        const limit = limits[scope];
        if (count >= limit.maxFailures) {
          // The cooldown ends the series: lock() also clears the count, so after it the party starts again.
          await lockParty(scope, id, now);
          locked.push(scope);
        }
        if (scope === 'subject') attemptsLeft = Math.max(0, limit.maxFailures - count);
      }
      return { attemptsLeft, locked };
    },

    async attemptsLeft(subject, now) {
      const limit = limits.subject;
      const count = await store.failures(key('subject', subject), now, limit.windowMinutes * MINUTE);
      return Math.max(0, limit.maxFailures - count);
    },
  };
}

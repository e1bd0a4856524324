import { PrivacyError } from './errors.js';
import type { RequestState } from './types.js';

/**
 * The request state machine, explicit:
 *
 *   received → acknowledged → identity_pending → verified | verification_failed
 *   acknowledged → in_progress            (only when the type may not or need not be verified)
 *   verified → in_progress → completed
 *   verification_failed → identity_pending (retry) | denied
 *   any non-terminal state → denied | withdrawn
 *
 * completed, denied and withdrawn are terminal and immutable.
 */
export const TRANSITIONS: Readonly<Record<RequestState, readonly RequestState[]>> = {
  received: ['acknowledged', 'denied', 'withdrawn'],
  acknowledged: ['identity_pending', 'in_progress', 'denied', 'withdrawn'],
  identity_pending: ['verified', 'verification_failed', 'denied', 'withdrawn'],
  verified: ['in_progress', 'denied', 'withdrawn'],
  verification_failed: ['identity_pending', 'denied', 'withdrawn'],
  in_progress: ['completed', 'denied', 'withdrawn'],
  completed: [],
  denied: [],
  withdrawn: [],
};

export const TERMINAL_STATES: ReadonlySet<RequestState> = new Set(['completed', 'denied', 'withdrawn']);

export function isTerminal(state: RequestState): boolean {
  return TERMINAL_STATES.has(state);
}

/** Throws a PrivacyError naming the refused transition and the ones allowed from `from`. */
export function assertTransition(id: string, from: RequestState, to: RequestState): void {
  if (isTerminal(from)) {
    throw new PrivacyError('DSAR_TERMINAL', `request ${id} is ${from}, a final state; it cannot change any more (open a new request or an appeal instead)`);
  }
  if (!TRANSITIONS[from].includes(to)) {
    throw new PrivacyError('DSAR_TRANSITION', `request ${id} cannot go from ${from} to ${to}; from ${from} it can go to ${TRANSITIONS[from].join(', ')}`);
  }
}

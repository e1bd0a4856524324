import type { PrivacyErrorCode } from '../privacy/errors.js';

/** Exit codes of every caregate command (README "Exit codes", docs/cli.md). */
export const EXIT = {
  /** Done; nothing to report (or findings were not asked to fail the run). */
  OK: 0,
  /** Findings present and --fail-on-findings was given. */
  FINDINGS: 1,
  /** Usage or configuration error: nothing was processed. Never used for anything else, so monitoring can tell. */
  USAGE: 2,
  /** Some inputs failed (unreadable, malformed); the others were processed. `dsar`: the ledger failed its integrity check. */
  INPUT_FAILED: 3,
  /** `dsar`: the register refused the request (a transition the lifecycle or the law does not allow, invalid values). */
  REFUSED: 4,
  /** `dsar`: no request with that id. */
  NOT_FOUND: 5,
  /** A bulk run was interrupted (SIGINT, SIGTERM): files not finished were left without output (128 + SIGINT). */
  INTERRUPTED: 130,
} as const;

/** `dsar`: a tampered or truncated ledger; the same status as a failed input, named for what it means there. */
export const DSAR_INTEGRITY_EXIT = EXIT.INPUT_FAILED;

/**
 * The exit status of a request-register error. Only configuration problems (no store, a missing key, an
 * unknown calendar, a locked or read-only store) exit 2; tampering, refusals and unknown ids each have their own.
 */
export function dsarExitCode(code: PrivacyErrorCode): number {
  switch (code) {
    case 'DSAR_INTEGRITY':
      return DSAR_INTEGRITY_EXIT;
    case 'DSAR_NOT_FOUND':
      return EXIT.NOT_FOUND;
    case 'DSAR_INPUT':
    case 'DSAR_TRANSITION':
    case 'DSAR_TERMINAL':
    case 'DSAR_EXTENSION':
    case 'DSAR_TASKS_OPEN':
      return EXIT.REFUSED;
    default:
      return EXIT.USAGE;
  }
}

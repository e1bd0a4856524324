/** Exit codes of every caregate command (README "Exit codes"). */
export const EXIT = {
  /** Done; nothing to report (or findings were not asked to fail the run). */
  OK: 0,
  /** Findings present and --fail-on-findings was given. */
  FINDINGS: 1,
  /** Usage or configuration error: nothing was processed. */
  USAGE: 2,
  /** Some inputs failed (unreadable, malformed); the others were processed. */
  INPUT_FAILED: 3,
  /** A bulk run was interrupted (SIGINT, SIGTERM): files not finished were left without output (128 + SIGINT). */
  INTERRUPTED: 130,
} as const;

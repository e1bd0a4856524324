import { CaregateError } from '../errors.js';
import type { ErrorLocation } from '../errors.js';
import { safeText } from '../safe-output.js';

/**
 * Stable codes of the request register's errors. `exitCode` maps them onto the CLI's contract:
 * 2 = usage or configuration, 3 = integrity failure or refused input.
 */
export type PrivacyErrorCode =
  | 'DSAR_CONFIG'
  | 'DSAR_INPUT'
  | 'DSAR_NOT_FOUND'
  | 'DSAR_TRANSITION'
  | 'DSAR_TERMINAL'
  | 'DSAR_EXTENSION'
  | 'DSAR_TASKS_OPEN'
  | 'DSAR_CALENDAR'
  | 'DSAR_LOCKED'
  | 'DSAR_READ_ONLY'
  | 'DSAR_INTEGRITY'
  | 'DSAR_STORE';

const CONFIG_CODES: ReadonlySet<PrivacyErrorCode> = new Set(['DSAR_CONFIG', 'DSAR_CALENDAR', 'DSAR_LOCKED', 'DSAR_READ_ONLY', 'DSAR_STORE']);

/**
 * An error of the request register. Messages never carry personal data (identifiers, contact data, free
 * text): the message and the location's path and pointer go through the output gate (safeText), so an id,
 * time zone or option that holds a card number, CVV or SSN comes out masked.
 */
export class PrivacyError extends CaregateError {
  declare readonly code: PrivacyErrorCode;

  constructor(code: PrivacyErrorCode, message: string, location: ErrorLocation = {}, options?: { cause?: unknown }) {
    const safeLocation: ErrorLocation = { ...location };
    if (location.path !== undefined) safeLocation.path = safeText(location.path);
    if (location.pointer !== undefined) safeLocation.pointer = safeText(location.pointer);
    super(code, safeText(message), safeLocation, options);
    this.name = 'PrivacyError';
  }

  /** CLI exit code: 2 for configuration problems, 3 for integrity failures and refused input. */
  get exitCode(): 2 | 3 {
    return CONFIG_CODES.has(this.code) ? 2 : 3;
  }
}

// Screening of what callers pass in. Forbidden and unknown fields are refused before anything is compared,
// logged or stored; errors name fields, never values.
import { safePointerToken, safeText } from '../safe-output.js';
import { VerificationInputError } from './errors.js';
import { forbiddenDataPoint, isSsnLastFour } from './forbidden.js';
import type { VerificationPolicy } from './policy.js';
import { forbiddenInValue } from './value-screen.js';

export function inputError(code: string, path: string, message: string): VerificationInputError {
  return new VerificationInputError(code, path, `caregate: ${message}`);
}

/** A name as shown in an error: redacted by the engine (a card number pasted into a name comes out masked). */
export function shown(name: string): string {
  return JSON.stringify(safeText(name));
}

/** The JSON pointer of a member, its name redacted (never dropped: the pointer still says where). */
export function memberPath(parent: string, name: string): string {
  return `${parent}/${safePointerToken(name)}`;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// An ISO 8601 date-time with its offset (or Z), as JSON carries times: 2030-01-15T12:00:00Z.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** A time given as a Date, milliseconds since the epoch, or an ISO 8601 string with its offset; errors name the field. */
export function toMillis(value: unknown, path: string): number {
  const field = path.split('/').filter(Boolean).join('.') || 'the time';
  let ms: unknown = value instanceof Date ? value.getTime() : value;
  if (typeof value === 'string' && ISO_INSTANT.test(value.trim())) ms = Date.parse(value.trim());
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw inputError(
      `invalid_${path.split('/').pop() || 'time'}`,
      path,
      `${field} must be a Date, a number of milliseconds or an ISO 8601 time with its offset such as "2030-01-15T12:00:00Z"${field === 'now' ? ' (pass your clock, e.g. new Date())' : ''}`,
    );
  }
  return ms;
}

export function requireText(value: unknown, path: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw inputError(`missing_${path.slice(1)}`, path, `${path.slice(1)} must be a non-empty string (${what})`);
  }
  return value;
}

/** The on-file field that holds a data point's value. */
export function onFileFieldOf(policy: VerificationPolicy, dataPoint: string): string {
  return policy.dataPoints[dataPoint]?.onFileField ?? dataPoint;
}

/**
 * Checks an on-file record: a forbidden field is refused; fields the policy does not name are left unread;
 * fields it names must be strings (or null/undefined when absent).
 */
export function screenOnFile(policy: VerificationPolicy, onFile: unknown): Readonly<Record<string, unknown>> {
  if (!isRecord(onFile)) throw inputError('invalid_on_file', '/onFile', 'onFile must be an object of the fields the policy names');
  const knownFields = new Set([
    ...Object.keys(policy.dataPoints).map((dp) => onFileFieldOf(policy, dp)),
    ...Object.values(policy.otp.deliveries).map((d) => d.onFileField),
  ]);
  for (const [field, value] of Object.entries(onFile)) {
    const hit = forbiddenDataPoint(field);
    if (hit) {
      throw inputError(
        'forbidden_on_file_field',
        memberPath('/onFile', field),
        `the on-file field ${shown(field)} may not be passed to verification: ${hit.why}. It was not compared, logged or kept; pass only the fields the policy names`,
      );
    }
    if (knownFields.has(field) && value !== undefined && value !== null && typeof value !== 'string') {
      throw inputError('invalid_value', memberPath('/onFile', field), `the on-file field ${shown(field)} must be a string (its value is not shown)`);
    }
  }
  return onFile;
}

/**
 * Checks supplied data points: each must be a data point of the policy, not forbidden by its name, given as
 * a string, and holding nothing the engine finds forbidden (a card number, a CVV by its context, an SSN …).
 */
export function screenProvided(policy: VerificationPolicy, provided: unknown): Readonly<Record<string, string>> {
  if (!isRecord(provided)) throw inputError('invalid_provided', '/provided', 'provided must be an object of data point names to the values the person gave');
  const names = Object.keys(policy.dataPoints).join(', ');
  for (const [name, value] of Object.entries(provided)) {
    const hit = forbiddenDataPoint(name);
    if (hit) {
      throw inputError(
        'forbidden_data_point',
        memberPath('/provided', name),
        `${shown(name)} was supplied as a data point but may not be used to verify identity: ${hit.why}. It was not compared, logged or kept; do not ask for it`,
      );
    }
    if (!Object.hasOwn(policy.dataPoints, name)) {
      if (isSsnLastFour(name)) {
        throw inputError('ssn_last4_disabled', memberPath('/provided', name), `${shown(name)} (last four of an SSN) is off in this policy; it was not compared, logged or kept. Ask for one of: ${names}`);
      }
      throw inputError('unknown_data_point', memberPath('/provided', name), `${shown(name)} is not a data point of this policy; use one of: ${names}`);
    }
    if (typeof value !== 'string') {
      throw inputError('invalid_value', memberPath('/provided', name), `the value supplied for ${shown(name)} must be a string (the value is not shown)`);
    }
  }
  // Names first (cheap, and the clearer error), then every value through the engine.
  for (const [name, value] of Object.entries(provided)) {
    const hit = forbiddenInValue(value as string);
    if (hit) {
      throw inputError(
        'forbidden_value',
        memberPath('/provided', name),
        `the value supplied for ${shown(name)} holds data that may not be used to verify identity: ${hit.why}. It was not compared, logged or kept; ask only for the data points the policy names`,
      );
    }
  }
  return provided as Readonly<Record<string, string>>;
}

export interface RecordedDeclaration {
  documentRef: string;
  signedAt: string;
  recordedAt: string;
}

/** A declaration that counts (signed, dated no later than now, with a reference), as it is recorded. signedAt may be an ISO string. */
export function readDeclaration(declaration: unknown, now: number): RecordedDeclaration | undefined {
  if (declaration === undefined) return undefined;
  if (!isRecord(declaration)) throw inputError('invalid_declaration', '/declaration', 'declaration must be { signed, signedAt, documentRef }');
  const signedAt = toMillis(declaration['signedAt'], '/declaration/signedAt');
  const ref = declaration['documentRef'];
  if (declaration['signed'] !== true || signedAt > now || typeof ref !== 'string' || ref.trim() === '') return undefined;
  // The reference is the caller's free text, kept with the request record: redacted like any output.
  return { documentRef: safeText(ref), signedAt: new Date(signedAt).toISOString(), recordedAt: new Date(now).toISOString() };
}

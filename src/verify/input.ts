// Screening of what callers pass in. Forbidden and unknown fields are refused before anything is compared,
// logged or stored; errors name fields, never values.
import { VerificationInputError } from './errors.js';
import { forbiddenDataPoint, isSsnLastFour } from './forbidden.js';
import type { VerificationPolicy } from './policy.js';

export function inputError(code: string, path: string, message: string): VerificationInputError {
  return new VerificationInputError(code, path, `caregate: ${message}`);
}

/** Names appear in errors; cut them short so a value pasted into a name cannot come out whole. */
export function shown(name: string): string {
  return JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function toMillis(now: unknown, path: string): number {
  const ms = now instanceof Date ? now.getTime() : now;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw inputError('invalid_now', path, 'now must be a Date or a number of milliseconds (pass your clock, e.g. new Date())');
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
        `/onFile/${field}`,
        `the on-file field ${shown(field)} may not be passed to verification: ${hit.why}. It was not compared, logged or kept; pass only the fields the policy names`,
      );
    }
    if (knownFields.has(field) && value !== undefined && value !== null && typeof value !== 'string') {
      throw inputError('invalid_value', `/onFile/${field}`, `the on-file field ${shown(field)} must be a string (its value is not shown)`);
    }
  }
  return onFile;
}

/** Checks supplied data points: each must be a data point of the policy, not forbidden, given as a string. */
export function screenProvided(policy: VerificationPolicy, provided: unknown): Readonly<Record<string, string>> {
  if (!isRecord(provided)) throw inputError('invalid_provided', '/provided', 'provided must be an object of data point names to the values the person gave');
  const names = Object.keys(policy.dataPoints).join(', ');
  for (const [name, value] of Object.entries(provided)) {
    const hit = forbiddenDataPoint(name);
    if (hit) {
      throw inputError(
        'forbidden_data_point',
        `/provided/${name}`,
        `${shown(name)} was supplied as a data point but may not be used to verify identity: ${hit.why}. It was not compared, logged or kept; do not ask for it`,
      );
    }
    if (!Object.hasOwn(policy.dataPoints, name)) {
      if (isSsnLastFour(name)) {
        throw inputError('ssn_last4_disabled', `/provided/${name}`, `${shown(name)} (last four of an SSN) is off in this policy; it was not compared, logged or kept. Ask for one of: ${names}`);
      }
      throw inputError('unknown_data_point', `/provided/${name}`, `${shown(name)} is not a data point of this policy; use one of: ${names}`);
    }
    if (typeof value !== 'string') {
      throw inputError('invalid_value', `/provided/${name}`, `the value supplied for ${shown(name)} must be a string (the value is not shown)`);
    }
  }
  return provided as Readonly<Record<string, string>>;
}

export interface RecordedDeclaration {
  documentRef: string;
  signedAt: string;
  recordedAt: string;
}

/** A declaration that counts (signed, dated no later than now, with a reference), as it is recorded. */
export function readDeclaration(declaration: unknown, now: number): RecordedDeclaration | undefined {
  if (declaration === undefined) return undefined;
  if (!isRecord(declaration)) throw inputError('invalid_declaration', '/declaration', 'declaration must be { signed, signedAt, documentRef }');
  const signedAt = toMillis(declaration['signedAt'], '/declaration/signedAt');
  const ref = declaration['documentRef'];
  if (declaration['signed'] !== true || signedAt > now || typeof ref !== 'string' || ref.trim() === '') return undefined;
  return { documentRef: ref, signedAt: new Date(signedAt).toISOString(), recordedAt: new Date(now).toISOString() };
}

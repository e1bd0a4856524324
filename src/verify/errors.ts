// Errors say what was wrong and what to do. They carry names and paths, never a provided or on-file value;
// message, path and issues go through the output gate (safeText), so a card number, CVV or SSN that a
// caller put into a member name, an action or an ID comes out masked.
import { safePointerToken, safeText } from '../safe-output.js';

/** Base class of every error the verification module throws. */
export class VerificationError extends Error {
  readonly code: string;
  /** JSON pointer (policy errors) or field path (input errors) of the thing that was wrong. */
  readonly path: string;

  constructor(code: string, path: string, message: string) {
    const safe = safeText(message);
    super(safe.startsWith('caregate:') ? safe : `caregate: ${safe}`);
    this.name = new.target.name;
    this.code = code;
    this.path = safeText(path);
  }
}

/** A verification policy (JSON or object) that cannot be used as it is. */
export class VerificationPolicyError extends VerificationError {
  /** Every problem found, when validation found more than one. */
  readonly issues: ReadonlyArray<{ code: string; path: string; message: string }>;

  constructor(
    code: string,
    path: string,
    message: string,
    issues?: ReadonlyArray<{ code: string; path: string; message: string }>,
  ) {
    super(code, path, message);
    this.issues = issues ? issues.map((i) => ({ code: i.code, path: safeText(i.path), message: safeText(i.message) })) : [{ code, path: this.path, message: this.message }];
  }
}

/** The verifier was created without something it needs (a key, a store). */
export class VerificationConfigError extends VerificationError {}

/** A check or OTP request whose input cannot be processed (forbidden or unknown data point, bad field). */
export class VerificationInputError extends VerificationError {}

/** Turns a path of keys into a JSON pointer (RFC 6901), every member name redacted (never dropped). */
export function jsonPointer(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '';
  return path.map((p) => '/' + safePointerToken(String(p))).join('');
}

/** Where a problem was found: enough for a person to open the file and go to the spot. */
export interface ErrorLocation {
  file?: string;
  /** JSON pointer into a JSON document (RFC 6901). */
  pointer?: string;
  /** Path of a configuration option, as zod reports it. */
  path?: string;
  line?: number;
  column?: number;
  byte?: number;
}

/**
 * Every error caregate throws on purpose. `code` is stable for programs; the message is for people:
 * it says what was wrong and what to do, and never carries a raw value from the scanned text.
 */
export class CaregateError extends Error {
  readonly code: string;
  readonly location: ErrorLocation;

  constructor(code: string, message: string, location: ErrorLocation = {}, options?: { cause?: unknown }) {
    super(message.startsWith('caregate') ? message : `caregate: ${message}`, options);
    this.name = 'CaregateError';
    this.code = code;
    this.location = location;
  }
}

/** Formats a location as "file:line:column (byte N) at /json/pointer" for messages. */
export function describeLocation(loc: ErrorLocation): string {
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file + (loc.line ? `:${loc.line}${loc.column ? `:${loc.column}` : ''}` : ''));
  else if (loc.line) parts.push(`line ${loc.line}${loc.column ? `, column ${loc.column}` : ''}`);
  if (loc.byte !== undefined) parts.push(`byte ${loc.byte}`);
  if (loc.pointer !== undefined) parts.push(`at ${loc.pointer || '/'}`);
  if (loc.path) parts.push(`option ${loc.path}`);
  return parts.join(' ');
}

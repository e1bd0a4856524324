import { safePointer, safeText } from './safe-output.js';

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
 * it says what was wrong and what to do. Whatever a caller put in it, it never carries a raw value: the
 * message, the location's pointer and path, and the message of the cause go through the output gate
 * (safe-output.ts) when the error is made, so a member name or id that held a card number is masked.
 */
export class CaregateError extends Error {
  readonly code: string;
  readonly location: ErrorLocation;

  constructor(code: string, message: string, location: ErrorLocation = {}, options?: { cause?: unknown }) {
    const safe = safeText(message);
    super(safe.startsWith('caregate') ? safe : `caregate: ${safe}`, options && 'cause' in options ? { cause: safeCause(options.cause) } : undefined);
    this.name = 'CaregateError';
    this.code = code;
    this.location = safeLocation(location);
  }
}

function safeLocation(loc: ErrorLocation): ErrorLocation {
  const out: ErrorLocation = { ...loc };
  if (typeof loc.pointer === 'string') out.pointer = safePointer(loc.pointer);
  // A configuration path ("masks.4111…", "provided.<id>") is gated whole: a number written with dots spans pieces.
  if (typeof loc.path === 'string') out.path = safeText(loc.path);
  return out;
}

/**
 * The cause kept for debugging: an error of our own is already safe; any other error (a parser's, a
 * library's) is copied with its name, code and a gated message, since third-party messages quote input.
 * Anything else is described by its type only.
 */
function safeCause(cause: unknown): unknown {
  if (cause === undefined || cause instanceof CaregateError) return cause;
  if (cause instanceof Error) {
    const copy = new Error(safeText(cause.message));
    copy.name = cause.name;
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code });
    return copy;
  }
  if (typeof cause === 'string') return safeText(cause);
  return cause === null ? null : `(${typeof cause})`;
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

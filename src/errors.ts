/**
 * The output gate errors use. safe-output.ts installs itself here when it is loaded (the redactor loads it),
 * so this module imports nothing and any module can throw a CaregateError without loading the engine (the
 * ledger's crash test runs ledger-file.ts compiled alone). Until it is installed, the fallback masks every
 * number of 9 or more digits (cards, SSNs, account numbers, also written with separators) and any code
 * after a CVV keyword: coarser than the engine, never letting one of those through.
 */
export interface OutputGate {
  text(text: string): string;
  pointer(pointer: string): string;
}

let gate: OutputGate | undefined;

export function installOutputGate(g: OutputGate): void {
  gate = g;
}

const LONG_NUMBER = /\p{Nd}(?:[\s\p{Pd}.\/\u00AD\u200B-\u200D\u2060\uFEFF]{0,3}\p{Nd}){8,}/gu;
const CVV_CODE = /\b(?:cvv2?|cvc2?|cid|csc|security code)\W{0,3}\p{Nd}{3,4}/giu;

function fallbackText(text: string): string {
  return text.replace(LONG_NUMBER, (run) => run.replace(/\p{Nd}/gu, '•')).replace(CVV_CODE, (m) => m.replace(/\p{Nd}/gu, '•'));
}

const safeText = (text: string): string => (gate ? gate.text(text) : fallbackText(text));
const safePointer = (pointer: string): string => (gate ? gate.pointer(pointer) : fallbackText(pointer));

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
 * (safe-output.ts, see OutputGate) when the error is made, so a member name or id that held a card number
 * is masked.
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

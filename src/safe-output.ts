// A cycle with redactor.ts (value.ts uses this module) is safe: both sides are used only inside functions.
import { installOutputGate } from './errors.js';
import { createRedactor, type Redactor } from './redactor.js';

/**
 * The one gate that every string leaving the library goes through when it may carry something a caller
 * gave: JSON pointers and member names, error messages and their paths, problem details, audit events,
 * stored free-text fields. It redacts with the engine's default rules, so a member name, id, action or
 * header value that is a card number, CVV-by-context or SSN comes out masked, never dropped.
 *
 * The engine is created lazily on first use and shared. While it is being created (an error thrown by
 * the engine's own start-up may come through here) or if it cannot be created, the fallback
 * masks every run of 3 or more digits in any script: coarser, but it never lets a number through.
 */
let engine: Redactor | undefined;
let building = false;

const DIGIT_RUN = /\p{Nd}(?:[\p{Nd}\s\p{Pd}.\u00AD\u200B-\u200D\u2060\uFEFF]*\p{Nd}){2,}/gu;
// A run of 12 or more digits with at most 3 non-letters between any two: a number the engine kept.
const LONG_RUN = /\p{Nd}(?:[^\p{L}\n]{0,3}\p{Nd}){11,}/gu;

/** Fallback used when the engine is not available: every run of 3+ digits (any script, joined by separators) masked. */
export function maskDigitRuns(text: string): string {
  return text.replace(DIGIT_RUN, (run) => run.replace(/\p{Nd}/gu, '•'));
}

function getEngine(): Redactor | undefined {
  if (engine) return engine;
  if (building) return undefined;
  building = true;
  try {
    // Names and addresses are left to the caller's redactor: in messages, ids and pointers the names
    // detector reads words such as "Europe" in "Europe/Berlin" or a field called "Status" as names, and
    // what this gate exists for is numbers (cards, CVVs, SSNs, accounts) in names and ids.
    engine = createRedactor({ disable: ['person-names', 'postal-address'] });
  } catch {
    engine = undefined;
  } finally {
    building = false;
  }
  return engine;
}

/** Redacts text bound for an output channel (message, path, log field, stored free text). */
export function safeText(text: string): string {
  if (text.length === 0) return text;
  const e = getEngine();
  if (!e) return maskDigitRuns(text);
  try {
    const out = e.redact(text).text;
    // Belt and braces: the engine keeps the digits its masks allow (last four of a card); a run that still
    // holds 12 or more digits was not recognised as anything and is masked whole.
    return out.replace(LONG_RUN, (run) => run.replace(/\p{Nd}/gu, '•'));
  } catch {
    return maskDigitRuns(text);
  }
}

// Member names repeat a lot (every record of a document has the same keys): the ones that came out of the
// gate unchanged are remembered, bounded, so a pointer costs one engine pass per distinct name. Only clean
// names are kept, so the cache never holds a value that needed masking.
const CLEAN_TOKENS = new Set<string>();
const CLEAN_LIMIT = 4096;

function safeToken(token: string): string {
  if (token.length === 0 || CLEAN_TOKENS.has(token)) return token;
  let out = safeText(token);
  // Member names are often snake_case ("cf_cvv 123", "ssn_536-22-1947"): a keyword glued by "_" is not a
  // word to the engine, so the name is read once more with "_" as a space; if that finds something, it wins.
  if (out === token && token.includes('_')) {
    const spaced = token.replace(/_/g, ' ');
    const spacedOut = safeText(spaced);
    if (spacedOut !== spaced) out = spacedOut;
  }
  if (out === token && token.length <= 64 && engine) {
    if (CLEAN_TOKENS.size >= CLEAN_LIMIT) CLEAN_TOKENS.clear();
    CLEAN_TOKENS.add(token);
  }
  return out;
}

const escapeToken = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapeToken = (k: string) => k.replace(/~1/g, '/').replace(/~0/g, '~');

/** A JSON pointer token (RFC 6901) for a member name: redacted first, then escaped. */
export function safePointerToken(key: string): string {
  return escapeToken(safeToken(key));
}

/**
 * A JSON pointer (RFC 6901, optionally ending in "#key" when the member name itself is meant) with every
 * token passed through the gate one by one: a member name that holds a card number becomes its mask
 * (`/[CREDIT_CARD]#key` or `/•••• 1111`), never dropped, so the pointer still says where. Array indices and
 * clean names come out unchanged; a pointer made of safe tokens comes out as it went in.
 */
export function safePointer(pointer: string): string {
  if (pointer.length === 0) return pointer;
  const isKey = pointer.endsWith('#key');
  const body = isKey ? pointer.slice(0, -4) : pointer;
  const tokens = body.split('/');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.length === 0 || /^\d{1,7}$/.test(t)) continue;
    tokens[i] = escapeToken(safeToken(unescapeToken(t)));
  }
  return tokens.join('/') + (isKey ? '#key' : '');
}

/** Any value shown in a message: strings redacted, other values described by type only. */
export function safeQuote(value: unknown, max = 80): string {
  if (typeof value !== 'string') return value === null ? 'null' : typeof value;
  const s = safeText(value);
  return JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);
}

// CaregateError gates its message and location through this module from now on (errors.ts imports nothing).
installOutputGate({ text: safeText, pointer: safePointer });

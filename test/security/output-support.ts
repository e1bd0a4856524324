import fc from 'fast-check';
import { formatCard, separatorStyle, validCard } from '../support/cards.js';

/**
 * A value that must never reach an output channel, as it is written into the input (`text`) and the forms in
 * which a leak would show (`needles`: the written form, the bare digits). Generated, never a fixed number.
 */
export interface Secret {
  kind: 'card' | 'ssn' | 'cvv';
  text: string;
  digits: string;
}

const card = fc.record({ c: validCard, style: separatorStyle }).map(({ c, style }): Secret => ({ kind: 'card', text: formatCard(c.digits, style === 'nbsp' ? 'space' : style), digits: c.digits }));

// Issued-looking SSNs only (area 100–665, group 10–99, serial 1000–9999), never one of the well-known samples.
const ssn = fc
  .record({ area: fc.integer({ min: 100, max: 665 }), group: fc.integer({ min: 10, max: 99 }), serial: fc.integer({ min: 1000, max: 9999 }) })
  .map(({ area, group, serial }) => `${area}-${group}-${serial}`)
  .filter((s) => !['123-45-6789', '219-09-9999', '078-05-1120'].includes(s))
  .map((s): Secret => ({ kind: 'ssn', text: s, digits: s.replace(/-/g, '') }));

// A CVV by its context: the keyword and the code together are the secret.
const cvv = fc.integer({ min: 100, max: 999 }).map((n): Secret => ({ kind: 'cvv', text: `cvv ${n}`, digits: String(n) }));

export const secret: fc.Arbitrary<Secret> = fc.oneof(card, card, ssn, cvv);

/** Where in the output a secret showed up, or undefined when it did not. */
export function leakOf(output: string, s: Secret): string | undefined {
  if (output.includes(s.text)) return `the secret as written (${s.kind})`;
  if (s.kind === 'cvv') return new RegExp(`cvv\\W{0,3}${s.digits}(?!\\d)`, 'i').test(output) ? 'the CVV with its keyword' : undefined;
  if (s.kind === 'ssn') return new RegExp(`(?<!\\d)${s.digits}(?!\\d)`).test(output) ? 'the SSN digits' : undefined;
  // A card number is 12–19 digits: found again even when separators were changed or dropped.
  return output.replace(/[\s\-.\u00a0]/g, '').includes(s.digits) ? 'the card digits' : undefined;
}

/** Everything a thrown error shows: message, code, location, cause (message and all). */
export function describeThrown(err: unknown): string {
  const e = err as { message?: unknown; code?: unknown; location?: unknown; cause?: unknown; stack?: unknown };
  const cause = e?.cause as { message?: unknown } | string | undefined;
  return [String(e?.message), String(e?.code), JSON.stringify(e?.location ?? {}), typeof cause === 'string' ? cause : String(cause?.message ?? ''), String(e?.stack ?? '')].join('\n');
}

/** Digits written as words, the way a caller reads a card out ("four one one one …"). */
export function spoken(digits: string): string {
  const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  return [...digits].map((d) => words[Number(d)]).join(' ');
}

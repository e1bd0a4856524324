import fc from 'fast-check';
import { luhnComplete } from '../../benchmarks/corpus.js';
import { CARD_BRANDS } from '../../src/validators/card.js';

/** Appends the Luhn check digit to a digit string (the corpus generator's own helper). */
export const withLuhn = luhnComplete;

/** Every (brand range, length) pair of the IIN table the engine uses. */
export const BRAND_LENGTHS = CARD_BRANDS.flatMap((b) => b.lengths.map((length) => ({ brand: b.brand, from: b.from, to: b.to, len: b.len, length })));

/** A valid (IIN range, length, Luhn) test card number of any brand and length (12–19 digits). */
export const anyCard = fc
  .record({
    spec: fc.constantFrom(...BRAND_LENGTHS),
    prefixPick: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    rest: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 }),
  })
  .map(({ spec, prefixPick, rest }) => {
    const prefix = String(spec.from + Math.floor(prefixPick * (spec.to - spec.from + 1)));
    const body = (prefix + rest.join('')).slice(0, spec.length - 1);
    return { brand: spec.brand, digits: withLuhn(body) };
  });

/**
 * A valid card that is found however it is written, with no card wording near: 14–19 digits. 12- and
 * 13-digit numbers written plain share their lengths with EAN-13 and UPC-A product codes: one with a
 * valid GS1 check digit is a card only grouped or beside card wording (not-gtin, src/validators/card.ts);
 * tests of those use `anyCard`.
 */
export const validCard = anyCard.filter((c) => c.digits.length >= 14);

export type SeparatorStyle = 'none' | 'space' | 'dash' | 'dot' | 'nbsp' | 'spaced-dash';

/** Writes a card number the ways agents type them: contiguous, or in groups (4-6-5 for 15 digits, else fours). */
export function formatCard(digits: string, style: SeparatorStyle): string {
  if (style === 'none') return digits;
  const sep = { space: ' ', dash: '-', dot: '.', nbsp: '\u00a0', 'spaced-dash': ' - ' }[style];
  const groups = digits.length === 15 ? [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)] : digits.match(/.{1,4}/g)!;
  return groups.join(sep);
}

export const separatorStyle = fc.constantFrom<SeparatorStyle>('none', 'space', 'dash', 'dot', 'nbsp', 'spaced-dash');

/** Random filler text with no digits, no '@' and no number words (letters, punctuation, spaces, newlines). */
export const plainText = fc
  .array(fc.constantFrom('the', 'customer', 'asked', 'about', 'a', 'refund', 'for', 'parcel', 'agent', 'said', 'thanks', 'please', 'hold', 'on', '.', ',', '\n', '!', '?', 'ok', 'yes', 'Maria', 'shipping', 'delayed', 'Ünïcødé', '日本語', '🙂'), { maxLength: 30 })
  .map((w) => w.join(' '));

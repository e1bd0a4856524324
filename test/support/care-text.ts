import fc from 'fast-check';
import { anyCard, formatCard, separatorStyle } from './cards.js';

/**
 * Generated care text for differential tests: every value is made here (digits drawn, Luhn completed, words
 * built from syllables), none taken from a lexicon or a corpus. Fragments cover what each detector reads
 * (spoken and written numbers, cards, phones, e-mail, names after cues, street addresses, dates, IDs, JSON,
 * CSV, speaker turns) and what sits near them (other scripts, emoji, punctuation, stray separators).
 */
const digits = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));
const nz = fc.integer({ min: 2, max: 9 }).map(String);

const SYLLABLES = ['ka', 'lo', 'ren', 'mi', 'sa', 'tor', 'vel', 'an', 'bri', 'do', 'el', 'fa', 'gu', 'ha', 'is', 'jo', 'ne', 'qu', 'ru', 'ya', 'zé', 'ño', 'ł', 'ø'];
/** A capitalised made-up word of 2–4 syllables. */
const word = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 2, maxLength: 4 }).map((s) => {
  const w = s.join('');
  return w[0]!.toUpperCase() + w.slice(1);
});
const lower = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 3 }).map((s) => s.join(''));
const cyrillic = fc.array(fc.integer({ min: 0x430, max: 0x44f }), { minLength: 3, maxLength: 8 }).map((cs) => String.fromCharCode(0x410 + (cs[0]! - 0x430), ...cs.slice(1)));
const fullName = fc.tuple(word, fc.option(word, { nil: undefined }), fc.oneof(word, cyrillic)).map((p) => p.filter(Boolean).join(' '));

const NUMBER_WORDS = ['zero', 'oh', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'double', 'triple'];
const spoken = fc.tuple(fc.array(fc.constantFrom(...NUMBER_WORDS), { minLength: 1, maxLength: 18 }), fc.constantFrom(' ', ', ', '-', ' … ')).map(([w, sep]) => w.join(sep));

const card = fc.tuple(anyCard, separatorStyle).map(([c, s]) => formatCard(c.digits, s));
const phone = fc.oneof(
  fc.tuple(nz, digits(2, 2), nz, digits(2, 2), digits(4, 4)).map(([a, b, c, d, e]) => `(${a}${b}) ${c}${d}-${e}`),
  fc.tuple(nz, digits(2, 2), nz, digits(6, 6), fc.constantFrom('.', '-', ' ', '')).map(([a, b, c, d, s]) => `${a}${b}${s}${c}${d.slice(0, 2)}${s}${d.slice(2)}`),
  fc.tuple(fc.integer({ min: 1, max: 99 }), digits(8, 12), fc.constantFrom(' ', '')).map(([cc, d, s]) => `+${cc}${s}${d.slice(0, 3)}${s}${d.slice(3)}`),
  fc.tuple(nz, digits(9, 9)).map(([a, b]) => `${a}${b} ext. ${b.slice(0, 3)}`),
);
const email = fc.tuple(lower, fc.constantFrom('.', '_', '+', ''), lower, lower, fc.constantFrom('com', 'org', 'co.uk', 'de', 'io')).map(([a, s, b, d, t]) => `${a}${s}${b}@${d}.${t}`);
const STREET_TYPES = ['Street', 'St.', 'Ave', 'Avenue', 'Road', 'Rd', 'Lane', 'Blvd', 'Way', 'Drive', 'Court'];
const address = fc
  .tuple(fc.integer({ min: 1, max: 99999 }), word, fc.constantFrom(...STREET_TYPES), fc.option(fc.tuple(fc.constantFrom('Apt', 'Unit', 'Suite', '#'), digits(1, 3)), { nil: undefined }), word, fc.constantFrom('IL', 'CA', 'NY', 'TX'), digits(5, 5), fc.constantFrom(', ', '\n'))
  .map(([n, w, t, unit, city, st, zip, sep]) => `${n} ${w} ${t}${unit ? `, ${unit[0]} ${unit[1]}` : ''}${sep}${city}, ${st} ${zip}`);
const date = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1940, max: 2030 }), fc.constantFrom('/', '-', '.')).map(([m, d, y, s]) => `${String(m).padStart(2, '0')}${s}${String(d).padStart(2, '0')}${s}${y}`);
const ssn = fc.tuple(digits(3, 3), digits(2, 2), digits(4, 4), fc.constantFrom('-', ' ', '')).map(([a, b, c, s]) => `${a}${s}${b}${s}${c}`);
const amount = fc.tuple(fc.integer({ min: 0, max: 99999 }), digits(2, 2), fc.constantFrom('$', '€', '£', 'USD ')).map(([n, c, cur]) => `${cur}${n.toLocaleString('en-US')}.${c}`);
const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const ident = fc.tuple(fc.constantFrom('Order', 'case', 'ticket', 'ref', 'tracking'), fc.constantFrom('#', ' ', ': '), fc.stringMatching(/^[A-Z0-9]{4,14}$/)).map((p) => p.join(''));

const CUES = ['my name is', 'this is', 'Mr.', 'Ms.', 'Dear', 'speaking with', 'name:', 'I live at', 'address:', 'ship to', 'card number', 'cvv', 'security code', 'exp', 'DOB', 'SSN', 'phone', 'call me on', 'email', 'IBAN', 'password', 'account', 'routing'];
const cue = fc.constantFrom(...CUES);
const FILLER = ['the', 'customer', 'asked', 'about', 'a', 'refund', 'parcel', 'thanks', 'please', 'hold', 'ok', 'yes', 'no', 'and', 'is', 'Street', 'Park', 'June', 'May', 'Will', 'Agent', 'Customer', 'café', '日本語', 'Привет', '🙂', '👍🏽', 'O\'Neil', 'McDonald', 'e-mail'];
const filler = fc.array(fc.constantFrom(...FILLER), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
/** Characters that sit at detectors' edges. */
const stray = fc.string({ unit: fc.constantFrom('0', '1', '7', ' ', '-', '.', '/', '@', ':', '(', ')', '+', '#', ',', '\n', 'x', 'A', 'é', '\u00a0', '٣', '•'), maxLength: 24 });

const value = fc.oneof(spoken, card, phone, email, address, fullName, date, ssn, amount, time, ident);
const cued = fc.tuple(cue, fc.constantFrom(' ', ': ', ' is ', ' - '), value).map(([c, s, v]) => `${c}${s}${v}`);
const turn = fc.tuple(fc.constantFrom('Agent', 'Customer', 'Caller', 'Rep', 'AGENT'), fc.array(fc.oneof(cued, value, filler), { minLength: 1, maxLength: 4 })).map(([who, parts]) => `${who}: ${parts.join(' ')}`);
const KEYS = ['name', 'phone', 'email', 'address', 'card_number', 'cvv', 'dob', 'note', 'ssn', 'zip'];
const json = fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.oneof(value, filler)), { minLength: 1, maxLength: 5 }).map((kv) => JSON.stringify(Object.fromEntries(kv)));
const csv = fc
  .tuple(fc.uniqueArray(fc.constantFrom(...KEYS), { minLength: 2, maxLength: 4 }), fc.array(fc.array(fc.oneof(value, filler), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 4 }))
  .map(([head, rows]) => [head.join(','), ...rows.map((r) => r.slice(0, head.length).map((c) => (c.includes(',') ? `"${c}"` : c)).join(','))].join('\n'));

const fragment = fc.oneof({ weight: 3, arbitrary: cued }, { weight: 2, arbitrary: value }, { weight: 3, arbitrary: filler }, { weight: 2, arbitrary: turn }, json, csv, stray);

/** A care text of up to 24 fragments joined by spaces, line breaks and punctuation. */
export const generatedCareText = fc
  .array(fc.tuple(fragment, fc.constantFrom(' ', '\n', '. ', ', ', '\n\n', '\t', '? ')), { minLength: 1, maxLength: 24 })
  .map((parts) => parts.map(([f, s]) => f + s).join(''));

/** Cut points for streaming: sorted distinct offsets into a text of `length`. */
export const cutsFor = (length: number) => fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, length - 1) }), { maxLength: 12 }).map((c) => c.sort((a, b) => a - b));

import fc from 'fast-check';
import { luhnComplete } from '../../benchmarks/corpus.js';

/** Strings near e-mail addresses: atoms, dots, '@', hyphens, quotes, digits, non-ASCII, lengths near the limits. */
const EMAIL_PIECES = ['a', 'Z', '0', '9', '.', '@', '-', '_', '+', '"', ' ', '!', '~', 'xn', 'com', 'co', 'ü', '例', '\uff21', '[', ']', '\\', '..', 'a'.repeat(63), 'b'.repeat(64)];
export const emailLike = fc.oneof(
  fc.emailAddress(),
  fc.array(fc.constantFrom(...EMAIL_PIECES), { maxLength: 24 }).map((xs) => xs.join('')),
  fc.tuple(fc.string({ maxLength: 70 }), fc.constantFrom('@'), fc.string({ maxLength: 40 }), fc.constantFrom('.com', '.io', '.c', '.xn--p1ai', '.123', '', '.co.uk', '.-a')).map((xs) => xs.join('')),
  fc.tuple(fc.stringMatching(/^[a-z0-9.]{1,80}$/), fc.stringMatching(/^[a-z0-9.-]{1,80}$/)).map(([u, d]) => `${u}@${d}`),
  fc.string({ maxLength: 300 }),
);

/** Digit strings (half of them Luhn-completed), and strings with a few non-digits in them. */
export const digitsLike = fc.oneof(
  fc.stringMatching(/^[0-9]{0,24}$/),
  fc.stringMatching(/^[0-9]{1,23}$/).map(luhnComplete),
  fc.stringMatching(/^[0-9 \t\-a٣]{0,24}$/),
  fc.constantFrom('', '0', '00', '0000000000000000', ' ', '18', '59'),
);

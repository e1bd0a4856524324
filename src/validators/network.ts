import validator from 'validator';
import { isEmailFast } from './email-fast.js';
import type { Validator } from './types.js';

/** E-mail syntax per the `validator` package (RFC 5321 lengths, TLD required), its common cases decided inline. */
export const email: Validator = ({ text }) => isEmailFast(text);

export const ipv4: Validator = ({ text }) => validator.isIP(text, 4);

export const ipv6: Validator = ({ text }) => validator.isIP(text, 6);

/** IBAN: per-country length and format, then the ISO 13616 mod-97 check (the `validator` package). */
/** Spaces and dashes between groups and lower case are how IBANs are pasted; the checksum decides. */
export const ibanMod97: Validator = ({ text }) => validator.isIBAN(text.replace(/[\s-]/g, '').toUpperCase());

/** UK postcode format (the `validator` package's GB postal code pattern). */
export const ukPostcode: Validator = ({ text }) => validator.isPostalCode(text.toUpperCase(), 'GB');

export const usZip: Validator = ({ text }) => validator.isPostalCode(text, 'US');

import { cardIin, cardMii, luhnChecksum, notTimestamp } from './card.js';
import { calendarDate, cardExpiry, dobPlausible, notDate } from './dates.js';
import { abaChecksum, itinRange, ssnArea } from './national-id.js';
import { email, ibanMod97, ipv4, ipv6, ukPostcode, usZip } from './network.js';
import { nanp, phone } from './phone.js';
import type { Validator } from './types.js';

const hasDigit: Validator = ({ text }) => /\d/.test(text);

/** Built-in validators by name; rule packs refer to them by these names only. */
export const BUILTIN_VALIDATORS: Readonly<Record<string, Validator>> = Object.freeze({
  luhn: luhnChecksum,
  'card-iin': cardIin,
  'card-mii': cardMii,
  'not-timestamp': notTimestamp,
  'ssn-area': ssnArea,
  'itin-range': itinRange,
  'aba-checksum': abaChecksum,
  'iban-mod97': ibanMod97,
  email,
  ipv4,
  ipv6,
  phone,
  nanp,
  'uk-postcode': ukPostcode,
  'us-zip': usZip,
  'calendar-date': calendarDate,
  'not-date': notDate,
  'dob-plausible': dobPlausible,
  'card-expiry': cardExpiry,
  'has-digit': hasDigit,
});

import { cardIin, cardMii, luhnChecksum, notCompactDateTime, notGtin, notImei, notTimestamp } from './card.js';
import { calendarDate, cardExpiry, dobPlausible, notDate } from './dates.js';
import { abaChecksum, driverLicenseShape, itinRange, ssnArea } from './national-id.js';
import { email, ibanMod97, ipv4, ipv6, ukPostcode, usZip } from './network.js';
import { passwordShaped } from './password.js';
import { spokenEmailParts } from './spoken-email.js';
import { balancedParens, nanp, notEpochRun, phone, phonePrefix00 } from './phone.js';
import { phoneGrouping } from './phone-grouping.js';
import { jpMyNumber, sgNric } from './asia-ids.js';
import { notRoleMailbox } from './role-mailbox.js';
import { notPersonTitle } from './person-title.js';
import { bitcoinAddress, ethereumEip55 } from './crypto-wallets.js';
import { auMedicare, deaCheck, medicareMbi, nhsMod11, npiLuhn } from './health-ids.js';
import { STDNUM_VALIDATORS } from './stdnum-ids.js';
import type { Validator } from './types.js';
import { vinCheckDigit, vinShape } from './vehicle.js';
import { zip3Restricted } from './zip3.js';

const hasDigit: Validator = ({ text }) => /\d/.test(text);

/** Built-in validators by name; rule packs refer to them by these names only. */
export const BUILTIN_VALIDATORS: Readonly<Record<string, Validator>> = Object.freeze({
  luhn: luhnChecksum,
  'card-iin': cardIin,
  'card-mii': cardMii,
  'not-imei': notImei,
  'not-timestamp': notTimestamp,
  'not-epoch-run': notEpochRun,
  'not-compact-datetime': notCompactDateTime,
  'not-gtin': notGtin,
  'ssn-area': ssnArea,
  'driver-license-shape': driverLicenseShape,
  'itin-range': itinRange,
  'aba-checksum': abaChecksum,
  'iban-mod97': ibanMod97,
  email,
  'not-role-mailbox': notRoleMailbox,
  'not-person-title': notPersonTitle,
  ipv4,
  ipv6,
  phone,
  nanp,
  'phone-prefix-00': phonePrefix00,
  'phone-grouping': phoneGrouping,
  'balanced-parens': balancedParens,
  'uk-postcode': ukPostcode,
  'us-zip': usZip,
  'calendar-date': calendarDate,
  'not-date': notDate,
  'dob-plausible': dobPlausible,
  'card-expiry': cardExpiry,
  'has-digit': hasDigit,
  'password-shaped': passwordShaped,
  'spoken-email-parts': spokenEmailParts,
  // Identifier packs (rules/id-*.json, eu-vat, crypto, hipaa).
  ...STDNUM_VALIDATORS,
  'gb-nhs': nhsMod11,
  'sg-nric': sgNric,
  'jp-my-number': jpMyNumber,
  'au-medicare': auMedicare,
  'us-npi': npiLuhn,
  'us-dea': deaCheck,
  'us-mbi': medicareMbi,
  'vin-check-digit': vinCheckDigit,
  'vin-shape': vinShape,
  'bitcoin-address': bitcoinAddress,
  'ethereum-eip55': ethereumEip55,
  'zip3-restricted': zip3Restricted,
});

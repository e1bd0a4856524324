import { z } from 'zod';
import { CaregateError } from './errors.js';
import type { RulePack } from './rules/types.js';
import type { Validator } from './validators/types.js';
import type { TokenSink } from './mask/types.js';

const maskSpec = z.union([
  z.string().regex(/^[a-z][a-z0-9-]*$/, 'a mask name such as "last4", "bin-last4", "full", "label", "hmac" or "remove"'),
  z.looseObject({ type: z.string() }),
]);

/** Keys whose values are masked whatever they contain (normalized: lowercase letters and digits only). */
export const DEFAULT_KEY_HINTS: Readonly<Record<string, string>> = Object.freeze({
  cvv: 'CARD_CVV', cvv2: 'CARD_CVV', cvc: 'CARD_CVV', cvc2: 'CARD_CVV', cid: 'CARD_CVV', csc: 'CARD_CVV',
  securitycode: 'CARD_CVV', cardsecuritycode: 'CARD_CVV', cardverificationvalue: 'CARD_CVV', cardcvv: 'CARD_CVV',
  cardnumber: 'CREDIT_CARD', cardno: 'CREDIT_CARD', cardnum: 'CREDIT_CARD', pan: 'CREDIT_CARD', ccnumber: 'CREDIT_CARD',
  ccnum: 'CREDIT_CARD', creditcard: 'CREDIT_CARD', creditcardnumber: 'CREDIT_CARD', primaryaccountnumber: 'CREDIT_CARD',
  ssn: 'US_SSN', socialsecuritynumber: 'US_SSN', itin: 'US_ITIN',
  password: 'PASSWORD', passwd: 'PASSWORD', pwd: 'PASSWORD', passcode: 'PASSWORD', secret: 'PASSWORD',
  pin: 'PIN', pincode: 'PIN', cardpin: 'PIN',
  track1: 'CARD_TRACK_DATA', track2: 'CARD_TRACK_DATA', trackdata: 'CARD_TRACK_DATA',
  // Personal data whose key says what it is. "name" is the requester's or customer's name in helpdesk and CRM
  // exports; products and teams have names too, and masking them is the safe mistake (remove the hint with
  // keyHints: { name: null } where it hurts).
  name: 'PERSON', fullname: 'PERSON', firstname: 'PERSON', lastname: 'PERSON', surname: 'PERSON', givenname: 'PERSON',
  customername: 'PERSON', contactname: 'PERSON', requestername: 'PERSON', cardholdername: 'PERSON', billingname: 'PERSON',
  phone: 'PHONE_NUMBER', phonenumber: 'PHONE_NUMBER', mobile: 'PHONE_NUMBER', telephone: 'PHONE_NUMBER', cellphone: 'PHONE_NUMBER',
  email: 'EMAIL', emailaddress: 'EMAIL',
  streetaddress: 'STREET_ADDRESS', addressline1: 'STREET_ADDRESS', addressline2: 'STREET_ADDRESS', billingaddress: 'STREET_ADDRESS', shippingaddress: 'STREET_ADDRESS',
  dob: 'DATE_OF_BIRTH', dateofbirth: 'DATE_OF_BIRTH', birthdate: 'DATE_OF_BIRTH', birthday: 'DATE_OF_BIRTH',
  zip: 'POSTAL_CODE', zipcode: 'POSTAL_CODE', postalcode: 'POSTAL_CODE', postcode: 'POSTAL_CODE',
  iban: 'IBAN', accountnumber: 'BANK_ACCOUNT', bankaccount: 'BANK_ACCOUNT', routingnumber: 'US_BANK_ROUTING', abanumber: 'US_BANK_ROUTING',
  passportnumber: 'US_PASSPORT', driverslicense: 'DRIVER_LICENSE', driverlicense: 'DRIVER_LICENSE',
});

export const redactorConfigSchema = z
  .strictObject({
    /** Rule packs: shipped pack names ('pci', 'pii-core', 'pii-us', 'pii-eu'), paths to JSON files, or pack objects. */
    packs: z.array(z.union([z.string().min(1), z.looseObject({ pack: z.string() })])).optional(),
    /** Packs added to the default ones. */
    extraPacks: z.array(z.union([z.string().min(1), z.looseObject({ pack: z.string() })])).default([]),
    /** Rule ids or entity names to turn off. */
    disable: z.array(z.string()).default([]),
    /** Modes that switch on mode-bound rules; 'aggressive' masks every 13–19 digit run near card wording. */
    modes: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)).default([]),
    /** Shorthand for modes: ['aggressive'] (call transcripts). */
    aggressive: z.boolean().default(false),
    /** Mask per entity (e.g. { CREDIT_CARD: 'bin-last4' }) or per rule id; overrides each rule's default mask. */
    masks: z.record(z.string(), maskSpec).default({}),
    /** Findings below this confidence are dropped. */
    minConfidence: z.number().min(0).max(1).default(0.5),
    /** Region for national phone numbers (ISO 3166-1 alpha-2). */
    defaultRegion: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 region such as "US" or "GB"').default('US'),
    /** Secret for the hmac mask (≥ 16 bytes); never stored in findings or output. */
    hmacKey: z.union([z.string().min(16), z.instanceof(Buffer)]).optional(),
    /** Extra named validators that custom packs may refer to. */
    validators: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.custom<Validator>((v) => typeof v === 'function', 'a function')).default({}),
    /** Object keys whose values redactValue masks whatever they contain, merged over the defaults (key → entity; null removes a default). */
    keyHints: z.record(z.string(), z.string().regex(/^[A-Z][A-Z0-9_]*$/).nullable()).default({}),
    /** Replace the default key hints instead of adding to them. */
    replaceKeyHints: z.boolean().default(false),
    /** Token vault scope for the `token` mask (caregate/vault: vault.scope({ scope, subject })). */
    vault: z.custom<TokenSink>((v) => typeof v === 'object' && v !== null && typeof (v as TokenSink).tokenize === 'function' && typeof (v as TokenSink).flush === 'function', 'a vault scope from vault.scope({ scope })').optional(),
    /** The year dates of birth are judged against (tests pin it). */
    currentYear: z.number().int().min(1970).max(3000).optional(),
    /** Regions whose identifier packs to add ('GB', 'IN'… see rules/presets/regions.json), shipped pack names, or 'safe-harbor'. */
    regions: z.array(z.string().min(1)).default([]),
  });

export type RedactorConfig = z.input<typeof redactorConfigSchema>;
export type ResolvedConfig = z.output<typeof redactorConfigSchema>;
export type PackSource = string | RulePack;

/** Validates options with zod; a wrong option fails naming its path and what is allowed. */
export function parseConfig(input: unknown): ResolvedConfig {
  const parsed = redactorConfigSchema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    message = `unknown option ${issue.keys.map((k) => `"${k}"`).join(', ')}; the options are: ${Object.keys(redactorConfigSchema.shape).join(', ')}`;
  }
  throw new CaregateError('E_CONFIG', `invalid redactor option${path ? ` "${path}"` : ''}: ${message}`, { path: path || undefined });
}

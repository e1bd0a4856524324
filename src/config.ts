import { z } from 'zod';
import { CaregateError } from './errors.js';
import { MASK_OPTIONS } from './mask/masks.js';
import { nearestName } from './nearest-name.js';
import type { RulePack } from './rules/types.js';
import { phoneRegionProblem } from './validators/phone-regions.js';
import type { Validator } from './validators/types.js';
import type { TokenSink } from './mask/types.js';

/** A region for national phone numbers: ISO 3166-1 alpha-2 with a numbering plan ('UK' is refused naming 'GB'). */
const phoneRegion = z.string({ error: 'an ISO 3166-1 alpha-2 region such as "US" or "GB"' }).superRefine((code, ctx) => {
  const problem = phoneRegionProblem(code);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const MASK_NAMES = Object.keys(MASK_OPTIONS).map((m) => `"${m}"`).join(', ');

/** What each mask's object form takes, e.g. `last4 { char, style: "keep-format" | "compact" }`. */
function maskForms(): string {
  return Object.entries(MASK_OPTIONS)
    .map(([name, schema]) => {
      const keys = Object.keys(schema.shape).filter((k) => k !== 'type');
      return `${name}${keys.length ? ` { ${keys.join(', ')} }` : ''}`;
    })
    .join('; ');
}

const maskSpec = z.union(
  [
    z.string().regex(/^[a-z][a-z0-9-]*$/, `a mask name: ${MASK_NAMES}`),
    z.looseObject({ type: z.string() }).superRefine((spec, ctx) => {
      const schema = MASK_OPTIONS[spec.type as keyof typeof MASK_OPTIONS];
      if (!schema) return ctx.addIssue({ code: 'custom', path: ['type'], message: `unknown mask "${spec.type}"; use one of: ${MASK_NAMES}` });
      const allowed = Object.keys(schema.shape);
      const extra = Object.keys(spec).filter((k) => !allowed.includes(k));
      if (extra.length > 0) {
        ctx.addIssue({ code: 'custom', message: `mask "${spec.type}" takes ${allowed.map((k) => `"${k}"`).join(', ')}, not ${extra.map((k) => `"${k}"`).join(', ')}` });
      }
    }),
  ],
  {
    error: (issue) => {
      const input = issue.input as Record<string, unknown> | undefined;
      const hint = input && typeof input === 'object' && !('type' in input) && 'mask' in input ? ' (the object names its mask with "type", not "mask")' : '';
      return `a mask name (${MASK_NAMES}) or an object { type: <mask name>, …options }${hint}; options by mask: ${maskForms()}`;
    },
  },
);

const packSource = z.union([z.string().min(1), z.looseObject({ pack: z.string() })], {
  error: 'a shipped pack name ("pci", "pii-core", "pii-us", "pii-eu"), a path to a .json pack file, or a pack object { pack, version, rules }',
});

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
  // Column headers and record keys of care exports (also read by the text engine's table detector,
  // src/detect/table/): expiries, bank details, licences and street lines under their usual short names.
  exp: 'CARD_EXPIRY', expiry: 'CARD_EXPIRY', expires: 'CARD_EXPIRY', expdate: 'CARD_EXPIRY', expirydate: 'CARD_EXPIRY',
  expiration: 'CARD_EXPIRY', expirationdate: 'CARD_EXPIRY', cardexpiry: 'CARD_EXPIRY', cardexp: 'CARD_EXPIRY', validthru: 'CARD_EXPIRY',
  routing: 'US_BANK_ROUTING', routingno: 'US_BANK_ROUTING', aba: 'US_BANK_ROUTING', abarouting: 'US_BANK_ROUTING',
  account: 'BANK_ACCOUNT', acct: 'BANK_ACCOUNT', accountno: 'BANK_ACCOUNT', acctno: 'BANK_ACCOUNT', acctnumber: 'BANK_ACCOUNT', bankaccountnumber: 'BANK_ACCOUNT',
  sortcode: 'UK_SORT_CODE',
  dl: 'DRIVER_LICENSE', dlnumber: 'DRIVER_LICENSE', dlno: 'DRIVER_LICENSE', driverslicensenumber: 'DRIVER_LICENSE', driverlicensenumber: 'DRIVER_LICENSE',
  licensenumber: 'DRIVER_LICENSE', licencenumber: 'DRIVER_LICENSE', driverslicence: 'DRIVER_LICENSE',
  passport: 'US_PASSPORT', passportno: 'US_PASSPORT',
  street: 'STREET_ADDRESS', street1: 'STREET_ADDRESS', address1: 'STREET_ADDRESS', addressline: 'STREET_ADDRESS', homeaddress: 'STREET_ADDRESS', mailingaddress: 'STREET_ADDRESS',
  cardholder: 'PERSON', mobilenumber: 'PHONE_NUMBER', phoneno: 'PHONE_NUMBER', contactnumber: 'PHONE_NUMBER', tel: 'PHONE_NUMBER',
});

export const redactorConfigSchema = z
  .strictObject({
    /** Rule packs: shipped pack names ('pci', 'pii-core', 'pii-us', 'pii-eu'), paths to JSON files, or pack objects. */
    packs: z.array(packSource, { error: 'a list of packs: shipped pack names, .json paths or pack objects' }).optional(),
    /** Packs added to the default ones. */
    extraPacks: z.array(packSource, { error: 'a list of packs: shipped pack names, .json paths or pack objects' }).default([]),
    /** Rule ids or entity names to turn off. */
    disable: z.array(z.string({ error: 'a rule id (such as "credit-card") or an entity (such as "CREDIT_CARD")' }), { error: 'a list of rule ids or entities' }).default([]),
    /** Modes that switch on mode-bound rules; 'aggressive' masks every 13–19 digit run near card wording. */
    modes: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/, 'a mode name in lower case, such as "aggressive"'), { error: 'a list of mode names such as ["aggressive"]' }).default([]),
    /** Shorthand for modes: ['aggressive'] (call transcripts). */
    aggressive: z.boolean({ error: 'true or false' }).default(false),
    /** Mask per entity (e.g. { CREDIT_CARD: 'bin-last4' }) or per rule id; overrides each rule's default mask. */
    masks: z.record(z.string(), maskSpec, { error: 'an object of entity or rule id → mask, such as { CREDIT_CARD: "bin-last4" }' }).default({}),
    /** Findings below this confidence are dropped. */
    minConfidence: z.number({ error: 'a number from 0 to 1' }).min(0, 'a number from 0 to 1').max(1, 'a number from 0 to 1').default(0.5),
    /** Region for national phone numbers (ISO 3166-1 alpha-2). */
    defaultRegion: phoneRegion.default('US'),
    /** Regions national phone numbers are also tried in (default: a broad set, DEFAULT_PHONE_REGIONS). */
    phoneRegions: z.array(phoneRegion, { error: 'a list of ISO 3166-1 alpha-2 regions such as ["US", "GB", "DE"]' }).min(1, 'at least one region such as "US"').optional(),
    /** Secret for the hmac mask (≥ 16 bytes); never stored in findings or output. */
    hmacKey: z.union([z.string().min(16, 'a secret of at least 16 characters (a string) or bytes (a Buffer)'), z.instanceof(Buffer)], { error: 'a secret of at least 16 characters (a string) or bytes (a Buffer)' }).optional(),
    /** Extra named validators that custom packs may refer to. */
    validators: z
      .record(
        z.string().regex(/^[a-z][a-z0-9-]*$/, 'a validator name in lower case with "-", such as "employee-id"'),
        z.custom<Validator>((v) => typeof v === 'function', 'a function (value, context) => boolean'),
        { error: 'an object of validator name → function' },
      )
      .default({}),
    /** Object keys whose values redactValue masks whatever they contain, merged over the defaults (key → entity; null removes a default). */
    keyHints: z
      .record(z.string(), z.string({ error: 'an entity name such as "CREDIT_CARD", or null to remove a default hint' }).regex(/^[A-Z][A-Z0-9_]*$/, 'an entity name in capitals such as "CREDIT_CARD", or null to remove a default hint').nullable(), {
        error: 'an object of key → entity, such as { card: "CREDIT_CARD" }',
      })
      .default({}),
    /** Replace the default key hints instead of adding to them. */
    replaceKeyHints: z.boolean({ error: 'true or false' }).default(false),
    /** Token vault scope for the `token` mask (caregate/vault: vault.scope({ scope, subject })). */
    vault: z.custom<TokenSink>((v) => typeof v === 'object' && v !== null && typeof (v as TokenSink).tokenize === 'function' && typeof (v as TokenSink).flush === 'function', 'a vault scope from vault.scope({ scope })').optional(),
    /** The year dates of birth are judged against (tests pin it). */
    currentYear: z.number({ error: 'a year such as 2026' }).int('a year such as 2026').min(1970, 'a year from 1970 to 3000').max(3000, 'a year from 1970 to 3000').optional(),
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
    const options = Object.keys(redactorConfigSchema.shape);
    const near = issue.keys.length === 1 ? nearestName(issue.keys[0]!, options) : undefined;
    message = `unknown option ${issue.keys.map((k) => `"${k}"`).join(', ')}${near ? `; did you mean "${near}"?` : ''}; the options are: ${options.join(', ')}`;
  }
  throw new CaregateError('E_CONFIG', `invalid redactor option${path ? ` "${path}"` : ''}: ${message}`, { path: path || undefined });
}

/**
 * Refuses rule ids and entities in `disable` that no loaded rule has (a typo would silently disable nothing),
 * suggesting the nearest one. `rules` are every rule of the packs in use, mode-bound ones included.
 */
export function checkDisabled(disable: readonly string[], rules: ReadonlyArray<{ id: string; entity: string }>): void {
  const names = new Set(rules.flatMap((r) => [r.id, r.entity]));
  for (const [i, name] of disable.entries()) {
    if (names.has(name)) continue;
    const near = nearestName(name, names);
    throw new CaregateError(
      'E_CONFIG',
      `invalid redactor option "disable.${i}": no rule id or entity "${name}" in the packs in use${near ? `; did you mean "${near}"?` : ''} (rule ids such as "credit-card", entities such as "CREDIT_CARD"; \`caregate rules list\` shows them all)`,
      { path: `disable.${i}` },
    );
  }
}

/**
 * A seeded generator of customer-care text (CRM notes, call transcripts with spoken digits, e-mails, chat
 * logs): one line in five carries PII, two in five the hard negatives care text is full of (order and case
 * ids, tracking numbers, timestamps, amounts, versions, times, ratios), the rest is plain prose.
 * Deterministic for a seed.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** Mulberry32: a small, fast, seedable PRNG (benchmarks only; not for anything secret). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const digits = (r: () => number, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(48 + Math.floor(r() * 10));
  return s;
};

export function luhnComplete(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const FIRST = ['Maria', 'Daniel', 'Priya', 'Sam', 'Chen', 'Olga', 'Kwame', 'Lucia', 'Tom', 'Aisha'];
const LAST = ['Lopez', 'Reyes', 'Patel', 'Wei', 'Novak', 'Mensah', 'Rossi', 'Baker', 'Khan', 'Okafor'];
const NOTES = [
  'Customer asked about the refund for order {order}; told them 5-7 business days.',
  'Case {case} escalated to tier 2, ETA {time} PT.',
  'Shipped via UPS {ups}, weight 2.4 kg, total ${amount}.',
  'Updated app to v{ver} and cleared cache; issue persists 80/20 of the time.',
  '{ts} INFO session closed after 312 ms (request {ref})',
  'RMA R-{rma} created; replacement SKU BLK-{sku} reserved.',
  'Agent: Thanks for holding, I have the tracking {fedex} here.',
  'Left voicemail, will retry tomorrow morning between 9 and 11.',
  'Customer happy with the resolution, closing ticket INC-{inc}.',
];
/** Lines with no digits at all: most of what agents and customers write. */
const PROSE = [
  'Customer called because the parcel was marked delivered but never arrived at the door.',
  'Apologized for the delay and explained that the warehouse is catching up after the holidays.',
  'Agent: Thanks for your patience, let me check that for you right away.',
  'Customer: I have been waiting for over a week and nobody has answered my emails.',
  'Offered a goodwill coupon; customer accepted and thanked the team for the quick follow-up.',
  'Escalated to the billing team because the refund did not show on the statement.',
  'Customer prefers to be contacted by email rather than phone during work hours.',
  'Explained the return policy and sent the prepaid label to the address on file.',
  'Agent: Is there anything else I can help you with today?',
  'Customer: No, that is all, thank you so much for sorting this out.',
];

const PII = [
  'Card on file {card}, exp {exp}, CVV {cvv}.',
  'Customer email {email}, callback ({area}) 555-{four}.',
  'Caller: my card number is {spoken}.',
  'SSN {ssn} provided for the credit check (should not have been).',
  'Refund to IBAN DE89 3704 0044 0532 0130 00 requested.',
  'Login from {ip} flagged; DOB: 03/14/1985 confirmed.',
  'My name is {first} {last}, I live at {house} Evergreen Terrace, Springfield, IL 62704.',
];

function fill(r: () => number, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    switch (k) {
      case 'order': return digits(r, 6);
      case 'case': return `2025-${digits(r, 5)}`;
      case 'time': return `${10 + Math.floor(r() * 8)}:00`;
      case 'ups': return `1Z999AA1${digits(r, 8)}`;
      case 'amount': return `${Math.floor(r() * 500)}.${digits(r, 2)}`;
      case 'ver': return `${Math.floor(r() * 9)}.${Math.floor(r() * 9)}.${Math.floor(r() * 9)}`;
      case 'ts': return `2025-09-${10 + Math.floor(r() * 19)}T14:${digits(r, 2).replace(/^[6-9]/, '5')}:0${Math.floor(r() * 9)}Z`;
      case 'ref': return digits(r, 12);
      case 'rma': return digits(r, 6);
      case 'sku': return digits(r, 5);
      case 'fedex': return digits(r, 12);
      case 'inc': return `2025-${digits(r, 4)}-${digits(r, 4)}`;
      case 'card': return luhnComplete('4' + digits(r, 14)).replace(/(\d{4})(?=\d)/g, '$1 ');
      case 'exp': return `0${1 + Math.floor(r() * 9)}/2${7 + Math.floor(r() * 3)}`;
      case 'cvv': return digits(r, 3);
      case 'email': return `${pick(r, FIRST).toLowerCase()}.${pick(r, LAST).toLowerCase()}@example.com`;
      case 'area': return `${2 + Math.floor(r() * 7)}${digits(r, 2)}`;
      case 'four': return digits(r, 4);
      case 'spoken': return luhnComplete('4' + digits(r, 14)).split('').map((d) => WORDS[+d]).join(' ');
      case 'ssn': return `${100 + Math.floor(r() * 500)}-${10 + Math.floor(r() * 89)}-${1000 + Math.floor(r() * 8999)}`;
      case 'ip': return `203.0.113.${Math.floor(r() * 255)}`;
      case 'first': return pick(r, FIRST);
      case 'last': return pick(r, LAST);
      case 'house': return String(1 + Math.floor(r() * 9000));
      default: return k;
    }
  });
}

/** About `bytes` characters of care text, one line in five with PII. */
export function careText(bytes: number, seed = 1): string {
  const r = rng(seed);
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    const roll = r();
    const line = fill(r, roll < 0.2 ? pick(r, PII) : roll < 0.6 ? pick(r, NOTES) : pick(r, PROSE));
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Labelled corpus (issue 3): documents of six kinds with every entity of the default packs and every hard
// negative, each labelled by its UTF-16 offsets. All values are generated test data: card numbers with a
// real IIN and a computed Luhn digit, SSNs in issued areas, ABA numbers and IBANs with computed checksums,
// phone numbers libphonenumber-js/max calls valid.
// ---------------------------------------------------------------------------------------------------------


export const ENTITIES = [
  'CREDIT_CARD', 'CARD_CVV', 'CARD_EXPIRY', 'PIN', 'CARD_TRACK_DATA', 'EMAIL', 'PHONE_NUMBER', 'US_SSN', 'US_ITIN',
  'IBAN', 'US_BANK_ROUTING', 'BANK_ACCOUNT', 'IP_ADDRESS', 'STREET_ADDRESS', 'POSTAL_CODE', 'DATE_OF_BIRTH', 'PERSON',
  'US_PASSPORT', 'DRIVER_LICENSE', 'PASSWORD', 'UK_NINO',
] as const;
export type Entity = (typeof ENTITIES)[number];

export const NEGATIVE_KINDS = [
  'order-id', 'case-id', 'rma', 'incident', 'ups-tracking', 'fedex-usps-tracking', 'reference-13-19', 'timestamp', 'date',
  'money', 'version', 'time', 'ratio', 'sku',
] as const;
export type NegativeKind = (typeof NEGATIVE_KINDS)[number];

export const DOC_KINDS = ['notes', 'transcript', 'email', 'chat', 'csv', 'json-ticket'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

export interface LabelledSpan {
  start: number;
  end: number;
  entity: Entity;
  /** The text at [start, end). */
  value: string;
  /** The number's digits, for numeric values (spoken numbers too: "four one" → "41"). */
  digits?: string;
  /** How it is written, e.g. 'visa:dash', 'spoken', 'E.164' (to tell which formats leak). */
  format: string;
}
export interface NegativeSpan {
  start: number;
  end: number;
  kind: NegativeKind;
  value: string;
}
export interface LabelledDoc {
  start: number;
  end: number;
  kind: DocKind;
}
export interface LabelledCorpus {
  text: string;
  spans: LabelledSpan[];
  negatives: NegativeSpan[];
  docs: LabelledDoc[];
}

type R = () => number;
type Piece =
  | { t: string }
  | { e: Entity; v: string; f: string; d?: string }
  | { n: NegativeKind; v: string };
const T = (t: string): Piece => ({ t });
const P = (e: Entity, v: string, f: string, d?: string): Piece => (d === undefined ? { e, v, f } : { e, v, f, d });
const N = (n: NegativeKind, v: string): Piece => ({ n, v });

const int = (r: R, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const chance = (r: R, p: number) => r() < p;
const spell = (r: R, ds: string, oh = 0.3) => ds.split('').map((d) => (d === '0' && chance(r, oh) ? 'oh' : WORDS[+d])).join(' ');
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** [brand, IIN prefix choices, length] of the card numbers the corpus carries. */
const CARD_SPECS: readonly [string, readonly string[], number][] = [
  ['visa', ['4'], 16], ['visa', ['4'], 13], ['visa', ['4'], 19], ['mastercard', ['51', '52', '53', '54', '55', '2221', '2720', '2300'], 16],
  ['amex', ['34', '37'], 15], ['discover', ['6011', '644', '65'], 16], ['jcb', ['3528', '3530', '3589'], 16],
  ['diners', ['300', '305', '36', '38'], 14], ['unionpay', ['62'], 16], ['maestro', ['50', '56', '63', '67'], 18],
];

export function genCard(r: R): { brand: string; digits: string } {
  const [brand, prefixes, len] = pick(r, CARD_SPECS);
  const prefix = pick(r, prefixes);
  return { brand, digits: luhnComplete(prefix + digits(r, len - 1 - prefix.length)) };
}

function groupCard(ds: string, sep: string): string {
  const g = ds.length === 15 ? [ds.slice(0, 4), ds.slice(4, 10), ds.slice(10)] : ds.length === 14 ? [ds.slice(0, 4), ds.slice(4, 10), ds.slice(10)] : ds.match(/.{1,4}/g)!;
  return g.join(sep);
}

function card(r: R): Piece {
  const { brand, digits: ds } = genCard(r);
  const style = pick(r, ['none', 'space', 'space', 'dash', 'dot'] as const);
  const text = style === 'none' ? ds : groupCard(ds, { space: ' ', dash: '-', dot: '.' }[style]);
  return P('CREDIT_CARD', text, `${brand}:${style}`, ds);
}

function spokenCard(r: R): Piece {
  const { digits: ds } = genCard(r);
  const grouped = chance(r, 0.5);
  const text = grouped ? (ds.match(/.{1,4}/g) ?? []).map((g) => spell(r, g)).join(', ') : spell(r, ds);
  return P('CREDIT_CARD', text, grouped ? 'spoken:grouped' : 'spoken', ds);
}

const AREAS = ['212', '213', '305', '312', '415', '503', '617', '646', '702', '713', '206', '404', '512', '303'];
function validNanp(r: R): string {
  for (;;) {
    const n = `${pick(r, AREAS)}${int(r, 2, 9)}${digits(r, 2)}${digits(r, 4)}`;
    if (n.slice(3, 6) === '555' && !n.slice(6).startsWith('01')) continue;
    if (parsePhoneNumberFromString(`+1${n}`)?.isValid()) return n;
  }
}
function validIntl(r: R, cc: string, nat: () => string): string {
  for (;;) {
    const n = nat();
    if (parsePhoneNumberFromString(`+${cc}${n}`)?.isValid()) return n;
  }
}

function phone(r: R): Piece {
  const roll = r();
  if (roll < 0.55) {
    const n = validNanp(r);
    const [a, b, c] = [n.slice(0, 3), n.slice(3, 6), n.slice(6)];
    const style = pick(r, ['paren', 'dash', 'dot', '1-dash', 'plus-space', 'e164'] as const);
    const text = { paren: `(${a}) ${b}-${c}`, dash: `${a}-${b}-${c}`, dot: `${a}.${b}.${c}`, '1-dash': `1-${a}-${b}-${c}`, 'plus-space': `+1 ${a} ${b} ${c}`, e164: `+1${n}` }[style];
    return P('PHONE_NUMBER', text, `us:${style}`, text.replace(/\D/g, ''));
  }
  if (roll < 0.8) {
    const n = validIntl(r, '44', () => `20${pick(r, ['7', '3', '8'])}${digits(r, 7)}`);
    const text = chance(r, 0.5) ? `+44 ${n.slice(0, 2)} ${n.slice(2, 6)} ${n.slice(6)}` : `+44${n}`;
    return P('PHONE_NUMBER', text, 'gb:intl', text.replace(/\D/g, ''));
  }
  const n = validIntl(r, '49', () => `30${int(r, 1, 9)}${digits(r, 6)}`);
  const text = `+49 ${n.slice(0, 2)} ${n.slice(2)}`;
  return P('PHONE_NUMBER', text, 'de:intl', text.replace(/\D/g, ''));
}

function spokenPhone(r: R): Piece {
  const n = validNanp(r);
  const text = `${spell(r, n.slice(0, 3), 0.5)}, ${spell(r, n.slice(3, 6), 0.5)}, ${spell(r, n.slice(6), 0.5)}`;
  return P('PHONE_NUMBER', text, 'us:spoken', n);
}

function ssnDigits(r: R): string {
  for (;;) {
    const area = int(r, 1, 899);
    if (area === 666) continue;
    return `${pad(area, 3)}${pad(int(r, 1, 99), 2)}${pad(int(r, 1, 9999), 4)}`;
  }
}
function ssn(r: R): Piece {
  const d = ssnDigits(r);
  const sep = pick(r, ['-', '-', ' ']);
  return P('US_SSN', `${d.slice(0, 3)}${sep}${d.slice(3, 5)}${sep}${d.slice(5)}`, sep === '-' ? 'dash' : 'space', d);
}
function itin(r: R): Piece {
  const group = pick(r, [int(r, 50, 65), int(r, 70, 88), int(r, 90, 92), int(r, 94, 99)]);
  const d = `9${digits(r, 2)}${pad(group, 2)}${digits(r, 4)}`;
  return P('US_ITIN', `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`, 'dash', d);
}

/** ISO 13616: check digits that make the mod-97 remainder 1. */
export function ibanComplete(country: string, bban: string): string {
  const expanded = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of expanded) rem = (rem * 10 + (ch.charCodeAt(0) - 48)) % 97;
  return `${country}${pad(98 - rem, 2)}${bban}`;
}
const upper = (r: R, n: number) => Array.from({ length: n }, () => String.fromCharCode(65 + Math.floor(r() * 26))).join('');
function iban(r: R): Piece {
  const country = pick(r, ['DE', 'GB', 'NL', 'FR', 'ES'] as const);
  const bban = { DE: () => digits(r, 18), GB: () => upper(r, 4) + digits(r, 14), NL: () => upper(r, 4) + digits(r, 10), FR: () => digits(r, 23), ES: () => digits(r, 20) }[country]();
  const compact = ibanComplete(country, bban);
  const grouped = chance(r, 0.6);
  return P('IBAN', grouped ? compact.match(/.{1,4}/g)!.join(' ') : compact, `${country}:${grouped ? 'grouped' : 'compact'}`);
}
function routing(r: R): Piece {
  const prefix = pad(pick(r, [int(r, 1, 12), int(r, 21, 32), int(r, 61, 72)]), 2);
  const body = prefix + digits(r, 6);
  const d = (i: number) => body.charCodeAt(i) - 48;
  const partial = 3 * (d(0) + d(3) + d(6)) + 7 * (d(1) + d(4) + d(7)) + (d(2) + d(5));
  const full = body + String((10 - (partial % 10)) % 10);
  return P('US_BANK_ROUTING', full, 'aba', full);
}
function account(r: R): Piece {
  const d = digits(r, int(r, 8, 14));
  const grouped = chance(r, 0.3);
  return P('BANK_ACCOUNT', grouped ? d.match(/.{1,4}/g)!.join(' ') : d, grouped ? 'grouped' : 'plain', d);
}
function ipv4(r: R): Piece {
  const nets = [`203.0.113.${int(r, 1, 254)}`, `198.51.100.${int(r, 1, 254)}`, `192.0.2.${int(r, 1, 254)}`, `${int(r, 11, 99)}.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 1, 254)}`];
  return P('IP_ADDRESS', pick(r, nets), 'v4');
}
const hex = (r: R) => Math.floor(r() * 0xffff).toString(16);
function ipv6(r: R): Piece {
  return P('IP_ADDRESS', chance(r, 0.5) ? `2001:db8:${hex(r)}::${hex(r)}:${hex(r)}:${hex(r)}` : `2001:db8:${hex(r)}:${hex(r)}:${hex(r)}:${hex(r)}:${hex(r)}:${hex(r)}`, 'v6');
}

export const STREET_NAMES = ['Evergreen', 'Maple', 'Oak', 'Pennsylvania', 'Baker', 'Sunset', 'Lakeview', 'Cedar', 'Highland', 'Mill'];
export const STREET_TYPES = ['Street', 'St', 'Avenue', 'Ave', 'Road', 'Rd', 'Boulevard', 'Blvd', 'Lane', 'Drive', 'Terrace', 'Court', 'Way'];
function street(r: R): Piece {
  const num = `${int(r, 1, 9999)}${chance(r, 0.1) ? 'B' : ''}`;
  const text = `${num} ${pick(r, STREET_NAMES)} ${pick(r, STREET_TYPES)}${chance(r, 0.15) ? ' NW' : ''}`;
  return P('STREET_ADDRESS', text, 'us');
}
const CITIES: readonly [string, string, number, number][] = [
  ['Springfield', 'IL', 62701, 62799], ['Austin', 'TX', 78701, 78799], ['Seattle', 'WA', 98101, 98199], ['Boston', 'MA', 2108, 2199],
  ['Denver', 'CO', 80201, 80299], ['Portland', 'OR', 97201, 97299], ['Miami', 'FL', 33101, 33199], ['Columbus', 'OH', 43201, 43299],
];
function cityZip(r: R): Piece[] {
  const [city, st, lo, hi] = pick(r, CITIES);
  const zip = pad(int(r, lo, hi), 5) + (chance(r, 0.2) ? `-${digits(r, 4)}` : '');
  return [T(`, ${city}, ${st} `), P('POSTAL_CODE', zip, 'after-state', zip.replace(/\D/g, ''))];
}
function zip(r: R): Piece {
  const [, , lo, hi] = pick(r, CITIES);
  const z = pad(int(r, lo, hi), 5) + (chance(r, 0.25) ? `-${digits(r, 4)}` : '');
  return P('POSTAL_CODE', z, z.length > 5 ? 'zip+4' : 'zip', z.replace(/\D/g, ''));
}
const UK_OUTWARD = ['SW1A', 'EC1A', 'W1A', 'M1', 'B33', 'CR2', 'LS1', 'DN55', 'EH1', 'BS1', 'NW3', 'SE10'];
const UK_INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'.split('');
function ukPostcode(r: R): Piece {
  const inward = `${int(r, 0, 9)}${pick(r, UK_INWARD_LETTERS)}${pick(r, UK_INWARD_LETTERS)}`;
  const spaced = chance(r, 0.8);
  return P('POSTAL_CODE', `${pick(r, UK_OUTWARD)}${spaced ? ' ' : ''}${inward}`, spaced ? 'uk' : 'uk:compact');
}
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function dob(r: R): Piece {
  const y = int(r, 1940, 2005), m = int(r, 1, 12), d = int(r, 1, 28);
  const style = pick(r, ['us', 'iso', 'long', 'dmy-long'] as const);
  const text = { us: `${pad(m, 2)}/${pad(d, 2)}/${y}`, iso: `${y}-${pad(m, 2)}-${pad(d, 2)}`, long: `${MONTH_NAMES[m - 1]} ${d}, ${y}`, 'dmy-long': `${d} ${MONTH_NAMES[m - 1]!.slice(0, 3)} ${y}` }[style];
  return P('DATE_OF_BIRTH', text, style);
}
const FIRSTS = [...FIRST, 'David', 'Jane', 'Grace', 'Omar', 'Elena', 'Lars', 'Fatima', 'Hiro', 'Nadia', 'Peter'];
const LASTS = [...LAST, 'Johnson', 'Chen', 'Doe', 'Garcia', 'Nguyen', 'Schmidt', 'Haddad', 'Tanaka', 'Ivanova', 'Murphy'];
const personName = (r: R) => `${pick(r, FIRSTS)} ${pick(r, LASTS)}`;
const person = (r: R, f: string): Piece => P('PERSON', personName(r), f);
function passport(r: R): Piece {
  const letter = chance(r, 0.5);
  const text = letter ? `${upper(r, 1)}${digits(r, 8)}` : `${int(r, 1, 9)}${digits(r, 8)}`;
  return P('US_PASSPORT', text, letter ? 'letter+8' : '9-digit', text.replace(/\D/g, ''));
}
function license(r: R): Piece {
  const style = pick(r, ['letter+7', '9-digit', 'letter+12'] as const);
  const text = { 'letter+7': `${upper(r, 1)}${digits(r, 7)}`, '9-digit': `${int(r, 1, 9)}${digits(r, 8)}`, 'letter+12': `${upper(r, 1)}${digits(r, 12)}` }[style];
  return P('DRIVER_LICENSE', text, style, text.replace(/\D/g, ''));
}
const PW_WORDS = ['Hunter', 'tulip', 'Bluebird', 'summer', 'Rocket', 'marble', 'Falcon', 'pepper'];
function password(r: R): Piece {
  const text = `${pick(r, PW_WORDS)}${pick(r, ['', '-', '_', '.'])}${digits(r, int(r, 1, 4))}${pick(r, ['!', '#', '', '$', '*'])}${chance(r, 0.5) ? upper(r, 1).toLowerCase() : ''}`;
  return P('PASSWORD', text, 'word+digits');
}
const NINO_FIRST = 'ABCEGHJKLMNOPRSTWXYZ'.split('');
const NINO_SECOND = 'ABCEGHJKLMNPRSTWXYZ'.split('');
const NINO_BAD_PREFIX = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);
function nino(r: R): Piece {
  for (;;) {
    const pre = pick(r, NINO_FIRST) + pick(r, NINO_SECOND);
    if (NINO_BAD_PREFIX.has(pre)) continue;
    const ds = digits(r, 6);
    const suf = pick(r, ['A', 'B', 'C', 'D']);
    const spaced = chance(r, 0.5);
    return P('UK_NINO', spaced ? `${pre} ${ds.slice(0, 2)} ${ds.slice(2, 4)} ${ds.slice(4)} ${suf}` : `${pre}${ds}${suf}`, spaced ? 'spaced' : 'compact', ds);
  }
}
function expiry(r: R): Piece {
  const m = pad(int(r, 1, 12), 2), y = int(r, 26, 32);
  const long = chance(r, 0.3);
  const text = long ? `${m}/20${y}` : `${m}/${y}`;
  return P('CARD_EXPIRY', text, long ? 'MM/YYYY' : 'MM/YY', text.replace(/\D/g, ''));
}
function track(r: R): Piece {
  const { digits: pan } = genCard(r);
  const exp = `${int(r, 27, 31)}${pad(int(r, 1, 12), 2)}`;
  if (chance(r, 0.5)) {
    const name = `${pick(r, LASTS).toUpperCase()}/${pick(r, FIRSTS).toUpperCase()}`;
    return P('CARD_TRACK_DATA', `%B${pan}^${name}^${exp}101${digits(r, 12)}?`, 'track1', pan);
  }
  return P('CARD_TRACK_DATA', `;${pan}=${exp}101${digits(r, 10)}?`, 'track2', pan);
}

// ---- hard negatives --------------------------------------------------------------------------------------

const cardValid = (ds: string) => {
  if (ds.length < 13 || ds.length > 19) return false;
  return luhnComplete(ds.slice(0, -1)) === ds && /^(4|5[0-9]|2[2-7]|3[0-9]|6|1800|2131|81)/.test(ds);
};
function notCard(r: R, make: () => string): string {
  for (;;) {
    const s = make();
    if (!cardValid(s.replace(/\D/g, ''))) return s;
  }
}
const order = (r: R) => N('order-id', `${int(r, 1, 9)}${digits(r, 5)}`);
const caseId = (r: R) => N('case-id', `2025-${int(r, 10000, 99999)}`);
const rma = (r: R) => N('rma', `R-${digits(r, 6)}`);
const incident = (r: R) => N('incident', `INC-2025-${pad(int(r, 1, 12), 2)}${pad(int(r, 1, 28), 2)}-${digits(r, 4)}`);
const ALNUM = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ'.split('');
const ups = (r: R) => N('ups-tracking', `1Z${Array.from({ length: 6 }, () => pick(r, ALNUM)).join('')}${digits(r, 10)}`);
function tracking(r: R): Piece {
  const style = pick(r, ['fedex12', 'fedex15', 'usps22', 'usps20'] as const);
  const v = notCard(r, () => ({
    fedex12: () => `${int(r, 1, 9)}${digits(r, 11)}`,
    fedex15: () => `${int(r, 1, 9)}${digits(r, 14)}`,
    usps22: () => { const d = `94${pick(r, ['00', '05', '01'])}${digits(r, 18)}`; return `${d.slice(0, 4)} ${d.slice(4, 8)} ${d.slice(8, 12)} ${d.slice(12, 16)} ${d.slice(16, 20)} ${d.slice(20)}`; },
    usps20: () => `9${digits(r, 19)}`,
  })[style]());
  return N('fedex-usps-tracking', v);
}
function reference(r: R): Piece {
  const len = int(r, 13, 19);
  const v = notCard(r, () => (chance(r, 0.5) ? `${pick(r, ['4', '51', '37', '6011'])}${digits(r, 12)}`.slice(0, len) : `${pick(r, ['7', '9'])}${digits(r, len - 2)}`).padEnd(len, '7'));
  return N('reference-13-19', v);
}
function timestamp(r: R): Piece {
  const day = `2025-${pad(int(r, 1, 12), 2)}-${pad(int(r, 1, 28), 2)}`;
  const time = `${pad(int(r, 0, 23), 2)}:${pad(int(r, 0, 59), 2)}:${pad(int(r, 0, 59), 2)}`;
  return N('timestamp', pick(r, [`${day}T${time}Z`, `${day} ${time}`, String(1_727_000_000_000 + int(r, 0, 99_999_999) * 100)]));
}
const date = (r: R) => N('date', pick(r, [`${pad(int(r, 1, 12), 2)}/${pad(int(r, 1, 28), 2)}/2025`, `2025-${pad(int(r, 1, 12), 2)}-${pad(int(r, 1, 28), 2)}`, `Sep ${int(r, 1, 30)}, 2025`]));
const money = (r: R) => N('money', pick(r, [`$${int(r, 1, 9)},${digits(r, 3)}.${digits(r, 2)}`, `$${int(r, 1, 499)}.${digits(r, 2)}`, `USD ${int(r, 1, 999)}.${digits(r, 2)}`, `€${int(r, 1, 999)},${digits(r, 2)}`]));
const version = (r: R) => N('version', `v${int(r, 1, 12)}.${int(r, 0, 20)}.${int(r, 0, 30)}`);
const time = (r: R) => N('time', pick(r, [`${int(r, 8, 18)}:${pick(r, ['00', '15', '30', '45'])} PT`, `${int(r, 1, 12)}:${pick(r, ['00', '30'])} pm`, `${int(r, 8, 18)}:00 CET`]));
const ratio = (r: R) => N('ratio', pick(r, ['80/20', '60/40', '70:30', '3/4', '9/10', '50/50']));
const sku = (r: R) => N('sku', pick(r, [`BLK-${digits(r, 5)}`, `SKU-${digits(r, 5)}-XL`, notCard(r, () => `7${digits(r, 15)}`), `WH-${upper(r, 2)}${digits(r, 4)}`]));

// ---- sentences -------------------------------------------------------------------------------------------

type Gen = (r: R) => Piece[];
const seq = (...parts: (string | ((r: R) => Piece | Piece[]))[]): Gen => (r) =>
  parts.flatMap((p) => (typeof p === 'string' ? [T(p)] : [p(r)].flat()));
const one = (...gs: Gen[]): Gen => (r) => pick(r, gs)(r);
const word = (...ws: string[]) => (r: R) => T(pick(r, ws));

/** Written PII, usable in any document kind (one sentence, no newline, no '"' or '\\'). */
const WRITTEN: Gen[] = [
  seq(word('Customer read card ', 'Card on file ', 'Visa ', 'cc: ', 'card number '), card, word(' for the refund.', ', declined twice.', ' charged twice.', '.')),
  seq('Card on file ', card, ', exp ', expiry, ', CVV ', (r) => P('CARD_CVV', digits(r, 3), 'written', undefined), '.'),
  seq('Order ', order, ' ', card, ' charged twice, total ', money, '.'),
  seq(word('Expiry date: ', 'exp ', 'expiration '), expiry, word(', verified.', ' on the new card.', '.')),
  seq(word('cvc2=', 'CVV: ', 'security code '), (r) => { const d = digits(r, pick(r, [3, 3, 4])); return P('CARD_CVV', d, 'written', d); }, ' given for the Amex.'),
  seq(word('Caller gave the PIN ', 'my PIN is ', 'PIN: '), (r) => { const d = digits(r, 4); return P('PIN', d, 'written', d); }, ' (should not have).'),
  seq(word('swipe: ', 'raw reader dump '), track, ' pasted by the agent.'),
  seq(word('Customer email ', 'reply to ', 'email: '), (r) => P('EMAIL', `${pick(r, FIRSTS).toLowerCase()}${pick(r, ['.', '_', '', '+care.'])}${pick(r, LASTS).toLowerCase()}${chance(r, 0.3) ? digits(r, 2) : ''}@${pick(r, ['example.com', 'mail.example.co.uk', 'example.org', 'corp.example.net'])}`, 'plain'), word('.', ', callback requested.', ' today.')),
  seq(word('callback ', 'call me on ', 'Phone: ', 'cell '), phone, word(' after 5.', '.', ' please.')),
  seq('callback ', (r) => { const n = validNanp(r); return P('PHONE_NUMBER', n, 'us:contiguous', n); }, ' left on file.'),
  seq(word('SSN ', 'social ', 'SSN: '), ssn, ' provided for the credit check.'),
  seq('SSN: ', (r) => { const d = ssnDigits(r); return P('US_SSN', d, 'plain', d); }, ' read back to confirm.'),
  seq('ITIN ', itin, ' on the tax form.'),
  seq(word('Refund to IBAN ', 'IBAN ', 'pay '), iban, ' requested.'),
  seq('routing number ', routing, ', account number ', account, ' for the ACH refund.'),
  seq(word('bank account ', 'acct #: ', 'account number '), account, ' for the refund.'),
  seq(word('Login from ', 'login from ', 'client IP '), ipv4, word(' flagged.', ' failed twice.', '.')),
  seq('client ', ipv6, ' connected.'),
  seq(word('ship to ', 'lives at ', 'moved to '), street, cityZip, '.'),
  seq(word('new address ', 'deliver to '), street, ' asap.'),
  seq(word('zip code is ', 'ZIP: ', 'zip '), zip, '.'),
  seq(word('deliver to London ', 'postcode '), ukPostcode, ' please.'),
  seq(word('DOB: ', 'date of birth is ', 'born on ', 'birthday '), dob, ' confirmed.'),
  seq(word('Hi, my name is ', 'Cardholder name: ', 'spoke with '), (r) => person(r, 'intro'), word(' and I need help.', '.', ' about the refund.')),
  seq('Dear Mr. ', (r) => P('PERSON', pick(r, LASTS), 'dear-title'), ','),
  seq('Hello, this is ', (r) => person(r, 'calling'), ' calling about my order ', order, '.'),
  seq(word('passport number ', 'Passport: '), passport, ' scanned.'),
  seq(word("driver's license ", 'DL# '), license, ' on file.'),
  seq(word('password: ', 'her passcode is '), password, ' (told her to change it).'),
  seq('NI number ', nino, ' on file.'),
];

/** Read-out numbers: transcripts (and some chats). */
const SPOKEN: Gen[] = [
  seq(word("my card number is ", "it's ", 'the card is '), spokenCard, '.'),
  seq('the security code is ', (r) => { const d = digits(r, 3); return P('CARD_CVV', chance(r, 0.5) ? spell(r, d, 0) : d.split('').join(' '), 'spoken', d); }, '.'),
  seq('the three digits on the back are ', (r) => { const d = digits(r, 3); return P('CARD_CVV', spell(r, d, 0), 'spoken', d); }, '.'),
  seq('it expires ', (r) => { const d = pad(int(r, 1, 12), 2) + String(int(r, 26, 32)); return P('CARD_EXPIRY', spell(r, d, 1), 'spoken', d); }, '.'),
  seq('pin: ', (r) => { const d = digits(r, 4); return P('PIN', spell(r, d, 0), 'spoken', d); }, '.'),
  seq('my number is ', spokenPhone, '.'),
  seq('my social security number is ', (r) => { const d = ssnDigits(r); return P('US_SSN', spell(r, d, 0), 'spoken', d); }, '.'),
];

/** Lines whose only digits are hard negatives. */
const NEGATIVE_LINES: Gen[] = [
  seq('Customer asked about the refund for order ', order, '; told them 5-7 business days.'),
  seq('Case ', caseId, ' escalated to tier 2, ETA ', time, '.'),
  seq('Shipped via UPS ', ups, ', total ', money, '.'),
  seq('tracking ', tracking, ' via ', word('USPS', 'FedEx'), ', delivered on ', date, '.'),
  seq('Updated app to ', version, ' and cleared cache; issue persists ', ratio, ' of the time.'),
  seq(timestamp, ' INFO session closed after 312 ms (reference ', reference, ').'),
  seq('RMA ', rma, ' created; replacement SKU ', sku, ' reserved.'),
  seq('Closing ticket ', incident, ', customer happy with the resolution.'),
  seq('transaction id ', reference, ' refunded ', money, ' on ', date, '.'),
  seq('Callback scheduled for ', time, ' on ', date, ' re order ', order, '.'),
  seq('Warehouse split is ', ratio, ', SKU ', sku, ' back in stock ', date, '.'),
  seq('Logged at ', timestamp, ' from app ', version, ' for case ', caseId, '.'),
];

const PROSE_LINES: Gen[] = PROSE.map((p) => seq(p.replace(/^(Agent|Customer): /, '')));

// ---- documents -------------------------------------------------------------------------------------------

class Builder {
  readonly parts: string[] = [];
  len = 0;
  readonly spans: LabelledSpan[] = [];
  readonly negatives: NegativeSpan[] = [];
  text(s: string): void {
    this.parts.push(s);
    this.len += s.length;
  }
  put(pieces: readonly Piece[]): void {
    for (const p of pieces) {
      const start = this.len;
      if ('t' in p) this.text(p.t);
      else if ('e' in p) {
        this.text(p.v);
        const span: LabelledSpan = { start, end: this.len, entity: p.e, value: p.v, format: p.f };
        if (p.d !== undefined) span.digits = p.d;
        this.spans.push(span);
      } else {
        this.text(p.v);
        this.negatives.push({ start, end: this.len, kind: p.n, value: p.v });
      }
    }
  }
}

/** Pieces' plain text (for fields that must be built before they are placed). */
const flat = (ps: readonly Piece[]) => ps.map((p) => ('t' in p ? p.t : p.v)).join('');

/** A cycling picker: every sentence of a list comes up once per cycle (so small corpora still cover them all). */
function cycler(r: R, gens: readonly Gen[]): () => Gen {
  let order: Gen[] = [];
  return () => {
    if (order.length === 0) {
      order = [...gens];
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
    }
    return order.pop()!;
  };
}

interface Pickers { written: () => Gen; spoken: () => Gen; neg: () => Gen; prose: () => Gen }

/** One body line: PII (35%), hard negatives (35%) or plain prose. */
function line(r: R, pk: Pickers, spokenShare = 0): Piece[] {
  const roll = r();
  if (roll < 0.35) return (spokenShare > 0 && chance(r, spokenShare) ? pk.spoken() : pk.written())(r);
  if (roll < 0.7) return pk.neg()(r);
  return pk.prose()(r);
}

const clock = (r: R) => `00:${pad(int(r, 0, 59), 2)}:${pad(int(r, 0, 59), 2)}`;

function notesDoc(b: Builder, r: R, pk: Pickers): void {
  b.put([T('CRM note — '), timestamp(r), T(' — agent #'), T(String(int(r, 100, 999))), T('\n')]);
  for (let i = int(r, 5, 12); i > 0; i--) {
    b.put(line(r, pk));
    b.text('\n');
  }
}

function transcriptDoc(b: Builder, r: R, pk: Pickers): void {
  const caller = personName(r);
  b.text(`Call transcript (speech-to-text), queue billing\n`);
  for (let i = int(r, 6, 14); i > 0; i--) {
    b.text(`[${clock(r)}] `);
    const roll = r();
    if (roll < 0.15) {
      // The two-line CVV exchange the card-cvv rule documents.
      const d = digits(r, 3);
      b.text('Agent: And the three digits on the back?\n');
      b.text(`[${clock(r)}] Customer (`);
      b.put([P('PERSON', caller, 'speaker-label'), T('): '), P('CARD_CVV', cap(spell(r, d, 0)), 'spoken:next-turn', d), T('.\n')]);
      continue;
    }
    if (roll < 0.55) {
      b.text('Customer (');
      b.put([P('PERSON', caller, 'speaker-label'), T('): ')]);
      b.put(line(r, pk, 0.6));
    } else if (roll < 0.7) {
      b.put([P('PERSON', caller, 'speaker-label:bare'), T(': ')]);
      b.put(line(r, pk, 0.6));
    } else {
      b.text('Agent: ');
      b.put(roll < 0.8 ? pk.neg()(r) : pk.prose()(r));
    }
    b.text('\n');
  }
}

function emailDoc(b: Builder, r: R, pk: Pickers): void {
  const name = personName(r);
  const addr = `${name.toLowerCase().replace(' ', '.')}@example.com`;
  b.put([T('From: '), P('PERSON', name, 'email-header'), T(' <'), P('EMAIL', addr, 'header'), T('>\nTo: support@caregate.example\nSubject: Refund for order '), order(r), T('\nDate: '), timestamp(r), T('\n\n')]);
  b.text(pick(r, ['Hello team,\n\n', 'Hi,\n\n', 'To whom it may concern,\n\n']));
  for (let i = int(r, 3, 8); i > 0; i--) {
    b.put(line(r, pk));
    b.text(chance(r, 0.3) ? '\n\n' : ' ');
  }
  b.put([T('\n\nThanks,\n'), P('PERSON', name, 'signature'), T('\n'), phone(r), T('\n')]);
}

function chatDoc(b: Builder, r: R, pk: Pickers): void {
  b.text(`--- chat session ${pad(int(r, 0, 99999), 5)} ---\n`);
  for (let i = int(r, 6, 14); i > 0; i--) {
    const who = chance(r, 0.6) ? 'customer' : 'agent';
    b.put([T(`[${int(r, 8, 18)}:${pad(int(r, 0, 59), 2)}] ${who}: `)]);
    b.put(who === 'customer' ? line(r, pk, 0.15) : chance(r, 0.5) ? pk.neg()(r) : pk.prose()(r));
    b.text('\n');
  }
}

function csvDoc(b: Builder, r: R, pk: Pickers): void {
  b.text('ticket_id,created_at,customer_name,email,phone,amount,note\n');
  for (let i = int(r, 4, 10); i > 0; i--) {
    const name = personName(r);
    const note = line(r, pk).map((p) => ('t' in p ? { t: p.t.replace(/"/g, '""') } : p));
    b.put([order(r), T(','), timestamp(r), T(','), P('PERSON', name, 'csv-cell'), T(','), P('EMAIL', `${name.toLowerCase().replace(' ', '_')}@example.org`, 'csv-cell'), T(',')]);
    b.put([phone(r), T(',"'), money(r), T('","')]);
    b.put(note);
    b.text('"\n');
  }
}

function jsonDoc(b: Builder, r: R, pk: Pickers): void {
  const name = personName(r);
  b.put([T('{\n  "ticket": "'), incident(r), T('",\n  "created": "'), timestamp(r), T('",\n  "customer": {\n    "name": "'), P('PERSON', name, 'json-field')]);
  b.put([T('",\n    "email": "'), P('EMAIL', `${name.toLowerCase().replace(' ', '.')}${digits(r, 2)}@example.net`, 'json-field'), T('",\n    "phone": "'), phone(r), T('"\n  },\n  "amount": "'), money(r), T('",\n  "notes": [\n')]);
  for (let i = int(r, 2, 5); i > 0; i--) {
    b.text('    "');
    b.put(line(r, pk));
    b.text(i > 1 ? '",\n' : '"\n');
  }
  b.text('  ]\n}\n');
}

const DOC_WRITERS: Record<DocKind, (b: Builder, r: R, pk: Pickers) => void> = {
  notes: notesDoc, transcript: transcriptDoc, email: emailDoc, chat: chatDoc, csv: csvDoc, 'json-ticket': jsonDoc,
};

export interface LabelledCorpusOptions {
  /** About this many UTF-16 code units (whole documents: the last one may run past). */
  bytes: number;
  seed?: number;
  kinds?: readonly DocKind[];
}

/**
 * Labelled customer-care text: documents of the given kinds in turn (separated by a blank line), each
 * labelled span and negative with its offsets. Deterministic for a seed.
 */
export function labelledCorpus({ bytes, seed = 1, kinds = DOC_KINDS }: LabelledCorpusOptions): LabelledCorpus {
  const r = rng(seed);
  const pk: Pickers = { written: cycler(r, WRITTEN), spoken: cycler(r, SPOKEN), neg: cycler(r, NEGATIVE_LINES), prose: cycler(r, PROSE_LINES) };
  const b = new Builder();
  const docs: LabelledDoc[] = [];
  for (let i = 0; b.len < bytes; i++) {
    if (i > 0) b.text('\n');
    const kind = kinds[i % kinds.length]!;
    const start = b.len;
    DOC_WRITERS[kind](b, r, pk);
    docs.push({ start, end: b.len, kind });
  }
  return { text: b.parts.join(''), spans: b.spans, negatives: b.negatives, docs };
}

/** The documents of a labelled corpus, each with its spans and negatives relative to the document. */
export function splitDocs(c: LabelledCorpus): { kind: DocKind; text: string; spans: LabelledSpan[]; negatives: NegativeSpan[] }[] {
  let si = 0, ni = 0;
  return c.docs.map((d) => {
    const spans: LabelledSpan[] = [];
    const negatives: NegativeSpan[] = [];
    while (si < c.spans.length && c.spans[si]!.start < d.end) spans.push({ ...c.spans[si]!, start: c.spans[si]!.start - d.start, end: c.spans[si++]!.end - d.start });
    while (ni < c.negatives.length && c.negatives[ni]!.start < d.end) negatives.push({ ...c.negatives[ni]!, start: c.negatives[ni]!.start - d.start, end: c.negatives[ni++]!.end - d.start });
    return { kind: d.kind, text: c.text.slice(d.start, d.end), spans, negatives };
  });
}

/**
 * Throughput text, generated on the fly: `docChars`-character documents (default 64,000) until `total`
 * characters, document i from seed + i. Holds one document at a time, so gigabytes are fine.
 */
export function* careDocs(total: number, seed = 1, docChars = 64_000): Generator<string> {
  for (let i = 0, made = 0; made < total; i++) {
    const n = Math.min(docChars, total - made);
    const doc = labelledCorpus({ bytes: n, seed: seed + i }).text.slice(0, n);
    made += n;
    yield doc;
  }
}

/**
 * A seeded generator of customer-care text (CRM notes, call transcripts with spoken digits, e-mails, chat
 * logs): one line in five carries PII, two in five the hard negatives care text is full of (order and case
 * ids, tracking numbers, timestamps, amounts, versions, times, ratios), the rest is plain prose.
 * Deterministic for a seed.
 */

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
const digits = (r: () => number, n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');

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

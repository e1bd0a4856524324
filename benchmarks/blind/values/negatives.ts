/**
 * Hard negatives: what care text is full of that looks like PII and is not. Each generator returns
 * the text and its kind; check digits are computed where the real thing has one (IMEI, UPC, ISBN),
 * because real ones pass them; long digit-only references are drawn failing Luhn, as a card-shaped
 * number passing Luhn is rightly masked wherever it stands.
 */
import type { Rng } from '../rng.js';
import { luhnCheckDigit, nonLuhnDigits } from './cards.js';
import { MONTHS } from '../spoken.js';

export interface NegativeValue {
  kind: string;
  text: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function upcCheck(body: string): number {
  // GS1: weights 3,1,3,… from the right-most body digit.
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

function groupThousands(n: string, sep: string): string {
  return n.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function indianGrouping(n: string): string {
  if (n.length <= 3) return n;
  const last3 = n.slice(-3);
  const rest = n.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',');
  return `${rest},${last3}`;
}

export function amount(rng: Rng): NegativeValue {
  const whole = String(rng.weighted<number>([[rng.int(1, 999), 5], [rng.int(1000, 99999), 4], [rng.int(100000, 99999999), 2], [rng.int(100000000, 9999999999), 1]]));
  const cents = pad(rng.int(0, 99));
  const style = rng.pick(['usd', 'eur-de', 'eur-fr', 'gbp', 'jpy', 'inr', 'chf', 'code-before', 'code-after', 'brl', 'trl-dots', 'cad-space']);
  let text: string;
  switch (style) {
    case 'usd': text = `$${groupThousands(whole, ',')}${rng.chance(0.6) ? '.' + cents : ''}`; break;
    case 'eur-de': text = `${groupThousands(whole, '.')},${cents} €`; break;
    case 'eur-fr': text = `${groupThousands(whole, '\u202f')},${cents} €`; break;
    case 'gbp': text = `£${groupThousands(whole, ',')}.${cents}`; break;
    case 'jpy': text = `¥${groupThousands(whole, ',')}`; break;
    case 'inr': text = `${rng.pick(['₹', 'INR ', 'Rs. '])}${indianGrouping(whole)}${rng.chance(0.5) ? '.' + cents : ''}`; break;
    case 'chf': text = `CHF ${groupThousands(whole, "'")}.${cents}`; break;
    case 'code-before': text = `${rng.pick(['USD', 'EUR', 'GBP', 'AUD', 'SEK', 'PLN', 'MXN', 'ZAR'])} ${groupThousands(whole, rng.pick([',', '.', ' ', '']))}`; break;
    case 'code-after': text = `${groupThousands(whole, rng.pick([',', ' ', '']))}.${cents} ${rng.pick(['USD', 'EUR', 'CAD', 'NOK', 'DKK'])}`; break;
    case 'brl': text = `R$ ${groupThousands(whole, '.')},${cents}`; break;
    case 'trl-dots': text = `${rng.pick(['TRL', 'TRY', 'IDR', 'VND'])} ${groupThousands(rng.digits(3) + rng.digits(3) + rng.digits(4), '.')}`; break;
    default: text = `C$${groupThousands(whole, ' ')}.${cents}`;
  }
  return { kind: 'amount', text };
}

export function orderNumber(rng: Rng): NegativeValue {
  const form = rng.pick(['amazon', 'hash', 'prefixed', 'plain-10', 'plain-9', 'shopify']);
  switch (form) {
    case 'amazon': { const d = nonLuhnDigits(rng, 17); return { kind: 'order-number', text: `${d.slice(0, 3)}-${d.slice(3, 10)}-${d.slice(10)}` }; }
    case 'hash': return { kind: 'order-number', text: `#${rng.int(10000, 9999999)}` };
    case 'prefixed': return { kind: 'order-number', text: `${rng.pick(['ORD', 'SO', 'PO', 'WEB'])}-${rng.digits(rng.int(6, 10))}` };
    case 'plain-10': return { kind: 'order-number', text: String(rng.int(1, 9)) + rng.digits(9) };
    case 'plain-9': return { kind: 'order-number', text: String(rng.int(1, 9)) + rng.digits(8) };
    default: return { kind: 'order-number', text: `#${rng.int(1001, 99999)}-${rng.int(1, 9)}` };
  }
}

export function caseNumber(rng: Rng): NegativeValue {
  const kind = rng.pick(['case-number', 'ticket-number', 'rma-number', 'incident-number']);
  const text = rng.pick([
    `CS-${rng.digits(8)}`, `${rng.digits(8)}`, `INC${rng.digits(7)}`, `RMA-${rng.digits(6)}`, `RMA${rng.digits(8)}`,
    `TKT-${rng.int(10000, 999999)}`, `#${rng.digits(6)}`, `${rng.letters(3)}-${rng.int(100, 99999)}`, `${rng.digits(2)}-${rng.digits(7)}`,
    `SR ${rng.digits(4)} ${rng.digits(4)}`, `REQ${rng.digits(9)}`,
  ]);
  return { kind, text };
}

export function trackingNumber(rng: Rng): NegativeValue {
  const carrier = rng.pick(['ups', 'fedex-12', 'fedex-15', 'usps-22', 'usps-grouped', 'dhl-10', 'royal-mail', 'canada-post', 'dpd-14']);
  const alnum = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
  switch (carrier) {
    case 'ups': return { kind: 'tracking-ups', text: `1Z${rng.letters(6, alnum)}${rng.digits(2)}${rng.digits(8)}` };
    case 'fedex-12': return { kind: 'tracking-fedex', text: nonLuhnDigits(rng, 12) };
    case 'fedex-15': return { kind: 'tracking-fedex', text: nonLuhnDigits(rng, 15) };
    case 'usps-22': return { kind: 'tracking-usps', text: `94${rng.digits(20)}` };
    case 'usps-grouped': return { kind: 'tracking-usps', text: `9400 ${rng.digits(4)} ${rng.digits(4)} ${rng.digits(4)} ${rng.digits(4)} ${rng.digits(2)}` };
    case 'dhl-10': return { kind: 'tracking-dhl', text: rng.digits(10) };
    case 'royal-mail': return { kind: 'tracking-royal-mail', text: `${rng.letters(2)}${rng.digits(9)}GB` };
    case 'canada-post': return { kind: 'tracking-canada-post', text: nonLuhnDigits(rng, 16) };
    default: return { kind: 'tracking-dpd', text: nonLuhnDigits(rng, 14) };
  }
}

export function timestampOrDate(rng: Rng): NegativeValue {
  const y = rng.int(2023, 2027);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  const h = rng.int(0, 23);
  const min = pad(rng.int(0, 59));
  const text = rng.pick([
    `${y}-${pad(m)}-${pad(d)} ${pad(h)}:${min}:${pad(rng.int(0, 59))}`, `${y}-${pad(m)}-${pad(d)}T${pad(h)}:${min}:00Z`,
    `${m}/${d}/${y}`, `${pad(d)}.${pad(m)}.${y}`, `${MONTHS[m - 1]} ${d}`, `${d} ${MONTHS[m - 1]!.slice(0, 3)} ${y}`,
    `${(h % 12) + 1}:${min} ${rng.pick(['am', 'pm', 'AM', 'PM'])}`, `${pad(h)}:${min}`, `[${pad(h)}:${min}:${pad(rng.int(0, 59))}]`,
  ]);
  return { kind: 'timestamp-or-date', text };
}

export function versionOrSerial(rng: Rng): NegativeValue {
  const kind = rng.pick(['version', 'serial', 'imei', 'upc', 'ean', 'isbn', 'guid', 'non-luhn-16', 'model']);
  switch (kind) {
    case 'version': return { kind, text: rng.pick([`v${rng.int(1, 12)}.${rng.int(0, 30)}.${rng.int(0, 99)}`, `${rng.int(1, 19)}.${rng.int(0, 9)}.${rng.int(0, 9)}`, `build ${rng.int(1000, 99999)}`, `${rng.int(10, 24)}.${rng.int(1, 12)}.${rng.int(1000, 9999)}.${rng.int(10, 999)}`]) };
    case 'serial': return { kind, text: rng.pick([rng.letters(12, 'ABCDEFGHJKLMNPQRSTVWXYZ0123456789'), `SN${rng.digits(10)}`, `${rng.letters(2)}${rng.digits(8)}${rng.letters(1)}`]) };
    case 'imei': {
      const body = rng.pick(['35', '86', '01', '49']) + rng.digits(12);
      const full = body + luhnCheckDigit(body);
      return { kind, text: rng.chance(0.5) ? full : `${full.slice(0, 2)}-${full.slice(2, 8)}-${full.slice(8, 14)}-${full.slice(14)}` };
    }
    case 'upc': { const body = rng.pick(['0', '6', '8']) + rng.digits(10); return { kind, text: body + upcCheck(body) }; }
    case 'ean': { const body = rng.pick(['40', '50', '76', '87']) + rng.digits(10); return { kind, text: body + upcCheck(body) }; }
    case 'isbn': {
      const body = rng.pick(['978', '979']) + rng.digits(9);
      let sum = 0;
      for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
      const full = body + ((10 - (sum % 10)) % 10);
      return { kind, text: rng.chance(0.5) ? full : `${full.slice(0, 3)}-${full.slice(3, 4)}-${full.slice(4, 8)}-${full.slice(8, 12)}-${full.slice(12)}` };
    }
    case 'guid': {
      const hex = () => rng.letters(1, '0123456789abcdef');
      const part = (n: number) => Array.from({ length: n }, hex).join('');
      return { kind, text: `${part(8)}-${part(4)}-4${part(3)}-${rng.pick(['8', '9', 'a', 'b'])}${part(3)}-${part(12)}` };
    }
    case 'non-luhn-16': {
      const digits = nonLuhnDigits(rng, 16);
      return { kind, text: rng.chance(0.5) ? digits : digits.match(/.{4}/g)!.join(rng.pick([' ', '-'])) };
    }
    default: return { kind, text: `${rng.letters(rng.int(2, 3))}-${rng.int(100, 9999)}${rng.chance(0.5) ? rng.letters(1) : ''}` };
  }
}

/** Words that are also given names, used as words. Each comes with the phrase that makes it a word. */
const NAME_WORDS: [string, string, string][] = [
  ['', 'Will', ' you be able to check again?'], ['', 'May', ' I have a moment to look into this?'], ['the ', 'rose', ' gold model'],
  ['please ', 'bill', ' it to the card on file'], ['', 'Mark', ' the ticket as resolved'], ['within the ', 'grace', ' period'],
  ['I ', 'hope', ' this helps'], ['the ', 'summer', ' sale ended'], ['', 'Chase', ' the warehouse about it'], ['a ', 'faith', 'ful customer'],
  ['the ', 'joy', ' of waiting on hold'], ['', 'Frank', 'ly this is the third time'], ['the ', 'amber', ' light keeps blinking'],
  ['from ', 'April', ' onwards'], ['the ', 'ivy', ' pattern case'], ['', 'Sterling', ' silver band'], ['', 'Dawn', ' delivery slot'],
  ['', 'Victoria', ' station pickup point'], ['the ', 'Jack', ' is loose'], ['', 'Bob', 'bing sound on the line'], ['', 'Page', ' 2 of the manual'],
  ['the ', 'Royal', ' blue variant'], ['an ', 'Iris', ' scanner'], ['', 'Georgia', ' warehouse'], ['the ', 'Lane', ' closure'],
];

/** A name-word phrase; the negative is the word itself, so a masked word counts as damage. */
export function nameWord(rng: Rng): { before: string; word: string; after: string } {
  const [before, name, rest] = rng.pick(NAME_WORDS);
  // The negative is the whole word ("Frankly", not "Frank"): masking any of it damages it.
  const tail = /^\p{L}*/u.exec(rest)![0];
  return { before, word: name + tail, after: rest.slice(tail.length) };
}

/** Field labels of forms and signatures (`Mobile:`, `Fax:`, `When:`) with a non-PII value after them. */
export const FIELD_LABELS: [string, string][] = [
  ['Mobile', 'n/a'], ['Fax', 'none'], ['When', 'tomorrow afternoon'], ['Where', 'front desk'], ['Contact', 'via portal only'],
  ['Website', 'see portal'], ['E-mail', 'not provided'], ['Callback', 'not requested'], ['Card', 'not on file'], ['Billing', 'same as shipping'],
  ['Shipping', 'standard'], ['Manager', 'on shift'], ['Dispatcher', 'notified'], ['Status', 'open'], ['Priority', 'high'], ['Channel', 'web chat'],
  ['Queue', 'Tier 2'], ['Subject', 'Refund request'], ['Product', 'Router X2'], ['Language', 'English'], ['Resolution', 'pending'],
];

export function anyNumericNegative(rng: Rng): NegativeValue {
  return rng.pick([amount, orderNumber, caseNumber, trackingNumber, timestampOrDate, versionOrSerial])(rng);
}

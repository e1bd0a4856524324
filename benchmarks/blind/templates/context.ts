/** The people and values of one document, and how each value is written or spoken in it. */
import type { Piece } from '../doc.js';
import { val, neg } from '../doc.js';
import type { Rng } from '../rng.js';
import { randomStyle, speakGroup, speakGroups } from '../spoken.js';
import { cardSeparator, groupingsFor, groupsOfFour, randomCard, splitGroups, type Card } from '../values/cards.js';
import { randomBirthDate, randomExpiry, writeBirthDate, writeExpiry, type Expiry, type Ymd } from '../values/dates.js';
import {
  randomAccountNumber, randomCvv, randomDriverLicense, randomIban, randomIp, randomPassword, randomPin, randomRouting,
  randomSortCode, randomSsn, randomUsPassport, writeIban, writeSsn,
} from '../values/ids.js';
import * as N from '../values/negatives.js';
import { anyNumericNegative, type NegativeValue } from '../values/negatives.js';
import { randomAddress, randomLocale, randomPerson, randomSpecialAddress, type Address, type Locale, type Person } from '../values/people.js';
import { ALL_REGIONS, randomPhone, speakPhone, writePhone, type Phone } from '../values/phones.js';

export interface Context {
  rng: Rng;
  locale: Locale;
  customer: Person;
  agent: Person;
  address: Address;
  phone: Phone;
  card: Card;
  expiry: Expiry;
  cvv: string;
  dob: Ymd;
  ssn: string[];
  /** Whether numbers are read aloud (call transcripts) rather than typed. */
  spoken: boolean;
}

export function newContext(rng: Rng, spoken: boolean): Context {
  const locale = randomLocale(rng);
  // Agents of a care centre mostly write in the centre's locale, not the customer's.
  const agentLocale = rng.chance(0.6) ? randomLocale(rng).id : locale.id;
  const card = randomCard(rng);
  return {
    rng, locale, spoken, card,
    customer: randomPerson(rng, locale.id),
    agent: randomPerson(rng, agentLocale),
    address: randomAddress(rng, locale.id),
    // Mostly the customer's own country; some travel or moved: any of the numbering plans.
    phone: randomPhone(rng, rng.weighted<Phone['region']>([[locale.region, 70], ['US', 10], [rng.pick(ALL_REGIONS), 20]])),
    expiry: randomExpiry(rng),
    cvv: randomCvv(rng, card.brand === 'amex'),
    dob: randomBirthDate(rng),
    ssn: randomSsn(rng),
  };
}

/** Whether this value is said aloud: mostly in transcripts, never in typed text. */
const speak = (c: Context, p = 0.6) => c.spoken && c.rng.chance(p);

export function cardPiece(c: Context, card = c.card): Piece {
  const { rng } = c;
  const groups = splitGroups(card.digits, rng.pick(groupingsFor(card)));
  if (speak(c, 0.7)) return val('CREDIT_CARD', speakGroups(groups, rng), `spoken-${card.digits.length}`);
  const sep = cardSeparator(rng);
  return val('CREDIT_CARD', groups.join(sep), `${card.brand}-${card.digits.length}-${sep === '' ? 'plain' : 'grouped'}`);
}

/** The phone number split where a caller pauses and the agent repeats, for `DocBuilder.openSplit`. */
export function phoneHalves(c: Context): [string, string] {
  const digits = c.phone.national.replace(/\D/g, '');
  const cut = Math.ceil(digits.length / 2);
  const say = (g: string) => (c.spoken ? speakGroups([g], c.rng) : g);
  return [say(digits.slice(0, cut)), say(digits.slice(cut))];
}

/** The card split in two halves (two chat messages, two turns), for `DocBuilder.openSplit`. */
export function cardHalves(c: Context): [string, string] {
  const groups = splitGroups(c.card.digits, groupsOfFour(c.card.digits.length));
  const mid = Math.ceil(groups.length / 2);
  const say = (g: string[]) => (c.spoken ? speakGroups(g, c.rng) : g.join(' '));
  return [say(groups.slice(0, mid)), say(groups.slice(mid))];
}

export function cvvPiece(c: Context): Piece {
  if (speak(c)) return val('CARD_CVV', speakGroup(c.cvv, randomStyle(c.rng), c.rng), 'spoken');
  return val('CARD_CVV', c.cvv, 'digits');
}

export function expiryPiece(c: Context): Piece {
  // Typed text does not spell an expiry out; callers mostly do, and sometimes read the digits.
  let w = writeExpiry(c.rng, c.expiry);
  while (!c.spoken && w.form.startsWith('spoken')) w = writeExpiry(c.rng, c.expiry);
  for (let i = 0; i < 4 && c.spoken && !w.form.startsWith('spoken') && c.rng.chance(0.7); i++) w = writeExpiry(c.rng, c.expiry);
  return val('CARD_EXPIRY', w.text, w.form);
}

export function dobPiece(c: Context): Piece {
  let w = writeBirthDate(c.rng, c.dob);
  while (!c.spoken && w.form.startsWith('spoken')) w = writeBirthDate(c.rng, c.dob);
  for (let i = 0; i < 4 && c.spoken && !w.form.startsWith('spoken') && c.rng.chance(0.7); i++) w = writeBirthDate(c.rng, c.dob);
  return val('DATE_OF_BIRTH', w.text, w.form);
}

export function phonePiece(c: Context, phone = c.phone): Piece {
  if (speak(c, 0.7)) return val('PHONE_NUMBER', speakPhone(c.rng, phone), 'spoken');
  const w = writePhone(c.rng, phone);
  return val('PHONE_NUMBER', w.text, w.form);
}

export function otherPhone(c: Context): Phone {
  return randomPhone(c.rng, c.rng.chance(0.5) ? c.locale.region : c.rng.pick(['US', 'GB', 'DE', 'FR', 'IN', 'BR', 'MX', 'AU', 'JP', 'PH', 'ZA', 'NL', 'IE', 'SG']));
}

export function ssnPiece(c: Context): Piece {
  let w = writeSsn(c.rng, c.ssn);
  if (!c.spoken && w.form === 'spoken') w = { text: c.ssn.join('-'), form: 'dashes' };
  if (c.spoken && w.form !== 'spoken' && c.rng.chance(0.5)) w = { text: speakGroups(c.ssn, c.rng), form: 'spoken' };
  return val('US_SSN', w.text, w.form);
}

/** Digits typed, or read aloud in transcripts. */
function numberPiece(c: Context, entity: Parameters<typeof val>[0], digits: string, form: string): Piece {
  if (speak(c, 0.5) && /^\d+$/.test(digits)) {
    const groups = digits.length > 4 ? (digits.match(/.{1,3}/g) ?? [digits]) : [digits];
    return val(entity, speakGroups(groups, c.rng), 'spoken');
  }
  return val(entity, digits, form);
}

export const routingPiece = (c: Context) => numberPiece(c, 'US_BANK_ROUTING', randomRouting(c.rng), 'aba-9');
export const accountPiece = (c: Context) => numberPiece(c, 'BANK_ACCOUNT', randomAccountNumber(c.rng), 'digits');
export const ukAccountPiece = (c: Context) => numberPiece(c, 'BANK_ACCOUNT', String(c.rng.int(1, 9)) + c.rng.digits(7), 'uk-8');
export const sortCodePiece = (c: Context) => val('BANK_ACCOUNT', c.rng.chance(0.8) ? randomSortCode(c.rng) : c.rng.digits(6), 'sort-code');
export const pinPiece = (c: Context) => numberPiece(c, 'PIN', randomPin(c.rng), 'digits');

export function ibanPiece(c: Context): Piece {
  const w = writeIban(c.rng, randomIban(c.rng));
  return val('IBAN', w.text, w.form);
}

export function licencePiece(c: Context): Piece {
  const w = randomDriverLicense(c.rng);
  return val('DRIVER_LICENSE', w.text, w.form);
}

export function passportPiece(c: Context): Piece {
  const w = randomUsPassport(c.rng);
  return val('US_PASSPORT', w.text, w.form);
}

export function passwordPiece(c: Context): Piece {
  const w = randomPassword(c.rng);
  return val('PASSWORD', w.text, w.form);
}

export function ipPiece(c: Context): Piece {
  const w = randomIp(c.rng);
  return val('IP_ADDRESS', w.text, w.form);
}

export function emailPiece(c: Context, p: Person = c.customer): Piece {
  if (!speak(c, 0.4)) return val('EMAIL', p.email, 'address');
  // Read aloud: "jane dot doe at gmail dot com", sometimes with the name spelled before.
  const said = p.email.replace(/\./g, ' dot ').replace('@', ' at ').replace(/_/g, ' underscore ').replace(/-/g, ' dash ').replace(/(\d)/g, ' $1 ').replace(/\s+/g, ' ').trim();
  return val('EMAIL', said, 'spoken');
}

/** Whether every letter is a Latin one (accents included); names and streets are also scored by script. */
const isLatin = (s: string) => !/\p{L}/u.test(s.replace(/\p{Script=Latin}/gu, ''));
const nameForm = (p: Person, what: string) => `${what}-${isLatin(p.first + p.last) ? 'latin' : 'non-latin'}`;

export const firstNamePiece = (p: Person) => val('PERSON', p.first, nameForm(p, 'first'));
export const lastNamePiece = (p: Person) => val('PERSON', p.last, nameForm(p, 'last'));

/** Full name; CJK-locale names are written family name first without a space. */
export function fullNamePiece(p: Person): Piece {
  const cjk = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(p.last);
  if (cjk) return val('PERSON', `${p.last}${p.first}`, nameForm(p, 'full'));
  // The same person is written the same way throughout a document.
  const middle = p.middleInitial ? ` ${p.middleInitial}${p.first.length % 2 ? '.' : ''}` : '';
  return val('PERSON', `${p.first}${middle} ${p.last}`, nameForm(p, 'full'));
}

/** "Mr. Lopez": the title stays outside the label (it is not the person's name). */
export function titledPieces(p: Person): Piece[] {
  return p.title ? [`${p.title} `, lastNamePiece(p)] : [firstNamePiece(p), ' ', lastNamePiece(p)];
}

export function streetPiece(c: Context): Piece {
  if (c.locale.id === 'en_US' && c.rng.chance(0.1)) {
    const w = randomSpecialAddress(c.rng);
    return val('STREET_ADDRESS', w.text, w.form);
  }
  return val('STREET_ADDRESS', c.address.street, isLatin(c.address.street) ? 'street-latin' : 'street-non-latin');
}

export const cityLinePiece = (c: Context) => val('STREET_ADDRESS', c.address.cityLine, 'city-line');

/** `Fax: none`: a field label (a hard negative) and a value that is not PII. */
export function fieldLabelPieces(c: Context): Piece[] {
  const [label, value] = c.rng.pick(N.FIELD_LABELS);
  return [neg('field-label', label), `: ${value}`];
}

/** A phrase using a word that is also a given name ("Will you…", "rose gold"); `sentence` starts it capitalized with a full stop. */
export function nameWordPieces(c: Context, sentence: boolean): Piece[] {
  const w = N.nameWord(c.rng);
  if (!sentence) return [w.before, neg('name-word', w.word), w.after];
  return [w.before.charAt(0).toUpperCase() + w.before.slice(1), neg('name-word', w.word), w.after, '.'];
}

export function negativePiece(c: Context, make: (rng: Rng) => NegativeValue = anyNumericNegative): Piece {
  const n = make(c.rng);
  return neg(n.kind, n.text);
}

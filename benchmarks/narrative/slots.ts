/**
 * The template language: text with slots in braces, each slot turned into labelled values, hard
 * negatives or plain text.
 *
 *   {p1} {p1:given} {p2:titled}     a person (same number, same person) in a form; no form: a drawn one
 *   {a} {a:street} {a:block} {a:po} a street-level address of the document's country (inline, street line
 *                                   only, a multi-line block, a post-office box or a US military address);
 *   {a:po-block}                    a post-office box as a multi-line block
 *   {a:corner}                      an intersection of two streets
 *   {phone} {email1} {dob} {iban} {ssn} {card}   other values ({email1}: an address made of p1's name)
 *   {city} {country} {region} {org} {brand} {product} {work} {date} {amount} {year}   hard negatives
 *   {=Will:name-word}               a literal hard negative of a kind
 */
import type { Faker } from '@faker-js/faker';
import { neg, val, type Piece } from '../blind/doc.js';
import type { Rng } from '../blind/rng.js';
import { addressLines, inlineAddress, randomAddress, randomPoBox, randomUsSpecial, type Address } from './addresses.js';
import { fakerFor, isCased, randomNameForm, randomPerson, writeName, type NameForm, type Person } from './people.js';

export interface SlotContext {
  rng: Rng;
  /** Language the document is written in (`en`, `de`…). */
  language: string;
  /** The faker locale most people and addresses of the document come from. */
  locale: string;
  /** Locales to draw a person from when not the main one. */
  otherLocales: readonly string[];
  /** Chance that a person is from another locale than the main one. */
  foreignShare: number;
  /** Chance that a name is written in lower case (messages). */
  lowerShare: number;
  persons: Map<string, Person>;
  addresses: Map<string, Address>;
}

const NAME_FORMS = new Set([
  'full', 'given', 'surname', 'titled', 'titled-full', 'initial-surname', 'middle-initial', 'with-middle', 'initials-only-given',
  'family-comma-given', 'upper-family',
]);

/** BCP 47 tag of a document language, for dates, numbers and country names. */
const BCP47: Record<string, string> = { en: 'en-US', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', it: 'it-IT', nl: 'nl-NL', pt: 'pt-PT', pl: 'pl-PL', sv: 'sv-SE', da: 'da-DK', cs: 'cs-CZ', tr: 'tr-TR' };
const tag = (language: string) => BCP47[language] ?? language;

/** Countries named alone in text (places, not addresses). */
const COUNTRY_CODES = ['DE', 'FR', 'ES', 'IT', 'NL', 'PT', 'PL', 'SE', 'GB', 'IE', 'US', 'CA', 'MX', 'BR', 'AR', 'JP', 'CN', 'IN', 'AU', 'NZ', 'ZA', 'NG', 'KE', 'EG', 'JO', 'GE', 'TR', 'GR', 'AT', 'CH', 'BE', 'DK', 'NO', 'FI', 'CZ', 'HU', 'RO', 'UA', 'MA', 'PH', 'VN', 'TH', 'KR', 'CL', 'PE', 'CO'];

function person(ctx: SlotContext, key: string): Person {
  let p = ctx.persons.get(key);
  if (!p) {
    const locale = ctx.rng.chance(ctx.foreignShare) ? ctx.rng.pick(ctx.otherLocales) : ctx.locale;
    p = randomPerson(locale, ctx.rng);
    ctx.persons.set(key, p);
  }
  return p;
}

function personSlot(ctx: SlotContext, key: string, formSpec: string | undefined): Piece[] {
  const p = person(ctx, key);
  const form = formSpec && NAME_FORMS.has(formSpec) ? (formSpec as NameForm) : randomNameForm(ctx.rng);
  const w = writeName(p, form, ctx.language, ctx.rng);
  let value = w.value;
  let formName = w.form;
  if (isCased(p) && ctx.rng.chance(ctx.lowerShare)) {
    value = value.toLowerCase();
    formName += '-lower';
  }
  return [w.title, val('PERSON', value, formName)];
}

function address(ctx: SlotContext, key: string, special: boolean): Address {
  const k = special ? `${key}#special` : key;
  let a = ctx.addresses.get(k);
  if (!a) {
    const locale = ctx.rng.chance(0.2) ? ctx.rng.pick(ctx.otherLocales) : ctx.locale;
    // A box: the country's own post-office box, or a US PO box or military address.
    a = special ? (ctx.rng.chance(0.3) ? undefined : randomPoBox(locale, ctx.rng)) ?? randomUsSpecial(ctx.rng) : randomAddress(locale, ctx.rng);
    ctx.addresses.set(k, a);
  }
  return a;
}

function countryName(language: string, code: string): string {
  return new Intl.DisplayNames([tag(language)], { type: 'region' }).of(code) ?? code;
}

function addressSlot(ctx: SlotContext, key: string, form: string | undefined): Piece[] {
  if (form === 'corner') {
    // An intersection: two streets of the document's locale, the way directions give a place.
    const f = fakerFor(ctx.locale, ctx.rng);
    const [x, y] = [f.location.street(), f.location.street()];
    return [val('STREET_ADDRESS', `${x}${ctx.rng.pick([' and ', ' & ', '/'])}${y}`, 'intersection')];
  }
  const special = form === 'po' || form === 'po-block';
  const a = address(ctx, key, special);
  if (form === 'block' || form === 'po-block') {
    const pieces: Piece[] = [];
    for (const line of addressLines(a)) pieces.push('\n', val('STREET_ADDRESS', line.text, `block-${line.form}`));
    if (ctx.rng.chance(0.25)) pieces.push('\n', val('STREET_ADDRESS', countryName(ctx.language, a.country), 'block-country-line'));
    return pieces;
  }
  const withCity = special || (form !== 'street' && ctx.rng.chance(0.6));
  let text = inlineAddress(a, withCity);
  // Some inline addresses end with the country; some are written without commas.
  if (withCity && ctx.rng.chance(0.15)) text += `, ${countryName(ctx.language, a.country)}`;
  if (a.joiner === ', ' && ctx.rng.chance(0.12)) text = text.replace(/, /g, ' ');
  const shape = special ? `${a.kind}-inline` : withCity ? 'inline-full' : 'inline-street';
  return [val('STREET_ADDRESS', text, `${shape}-${a.country}`)];
}

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

function dateText(ctx: SlotContext, d: Date): { text: string; form: string } {
  const style = ctx.rng.pick(['long', 'medium', 'numeric', 'iso', 'short'] as const);
  if (style === 'iso') return { text: d.toISOString().slice(0, 10), form: 'iso' };
  if (style === 'numeric') return { text: new Intl.DateTimeFormat(tag(ctx.language), { day: '2-digit', month: '2-digit', year: 'numeric' }).format(d), form: 'numeric' };
  return { text: new Intl.DateTimeFormat(tag(ctx.language), { dateStyle: style }).format(d), form: style };
}

function ssn(rng: Rng): string {
  let area = rng.int(1, 899);
  if (area === 666) area = 667;
  return `${String(area).padStart(3, '0')}-${String(rng.int(1, 99)).padStart(2, '0')}-${String(rng.int(1, 9999)).padStart(4, '0')}`;
}

function emailSlot(ctx: SlotContext, key: string): Piece[] {
  const p = ctx.persons.get(key || 'p1');
  const f = fakerFor('en', ctx.rng);
  const ascii = (s: string) =>
    s.replace(/[łŁ]/g, 'l').replace(/[øØ]/g, 'o').replace(/ß/g, 'ss').replace(/[đĐ]/g, 'd').replace(/[æÆ]/g, 'ae').replace(/ı/g, 'i')
      .normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
  const local = p && ascii(p.given) && ascii(p.family) ? `${ascii(p.given)}${ctx.rng.pick(['.', '_', ''])}${ascii(p.family)}` : f.internet.username().toLowerCase();
  return [val('EMAIL', `${local}${ctx.rng.chance(0.3) ? ctx.rng.int(1, 99) : ''}@${f.internet.domainName()}`, p ? 'from-name' : 'username')];
}

function misc(ctx: SlotContext, name: string, key: string): Piece[] | undefined {
  const f = (): Faker => fakerFor(ctx.locale, ctx.rng);
  const en = (): Faker => fakerFor('en', ctx.rng);
  const rng = ctx.rng;
  switch (name) {
    case 'phone': {
      const style = rng.pick(['human', 'national', 'international'] as const);
      return [val('PHONE_NUMBER', f().phone.number({ style }).replace(/\s*(x|ext\.?)\s*\d+$/, ''), style)];
    }
    case 'email':
      return emailSlot(ctx, key ? `p${key}` : 'p1');
    case 'dob': {
      const d = new Date(Date.UTC(rng.int(1940, 2006), rng.int(0, 11), rng.int(1, 28)));
      const t = dateText(ctx, d);
      return [val('DATE_OF_BIRTH', t.text, t.form)];
    }
    case 'date': {
      const d = new Date(Date.UTC(rng.int(2019, 2026), rng.int(0, 11), rng.int(1, 28)));
      return [neg('date', dateText(ctx, d).text)];
    }
    case 'iban': {
      const formatted = rng.chance(0.6);
      return [val('IBAN', en().finance.iban({ formatted }), formatted ? 'grouped' : 'compact')];
    }
    case 'ssn':
      return [val('US_SSN', ssn(rng), 'dashed')];
    case 'card':
      return [val('CREDIT_CARD', en().finance.creditCardNumber().replace(/-/g, rng.pick(['-', ' ', ''])), 'faker')];
    case 'city':
      return [neg('place-city', fakerFor(rng.chance(0.7) ? ctx.locale : rng.pick(ctx.otherLocales), rng).location.city())];
    case 'region':
      return [neg('place-region', f().location.state())];
    case 'country':
      return [neg('place-country', countryName(ctx.language, rng.pick(COUNTRY_CODES)))];
    case 'org':
      return [neg('organisation', f().company.name())];
    case 'brand':
      return [neg('brand', en().vehicle.manufacturer())];
    case 'product':
      return [neg('product', en().commerce.productName())];
    case 'work': {
      const e = en();
      const t = rng.pick([`The ${cap(e.word.adjective())} ${cap(e.word.noun())}`, `${cap(e.word.noun())} of the ${cap(e.word.noun())}`, `${cap(e.word.adjective())} ${cap(e.word.noun())}s`]);
      return [neg('work-title', t)];
    }
    case 'amount': {
      const currency = rng.pick(['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'PLN', 'BRL', 'MXN']);
      return [neg('amount', new Intl.NumberFormat(tag(ctx.language), { style: 'currency', currency }).format(rng.int(5, 250000) / (rng.chance(0.5) ? 1 : 100)))];
    }
    case 'year':
      return [neg('year', String(rng.int(1950, 2026)))];
    default:
      return undefined;
  }
}

/** Turns one slot (the text between braces) into pieces. */
export function fillSlot(ctx: SlotContext, spec: string): Piece[] {
  if (spec.startsWith('=')) {
    const i = spec.lastIndexOf(':');
    if (i < 0) throw new Error(`slot {${spec}}: a literal negative needs a kind, e.g. {=Will:name-word}`);
    return [neg(spec.slice(i + 1), spec.slice(1, i))];
  }
  const [head = '', form] = spec.split(':');
  const m = /^([a-z]+)(\d*)$/.exec(head);
  if (!m) throw new Error(`slot {${spec}}: cannot read it; write a name like {p1:given} or {city}`);
  const [, name = '', n = ''] = m;
  if (name === 'p') return personSlot(ctx, `p${n || '1'}`, form);
  if (name === 'a') return addressSlot(ctx, `a${n || '1'}`, form);
  const pieces = misc(ctx, name, n);
  if (!pieces) throw new Error(`slot {${spec}}: no slot named "${name}"`);
  return pieces;
}

/** Expands a template into pieces; `\n` in templates is kept. */
export function expand(ctx: SlotContext, template: string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{([^{}]+)\}/g)) {
    pieces.push(template.slice(last, m.index));
    pieces.push(...fillSlot(ctx, m[1]!));
    last = m.index + m[0].length;
  }
  pieces.push(template.slice(last));
  return pieces.filter((p) => p !== '');
}

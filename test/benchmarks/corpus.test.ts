import { describe, expect, it } from 'vitest';
import luhn from 'luhn';
import validator from 'validator';
import { parsePhoneNumberFromString, isValidPhoneNumber } from 'libphonenumber-js/max';
import { DOC_KINDS, ENTITIES, NEGATIVE_KINDS, careDocs, labelledCorpus, splitDocs, type LabelledSpan, type NegativeSpan } from '../../benchmarks/corpus.js';
import { cardBrand } from '../../src/validators/card.js';
import { abaChecksum, itinRange, ssnArea } from '../../src/validators/national-id.js';
import { cardExpiry, dobPlausible } from '../../src/validators/dates.js';
import { countDigits, countText, scoreDoc } from '../../benchmarks/peers/score.js';

const opts = { defaultRegion: 'US', currentYear: new Date().getFullYear() };
const v = (f: (i: { text: string; digits: string; options: typeof opts }) => boolean | undefined, text: string, digits = text.replace(/\D/g, '')) => f({ text, digits, options: opts }) === true;

const WORD_DIGIT: Record<string, string> = { zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9' };
/** Digits of a value as written or read out ("four one, oh five" → "4105"). */
function digitsOf(text: string): string {
  return text.toLowerCase().split(/[^a-z0-9]+/).map((w) => WORD_DIGIT[w] ?? w.replace(/\D/g, '')).join('');
}
const isCard = (ds: string) => luhn.validate(ds) && cardBrand(ds) !== undefined;
const NINO = /^(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]$/;

/** Each entity's own validator. */
const VALID: Record<string, (s: LabelledSpan) => boolean> = {
  CREDIT_CARD: (s) => isCard(digitsOf(s.value)) && digitsOf(s.value) === s.digits,
  CARD_CVV: (s) => /^\d{3,4}$/.test(digitsOf(s.value)),
  CARD_EXPIRY: (s) => v(cardExpiry, s.value, digitsOf(s.value)),
  PIN: (s) => /^\d{4,6}$/.test(digitsOf(s.value)),
  CARD_TRACK_DATA: (s) => {
    const m = /^(?:%B(\d{13,19})\^[A-Z /.'-]{2,26}\^\d{7,40}\?|;(\d{13,19})=\d{7,40}\?)$/.exec(s.value);
    return m !== null && isCard((m[1] ?? m[2])!);
  },
  EMAIL: (s) => validator.isEmail(s.value),
  PHONE_NUMBER: (s) => (s.value.startsWith('+') ? parsePhoneNumberFromString(s.value)?.isValid() === true : isValidPhoneNumber(digitsOf(s.value).replace(/^1(?=\d{10}$)/, ''), 'US')),
  US_SSN: (s) => /^\d{3}([- ]?)\d{2}\1\d{4}$|^[a-z ]+$/.test(s.value) && v(ssnArea, s.value, digitsOf(s.value)),
  US_ITIN: (s) => v(itinRange, s.value),
  IBAN: (s) => validator.isIBAN(s.value.replace(/ /g, '')),
  US_BANK_ROUTING: (s) => v(abaChecksum, s.value),
  BANK_ACCOUNT: (s) => /^\d{6,17}$/.test(s.value.replace(/ /g, '')),
  IP_ADDRESS: (s) => validator.isIP(s.value),
  STREET_ADDRESS: (s) => /^\d+[A-Z]? [A-Z][a-z]+ (Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive|Terrace|Court|Way)( NW)?$/.test(s.value),
  POSTAL_CODE: (s) => validator.isPostalCode(s.value, 'US') || validator.isPostalCode(s.value, 'GB'),
  DATE_OF_BIRTH: (s) => v(dobPlausible, s.value),
  PERSON: (s) => /^[A-Z][a-z]+( [A-Z][a-z]+)?$/.test(s.value),
  US_PASSPORT: (s) => /^([A-Z]\d{8}|[1-9]\d{8})$/.test(s.value),
  DRIVER_LICENSE: (s) => /^[A-Z0-9]{7,13}$/.test(s.value) && /\d/.test(s.value),
  PASSWORD: (s) => /^\S{4,}$/.test(s.value) && /\d/.test(s.value),
  UK_NINO: (s) => NINO.test(s.value),
};

/** A negative is not valid as any entity it could be taken for. */
function negativeLooksValid(n: NegativeSpan): string | undefined {
  const ds = n.value.replace(/\D/g, '');
  if (ds.length >= 13 && ds.length <= 19 && isCard(ds)) return 'card';
  if (/^\d{3}-\d{2}-\d{4}$/.test(n.value)) return 'ssn';
  if (validator.isIBAN(n.value.replace(/ /g, ''))) return 'iban';
  if (validator.isIP(n.value)) return 'ip';
  if (validator.isEmail(n.value)) return 'email';
  if (/^[\d\s().+-]+$/.test(n.value) && ds.length >= 10 && ds.length <= 11 && isValidPhoneNumber(ds, 'US')) return 'phone';
  return undefined;
}

describe('labelledCorpus', () => {
  const c = labelledCorpus({ bytes: 40_000, seed: 7 });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(labelledCorpus({ bytes: 40_000, seed: 7 })).toEqual(c);
    expect(labelledCorpus({ bytes: 40_000, seed: 8 }).text).not.toBe(c.text);
    const a = [...careDocs(200_000, 3, 64_000)];
    expect(a.map((d) => d.length)).toEqual([64_000, 64_000, 64_000, 8_000]);
    expect([...careDocs(200_000, 3, 64_000)]).toEqual(a);
  });

  it('labels the text at its offsets, in order, without overlaps', () => {
    for (const s of [...c.spans, ...c.negatives]) expect(c.text.slice(s.start, s.end)).toBe(s.value);
    const all = [...c.spans, ...c.negatives].sort((a, b) => a.start - b.start);
    for (let i = 1; i < all.length; i++) expect(all[i]!.start).toBeGreaterThanOrEqual(all[i - 1]!.end);
  });

  it('carries every entity, every hard negative and every document kind', () => {
    expect(new Set(c.spans.map((s) => s.entity))).toEqual(new Set(ENTITIES));
    expect(new Set(c.negatives.map((n) => n.kind))).toEqual(new Set(NEGATIVE_KINDS));
    expect(new Set(c.docs.map((d) => d.kind))).toEqual(new Set(DOC_KINDS));
    expect(c.spans.some((s) => s.format.startsWith('spoken'))).toBe(true);
  });

  it('every labelled value passes its entity’s validator; numeric digits match the value', () => {
    const big = labelledCorpus({ bytes: 200_000, seed: 11 });
    const bad = big.spans.filter((s) => !VALID[s.entity]!(s));
    expect(bad.slice(0, 5)).toEqual([]);
    for (const s of big.spans) if (s.digits !== undefined && s.entity !== 'CARD_TRACK_DATA') expect(digitsOf(s.value)).toBe(s.digits);
  });

  it('the validators used above reject a corrupted check digit', () => {
    const flip = (t: string) => t.slice(0, -1) + String((Number(t.at(-1)) + 1) % 10);
    for (const e of ['CREDIT_CARD', 'US_BANK_ROUTING'] as const) {
      const s = c.spans.find((x) => x.entity === e && /\d$/.test(x.value))!;
      expect(VALID[e]!({ ...s, value: flip(s.value), digits: flip(s.digits!) })).toBe(false);
    }
    const iban = c.spans.find((x) => x.entity === 'IBAN' && /\d$/.test(x.value))!;
    expect(VALID.IBAN!({ ...iban, value: flip(iban.value) })).toBe(false);
  });

  it('no hard negative is valid as a card, SSN, IBAN, IP, e-mail or phone number', () => {
    const big = labelledCorpus({ bytes: 200_000, seed: 12 });
    const bad = big.negatives.map((n) => [n.value, negativeLooksValid(n)]).filter(([, why]) => why !== undefined);
    expect(bad).toEqual([]);
  });

  it('splits into documents whose offsets are relative', () => {
    const docs = splitDocs(c);
    expect(docs.map((d) => d.text).join('\n')).toBe(c.text);
    for (const d of docs) for (const s of [...d.spans, ...d.negatives]) expect(d.text.slice(s.start, s.end)).toBe(s.value);
  });
});

describe('scoring', () => {
  it('counts text at word boundaries and digit strings across separators', () => {
    expect(countText('a 123 b 1234', '123')).toBe(1);
    expect(countDigits('card 4111-1111 1111.1111 end', '4111111111111111')).toBe(1);
    expect(countDigits('x 41111111111111112', '4111111111111111')).toBe(0);
  });

  it('a value is leaked if it survives, a negative damaged if it does not; unlabelled twins are discounted', () => {
    const text = 'Order 782331 paid 123. CVV 123 given.';
    const doc = {
      kind: 'notes' as const,
      text,
      spans: [{ start: 27, end: 30, entity: 'CARD_CVV' as const, value: '123', digits: '123', format: 'written' }],
      negatives: [{ start: 6, end: 12, kind: 'order-id' as const, value: '782331' }],
    };
    const ok = scoreDoc(doc, 'Order 782331 paid 123. CVV [CARD_CVV] given.');
    expect([ok.caught.length, ok.leaked.length, ok.damaged.length]).toEqual([1, 0, 0]);
    const bad = scoreDoc(doc, 'Order [DIGITS] paid 123. CVV 1 2 3 given.');
    expect([bad.caught.length, bad.leaked.length, bad.damaged.length]).toEqual([0, 1, 1]);
  });
});

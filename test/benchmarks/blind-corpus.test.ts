import fc from 'fast-check';
import luhn from 'luhn';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { generateCorpus, generateDocument } from '../../benchmarks/blind/corpus.js';
import { DOC_KINDS, ENTITIES, val, type LabelledDocument } from '../../benchmarks/blind/doc.js';
import { align, countDigits, isMasked, labelText } from '../../benchmarks/blind/scoring.js';
import { digitsFromWords, randomStyle, speakGroups } from '../../benchmarks/blind/spoken.js';
import { Rng } from '../../benchmarks/blind/rng.js';
import { randomCard } from '../../benchmarks/blind/values/cards.js';
import { nativeDigits, toAsciiDigits } from '../../benchmarks/blind/values/digits.js';

// Checks are written here again, or taken from the luhn package, so the generator is not its own judge.
const ibanValid = (s: string) => {
  const t = s.replace(/[\s-]/g, '').toUpperCase();
  const numeric = (t.slice(4) + t.slice(0, 4)).replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of numeric) rem = (rem * 10 + Number(ch)) % 97;
  return rem === 1;
};

const abaValid = (d: string) => {
  const w = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  return d.length === 9 && [...d].reduce((s, c, i) => s + Number(c) * w[i]!, 0) % 10 === 0;
};

/** The digits a label holds, spoken or written. */
const digitsOf = (text: string) => (/\p{L}{3,}/u.test(text) ? digitsFromWords(text) : toAsciiDigits(text).replace(/\D/g, ''));

function checkDocument(doc: LabelledDocument): void {
  const spans = [...doc.labels.flatMap((l) => l.parts), ...doc.negatives.map((n) => n.span)].sort((a, b) => a.start - b.start);
  spans.forEach((s, i) => {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(doc.text.length);
    expect(s.end).toBeGreaterThan(s.start);
    // Values and negatives never overlap: a span is either labelled or a negative, not both.
    if (i > 0) expect(s.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    const t = doc.text.slice(s.start, s.end);
    expect(t.trim()).toBe(t);
    // Whole tokens: never glued to a letter or digit on either side.
    expect(doc.text.slice(s.start - 1, s.start), t).not.toMatch(/[\p{L}\p{N}]/u);
    expect(doc.text.slice(s.end, s.end + 1), t).not.toMatch(/[\p{L}\p{N}]/u);
  });
}

describe('blind corpus generator', () => {
  it('gives the same document for the same seed and index, and different ones for other seeds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.nat(500), (seed, index) => {
        const a = generateDocument(seed, index);
        expect(generateDocument(seed, index)).toEqual(a);
        expect(generateDocument(seed + 1, index).text).not.toBe(a.text);
      }),
      { seed: 16_017, numRuns: 40 },
    );
  });

  it("keeps every label's and negative's offsets on its own text, without overlaps", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.nat(2000), (seed, index) => checkDocument(generateDocument(seed, index))),
      { seed: 16_018, numRuns: 300 },
    );
  });

  const corpus = generateCorpus(7, 400);
  const labelled = (entity: string) => corpus.flatMap((d) => d.labels.filter((l) => l.entity === entity).map((l) => ({ l, text: labelText(d, l) })));

  it('covers every entity, every document kind, and has at least as many hard negatives as values', () => {
    for (const e of ENTITIES) expect(labelled(e).length, e).toBeGreaterThan(5);
    for (const k of DOC_KINDS) expect(corpus.some((d) => d.kind === k), k).toBe(true);
    const values = corpus.reduce((n, d) => n + d.labels.length, 0);
    const negatives = corpus.reduce((n, d) => n + d.negatives.length, 0);
    expect(negatives).toBeGreaterThanOrEqual(values * 0.95);
    expect(new Set(corpus.map((d) => d.locale)).size).toBeGreaterThan(40);
    expect(new Set(corpus.map((d) => d.language)).size).toBeGreaterThan(3);
  });

  it('writes only Luhn-valid card numbers of 12–19 digits, written or spoken', () => {
    const cards = labelled('CREDIT_CARD');
    expect(cards.some(({ l }) => l.form.startsWith('spoken'))).toBe(true);
    for (const { text } of cards) {
      const d = digitsOf(text);
      expect(d.length, text).toBeGreaterThanOrEqual(12);
      expect(d.length, text).toBeLessThanOrEqual(19);
      expect(luhn.validate(d), text).toBe(true);
    }
  });

  it('writes card numbers in other digit scripts that stay Luhn-valid', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('ar', 'fa', 'ne', 'bn_BD', 'ja', 'th'), (seed, locale) => {
        const rng = new Rng(seed);
        const card = randomCard(rng);
        const [piece] = nativeDigits([val('CREDIT_CARD', card.digits, 'plain')], locale, new Rng(1));
        const text = typeof piece === 'object' && 'value' in piece ? piece.value : '';
        if (text !== card.digits) expect(text).not.toMatch(/[0-9]/);
        expect(toAsciiDigits(text)).toBe(card.digits);
        expect(luhn.validate(toAsciiDigits(text))).toBe(true);
      }),
      { seed: 16_020, numRuns: 200 },
    );
  });

  it('writes IBANs that pass mod 97 (lower case included) and routing numbers that pass the ABA checksum', () => {
    const ibans = labelled('IBAN');
    expect(ibans.some(({ text }) => text !== text.toUpperCase())).toBe(true);
    for (const { text } of ibans) expect(ibanValid(toAsciiDigits(text)), text).toBe(true);
    for (const { l, text } of labelled('US_BANK_ROUTING')) if (l.form !== 'spoken') expect(abaValid(toAsciiDigits(text)), text).toBe(true);
  });

  it('writes phone numbers that the numbering plans accept', () => {
    const e164 = labelled('PHONE_NUMBER').filter(({ l }) => l.form.startsWith('e164'));
    expect(e164.length).toBeGreaterThan(5);
    for (const { text } of e164) expect(isValidPhoneNumber(toAsciiDigits(text)), text).toBe(true);
  });

  it('draws non-Luhn 16-digit references and Luhn-valid IMEIs, as the real ones are', () => {
    const negs = corpus.flatMap((d) => d.negatives.map((n) => ({ kind: n.kind, text: d.text.slice(n.span.start, n.span.end) })));
    const refs = negs.filter((n) => n.kind === 'non-luhn-16');
    const imeis = negs.filter((n) => n.kind === 'imei');
    expect(refs.length).toBeGreaterThan(5);
    expect(imeis.length).toBeGreaterThan(5);
    for (const r of refs) expect(luhn.validate(r.text.replace(/\D/g, '')), r.text).toBe(false);
    for (const r of imeis) expect(luhn.validate(r.text.replace(/\D/g, '')), r.text).toBe(true);
  });

  it('writes JSON documents that parse', () => {
    for (const d of corpus.filter((x) => x.kind === 'json')) expect(() => JSON.parse(d.text)).not.toThrow();
  });
});

describe('spoken numbers', () => {
  it('reads back the digits it spoke, whatever the style', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^\d{1,6}$/), { minLength: 1, maxLength: 6 }), fc.nat(), (groups, seed) => {
        const rng = new Rng(seed);
        expect(digitsFromWords(speakGroups(groups, rng, randomStyle(rng)))).toBe(groups.join(''));
      }),
      { seed: 16_019, numRuns: 500 },
    );
  });
});

describe('span scoring', () => {
  const doc = (text: string, value: string, entity: LabelledDocument['labels'][number]['entity']): LabelledDocument => {
    const start = text.indexOf(value);
    return { seed: 0, index: 0, kind: 'chat', locale: 'en', language: 'en', text, labels: [{ entity, form: 'x', parts: [{ start, end: start + value.length }] }], negatives: [] };
  };

  it('maps label masks, same-length masks and removals back onto the input', () => {
    const text = 'card 4111 1111 1111 1111 ok, name Maria Lopez, cvv 123.';
    const findings = [
      { start: 5, end: 24, entity: 'CREDIT_CARD' },
      { start: 34, end: 45, entity: 'PERSON' },
      { start: 51, end: 54, entity: 'CARD_CVV' },
    ];
    const out = 'card •••• •••• •••• 1111 ok, name [PERSON], cvv .';
    const map = align(text, out, findings);
    expect(map.slice(20, 24).join('')).toBe('1111');
    expect(map.slice(34, 45).every((c) => c === null)).toBe(true);
    expect(map.slice(51, 54).every((c) => c === null)).toBe(true);
    expect(map.slice(0, 5).join('')).toBe('card ');
    expect(() => align(text, 'card ' + out.slice(5).replace('ok', 'OK'), findings)).toThrow(/^align: /);
  });

  it('counts a card keeping its last four as masked, and one keeping more as a leak', () => {
    const text = 'card 4111 1111 1111 1111 ok';
    const d = doc(text, '4111 1111 1111 1111', 'CREDIT_CARD');
    const f = [{ start: 5, end: 24, entity: 'CREDIT_CARD' }];
    expect(isMasked(d, d.labels[0]!, align(text, 'card •••• •••• •••• 1111 ok', f))).toBe(true);
    expect(isMasked(d, d.labels[0]!, align(text, 'card 4111 11•• •••• 1111 ok', f))).toBe(false);
    const partial = [{ start: 5, end: 14, entity: 'CREDIT_CARD' }];
    expect(isMasked(d, d.labels[0]!, align(text, 'card [CREDIT_CARD] 1111 1111 ok', partial))).toBe(false);
  });

  it('counts a name as leaked when any word of three letters or more survives, and spoken digits as digits', () => {
    const text = 'I am Krisztián Szöllösy.';
    const d = doc(text, 'Krisztián Szöllösy', 'PERSON');
    expect(isMasked(d, d.labels[0]!, align(text, 'I am [PERSON]án Szöllösy.', [{ start: 5, end: 12, entity: 'PERSON' }]))).toBe(false);
    expect(isMasked(d, d.labels[0]!, align(text, 'I am [PERSON].', [{ start: 5, end: 23, entity: 'PERSON' }]))).toBe(true);
    expect(countDigits('four one double one, triple oh')).toBe(7);
  });
});

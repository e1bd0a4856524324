import fc from 'fast-check';
import luhn from 'luhn';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../benchmarks/blind/rng.js';
import { generateCorpus, generateDocument, type NarrativeDocument } from '../../benchmarks/narrative/corpus.js';
import { randomPoBox } from '../../benchmarks/narrative/addresses.js';
import { nameScript, PERSON_LOCALES } from '../../benchmarks/narrative/people.js';
import { scoreCorpus, type CreateRedactor } from '../../benchmarks/narrative/score.js';
import { expand, type SlotContext } from '../../benchmarks/narrative/slots.js';
import { FILLERS } from '../../benchmarks/narrative/templates/fillers.js';
import { LANGUAGES } from '../../benchmarks/narrative/templates/index.js';
import { GENRES } from '../../benchmarks/narrative/templates/types.js';

// Checks written again here, so the generator is not its own judge.
const ibanValid = (s: string) => {
  const t = s.replace(/\s/g, '').toUpperCase();
  const numeric = (t.slice(4) + t.slice(0, 4)).replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of numeric) rem = (rem * 10 + Number(ch)) % 97;
  return rem === 1;
};

const textOf = (doc: NarrativeDocument, span: { start: number; end: number }) => doc.text.slice(span.start, span.end);

function checkDocument(doc: NarrativeDocument): void {
  const spans = [...doc.labels.flatMap((l) => l.parts), ...doc.negatives.map((n) => n.span)].sort((a, b) => a.start - b.start);
  spans.forEach((s, i) => {
    expect(s.end).toBeLessThanOrEqual(doc.text.length);
    expect(s.end).toBeGreaterThan(s.start);
    if (i > 0) expect(s.start, doc.text).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    const t = textOf(doc, s);
    expect(t.trim(), doc.text).toBe(t);
    // Whole words: a span is never glued to a letter or digit on either side.
    expect(doc.text.slice(s.start - 1, s.start), `${t} in ${doc.text}`).not.toMatch(/[\p{L}\p{N}]/u);
    expect(doc.text.slice(s.end, s.end + 1), `${t} in ${doc.text}`).not.toMatch(/[\p{L}\p{N}]/u);
  });
  for (const l of doc.labels) {
    const t = l.parts.map((p) => textOf(doc, p)).join('\n');
    switch (l.entity) {
      case 'PERSON':
        // A name: letters, marks, spaces, apostrophes, hyphens and initials' dots; no title inside it.
        expect(t, doc.text).toMatch(l.form.startsWith('family-comma-given') ? /^[\p{L}\p{M}][\p{L}\p{M}'’\-. ]*, [\p{L}\p{M}'’\-. ]+$/u : /^[\p{L}\p{M}][\p{L}\p{M}'’\-. ]*$/u);
        expect(t).not.toMatch(/^(Mr|Mrs|Ms|Dr|Herr|Frau|Mme|Sr|Sra)\.?\s/);
        if (l.form.endsWith('-lower')) expect(t).toBe(t.toLowerCase());
        break;
      case 'STREET_ADDRESS':
        // A street line holds a number or a PO/military box; a city line a city (Hong Kong has no postcode).
        if (l.form === 'block-country-line') expect(t).toMatch(/^[\p{L}\p{M} .'-]+$/u);
        else if (l.form === 'block-city-line') expect(t).toMatch(/[\p{L}\p{N}]/u);
        else if (l.form === 'intersection') expect(t).toMatch(/ and | & |\//);
        else if (l.form !== 'block-unit-line') expect(t, `${l.form}: ${t}`).toMatch(/\p{N}|USNS/u);
        break;
      case 'EMAIL':
        expect(t).toMatch(/^[^\s@]+@[^\s@]+\.[a-z]+$/);
        break;
      case 'IBAN':
        expect(ibanValid(t), t).toBe(true);
        break;
      case 'US_SSN':
        expect(t).toMatch(/^(?!000|666|9)\d{3}-(?!00)\d{2}-(?!0000)\d{4}$/);
        break;
      case 'CREDIT_CARD':
        expect(luhn.validate(t.replace(/\D/g, '')), t).toBe(true);
        break;
      case 'DATE_OF_BIRTH':
        expect(t).toMatch(/\d/);
        break;
      case 'PHONE_NUMBER':
        expect(t.replace(/\D/g, '').length).toBeGreaterThanOrEqual(6);
        break;
      default:
        throw new Error(`unexpected entity ${l.entity}`);
    }
  }
}

describe('narrative corpus generator', () => {
  it('gives the same document for the same seed and index, and other documents for other seeds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.nat(3000), (seed, index) => {
        const a = generateDocument(seed, index);
        expect(generateDocument(seed, index)).toEqual(a);
        expect(generateDocument(seed + 1, index).text).not.toBe(a.text);
      }),
      { seed: 17_001, numRuns: 40 },
    );
  });

  it('keeps every label and negative on its own text, whole words, without overlaps, values of their shape', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.nat(5000), (seed, index) => checkDocument(generateDocument(seed, index))),
      { seed: 17_002, numRuns: 400 },
    );
  });

  it('expands every template of every language and genre', () => {
    for (const lang of LANGUAGES) {
      for (const g of GENRES) {
        expect(lang.templates[g].length, `${lang.code} ${g}`).toBeGreaterThan(0);
        for (const t of lang.templates[g]) {
          const ctx: SlotContext = {
            rng: new Rng(7), language: lang.code, locale: lang.locales[0]!, otherLocales: PERSON_LOCALES, foreignShare: 0.5,
            lowerShare: 0, persons: new Map(), addresses: new Map(),
          };
          const pieces = expand(ctx, t);
          const text = pieces.map((p) => (typeof p === 'string' ? p : 'value' in p ? p.value : 'negative' in p ? p.negative : p.part)).join('');
          expect(text, t).not.toMatch(/[{}]/);
        }
      }
    }
  });

  const corpus = [1, 2, 3].flatMap((s) => generateCorpus(s, 500));

  it('covers every genre and language, names of many scripts, addresses of many countries, and hard negatives of each kind', () => {
    for (const g of GENRES) expect(corpus.some((d) => d.kind === g), g).toBe(true);
    // Some documents hold no personal data, only hard negatives.
    const plain = corpus.filter((d) => d.kind === 'plain');
    expect(plain.length).toBeGreaterThan(10);
    for (const d of plain) {
      expect(d.labels).toEqual([]);
      expect(d.negatives.length).toBeGreaterThan(0);
    }
    for (const l of LANGUAGES) expect(corpus.some((d) => d.language === l.code), l.code).toBe(true);
    const names = corpus.flatMap((d) => d.labels.filter((l) => l.entity === 'PERSON').map((l) => textOf(d, l.parts[0]!)));
    expect(new Set(names.map(nameScript)).size).toBeGreaterThanOrEqual(8);
    expect(names.filter((n) => /[^\x00-\x7f]/.test(n)).length).toBeGreaterThan(names.length * 0.1);
    const countries = new Set(corpus.flatMap((d) => d.labels.filter((l) => l.entity === 'STREET_ADDRESS').map((l) => l.form.split('-').pop())));
    expect(countries.size).toBeGreaterThan(15);
    const forms = new Set(corpus.flatMap((d) => d.labels.map((l) => `${l.entity} ${l.form}`)));
    for (const f of ['block-street-line', 'block-city-line', 'block-unit-line', 'intersection', 'block-country-line']) expect(forms.has(`STREET_ADDRESS ${f}`), f).toBe(true);
    expect([...forms].some((f) => f.includes('po-box'))).toBe(true);
    expect([...forms].some((f) => f.includes('military'))).toBe(true);
    for (const f of ['full', 'given', 'surname', 'titled', 'titled-full', 'initial-surname', 'middle-initial', 'with-middle', 'given-lower', 'family-comma-given', 'upper-family']) expect(forms.has(`PERSON ${f}`), f).toBe(true);
    const kinds = new Set(corpus.flatMap((d) => d.negatives.map((n) => n.kind)));
    for (const k of ['name-word', 'place-city', 'place-country', 'organisation', 'brand', 'work-title']) expect(kinds.has(k), k).toBe(true);
    expect(new Set(corpus.map((d) => d.locale)).size).toBeGreaterThan(15);
  });

  it("writes each country's own post-office box, with its postcode-and-city line", () => {
    const words: Record<string, RegExp> = {
      de: /^Postfach \d/, fr: /^(BP|Boîte postale|CS) \d/, es: /^(Apartado de Correos|Apdo\.) \d/, it: /^(Casella Postale|C\.P\.) \d/,
      nl: /^Postbus \d/, pt_BR: /^(Caixa Postal|C\.P\.) \d/, pl: /^(skr\. poczt\.|Skrytka pocztowa) \d/, sv: /^Box \d/, da: /^Postboks \d/,
      tr: /^P\.K\. \d/, en_GB: /^P\.?O\.? Box \d/,
    };
    const rng = new Rng(3);
    for (const [locale, re] of Object.entries(words)) {
      const box = randomPoBox(locale, rng);
      expect(box?.street, locale).toMatch(re);
      expect(box?.cityLine, locale).toMatch(/\p{L}/u);
      expect(box?.unit, locale).toBeUndefined();
    }
  });

  it('writes filler sentences of every language with hard negatives and no values', () => {
    for (const lang of LANGUAGES) {
      const fillers = FILLERS[lang.code] ?? [];
      expect(fillers.length, lang.code).toBeGreaterThan(3);
      for (const t of fillers) {
        const ctx: SlotContext = {
          rng: new Rng(9), language: lang.code, locale: lang.locales[0]!, otherLocales: PERSON_LOCALES, foreignShare: 0, lowerShare: 0,
          persons: new Map(), addresses: new Map(),
        };
        const pieces = expand(ctx, t);
        expect(pieces.some((p) => typeof p !== 'string' && 'value' in p), t).toBe(false);
        expect(pieces.some((p) => typeof p !== 'string' && 'negative' in p), t).toBe(true);
      }
    }
  });

  it('writes templates of at most four sentences', () => {
    const sentences = (t: string) => (t.replace(/\{[^}]*\}/g, 'X').replace(/\n/g, ' ').match(/[.!?](\s|$)/g) ?? []).length;
    for (const lang of LANGUAGES) for (const g of GENRES) for (const t of lang.templates[g]) expect(sentences(t), t).toBeLessThanOrEqual(4);
  });
});

describe('narrative scorer', () => {
  const docs = generateCorpus(11, 60);
  const wholeText: CreateRedactor = () => ({
    redact: (text) => ({ text: '[PERSON]', findings: [{ start: 0, end: text.length, entity: 'PERSON' }], errors: [] }),
  });
  const nothing: CreateRedactor = () => ({ redact: (text) => ({ text, findings: [], errors: [] }) });

  it('counts every value masked and every unlabelled word altered when the whole text is masked', () => {
    const s = scoreCorpus(wholeText, [11], docs);
    expect(s.overall.masked).toBe(s.overall.n);
    expect(s.wordsAltered).toBe(s.unlabelledWords);
    expect(s.negativesDamaged).toBe(s.negatives);
    expect(s.entities.PERSON!.typed).toBe(s.entities.PERSON!.n);
  });

  it('counts nothing masked and nothing altered when the text is returned unchanged', () => {
    const s = scoreCorpus(nothing, [11], docs);
    expect(s.overall.masked).toBe(0);
    expect(s.wordsAltered).toBe(0);
    expect(s.negativesDamaged).toBe(0);
    const scripts = Object.values(s.personScripts).reduce((n, t) => n + t.n, 0);
    expect(scripts).toBe(s.entities.PERSON!.n);
  });

  it('counts a name leaked when a word of three letters of it survives', () => {
    const doc = docs.find((d) => d.labels.some((l) => l.entity === 'PERSON' && textOf(d, l.parts[0]!).includes(' ')))!;
    const label = doc.labels.find((l) => l.entity === 'PERSON' && textOf(doc, l.parts[0]!).includes(' '))!;
    const span = label.parts[0]!;
    const firstWordEnd = doc.text.indexOf(' ', span.start);
    // Masks only the first word of the name: the rest of it stays and is a leak.
    const partial: CreateRedactor = () => ({
      redact: (text) => ({ text: `${text.slice(0, span.start)}[PERSON]${text.slice(firstWordEnd)}`, findings: [{ start: span.start, end: firstWordEnd, entity: 'PERSON' }], errors: [] }),
    });
    const s = scoreCorpus(partial, [11], [doc]);
    const rest = doc.text.slice(firstWordEnd, span.end);
    const leaks = (rest.match(/[\p{L}\p{M}]+/gu) ?? []).some((w) => [...w].length >= 3 || /\p{Script=Han}|\p{Script=Hangul}/u.test(w));
    expect(s.entities.PERSON!.masked).toBe(leaks ? 0 : 1);
  });
});

import fc from 'fast-check';
import { getCountries, getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { DEFAULT_PHONE_REGIONS } from '../../src/validators/phone.js';
import { redactInChunks } from '../support/chunked.js';

const redactor = createRedactor({ currentYear: 2026 });
const digitsOf = (s: string) => s.replace(/\D/g, '');

/**
 * A national number of `region`: the library's example mobile number with its digits after the first three
 * redrawn (from `draw`) until the library calls it valid for that region; written as the library formats it.
 */
function nationalNumber(region: string, draw: number[]): string | undefined {
  const example = getExampleNumber(region as CountryCode, examples);
  if (!example) return undefined;
  const national = example.formatNational();
  const base = digitsOf(national);
  for (let attempt = 0; attempt < 20; attempt++) {
    let k = attempt;
    const d = [...base].map((c, i) => (i < 3 ? c : String(draw[k++ % draw.length]! % 10))).join('');
    const p = parsePhoneNumberFromString(d, region as CountryCode);
    if (p?.isValid() && p.country === region) return p.formatNational();
  }
  return undefined;
}

const regions = fc.constantFrom(...DEFAULT_PHONE_REGIONS);
// At least four different digits: "512 000 000" reads as a street number and a postcode to the address rules.
const draws = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }).filter((d) => new Set(d).size >= 4);
const separator = fc.constantFrom(' ', '-', '.');

/** The library's national grouping written with one separator ("0408-344-286"); parentheses kept. */
const withSeparator = (national: string, sep: string) => national.replace(/[ -]/g, sep);
/** The digits in pairs, the first group of one or two ("04 08 34 42 86"). */
const inPairs = (national: string) => {
  const d = digitsOf(national);
  const head = d.length % 2 ? d.slice(0, 1) : d.slice(0, 2);
  return [head, ...(d.slice(head.length).match(/\d{2}/g) ?? [])].join(' ');
};

describe('national phone numbers of the configured regions without a cue (issue 16)', () => {
  it("are masked in a CSV cell and a signature, in the region's own grouping with any separator or in pairs, one shot and streamed", () => {
    fc.assert(
      fc.property(regions, draws, separator, fc.boolean(), fc.constantFrom('csv', 'signature'), (region, draw, sep, pairs, where) => {
        const national = nationalNumber(region, draw);
        fc.pre(national !== undefined && digitsOf(national).length >= 7);
        const written = pairs ? inPairs(national!) : withSeparator(national!, sep);
        // Two rows of a CSV export without a header (a lone line is no table), or a signature's lines.
        const text = where === 'csv' ? `Lucas Green,lucas@example.com,${written},119 Clark Meadow\nAna Ruiz,ana@example.com,n/a,4 Elm Road\n` : `Regards,\nLucas\n${written}\n`;
        const out = redactor.redact(text).text;
        const line = where === 'csv' ? out.split('\n')[0]!.split(',')[2]! : out.split('\n')[2]!;
        expect(digitsOf(line).length).toBeLessThanOrEqual(4);
        expect(redactInChunks(redactor, text, [5, 11, 17]).text).toBe(out);
      }),
      { seed: 20261216, numRuns: 300 },
    );
  });

  it('are kept after order, ticket, tracking and invoice words, and as amounts', () => {
    fc.assert(
      fc.property(regions, draws, separator, fc.constantFrom('order', 'Ticket', 'tracking', 'Invoice', 'ref'), (region, draw, sep, word) => {
        const national = nationalNumber(region, draw);
        fc.pre(national !== undefined && !national.includes('('));
        const written = withSeparator(national!, sep);
        const phones = (t: string) => redactor.redact(t).findings.filter((f) => f.entity === 'PHONE_NUMBER');
        expect(phones(`${word} ${written} updated`)).toEqual([]);
        expect(phones(`charged ${written} EUR yesterday`)).toEqual([]);
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it('a number cut out of a longer run is no phone number (an amount, a tracking number)', () => {
    for (const t of ['paid TRL 3.645.303.689 today', 'Shipment 9400 6297 9818 0108 5147 56 re-sent', 'firmware 22.10.3326.675 installed', 'charged vnd 9.468.504.792', 'it cost 81 909.21 eur']) {
      expect(redactor.redact(t).text).toBe(t);
    }
  });

  it('tries the configured regions only, in free text and in CSV cells', () => {
    fc.assert(
      fc.property(draws, fc.constantFrom('CH', 'ES', 'AU'), (draw, region) => {
        const national = nationalNumber(region, draw);
        fc.pre(national !== undefined);
        const text = `Anna;${national};Bahnhofstrasse\nLeo;n/a;Seeweg\nsignature: ${national}\n`;
        const phones = (regions: string[]) =>
          createRedactor({ currentYear: 2026, phoneRegions: regions }).redact(text).findings.filter((f) => f.entity === 'PHONE_NUMBER').length;
        expect(phones([region])).toBe(2);
        expect(phones(['US'])).toBe(0);
      }),
      { seed: 9, numRuns: 40 },
    );
  });
});

describe('national phone numbers of regions outside the default list (issue 16)', () => {
  const listed = new Set(DEFAULT_PHONE_REGIONS);
  const world = getCountries().filter((c) => !listed.has(c));
  const phones = (r: ReturnType<typeof createRedactor>, t: string) => r.redact(t).findings.filter((f) => f.entity === 'PHONE_NUMBER');

  it('are masked without a cue when written as the library formats them there (its separators or one throughout), one shot and streamed', () => {
    let masked = 0;
    let tried = 0;
    fc.assert(
      fc.property(fc.constantFrom(...world), draws, fc.constantFrom('', ' ', '-', '.'), fc.constantFrom('csv', 'signature'), (region, draw, sep, where) => {
        const national = nationalNumber(region, draw);
        fc.pre(national !== undefined && digitsOf(national).length >= 7 && /^[\d ()-]+$/.test(national));
        const written = sep && !national!.includes('(') ? withSeparator(national!, sep) : national!;
        fc.pre(/\D/.test(written));
        const text = where === 'csv' ? `Lucas Green,lucas@example.com,${written},119 Clark Meadow\nAna Ruiz,ana@example.com,n/a,4 Elm Road\n` : `Regards,\nLucas\n${written}\n`;
        const out = redactor.redact(text).text;
        const line = where === 'csv' ? out.split('\n')[0]!.split(',')[2]! : out.split('\n')[2]!;
        tried++;
        if (digitsOf(line).length <= 4) masked++;
        expect(redactInChunks(redactor, text, [5, 11, 17]).text).toBe(out);
      }),
      { seed: 20261207, numRuns: 400 },
    );
    // Regions whose formats the metadata does not spell as digit groups (a few) still need a cue.
    expect(masked / tried).toBeGreaterThan(0.9);
  });

  it('need their trunk prefix as the format writes it, and one kind of separator, to stand without a cue', () => {
    // Finnish or Serbian numbers without their trunk "0", an amount beside a date: case numbers and amounts.
    for (const t of ['Case 47-9640209 closed', 'RMA 21-2989239 received', 'ref 16-3558677', 'me han cargado CHF 56\'586.04 (18 Oct 2023)']) {
      expect(phones(redactor, t)).toEqual([]);
    }
    // A date cell is no phone cell, whatever region would take its digits.
    expect(phones(redactor, `anna@example.com,22.01.2026,Seeweg 4\nleo@example.com,n/a,Bahnhofstrasse 9\n`)).toEqual([]);
  });

  it('are not tried when regions are configured', () => {
    const text = `Anna;8 (946) 676-35-80;Bahnhofstrasse\nLeo;n/a;Seeweg\nsignature: 06 20 522 9515\n`;
    expect(phones(redactor, text).length).toBe(2);
    expect(phones(createRedactor({ currentYear: 2026, phoneRegions: ['US', 'GB'] }), text)).toEqual([]);
  });
});

describe('national phone numbers with an extension, without a cue (issue 16)', () => {
  it('are masked in a CSV cell with the extension after them, one shot and streamed (property)', () => {
    fc.assert(
      fc.property(
        regions, draws, fc.constantFrom(' x', 'x', ' ext ', ' ext. ', ' #', ' extension '), fc.integer({ min: 1, max: 999_999 }),
        (region, draw, ext, n) => {
          const national = nationalNumber(region, draw);
          fc.pre(national !== undefined && digitsOf(national).length >= 7 && /\D/.test(national.replace(/^\(|\)/g, '')));
          const written = `${national}${ext}${n}`;
          const text = `Lucas Green;lucas@example.com;${written};119 Clark Meadow\nAna Ruiz;ana@example.com;n/a;4 Elm Road\n`;
          const out = redactor.redact(text).text;
          const cell = out.split('\n')[0]!.split(';')[2]!;
          // The number's digits are gone (a mask may keep four, the extension's or the number's last).
          expect(digitsOf(cell).length).toBeLessThanOrEqual(4 + String(n).length);
          expect(cell).not.toContain(digitsOf(national!).slice(0, -4));
          expect(redactInChunks(redactor, text, [5, 11, 17]).text).toBe(out);
        },
      ),
      { seed: 1618, numRuns: 200 },
    );
  });
});

import fc from 'fast-check';
import { getCountries, getExampleNumber, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { DEFAULT_PHONE_REGIONS } from '../../src/validators/phone.js';

const redactor = createRedactor({ currentYear: 2026 });
const redact = (t: string) => redactor.redact(t).text;
const digitsOf = (s: string) => s.replace(/\D/g, '');

describe('phones of many regions (issue 16)', () => {
  for (const region of DEFAULT_PHONE_REGIONS) {
    const n = getExampleNumber(region as CountryCode, examples);
    if (!n) continue;
    it(`${region}: the example mobile number, national and international, after a phone cue keeps at most four digits`, () => {
      for (const written of [n.formatNational(), n.formatInternational(), n.number]) {
        const left = digitsOf(redact(`call me on ${written} please`));
        expect(left.length).toBeLessThanOrEqual(4);
      }
    });
  }

  it('near a phone cue, a phone-shaped number is masked even when it is not a valid number (fail closed)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('phone is', 'call me on', 'mobile:', 'reach me at', 'cell', 'tel', 'callback'),
        // Epoch seconds (1…, 2000–2039) are timestamps, not phones: numbers from 3 up.
        fc.stringMatching(/^[3-9][0-9]{9}$/),
        fc.constantFrom('', '-', ' ', '.'),
        (cue, d, sep) => {
          const written = sep ? `${d.slice(0, 3)}${sep}${d.slice(3, 6)}${sep}${d.slice(6)}` : d;
          expect(digitsOf(redact(`${cue} ${written} thanks`)).length).toBeLessThanOrEqual(4);
        },
      ),
      { seed: 20261207, numRuns: 200 },
    );
  });

  it('with 00/001 prefixes and glued words', () => {
    for (const t of ['call 001-253-366-9781 tomorrow', 'call 541-714-1388-Office', 'phone is 4824762002']) {
      expect(digitsOf(redact(t)).length).toBeLessThanOrEqual(4);
    }
  });

  it('without a cue, an order number is not a phone', () => {
    expect(redact('call about order 2025-0929-1432')).toContain('2025-0929-1432');
  });

  it('without a cue, a timestamp, an ISBN or an order number beside phone wording is kept', () => {
    expect(redact('phone at 1727620800')).toContain('1727620800');
    expect(redact('Device 9798065695088 on firmware v9.27.16')).toContain('9798065695088');
    expect(redact('customer: order number 3316628621 is late')).toContain('3316628621');
    expect(redact('Agent: tracking number 1254849053 last scan')).toContain('1254849053');
  });
});

describe('every numbering plan of libphonenumber-js (issue 16)', () => {
  // Generated from the library's own metadata: every country it has a plan for, its example mobile number.
  const plans = getCountries().map((c) => [c, getExampleNumber(c as CountryCode, examples)] as const);

  it('has an example mobile number for each of its plans', () => {
    expect(plans.length).toBeGreaterThanOrEqual(245);
    expect(plans.filter(([, n]) => !n).map(([c]) => c)).toEqual([]);
  });

  it('masks each example in international and E.164 form, without a cue, keeping at most four digits', () => {
    const leaks = plans.flatMap(([c, n]) =>
      [n!.formatInternational(), n!.number].filter((w) => digitsOf(redact(`Customer read ${w} and hung up.`)).length > 4).map((w) => `${c} ${w.replace(/\d/g, '#')}`),
    );
    expect(leaks).toEqual([]);
  });

  it('masks each example of 7 digits or more in national form after a phone cue, with that region as defaultRegion', () => {
    // Plans whose numbers have 5–6 digits (Ascension, the Falklands, Faroe…) are not read in national form.
    const leaks = plans.filter(([, n]) => n!.nationalNumber.length >= 7).flatMap(([c, n]) => {
      const r = createRedactor({ defaultRegion: c, currentYear: 2026 });
      const out = r.redact(`call me on ${n!.formatNational()} please`).text;
      return digitsOf(out).length > 4 ? [c] : [];
    });
    expect(leaks).toEqual([]);
  });
});

describe('phone regions are configurable and validated (issue 16)', () => {
  it('refuses "UK" naming the ISO code "GB", and other codes that are no region', () => {
    expect(() => createRedactor({ defaultRegion: 'UK' })).toThrow(/"UK" is not an ISO 3166-1 alpha-2 code; use "GB"/);
    expect(() => createRedactor({ defaultRegion: 'ZZ' })).toThrow(/defaultRegion/);
    expect(() => createRedactor({ phoneRegions: ['DE', 'UK'] })).toThrow(/phoneRegions\.1.*use "GB"/);
    expect(() => createRedactor({ phoneRegions: [] })).toThrow(/phoneRegions/);
  });

  it('accepts every region libphonenumber-js has a plan for', () => {
    fc.assert(
      fc.property(fc.constantFrom(...getCountries()), (c) => {
        expect(() => createRedactor({ defaultRegion: c, phoneRegions: [c] })).not.toThrow();
      }),
      { seed: 16, numRuns: 40 },
    );
  });

  it('tries national numbers in the configured regions only', () => {
    // A British mobile number with no cue: found with GB among the regions, kept when only US is tried.
    const gb = getExampleNumber('GB', examples)!.formatNational();
    const text = `Customer read ${gb} and hung up.`;
    expect(digitsOf(createRedactor({ phoneRegions: ['US', 'GB'] }).redact(text).text).length).toBeLessThanOrEqual(4);
    expect(createRedactor({ phoneRegions: ['US'] }).redact(text).text).toContain(gb);
  });
});

describe('phone forms (issue 16)', () => {
  const nanpNumber = fc.tuple(fc.integer({ min: 2, max: 9 }), fc.stringMatching(/^[0-9]{2}$/), fc.integer({ min: 2, max: 9 }), fc.stringMatching(/^[0-9]{6}$/))
    .map(([a, b, c, d]) => `${a}${b}${c}${d}`)
    // Valid area codes and exchanges only (libphonenumber-js decides), not N11 service codes.
    .filter((d) => redact(`Customer read ${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)} and hung up.`) !== `Customer read ${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)} and hung up.`);

  it('an extension written after the number is masked with it', () => {
    fc.assert(
      fc.property(
        nanpNumber,
        fc.constantFrom('x', ' x', ' ext. ', ' ext ', ' extension ', ' EXT.'),
        fc.stringMatching(/^[0-9]{2,5}$/),
        fc.constantFrom('-', ' ', '.'),
        (d, marker, ext, sep) => {
          const out = redact(`Customer read ${d.slice(0, 3)}${sep}${d.slice(3, 6)}${sep}${d.slice(6)}${marker}${ext} and hung up.`);
          expect(digitsOf(out).length).toBeLessThanOrEqual(4);
        },
      ),
      { seed: 1616, numRuns: 150 },
    );
  });

  it('a number dialled with 00 or 001 in place of + is masked', () => {
    fc.assert(
      fc.property(fc.constantFrom(...getCountries()), fc.constantFrom(' ', '-', ''), (c, sep) => {
        const n = getExampleNumber(c as CountryCode, examples)!;
        if (n.nationalNumber.length < 6) return;
        const written = `00${n.countryCallingCode}${sep}${n.nationalNumber}`;
        expect(digitsOf(redact(`Customer read ${written} and hung up.`)).length).toBeLessThanOrEqual(4);
      }),
      { seed: 2026, numRuns: 150 },
    );
  });

  it('a number read out as words near phone wording is masked, fillers between groups included', () => {
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9][0-9]{6,9}$/),
        fc.constantFrom(' ', ', ', ', um, ', ' okay ', ' then ', '... '),
        fc.constantFrom('you can reach me at', 'my cell is', 'mobile:', 'call me on'),
        (d, filler, cue) => {
          const spoken = [d.slice(0, 3), d.slice(3)].map((g) => [...g].map((x) => words[Number(x)]).join(' ')).join(filler);
          const out = redact(`${cue} ${spoken} thanks`);
          const left = out.split(/\s+/).filter((w) => words.includes(w.replace(/\W/g, ''))).length;
          expect(left).toBeLessThanOrEqual(4);
        },
      ),
      { seed: 77, numRuns: 150 },
    );
  });

  it('a phone-shaped number in the answer to "what is your number" in the turn before is masked', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[3-9][0-9]{8}$/), fc.constantFrom('What\'s the best number to reach you?', 'Can I get a callback number in case we get disconnected?'), (d, q) => {
        const out = redact(`Agent: ${q}\nCustomer: sure, ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}\n`);
        expect(digitsOf(out).length).toBeLessThanOrEqual(4);
      }),
      { seed: 5, numRuns: 100 },
    );
  });

  it('a chat timestamp before a number is not part of it', () => {
    const out = redact('Customer: (13:06) 088148 91545 ext. 8828, that\'s my mobile');
    expect(out).toContain('(13:06)');
    expect(digitsOf(out.slice(out.indexOf(')') + 1)).length).toBeLessThanOrEqual(4);
  });

  it('a number after a phone cue ends at its line: the digits of the next line are not part of it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Phone:', 'M:', 'Cell', 'Tel:'),
        fc.stringMatching(/^[2-9][0-9]{7,9}$/),
        fc.constantFrom(' ', '-', '.'),
        fc.stringMatching(/^[1-9][0-9]{0,4}$/),
        (cue, d, sep, house) => {
          const written = `${d.slice(0, 3)}${sep}${d.slice(3, 6)}${sep}${d.slice(6)}`;
          const out = redact(`Regards,\n${cue} ${written}\n${house} parcels arrived`);
          const [, phoneLine, next] = out.split('\n');
          expect(digitsOf(phoneLine!).length).toBeLessThanOrEqual(4);
          expect(next).toMatch(new RegExp(`^${house} `));
        },
      ),
      { seed: 16, numRuns: 100 },
    );
  });

  it('a chat time in brackets right before a number does not join it', () => {
    const out = redact('Visitor > (21:03) 8 (940) 224-68-55, that\'s my mobile');
    expect(out).toContain('(21:03)');
    expect(digitsOf(out.slice(out.indexOf(')') + 1)).length).toBeLessThanOrEqual(4);
  });
});

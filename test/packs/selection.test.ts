import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { regionPacks } from '../../src/pack-selection.js';
import { DEFAULT_PACKS, shippedPackNames } from '../../src/rules/load.js';
import { restrictedZip3 } from '../../src/validators/zip3.js';

const packsOf = (r: ReturnType<typeof createRedactor>) => [...new Set(r.rules.map((x) => x.pack))].sort();

describe('packs by region', () => {
  it('the default set is unchanged: no identifier pack without a region', () => {
    expect(packsOf(createRedactor())).toEqual([...DEFAULT_PACKS].sort());
  });
  it('a region adds its packs on top of the defaults; EU member states add eu-vat', () => {
    expect(packsOf(createRedactor({ regions: ['GB', 'IN'] }))).toEqual([...DEFAULT_PACKS, 'id-gb', 'id-in'].sort());
    expect(packsOf(createRedactor({ regions: ['de'] }))).toEqual([...DEFAULT_PACKS, 'eu-vat', 'id-de'].sort());
    expect(packsOf(createRedactor({ regions: ['US'] }))).toEqual([...DEFAULT_PACKS].sort());
  });
  it('a shipped pack name works as a region, and a pack named twice loads once', () => {
    expect(packsOf(createRedactor({ regions: ['crypto', 'FR', 'BE'], extraPacks: ['eu-vat'] }))).toEqual([...DEFAULT_PACKS, 'crypto', 'eu-vat', 'id-be', 'id-fr'].sort());
  });
  it('every region names shipped packs, and every identifier pack has a region or is a domain pack', () => {
    const shipped = new Set(shippedPackNames());
    const reached = new Set(Object.values(regionPacks()).flat());
    for (const packs of Object.values(regionPacks())) for (const p of packs) expect(shipped.has(p), p).toBe(true);
    for (const p of shipped) if (p.startsWith('id-') || p === 'eu-vat') expect(reached.has(p), p).toBe(true);
  });
  it('an unknown region fails naming the option, the value and what is allowed', () => {
    expect(() => createRedactor({ regions: ['GB', 'XX'] })).toThrow(/regions\.1.*"XX" is neither a region code \(.*GB.*\) nor a shipped pack \(.*hipaa/);
  });
  it('only the packs asked for run: a US desk does not report an Aadhaar number', () => {
    const text = 'Aadhaar 2341 2341 2346';
    expect(createRedactor().detect(text).filter((f) => f.entity === 'IN_AADHAAR')).toEqual([]);
    expect(createRedactor({ regions: ['IN'] }).detect(text).map((f) => f.entity)).toContain('IN_AADHAAR');
  });
});

describe('safe-harbor mode', () => {
  const sh = createRedactor({ modes: ['safe-harbor'], currentYear: 2026 });
  it('turns on hipaa, vehicle and network over the defaults', () => {
    expect(packsOf(sh)).toEqual([...DEFAULT_PACKS, 'hipaa', 'network', 'vehicle'].sort());
    expect(packsOf(createRedactor({ regions: ['safe-harbor'] }))).toEqual(packsOf(sh));
  });

  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const date = fc.record({ y: fc.integer({ min: 1920, max: 2026 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
  const written = fc.tuple(date, fc.constantFrom('us', 'iso', 'long', 'day-first')).map(([{ y, m, d }, style]) => {
    const mm = String(m).padStart(2, '0');
    const dd = String(d).padStart(2, '0');
    const text = { us: `${mm}/${dd}/${y}`, iso: `${y}-${mm}-${dd}`, long: `${MONTHS[m - 1]} ${d}, ${y}`, 'day-first': `${d} ${MONTHS[m - 1]} ${y}` }[style];
    return { text: text!, year: String(y), day: dd, month: mm };
  });
  const wording = fc.constantFrom('DOB:', 'date of birth', 'born on', 'admitted on', 'admission date', 'discharged', 'date of death', 'died on', 'date of service');

  it('dates of an individual keep nothing but the year (property)', () => {
    fc.assert(
      fc.property(wording, written, (w, dt) => {
        const input = `Pt ${w} ${dt.text}, stable.`;
        const out = sh.redact(input).text;
        expect(out).toContain(dt.year);
        expect(out).not.toContain(dt.text);
        // What is left of the date is the year alone: no month name, and the day and month digits are gone.
        const rest = out.slice(`Pt ${w} `.length).replace(dt.year, '');
        expect(rest).not.toMatch(new RegExp(`\\b(?:${MONTHS.join('|')})\\b`));
        expect(rest.replace(/\[[A-Z_0-9]+\]/g, '')).not.toMatch(/\d/);
      }),
      { seed: 20261207, numRuns: 200 },
    );
  });

  it('ages over 89 are masked, younger ones kept (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 129 }), fc.constantFrom('age {n}', 'aged {n}', 'a {n}-year-old', '{n} years old', 'pt is {n} yo'), (n, tpl) => {
        const input = `${tpl.replace('{n}', String(n))} with CHF`;
        const masked = !sh.redact(input).text.includes(String(n));
        expect(masked).toBe(n >= 90);
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });

  it('ZIP codes keep their first three digits unless the ZIP3 area holds 20,000 people or fewer (property)', () => {
    const restricted = [...restrictedZip3()];
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0')), fc.constantFrom(...restricted)), fc.integer({ min: 0, max: 99 }), (zip3, tail) => {
        const zip = `${zip3}${String(tail).padStart(2, '0')}`;
        const out = sh.redact(`patient zip code ${zip} on file`).text;
        expect(out).not.toContain(zip);
        if (restrictedZip3().has(zip3)) expect(out).not.toContain(`zip code ${zip3}`);
        else expect(out).toContain(`zip code ${zip3}`);
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });

  it('without the mode, the default rules hide the whole date of birth and ZIP', () => {
    const r = createRedactor({ regions: ['hipaa'], currentYear: 2026 });
    expect(r.redact('DOB: 03/14/1931').text).not.toContain('1931');
    expect(r.redact('zip code 94105').text).not.toContain('941');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { DEFAULT_PACKS, shippedPackNames } from '../../src/rules/load.js';
import { ENTITIES } from './entities.js';
import { LETTERS, birthDate, chars, ddmmyy, digits } from './generators.js';

/**
 * Identifiers with no check character (or none published): their rules are anchored on wording. Generated
 * values of the format are masked after the wording and not reported by the rule without it.
 */
const redactor = createRedactor({ packs: shippedPackNames(), currentYear: 2026 });
const RUNS = { seed: 20261207, numRuns: 25 };
const cat = (...parts: fc.Arbitrary<string>[]) => fc.tuple(...parts).map((p) => p.join(''));
const lit = (s: string) => fc.constant(s);
const oneOf = (...s: string[]) => fc.constantFrom(...s);
/** Rules whose properties are in selection.test.ts (safe-harbor dates, ages, ZIPs). */
const SAFE_HARBOR_PROPERTIES = ['hipaa-date', 'hipaa-date-of-birth', 'hipaa-age-over-89', 'hipaa-age-over-89-years-old', 'hipaa-zip', 'hipaa-zip-restricted'];
const VIN_CHARS = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';

interface ContextSpec {
  rule: string;
  wording: fc.Arbitrary<string>;
  value: fc.Arbitrary<string>;
  /** Another rule of the same entity that may win (a VIN with a valid check digit is the vin rule's). */
  also?: string;
}

const SPECS: ContextSpec[] = [
  { rule: 'in-pan', wording: oneOf('PAN', 'PAN card'), value: cat(chars(3, LETTERS), oneOf(...'ABCFGHJLPT'), chars(1, LETTERS), digits(4), chars(1, LETTERS)) },
  { rule: 'in-passport', wording: oneOf('passport', 'passport number', 'Passport no.'), value: cat(oneOf(...'ABCJKLMNPRSTUVW'), oneOf(...'123456789'), digits(5), oneOf(...'123456789')) },
  { rule: 'in-vehicle-registration', wording: oneOf('vehicle number', 'registration', 'number plate'), value: fc.tuple(oneOf('MH', 'KA', 'DL', 'TN'), fc.integer({ min: 1, max: 99 }), chars(2, LETTERS), digits(4)).map(([s, d, l, n]) => `${s} ${String(d).padStart(2, '0')} ${l} ${n}`) },
  { rule: 'it-driver-license', wording: oneOf('patente', 'patente di guida', 'numero patente'), value: cat(chars(2, LETTERS), digits(7), chars(1, LETTERS)) },
  { rule: 'it-passport', wording: oneOf('passaporto', 'numero passaporto'), value: cat(chars(2, LETTERS), digits(7)) },
  { rule: 'it-identity-card', wording: oneOf("carta d'identità", 'carta di identità', 'CIE n.'), value: cat(chars(2, LETTERS), digits(5), chars(2, LETTERS)) },
  { rule: 'kr-driver-license', wording: oneOf("driver's license", 'driver license'), value: fc.tuple(digits(2), digits(2), digits(6), digits(2)).map((p) => p.join('-')) },
  { rule: 'kr-passport', wording: oneOf('passport', 'passport number'), value: cat(oneOf('M', 'S', 'R'), digits(8)) },
  { rule: 'ar-dni', wording: oneOf('DNI', 'DNI nº', 'documento'), value: fc.integer({ min: 10_000_000, max: 49_999_999 }).map((n) => n.toLocaleString('de-DE')) },
  { rule: 'dk-cpr', wording: oneOf('CPR', 'CPR-nummer', 'cpr nr'), value: fc.tuple(birthDate.filter((d) => d.year < 2000), digits(3)).map(([d, n]) => `${ddmmyy(d)}-1${n}`) },
  { rule: 'vin-by-context', also: 'vin', wording: oneOf('VIN', 'chassis number', 'Fahrgestellnummer'), value: cat(oneOf('W', 'V', 'Z', 'S'), chars(2, 'ABCDEFGHJKLMNPRSTUVWXYZ'), chars(14, VIN_CHARS)).filter((v) => /\d/.test(v)) },
  { rule: 'license-plate', wording: oneOf('license plate', 'plate number', 'Kennzeichen'), value: cat(oneOf(...'1234567'), chars(3, LETTERS), digits(3)) },
  { rule: 'hipaa-mrn', wording: oneOf('MRN', 'MRN:', 'medical record number', 'patient ID'), value: fc.oneof(digits(8), cat(lit('MR-'), digits(7))) },
  { rule: 'hipaa-health-plan-id', wording: oneOf('member ID', 'subscriber id', 'Medicaid number'), value: cat(chars(3, LETTERS), digits(9)) },
  { rule: 'hipaa-account-number', wording: oneOf('patient account', 'billing account', 'encounter number'), value: digits(9) },
  { rule: 'hipaa-license-number', wording: oneOf('medical license', 'license number', 'certificate number'), value: cat(chars(2, LETTERS), lit('-'), digits(6)) },
  { rule: 'hipaa-device-id', wording: oneOf('serial number', 'UDI', 'pacemaker serial', 'IMEI'), value: cat(chars(3, LETTERS), digits(6), chars(1, LETTERS)) },
  { rule: 'hipaa-biometric-id', wording: oneOf('fingerprint template', 'biometric id', 'voiceprint id'), value: cat(lit('FP-'), digits(7), chars(1, LETTERS)) },
  { rule: 'hipaa-other-id', wording: oneOf('study ID', 'claim number', 'authorization number'), value: cat(digits(4), lit('-'), digits(2)) },
  { rule: 'us-medicare-mbi', wording: oneOf('MBI', 'Medicare'), value: lit('1EG4-TE5-MK73') },
  { rule: 'mac-address', wording: oneOf('MAC', 'device'), value: fc.array(chars(2, '0123456789ABCDEF'), { minLength: 6, maxLength: 6 }).map((a) => a.join(':')) },
  { rule: 'url', wording: oneOf('see', 'link:'), value: fc.tuple(oneOf('https://', 'http://', 'www.'), chars(6, 'abcdefghijklmnop'), digits(4)).map(([s, h, n]) => `${s}${h}.example.com/patient?id=${n}`) },
];

/** Rules that report their value only after the wording (the others, shapes, report it anywhere). */
const NEEDS_WORDING = new Set(SPECS.map((s) => s.rule).filter((id) => !['in-pan', 'us-medicare-mbi', 'mac-address', 'url'].includes(id)));

describe('identifiers found by their wording', () => {
  for (const spec of SPECS) {
    it(`${spec.rule}: 25 generated values after the wording are masked`, () => {
      fc.assert(
        fc.property(spec.wording, spec.value, (w, v) => {
          const text = `${w} ${v} noted`;
          const found = redactor.detect(text).filter((f) => f.ruleId === spec.rule || f.ruleId === spec.also).map((f) => text.slice(f.start, f.end));
          expect(found).toEqual([v]);
          expect(redactor.redact(text).text).not.toContain(v);
        }),
        RUNS,
      );
    });
    if (NEEDS_WORDING.has(spec.rule)) {
      it(`${spec.rule}: the same values without the wording are not reported`, () => {
        fc.assert(
          fc.property(spec.value, (v) => {
            const text = `the customer sent ${v} noted`;
            expect(redactor.detect(text).filter((f) => f.ruleId === spec.rule)).toEqual([]);
          }),
          RUNS,
        );
      });
    }
  }
  it('with the checksum properties and the safe-harbor properties, covers every rule of the new packs', () => {
    const covered = new Set([...SPECS.flatMap((s) => [s.rule, s.also ?? s.rule]), ...ENTITIES.flatMap((e) => e.rules), ...SAFE_HARBOR_PROPERTIES]);
    const newRules = redactor.rules.filter((r) => !DEFAULT_PACKS.includes(r.pack)).map((r) => r.id);
    expect(newRules.filter((id) => !covered.has(id))).toEqual([]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { DEFAULT_PACKS, shippedPackNames } from '../../src/rules/load.js';
import { digits } from './generators.js';

// Care text that is full of numbers and codes that are nobody's identity: none of it may be reported by a
// rule of the new packs, with every pack on and in safe-harbor mode.
const NEW_PACKS = shippedPackNames().filter((p) => !DEFAULT_PACKS.includes(p));
const allPacks = createRedactor({ packs: shippedPackNames(), currentYear: 2026 });
const safeHarbor = createRedactor({ modes: ['safe-harbor'], regions: ['GB', 'IN', 'DE', 'FR', 'BR', 'crypto'], currentYear: 2026 });
const newRuleIds = new Set(allPacks.rules.filter((r) => NEW_PACKS.includes(r.pack)).map((r) => r.id));
const RUNS = { seed: 20261207, numRuns: 200 };

const hex = (n: number) => fc.array(fc.constantFrom(...'0123456789abcdef'), { minLength: n, maxLength: n }).map((a) => a.join(''));
const upper = (n: number) => fc.array(fc.constantFrom(...'ABCDEFGHJKLMNPRSTUVWXYZ'), { minLength: n, maxLength: n }).map((a) => a.join(''));

const careNumbers = fc.oneof(
  fc.tuple(fc.constantFrom('Order', 'order #', 'Order no.', 'Bestellung', 'pedido', 'commande', 'ordine'), digits(9)).map(([w, d]) => `${w} ${d}`),
  fc.tuple(fc.constantFrom('Order', 'order #', 'Ticket', 'Case', 'INV-'), fc.integer({ min: 6, max: 14 }).chain((n) => digits(n))).map(([w, d]) => `${w} ${d}`),
  fc.tuple(upper(2), digits(9)).map(([a, d]) => `tracking ${a}${d}US`),
  fc.tuple(digits(6), upper(2), digits(8)).map(([a, b, c]) => `tracking 1Z${a.slice(0, 3)}${b}${c}`),
  digits(20).map((d) => `USPS tracking 94${d}`),
  digits(12).map((d) => `FedEx ${d}`),
  fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => `at ${d.toISOString()}`),
  fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => `ts=${d.getTime()} logged`),
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 })).map(([h, m, s]) => `[${[h, m, s].map((x) => String(x).padStart(2, '0')).join(':')}] Agent: hello`),
  fc.tuple(fc.integer({ min: 1, max: 99999 }), fc.integer({ min: 0, max: 99 })).map(([a, c]) => `refund of $${a.toLocaleString('en-US')}.${String(c).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 1, max: 99999 }), fc.integer({ min: 0, max: 99 })).map(([a, c]) => `Betrag ${a.toLocaleString('de-DE')},${String(c).padStart(2, '0')} EUR`),
  fc.tuple(fc.nat(30), fc.nat(99), fc.nat(999)).map(([a, b, c]) => `app version v${a}.${b}.${c}`),
  fc.tuple(fc.nat(30), fc.nat(99), fc.nat(99), fc.nat(9999)).map(([a, b, c, d]) => `build ${a}.${b}.${c}.${d}`),
  hex(40).map((h) => `commit ${h}`),
  hex(64).map((h) => `sha256 ${h}`),
  fc.uuid().map((u) => `request id ${u}`),
  fc.tuple(upper(3), digits(7)).map(([a, d]) => `SKU ${a}-${d}`),
);

describe('hard negatives of care text with every pack on', () => {
  it('order, ticket and tracking numbers, timestamps, amounts, versions, hashes and SKUs: no new-pack finding (property)', () => {
    fc.assert(
      fc.property(careNumbers, (text) => {
        expect(allPacks.detect(text).filter((f) => newRuleIds.has(f.ruleId)).map((f) => `${f.ruleId}: ${text.slice(f.start, f.end)}`)).toEqual([]);
        expect(safeHarbor.detect(text).filter((f) => newRuleIds.has(f.ruleId)).map((f) => `${f.ruleId}: ${text.slice(f.start, f.end)}`)).toEqual([]);
      }),
      RUNS,
    );
  });

  const clean = [
    'Order 100234 shipped via UPS 1Z999AA10123456784 on 2026-03-14T10:22:01Z.',
    'Ticket #4471932: customer asked about invoice INV-2026-0042 for $1,249.99.',
    'Release v2.14.3 (build 20261207.4) fixed the crash; see commit 9fceb02d0ae598e95dc970b74767f19372d61af8.',
    'Tracking 9400111899223817461234 — delivered 12/07/2026 at 14:32.',
    'Your confirmation code is ABCD-1234-EFGH and the booking ref is QX7Y2Z.',
  ];
  for (const text of clean) {
    it(`leaves ${JSON.stringify(text.slice(0, 40))}… untouched with every pack on`, () => {
      expect(allPacks.redact(text).text).toBe(text);
    });
  }
});

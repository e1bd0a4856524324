import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { loadShippedPack, shippedPackNames } from '../../src/rules/load.js';

// Every positive and negative example of every shipped pack runs as a test (gitleaks-style), against a
// redactor with all shipped packs so that overlaps between rules are part of what is checked.
const packs = shippedPackNames();
const redactors = new Map<string, ReturnType<typeof createRedactor>>();
function redactorFor(modes: string[] = []) {
  const key = modes.join(',');
  if (!redactors.has(key)) redactors.set(key, createRedactor({ packs, modes, currentYear: 2026 }));
  return redactors.get(key)!;
}

describe('shipped rule packs', () => {
  it('ship the four default packs', () => {
    expect(packs).toEqual(expect.arrayContaining(['pci', 'pii-core', 'pii-us', 'pii-eu']));
  });
  for (const name of packs) {
    const pack = loadShippedPack(name);
    describe(`${name} pack`, () => {
      for (const rule of pack.rules) {
        describe(rule.id, () => {
          for (const ex of rule.examples.positive) {
            it(`finds ${JSON.stringify(ex.match)} in ${JSON.stringify(ex.text)}`, () => {
              const found = redactorFor(ex.modes ?? rule.modes ?? [])
                .detect(ex.text)
                .filter((f) => f.ruleId === rule.id)
                .map((f) => ex.text.slice(f.start, f.end));
              expect(found).toContain(ex.match);
            });
          }
          for (const text of rule.examples.negative) {
            it(`finds nothing in ${JSON.stringify(text)}`, () => {
              const found = redactorFor(rule.modes ?? []).detect(text).filter((f) => f.ruleId === rule.id);
              expect(found.map((f) => text.slice(f.start, f.end))).toEqual([]);
            });
          }
        });
      }
    });
  }
});

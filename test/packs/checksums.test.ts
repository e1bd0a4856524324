import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { shippedPackNames } from '../../src/rules/load.js';
import { ENTITIES } from './entities.js';

// Every shipped pack on at once: what one pack's rule finds is checked against all the others' overlaps.
const redactor = createRedactor({ packs: shippedPackNames(), currentYear: 2026 });
const RUNS = { seed: 20261207, numRuns: 25 };

function reportedBy(text: string, rules: string[], value: string): string[] {
  return redactor
    .detect(text)
    .filter((f) => rules.includes(f.ruleId))
    .map((f) => text.slice(f.start, f.end))
    .filter((s) => s.includes(value) || value.includes(s));
}

describe('identifier packs: generated valid identifiers are masked, broken check characters are kept', () => {
  for (const spec of ENTITIES) {
    const where = spec.context ? `after "${spec.context}"` : 'with no context word';
    it(`${spec.entity} (${spec.rules.join(', ')}): 25 valid values ${where} are masked`, () => {
      fc.assert(
        fc.property(spec.sample, ({ value }) => {
          const text = `${spec.context ? `${spec.context} ` : 'the customer sent '}${value} yesterday`;
          expect(reportedBy(text, spec.rules, value)).toEqual([value]);
          expect(redactor.redact(text).text).not.toContain(value);
        }),
        RUNS,
      );
    });
    it(`${spec.entity} (${spec.rules.join(', ')}): the same values with a broken check character are not reported, with or without context`, () => {
      fc.assert(
        fc.property(spec.sample, ({ broken }) => {
          expect(reportedBy(`the customer sent ${broken} yesterday`, spec.rules, broken)).toEqual([]);
          if (spec.context) expect(reportedBy(`${spec.context} ${broken} yesterday`, spec.rules, broken)).toEqual([]);
        }),
        RUNS,
      );
    });
    if (spec.context) {
      it(`${spec.entity}: a valid value without its context word is not reported (the rule needs the wording)`, () => {
        fc.assert(
          fc.property(spec.sample, ({ value }) => {
            expect(reportedBy(`the customer sent ${value} yesterday`, spec.rules, value)).toEqual([]);
          }),
          RUNS,
        );
      });
    }
  }
});

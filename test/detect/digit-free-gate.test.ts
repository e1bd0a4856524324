import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import type { ScanPlan } from '../../src/detect/plan.js';
import { digitFreeGate, PREFILTERS } from '../../src/detect/prefilter.js';
import { expectSameWithoutPrefilters } from '../support/prefilters.js';

/**
 * A text without digits runs the shape gates only when their digit-free parts (prefilter.ts digitFreeGate)
 * may match it: every match of a gate without a digit must be a match of that part. Texts here are made of
 * capitals, letters, separators and the characters shapes use, with and without digits.
 */
const redactor = createRedactor();
const plan = (redactor.session() as unknown as { plan: ScanPlan }).plan;
const SHAPE_GATES = [plan.shapeGate, plan.shapeGateCi].filter((g): g is RegExp => g !== null);
const GATES = [...SHAPE_GATES, /\b(?:[A-Z]\d{3}|WDL[A-Z0-9]{4}|Q[a-z]{2})\b/g, /(?<![A-Z])[A-Z]{2}(?:-[A-Z])?/gu, /%B\d{3}\^[A-Z ]{2,4}/g, /x\d|\d/g];

const unit = fc.constantFrom('A', 'B', 'D', 'G', 'I', 'L', 'R', 'W', 'Z', 'a', 'q', 'x', ' ', '-', '%', '^', '/', '.', 'é', '\n', '1', '7');
/** Nine capitals after "WDL": the one shape alternative without a digit. */
const capitalsOnly = fc.tuple(fc.string({ unit: fc.constantFrom('A', 'K', 'Q', 'Z'), minLength: 9, maxLength: 9 }), fc.constantFrom('', ' ', 'id ', 'Thanks, ')).map(([c, before]) => `${before}WDL${c} ok`);
const text = fc.oneof(
  capitalsOnly,
  fc.string({ unit, maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('W', 'D', 'L', 'A', 'X', 'Q', 'u', 'v', ' '), maxLength: 30 }),
  fc.array(fc.constantFrom('WDL', 'GB', 'DE', 'GIR', 'AB', 'QR', 'XYZ', ' ', 'Thanks', 'I', 'ok', '-', '\n'), { maxLength: 12 }).map((p) => p.join('')),
);

describe('digit-free parts of gates', () => {
  afterEach(() => {
    PREFILTERS.enabled = true;
  });

  it('match wherever their gate matches without a digit', () => {
    let matched = 0;
    fc.assert(
      fc.property(text, fc.constantFrom(...GATES), (t, gate) => {
        const free = digitFreeGate(gate);
        expect(free).not.toBeNull();
        gate.lastIndex = 0;
        for (let m = gate.exec(t); m; m = gate.exec(t)) {
          if (m[0] === '') gate.lastIndex++;
          if (/[0-9]/.test(m[0])) continue;
          matched++;
          expect(free).not.toBe('none');
          const f = free as RegExp;
          f.lastIndex = 0;
          expect(f.test(m[0])).toBe(true);
        }
      }),
      { numRuns: 4000 },
    );
    expect(matched).toBeGreaterThan(100);
  });

  it('read a gate that always needs a digit as none, and the shape gate as its capital-only part', () => {
    expect(digitFreeGate(/\b\d{3}-\d{4}\b/g)).toBe('none');
    expect(digitFreeGate(/[A-Z]\d|[a-z]{2}-\d/gi)).toBe('none');
    const free = digitFreeGate(/\b(?:[A-Z]\d{3}|WDL[A-Z0-9]{3})\b/g) as RegExp;
    expect(free.test('WDLABC')).toBe(true);
    expect(free.test('GET WDL')).toBe(false);
  });

  it('leave the output as it is without the prefilters', () => {
    fc.assert(
      fc.property(text, (t) => expectSameWithoutPrefilters(redactor, t)),
      { numRuns: 300 },
    );
  });
});

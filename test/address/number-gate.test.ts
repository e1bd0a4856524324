import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileAddressRule } from '../../src/detect/address/plan.js';
import { numberGateHits } from '../../src/detect/address/pass.js';
import type { CompiledRule } from '../../src/detect/plan.js';

const gate = compileAddressRule({} as CompiledRule, undefined, 'test').numberGate;
/** Code units the gate decides on: letters (ASCII, accented, astral, a combining mark), '.', ',', spaces, tabs, digits, lone surrogates. */
const UNITS = ['a', 'Z', 'é', '\u0301', 'Ж', '中', '𝐀', '\ud835', '\udc00', '.', ',', ' ', ' ', '\t', '\n', '5', '0', '-', '('];
const text = fc.array(fc.constantFrom(...UNITS), { maxLength: 40 }).map((us) => us.join(''));

/** The gate's own matches from i on, as gateFrom takes them (each search from the previous match's end). */
function reference(t: string, i: number): [number, number][] {
  const out: [number, number][] = [];
  for (;;) {
    gate.lastIndex = i;
    const m = gate.exec(t);
    if (!m) return out;
    out.push([m.index, m.index + m[0].length]);
    i = Math.max(m.index + m[0].length, m.index + 1);
  }
}

describe('the house-number gate through its space-digit prefilter', () => {
  it('finds the matches the gate finds, from every position', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (let i = 0; i <= t.length; i++) expect(numberGateHits(gate, t, i)).toEqual(reference(t, i));
      }),
      { seed: 20261207, numRuns: 3000 },
    );
  });
});

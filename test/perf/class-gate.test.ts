import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classGate, nextClassHit } from '../../src/detect/class-gate.js';
import { compileNamesRule } from '../../src/detect/names/plan.js';
import type { CompiledRule } from '../../src/detect/plan.js';

const names = compileNamesRule({} as CompiledRule, undefined, 'test');
const GATES = [/[\p{Lu}\p{Lt}]/gu, names.scriptGate!, /[\p{L}\p{M}]/gu, /[\p{Lu}a-c]/giu];

/** Code units around the prefilter's edges: ASCII, Latin-1, Greek and Cyrillic, CJK, astral capitals and letters, lone surrogates. */
const UNITS = ['a', 'Z', ' ', '\n', 'é', 'É', 'ª', 'µ', 'ß', '’', '•', 'Ω', 'ω', 'Ж', 'ж', '中', 'ǅ', '𝐀', '𝐚', '𠀀', '😀', '\ud835', '\udc00', 'ｱ'];
const text = fc.array(fc.constantFrom(...UNITS), { maxLength: 40 }).map((us) => us.join(''));

describe('one-class gates through their prefilter', () => {
  it('find the first hit the gate finds, from every position', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...GATES), (t, gate) => {
        const cg = classGate(gate)!;
        expect(cg).not.toBeNull();
        for (let i = 0; i <= t.length; i++) {
          gate.lastIndex = i;
          const expected = gate.test(t) ? gate.lastIndex : -1;
          expect(nextClassHit(cg, t, i)).toBe(expected);
        }
      }),
      { seed: 20261207, numRuns: 2000 },
    );
  });

  it('take no gate other than one class', () => {
    expect(classGate(/[\p{L}][.,]?\d/gu)).toBeNull();
    expect(classGate(/[A-Z]/g)).toBeNull();
  });
});

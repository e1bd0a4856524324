import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileNamesRule } from '../../src/detect/names/plan.js';
import type { CompiledRule } from '../../src/detect/plan.js';
import { buildGateIndex, featuresOf, gatesOf, newTextFeatures } from '../../src/detect/prefilter.js';
import { execFrom, gateProbe, openProbe, testFrom } from '../../src/detect/gate-probe.js';
import { generatedCareText } from '../support/care-text.js';

/**
 * A cue gate probed at its gram starts (gate-probe.ts) must meet the matches the gate meets searching the
 * text, in the same order, from any position the passes resume at.
 */
const names = compileNamesRule({} as CompiledRule, undefined, 'test');
const gates = [names.cues.lowercaseGate!, names.cues.questionGate!, /\b(?:st|rd)(?![a-z])/gi];
const index = buildGateIndex([{ owner: gates, gates, filters: gates.map(() => null) }]);
const cueWord = fc.constantFrom(...(names.cues.questionGate!.source.match(/[a-z][a-z ]{2,}/g) ?? []).slice(0, 200), ...(names.cues.lowercaseGate!.source.match(/[a-z]{3,}/g) ?? []).slice(0, 200));
const text = fc.oneof(
  generatedCareText.map((t) => t.slice(0, 400)),
  fc.array(fc.oneof(cueWord, cueWord.map((w) => w.toUpperCase()), fc.constantFrom(' ', '? ', ': ', 'is ', 'x st', '\n', 'é')), { maxLength: 14 }).map((p) => p.join('')),
);

describe('gate probes', () => {
  it('meet the matches of the global search, in order, from every resume point', () => {
    const f = newTextFeatures();
    fc.assert(
      fc.property(text, fc.nat(gates.length - 1), fc.nat(5), (t, k, jump) => {
        const pre = featuresOf(t, f, index);
        const id = gatesOf(pre, gates)![k]!;
        const gate = gates[k]!;
        const probe = openProbe(gateProbe(gate), pre, id);
        const twin = openProbe(gateProbe(gate), pre, id);
        expect(probe.count).toBeGreaterThanOrEqual(0);
        for (let i = 0; i <= t.length; ) {
          gate.lastIndex = i;
          const m = gate.exec(t);
          const got = execFrom(probe, t, i);
          expect(got?.index ?? -1).toBe(m?.index ?? -1);
          expect(got?.[0] ?? null).toBe(m?.[0] ?? null);
          gate.lastIndex = i;
          const end = gate.test(t) ? gate.lastIndex : -1;
          expect(testFrom(twin, t, i)).toBe(end);
          if (!m) break;
          // The passes resume past the match, sometimes further (a line's end).
          i = Math.max(m.index + 1, m.index + m[0].length) + jump;
        }
      }),
      { numRuns: 3000, seed: 20261207 },
    );
  });
});

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { compileAddressRule } from '../../src/detect/address/plan.js';
import { compileNamesRule } from '../../src/detect/names/plan.js';
import { namesGates } from '../../src/detect/names/pass.js';
import type { CompiledRule } from '../../src/detect/plan.js';
import { buildGateIndex, featuresOf, gateFilter, gateOpen, gatesOf, gramsOf, gramStarts, mayMatch, newTextFeatures, PREFILTERS } from '../../src/detect/prefilter.js';
import { matchPrefixes } from '../../src/detect/match-prefixes.js';
import { generatedCareText } from '../support/care-text.js';
import { expectSameWithoutPrefilters } from '../support/prefilters.js';

const rule = {} as CompiledRule;
const names = compileNamesRule(rule, undefined, 'test');
const address = compileAddressRule(rule, undefined, 'test');
/** The gates the passes ask prefilters of, and a few shapes of gate (classes, unions, lookarounds, u flag). */
const GATES: RegExp[] = [
  /[\p{Lu}\p{Lt}]/gu,
  /\n[ \t]{0,4}\d/g,
  /\n[^\n\d:@]{0,48}\d/g,
  /(?<![a-z])\d{3}(?=-)/g,
  /["'](?:name|cvv)["'][ \t]{0,2}[:=]/gi,
  /[A-Z]{2}\d{2}|WDL[A-Z0-9]{9}/g,
  ...[names.cues.lowercaseGate, names.cues.questionGate, names.scriptGate],
  // The gates of the names passes that once ran on every text (sign-offs, pairs, sentence starts, " here").
  ...namesGates(names).slice(5),
  ...[address.typeGate, address.numberGate, address.boxGate, address.postGate, address.blockGate, address.keyGate, address.questionGate],
].filter((g): g is RegExp => g !== null);

/** Short texts of every kind: generated care text, and strings over the characters the groups tell apart. */
const shortText = fc.oneof(
  generatedCareText.map((t) => t.slice(0, 300)),
  fc.string({ unit: fc.constantFrom('a', 'Z', 'é', 'Ж', '5', '\n', ' ', '"', "'", ':', '?', '@', '-', '\t', 'n', 'm', 'e'), maxLength: 40 }),
  // Punctuation and words the sign-off, pair, sentence-start and "here" gates start at.
  fc.array(fc.constantFrom(' ', ', ', '! ', '. ', '? ', ' and ', ' or ', ' here', 'Here', 'de', ' from ', 'ana', 'x', '”'), { maxLength: 10 }).map((p) => p.join('')),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

describe('gate prefilters', () => {
  afterEach(() => {
    PREFILTERS.enabled = true;
  });

  it('never rule out a gate that matches the text', () => {
    const f = newTextFeatures();
    fc.assert(
      fc.property(shortText, fc.constantFrom(...GATES), (text, gate) => {
        gate.lastIndex = 0;
        if (gate.test(text)) expect(mayMatch(featuresOf(text, f), gateFilter(gate, Infinity))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('never rule out by grams a gate that matches the text (keyword tries, lookaheads, \\b, case folding)', () => {
    const plan = (createRedactor().session() as unknown as { plan: { wordGate: RegExp; wordGateCs: RegExp } }).plan;
    const gates = [...GATES, plan.wordGate, plan.wordGateCs, /\b(?:st|rd)(?![a-z])/gi, /(?=[a-c]{3})\w\d?/g, /k(?:ey|m)/giu, /\bab(?=cd|ef)/g];
    const index = buildGateIndex([{ owner: GATES, gates, filters: gates.map(() => null) }]);
    const ids = gatesOf(featuresOf('', newTextFeatures(), index), GATES);
    const f = newTextFeatures();
    // Words of the keyword tries, cut and cased at random, among care text: the grams' edge cases.
    const trieWord = fc.constantFrom(...plan.wordGate.source.match(/[a-z]{2,}/g)!.slice(0, 400));
    const text = fc.oneof(shortText, fc.array(fc.oneof(trieWord, trieWord.map((w) => w.toUpperCase()), fc.constantFrom(' ', '-', 'é', 'st', 'K', '\u212a', 'cd', 'abc1')), { maxLength: 12 }).map((p) => p.join('')));
    fc.assert(
      fc.property(text, fc.nat(gates.length - 1), (t, k) => {
        const gate = gates[k]!;
        gate.lastIndex = 0;
        if (gate.test(t)) expect(gateOpen(featuresOf(t, f, index), ids, k)).toBe(true);
      }),
      { numRuns: 5000 },
    );
    // The keyword trie has a gram filter, and a clean line rules it out.
    expect(gramsOf(plan.wordGate)).not.toBeNull();
    expect(gateOpen(featuresOf('xxxxxxxxxx yyyyyyyy zzzz', f, index), ids, GATES.length)).toBe(false);
  });

  it('list every position a gate matches at among its gram starts (one index word and several)', () => {
    const plan = (createRedactor().session() as unknown as { plan: { wordGate: RegExp; wordGateParts: RegExp[] } }).plan;
    const base = [...GATES, ...plan.wordGateParts, /\b(?:st|rd)(?![a-z])/gi, /(?=[a-c]{3})\w\d?/g];
    // 32 gates or fewer: starts read off the bits recorded per position; more: the text hashed again.
    const small = [...base.slice(0, 28), ...base.slice(-2)];
    const large = [...base, ...base.map((g) => new RegExp(g.source, g.flags))];
    const trieWord = fc.constantFrom(...plan.wordGate.source.match(/[a-z]{2,}/g)!.slice(0, 400));
    // A two-unit match that ends the text starts at the last gram ('x st').
    const text = fc.oneof(shortText, fc.constantFrom('x st', 'on Rd', 'st'), fc.array(fc.oneof(trieWord, trieWord.map((w) => w.toUpperCase()), fc.constantFrom(' ', '-', 'é', 'st', 'K', 'cd', 'abc1')), { maxLength: 12 }).map((p) => p.join('')));
    for (const gates of [small, large]) {
      const index = buildGateIndex([{ owner: gates, gates, filters: gates.map(() => null) }]);
      expect(index.words).toBe(gates.length > 32 ? 2 : 1);
      const f = newTextFeatures();
      const ids = gatesOf(featuresOf('', f, index), gates)!;
      fc.assert(
        fc.property(text, fc.nat(gates.length - 1), (t, k) => {
          const pre = featuresOf(t, f, index);
          const out = new Int32Array(t.length + 1);
          const count = gramStarts(pre, ids[k]!, out);
          if (count < 0) return;
          const starts = new Set(out.subarray(0, count));
          const sticky = new RegExp(gates[k]!.source, gates[k]!.flags.replace(/[gy]/g, '') + 'y');
          for (let p = 0; p < t.length; p++) {
            sticky.lastIndex = p;
            if (sticky.test(t)) expect(starts.has(p)).toBe(true);
          }
        }),
        { numRuns: 1500 },
      );
    }
  });

  it('read the first characters of a match off the pattern', () => {
    const show = (source: string, flags = '') =>
      matchPrefixes(source, flags, 3).prefixes.map((p) => p.map((v) => [...Array(128).keys()].filter((c) => (v >> BigInt(c)) & 1n).map((c) => String.fromCharCode(c)).join('')).join('|')).sort();
    expect(show('\\bca(?=rd|sh)')).toEqual(['c|a|r', 'c|a|s']);
    expect(show('AB(?!xy)c?', 'i')).toEqual(['a|b', 'a|b|c']);
    expect(show('x[^a-z]', '')[0]!.startsWith('x|\u0000')).toBe(true);
    expect(() => matchPrefixes('(a)\\1', '', 3)).toThrow();
    // A word's end: the next character is no letter (or the text ends: value 0 is kept).
    const [it] = show('\\bit(?![A-Za-z])', 'i');
    expect(it!.startsWith('i|t|\u0000')).toBe(true);
    expect(it!.split('|')[2]).not.toMatch(/[a-z]/);
    expect(it!.split('|')[2]).toContain(' ');
    expect(matchPrefixes('\\b(?:ab|cd)', 'i', 3).afterBoundary).toBe(true);
    expect(matchPrefixes('\\bab|cd', 'i', 3).afterBoundary).toBe(false);
  });

  it('rule out gates whose matches need a character the text lacks', () => {
    const f = featuresOf('thanks for waiting, the parcel left yesterday', newTextFeatures());
    expect(mayMatch(f, gateFilter(/\n[ \t]{0,4}\d/g))).toBe(false);
    expect(mayMatch(f, gateFilter(/[\p{Lu}\p{Lt}]/gu))).toBe(false);
    expect(mayMatch(featuresOf('Thanks', f), gateFilter(/[\p{Lu}\p{Lt}]/gu))).toBe(true);
    expect(mayMatch(featuresOf('Ðanks', f), gateFilter(/[\p{Lu}\p{Lt}]/gu))).toBe(true);
  });

  it('leave the output of short texts as it is without them', () => {
    const on = createRedactor();
    fc.assert(
      fc.property(shortText, (text) => expectSameWithoutPrefilters(on, text)),
      { numRuns: 300 },
    );
  });
});

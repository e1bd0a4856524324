import { describe, expect, it } from 'vitest';
import { compileAddressRule } from '../../src/detect/address/plan.js';
import { compileNamesRule } from '../../src/detect/names/plan.js';
import { LOWER_START_GATE } from '../../src/detect/names/lower-start.js';
import type { CompiledRule } from '../../src/detect/plan.js';
import { recheckVerdict, structuralIssues } from '../../src/rules/regex-safety.js';

// The names and address detectors build their gates from the shipped lexicons (tries of literal words with
// bounded spaces); every one of them, and every fixed regex of those detectors, passes the project's checks.
const rule = { id: 'x' } as CompiledRule;
const names = compileNamesRule(rule, ['names'], 'test');
const address = compileAddressRule(rule, ['addresses'], 'test');

const gates: [string, RegExp | null][] = [
  ['names/lowercaseGate', names.cues.lowercaseGate],
  ['names/after', names.cues.after],
  ['names/question', names.cues.question],
  ['names/filler', names.cues.filler],
  ['names/scriptGate', names.scriptGate],
  ['names/lowerStartGate', LOWER_START_GATE],
  ['address/typeGate', address.typeGate],
  ['address/numberGate', address.numberGate],
  ['address/boxGate', address.boxGate],
  ['address/postGate', address.postGate],
  ['address/blockGate', address.blockGate],
  ['address/questionGate', address.questionGate],
  ['address/keyGate', address.keyGate],
];

describe('ReDoS: the lexicon-built gates of the names and address detectors', () => {
  for (const [where, re] of gates) {
    it(`${where} has no structural issue and recheck finds no catastrophic backtracking`, () => {
      expect(re).not.toBeNull();
      expect(structuralIssues(re!.source).map((i) => i.reason)).toEqual([]);
      expect(recheckVerdict(re!.source, re!.flags).issue).toBeNull();
    }, 120_000);
  }
});

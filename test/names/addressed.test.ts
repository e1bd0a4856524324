import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { redactInChunks } from '../support/chunked.js';
import { coveredWhole, expectNames, wordArb } from './support.js';

const r = createRedactor({});

describe('the person an addressing cue names, before what they are to do', () => {
  it.each([
    'Running late, tell [[Gayatri]] to start without me.',
    'running late, tell [[luminita]] to start without me.',
    'Je suis en retard, dis à [[ulices]] de commencer sans moi.',
    "Sono in ritardo, di' a [[Esterina]] di cominciare senza di me.",
  ])('%s', (marked) => expectNames(r, marked));

  it.each([
    'Please tell Support to call me back.',
    "I'm going to the shop.",
    'tell them to wait',
    'ask everyone to sign the form',
  ])('no name: %s', (text) => expectNames(r, text));

  it('a name-shaped word between "tell" and "to" is masked, in any case, in a stream as in one pass (property)', () => {
    fc.assert(
      fc.property(wordArb('latin'), fc.boolean(), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }), (w, lower, sizes) => {
        fc.pre(w.length >= 6);
        const name = lower ? w.toLowerCase() : w;
        const text = `running late, tell ${name} to start without me.`;
        const at = text.indexOf(name);
        expect(coveredWhole(r.detect(text), 'PERSON', text, at, at + name.length), text).toBe(true);
        expect(redactInChunks(r, text, sizes).text).toBe(r.redact(text).text);
      }),
      { seed: 47, numRuns: 120 },
    );
  });
});

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import type { ScanPlan } from '../../src/detect/plan.js';
import { PREFILTERS } from '../../src/detect/prefilter.js';
import { mayOpenPhrase, plainKeys } from '../../src/detect/word-probe.js';

/**
 * The word gates' probes in short texts are tried only where the letter or digit run is a phrase's first
 * word (word-probe.ts): a gate match anywhere else would be lost. Texts are built from the plan's own
 * words (its word table and the words of its phrases), cut, cased and glued at random.
 */
const redactor = createRedactor();
const plan = (redactor.session() as unknown as { plan: ScanPlan }).plan;
const keys = plan.words.entries.map((e) => e.key);
const phraseWords = [...new Set(plan.words.entries.flatMap((e) => [...e.phrases, ...e.phrasesCs].flatMap((p) => p.re.source.match(/[A-Za-z]{2,}|[0-9]+/g) ?? [])))];
/** The plan's phrases as text (their patterns read back), spaced by one to four white-space characters of any kind. */
const phraseTexts = plan.words.entries.flatMap((e) => [...e.phrases, ...e.phrasesCs].map((p) => p.re.source.replace(/\(\?![^)]*\)$/, '').replace(/\\(.)/g, '$1')));
const SPACE = fc.constantFrom(' ', '  ', '   ', '    ', '\t', '\u00a0', '\u2003', ' \n');
const phraseText = fc.tuple(fc.constantFrom(...phraseTexts), SPACE, fc.boolean(), fc.constantFrom('', 'x', '1', ' ', '.')).map(([t, sp, up, after]) => { const spaced = t.replace(/s\{1,3\}/g, sp); return (up ? spaced.toUpperCase() : spaced) + after; });
const piece = fc.oneof(
  phraseText,
  phraseText,
  fc.constantFrom(...keys),
  fc.constantFrom(...phraseWords),
  fc.constantFrom(...keys).map((k) => k.toUpperCase()),
  fc.constantFrom(...keys).map((k) => k[0]!.toUpperCase() + k.slice(1)),
  fc.constantFrom(...keys).map((k) => k.slice(0, -1)),
  fc.constantFrom(...keys).map((k) => `${k}s`),
  fc.integer({ min: 0, max: 99_999 }).map(String),
  fc.constantFrom(' ', '  ', ': ', '-', '#', '\n', '.', ',', 'é', 'ſ', '\u212a', '_', '1'),
);
const sep = fc.constantFrom(' ', ' ', ' ', '  ', '\t', ': ', '-', '');
const text = fc.array(fc.tuple(piece, sep), { maxLength: 14 }).map((xs) => xs.map(([p, s]) => p + s).join(''));

const sticky = (re: RegExp) => new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}y`);

describe('word gate probes', () => {
  afterEach(() => {
    PREFILTERS.enabled = true;
  });

  it('build a word table of plain keys (letters or digits)', () => {
    expect(keys.length).toBeGreaterThan(50);
    expect(plainKeys(plan.words)).toBe(true);
  });

  it('never skip a position where a word gate matches', () => {
    const gates: [RegExp, boolean][] = [
      ...plan.wordGateParts.map((g) => [sticky(g), false] as [RegExp, boolean]),
      ...(plan.wordGateCs ? [[sticky(plan.wordGateCs), true] as [RegExp, boolean]] : []),
    ];
    let matched = 0;
    fc.assert(
      fc.property(text, (t) => {
        for (let p = 0; p < t.length; p++) {
          for (const [gate, cs] of gates) {
            gate.lastIndex = p;
            if (!gate.test(t)) continue;
            matched++;
            expect(mayOpenPhrase(plan.words, t, p, cs)).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
    // The texts reach the gates often enough for the property to say something.
    expect(matched).toBeGreaterThan(200);
  });

  it('skip words that start no phrase', () => {
    expect(mayOpenPhrase(plan.words, 'zzqx the', 0, false)).toBe(false);
    expect(mayOpenPhrase(plan.words, '  ', 0, false)).toBe(false);
    const key = plan.words.entries.find((e) => e.phrases.some((p) => p.re.source === `${e.key}(?![A-Za-z])`))!.key;
    expect(mayOpenPhrase(plan.words, `${key.toUpperCase()} x`, 0, false)).toBe(true);
    // The key glued to more letters is another word.
    expect(mayOpenPhrase(plan.words, `${key}zq`, 0, false)).toBe(false);
  });

  it('leave the output as it is without the prefilters, over texts of keywords', () => {
    fc.assert(
      fc.property(text, (t) => {
        PREFILTERS.enabled = true;
        const a = JSON.stringify([redactor.redact(t), redactor.detect(t, { explain: true })]);
        PREFILTERS.enabled = false;
        const b = JSON.stringify([redactor.redact(t), redactor.detect(t, { explain: true })]);
        expect(a).toBe(b);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import type { ScanPlan } from '../../src/detect/plan.js';
import { phraseLiteral, phraseLiteralEnd } from '../../src/detect/phrase-literal.js';

/**
 * The keyword pass reads ASCII phrases by character code (phrase-literal.ts) instead of their sticky regexes:
 * at every position of generated text, both must end a match at the same place (or both refuse), for the
 * shipped phrases and for random ones, with case variants, Kelvin sign and long s, every `\s` character
 * and lone surrogates around them.
 */
const RUNS = { seed: 20261207, numRuns: 300 };

const plan = (createRedactor().session() as unknown as { plan: ScanPlan }).plan;
const shipped = plan.words.entries.flatMap((e) => [...e.phrases.map((p) => ({ p, ci: true })), ...e.phrasesCs.map((p) => ({ p, ci: false }))]);

/** What the regex gives at h, the oracle. */
function regexEnd(re: RegExp, text: string, h: number): number {
  re.lastIndex = h;
  return re.test(text) ? re.lastIndex : -1;
}

const SPACES = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2003', '\u2028', '\u202f', '\u3000', '\ufeff'];
const noise = fc.constantFrom(...SPACES, 'a', 'Z', '0', '_', '#', '.', '-', '\u212a', '\u017f', '\u00e9', '\ud800', ':');
/** A variant of the phrase as text may write it: case flips, separators of 1–4 whitespace characters. */
const variant = (word: string) =>
  fc.tuple(fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }), fc.array(fc.constantFrom(...SPACES), { minLength: 1, maxLength: 4 })).map(([flip, sep]) =>
    word
      .trim()
      .split(/\s+/)
      .join(sep.join(''))
      .split('')
      .map((c, i) => (flip[i % flip.length] ? c.toUpperCase() : c.toLowerCase()))
      .join(''),
  );

describe('keyword phrases read by character code', () => {
  it('compiles the shipped ASCII phrases, and leaves others to the regex', () => {
    expect(shipped.length).toBeGreaterThan(20);
    expect(shipped.filter(({ p }) => p.lit !== null).length).toBeGreaterThan(20);
    expect(phraseLiteral('caf\u00e9 number', true)).toBeNull();
  });

  it('ends where the sticky regex ends, for the shipped phrases', () => {
    const withLit = shipped.filter(({ p }) => p.lit !== null);
    let matches = 0;
    fc.assert(
      fc.property(fc.nat(withLit.length - 1).chain((k) => fc.tuple(fc.constant(k), fc.array(fc.oneof(noise, variant(withLit[k]!.p.re.source.replace(/\\s\{1,3\}/g, ' ').replace(/\(\?!.*$/, '').replace(/\\(.)/g, '$1'))), { maxLength: 6 }))), ([k, parts]) => {
        const { p } = withLit[k]!;
        const text = parts.join('');
        for (let h = 0; h <= text.length; h++) {
          const e = regexEnd(p.re, text, h);
          if (e >= 0) matches++;
          expect(phraseLiteralEnd(p.lit!, text, h)).toBe(e);
        }
      }),
      RUNS,
    );
    // The generator writes the phrases, so the comparison covers matches, not only refusals.
    expect(matches).toBeGreaterThan(RUNS.numRuns / 2);
  });

  it('ends where the regex plan.ts would build ends, for random phrases', () => {
    const word = fc.stringMatching(/^[a-zA-Z0-9#.\-_/' ]{1,14}$/).filter((w) => w.trim() !== '');
    fc.assert(
      fc.property(word, fc.boolean(), fc.array(fc.oneof(noise, fc.constantFrom('a', 'b', 'A', ' ', '1')), { maxLength: 12 }), (w, ci, noiseParts) => {
        const lit = phraseLiteral(w, ci)!;
        const source = w.trim().split(/\s+/).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s{1,3}') + (/[A-Za-z]$/.test(w) ? '(?![A-Za-z])' : /\w$/.test(w) ? '(?![0-9A-Za-z_])' : '');
        const re = new RegExp(source, ci ? 'iy' : 'y');
        const text = noiseParts.join('') + w.replace(/ /g, '\t ') + noiseParts.reverse().join('') + w.toUpperCase();
        for (let h = 0; h <= text.length; h++) expect(phraseLiteralEnd(lit, text, h)).toBe(regexEnd(re, text, h));
      }),
      RUNS,
    );
  });
});

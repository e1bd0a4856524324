import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDocument as blindDocument } from '../../benchmarks/blind/corpus.js';
import { generateDocument as narrativeDocument } from '../../benchmarks/narrative/corpus.js';
import { pinnedCommit, referenceBuild } from '../../benchmarks/reference/build.js';
import { createRedactor, type RedactorConfig } from '../../src/index.js';
import { cutsFor, generatedCareText } from '../support/care-text.js';

/**
 * The hot path changes how the engine runs, never what it finds: this tree and the pinned reference build
 * (benchmarks/reference/) must give byte-identical text, findings and errors, one-shot and streamed at any
 * cut, on generated care text and on the project's corpora. DIFF_RUNS and DIFF_DOCS bound the cost; the
 * reference is built once per commit and cached (benchmarks/reference/build.ts).
 */
const RUNS = Number(process.env.DIFF_RUNS ?? 40);
const DOCS = Number(process.env.DIFF_DOCS ?? 6);

interface Engine {
  createRedactor(config?: RedactorConfig): ReturnType<typeof createRedactor>;
}
type R = ReturnType<typeof createRedactor>;

/** Redactors of both engines, by configuration: defaults, and other masks with explained findings. */
const CONFIGS: { name: string; config: RedactorConfig }[] = [
  { name: 'defaults', config: {} },
  { name: 'hmac and bin-last4 masks, aggressive', config: { hmacKey: 'k'.repeat(32), masks: { EMAIL: 'hmac', CREDIT_CARD: 'bin-last4', PERSON: 'full' }, aggressive: true } },
];

let pairs: { name: string; ours: R; ref: R }[] = [];
/** DIFF_BASE=<rev> compares against another commit's build instead of the pinned one. */
const commit = process.env.DIFF_BASE ?? pinnedCommit();

beforeAll(async () => {
  const ref = (await import(pathToFileURL(referenceBuild(commit)).href)) as Engine;
  pairs = CONFIGS.map(({ name, config }) => ({ name, ours: createRedactor(config), ref: ref.createRedactor(config) }));
}, 600_000);

const attempt = <T>(f: () => T): T | { thrown: string } => {
  try {
    return f();
  } catch (e) {
    return { thrown: `${(e as { code?: string }).code ?? ''} ${(e as Error).message}` };
  }
};

/** Everything a caller sees of a text: redact(), detect() with explanations, and a session fed at `cuts`. */
function outcome(r: R, text: string, cuts: readonly number[]) {
  const streamed = attempt(() => {
    const s = r.session({ explain: true });
    const outs = [];
    let at = 0;
    for (const c of [...cuts, text.length]) {
      outs.push(s.push(text.slice(at, c)));
      at = c;
    }
    outs.push(s.finish());
    return { text: outs.map((o) => o.text).join(''), findings: outs.flatMap((o) => o.findings), errors: outs.flatMap((o) => o.errors) };
  });
  return { redact: attempt(() => r.redact(text)), detect: attempt(() => r.detect(text, { explain: true })), streamed };
}

/** Asserts equal outcomes, with a message that says what to do when the change is intended. */
function same(text: string, cuts: readonly number[], where: string): void {
  for (const { name, ours, ref } of pairs) {
    const a = JSON.stringify(outcome(ours, text, cuts));
    const b = JSON.stringify(outcome(ref, text, cuts));
    if (a === b) continue;
    let i = 0;
    while (a[i] === b[i]) i++;
    expect.fail(
      `output differs from the reference engine (${commit.slice(0, 12)}, benchmarks/reference/pin.json) on ${where}, ` +
        `redactor "${name}", ${text.length} characters cut at [${cuts.join(', ')}]:\n` +
        `  this tree: …${a.slice(Math.max(0, i - 80), i + 120)}\n  reference: …${b.slice(Math.max(0, i - 80), i + 120)}\n` +
        'If this output change is intended detection work, re-pin: npm run reference:pin (then commit benchmarks/reference/pin.json).',
    );
  }
}

/** Seeded cut points for the corpora (xorshift, so a failure repeats). */
function seededCuts(length: number, seed: number): number[] {
  let x = seed * 2654435761 || 1;
  const cuts = new Set<number>();
  for (let k = 0; k < 10; k++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    cuts.add(1 + ((x >>> 0) % Math.max(1, length - 1)));
  }
  return [...cuts].sort((a, b) => a - b);
}

describe(`the engine against the reference build (${commit.slice(0, 12)})`, () => {
  it('gives identical output on generated care text, one-shot and streamed at random cuts', () => {
    fc.assert(
      fc.property(generatedCareText.chain((text) => fc.tuple(fc.constant(text), cutsFor(text.length))), ([text, cuts]) => same(text, cuts, 'generated care text')),
      { numRuns: RUNS },
    );
  });

  it('gives identical output on the blind and narrative corpora (tuning seeds), streamed at seeded cuts', () => {
    for (let seed = 1; seed <= DOCS; seed++) {
      const blind = blindDocument(seed, 0).text;
      same(blind, seededCuts(blind.length, seed), `blind corpus seed ${seed}`);
      const narrative = narrativeDocument(seed, 0).text;
      same(narrative, seededCuts(narrative.length, seed + 1000), `narrative corpus seed ${seed}`);
    }
  });

  it('reports a difference with the re-pin instruction', () => {
    // The check itself must be able to fail: a redactor with a rule switched off differs from the reference.
    const saved = pairs;
    pairs = [{ name: 'US_SSN disabled', ours: createRedactor({ disable: ['US_SSN'] }), ref: saved[0]!.ref }];
    try {
      expect(() => same('SSN 536-22-1947', [], 'a text with an SSN')).toThrow(/re-pin: npm run reference:pin/);
    } finally {
      pairs = saved;
    }
  });
});

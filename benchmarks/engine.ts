/**
 * `npm run bench`: MB/s of redact() on generated care text, beside a bare charCodeAt scan of the same text
 * measured in the same run (the floor of any JavaScript scanner). Medians of several rounds; documents are
 * 64,000 characters (V8 handles longer strings far more slowly).
 *
 * It also times the scanner's passes alone (benchmarks/passes.ts): a ceiling for this design on this text.
 */
import { createRedactor } from 'caregate';
import { careText } from './corpus.js';
import { bareScan, scannerPasses } from './passes.js';

const DOC = 64_000;
const TOTAL = Number(process.env.BENCH_MB ?? 16) * 1_000_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

const docs: string[] = [];
for (let i = 0; docs.length * DOC < TOTAL; i++) docs.push(careText(DOC, 1000 + i).slice(0, DOC));
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Rounds of the measured functions are interleaved (bare, redact, detect, bare, …) so that a change in the
 * machine's load during the run shifts them alike; each figure is the median of its rounds.
 */
function measureAll(fns: Record<string, (doc: string) => unknown>): Record<string, number> {
  const rates: Record<string, number[]> = {};
  for (const [name, fn] of Object.entries(fns)) {
    rates[name] = [];
    for (const d of docs.slice(0, 20)) fn(d); // warm up: let V8 tier up regexes and hot loops
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, fn] of Object.entries(fns)) {
      const t0 = process.hrtime.bigint();
      for (const d of docs) fn(d);
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      rates[name]!.push(bytes / 1e6 / s);
    }
  }
  return Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, median(v)]));
}

const redactor = createRedactor();
const passes = scannerPasses(redactor);
let sink = 0;
const { scan, passes: passRate, redact, detect } = measureAll({
  scan: (d) => (sink += bareScan(d)),
  passes: (d) => (sink += passes(d)),
  redact: (d) => (sink += redactor.redact(d).text.length),
  detect: (d) => (sink += redactor.detect(d).length),
}) as { scan: number; passes: number; redact: number; detect: number };
const findings = docs.reduce((n, d) => n + redactor.detect(d).length, 0);

console.log(`corpus: ${(bytes / 1e6).toFixed(1)} MB in ${docs.length} documents of ${DOC} chars, ${findings} findings; node ${process.version}, ${ROUNDS} rounds (median)`);
console.log(`bare charCodeAt scan : ${scan.toFixed(0)} MB/s`);
console.log(`scanner passes alone : ${passRate.toFixed(0)} MB/s  (${((passRate / scan) * 100).toFixed(0)}% of the bare scan; skip loops with no work at hits)`);
console.log(`redact()             : ${redact.toFixed(0)} MB/s  (${((redact / scan) * 100).toFixed(0)}% of the bare scan)`);
console.log(`detect()             : ${detect.toFixed(0)} MB/s  (${((detect / scan) * 100).toFixed(0)}% of the bare scan)`);
if (sink === 42) console.log('');

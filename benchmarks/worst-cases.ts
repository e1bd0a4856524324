/**
 * Worst cases of the engine, timed here (tests only assert their outcome): each input at size n and 2n,
 * so a ratio near 2 shows time linear in the size. Medians of 3 runs.
 */
import { createRedactor } from 'caregate';
import { rng } from './corpus.js';

const r = createRedactor();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function randomDigitsAndSeparators(size: number): string {
  const next = rng(7);
  const alphabet = '0123456789 -./';
  let s = '';
  while (s.length < size) s += alphabet[Math.floor(next() * alphabet.length)];
  return s;
}

const cases: Record<string, (n: number) => string> = {
  'random digits and separators': randomDigitsAndSeparators,
  'one multi-megabyte line': (n) => 'lorem ipsum dolor sit amet card 4111 1111 1111 1111 '.repeat(Math.ceil(n / 52)).slice(0, n),
  "a storm of '@'": (n) => '@'.repeat(n),
  'one long token': (n) => 'x'.repeat(n),
  "'1-' repeated": (n) => '1-'.repeat(n / 2),
  'spoken digits without end': (n) => 'one '.repeat(n / 4),
};

const N = Number(process.env.WORST_MB ?? 1) * 1_000_000;
console.log(`worst cases, ${N / 1e6} MB and ${(2 * N) / 1e6} MB (median of 3), node ${process.version}`);
for (const [name, make] of Object.entries(cases)) {
  const times: number[] = [];
  for (const size of [N, 2 * N]) {
    const text = make(size);
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      r.redact(text);
      runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    times.push(median(runs));
  }
  console.log(`${name.padEnd(32)} ${times[0]!.toFixed(0).padStart(6)} ms  ${times[1]!.toFixed(0).padStart(6)} ms  ×${(times[1]! / times[0]!).toFixed(2)} for twice the size  (${(N / 1e6 / (times[0]! / 1000)).toFixed(1)} MB/s)`);
}

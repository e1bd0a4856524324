/**
 * Worst cases of the engine against prose, measured in the same run (issue 15 item 11: adversarial text at
 * most 10× slower than prose). Each input is redacted at size n and 2n: the ratio between the two shows
 * whether time is linear in the size, and MB/s at n is compared with care-text prose at n. CPU time,
 * median of 3 runs after a warm-up, so that other processes on the machine weigh less on the figures.
 * The same inputs then go through createRedactStream in 64 KB chunks (the 10 MB of '1 ' took 56 s).
 *   npx tsx benchmarks/worst-cases.ts            (WORST_MB=0.5 by default; WORST_CASES=a,b to pick cases)
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createRedactor, createRedactStream } from 'caregate';
import { careText, rng } from './corpus.js';

const r = createRedactor();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function randomDigitsAndSeparators(size: number): string {
  const next = rng(7);
  const alphabet = '0123456789 -./';
  let s = '';
  while (s.length < size) s += alphabet[Math.floor(next() * alphabet.length)];
  return s;
}

const repeat = (unit: string) => (n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

const cases: Record<string, (n: number) => string> = {
  'prose (care text)': (n) => careText(n, 5).slice(0, n),
  'random digits and separators': randomDigitsAndSeparators,
  'one multi-megabyte line': repeat('lorem ipsum dolor sit amet card 4111 1111 1111 1111 '),
  "a storm of '@'": repeat('@'),
  'one long token': repeat('x'),
  "'1.' repeated": repeat('1.'),
  "'1 ' repeated": repeat('1 '),
  "':' repeated": repeat(':'),
  "'1-' repeated": repeat('1-'),
  "'double ' repeated": repeat('double '),
  "'cvv ' repeated": repeat('cvv '),
  "'cvv: ' repeated": repeat('cvv: '),
  "'one ' repeated": repeat('one '),
  "'card ending ' repeated": repeat('card ending '),
};

const N = Math.round(Number(process.env.WORST_MB ?? 0.5) * 1_000_000);
const only = process.env.WORST_CASES?.split(',');

function cpuMs(text: string): number {
  r.redact(text); // warm-up: irregexp tiers up, the JIT compiles the scanner
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const c = process.cpuUsage();
    r.redact(text);
    const u = process.cpuUsage(c);
    runs.push((u.user + u.system) / 1000);
  }
  return median(runs);
}

console.log(`worst cases, ${N / 1e6} MB and ${(2 * N) / 1e6} MB (CPU ms, median of 3), node ${process.version}`);
let proseMbs = 0;
for (const [name, make] of Object.entries(cases)) {
  if (only && name !== 'prose (care text)' && !only.some((o) => name.includes(o))) continue;
  const t1 = cpuMs(make(N));
  const t2 = cpuMs(make(2 * N));
  const mbs = N / 1e6 / (t1 / 1000);
  if (!proseMbs) proseMbs = mbs;
  console.log(
    `${name.padEnd(30)} ${t1.toFixed(0).padStart(6)} ms ${t2.toFixed(0).padStart(6)} ms  ×${(t2 / t1).toFixed(2)} for twice the size  ${mbs.toFixed(1).padStart(7)} MB/s  ${(proseMbs / mbs).toFixed(1).padStart(5)}× prose's time`,
  );
}

async function streamCpuMs(text: string): Promise<number> {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += 65536) chunks.push(text.slice(i, i + 65536));
  const once = () => pipeline(Readable.from(chunks), createRedactStream(r), new Writable({ write: (_c, _e, cb) => cb() }));
  await once();
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const c = process.cpuUsage();
    await once();
    const u = process.cpuUsage(c);
    runs.push((u.user + u.system) / 1000);
  }
  return median(runs);
}

console.log(`\nthrough createRedactStream (64 KB chunks), ${(2 * N) / 1e6} MB (CPU ms, median of 3)`);
let proseStream = 0;
for (const [name, make] of Object.entries(cases)) {
  if (only && name !== 'prose (care text)' && !only.some((o) => name.includes(o))) continue;
  const t = await streamCpuMs(make(2 * N));
  const mbs = (2 * N) / 1e6 / (t / 1000);
  if (!proseStream) proseStream = mbs;
  console.log(`${name.padEnd(30)} ${t.toFixed(0).padStart(6)} ms  ${mbs.toFixed(1).padStart(7)} MB/s  ${(proseStream / mbs).toFixed(1).padStart(5)}× prose's time`);
}

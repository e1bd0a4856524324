/**
 * The digit pass on its own (issue 20 item 2): redact() of a redactor whose only rules are the digit rules
 * (detector 'digits': cards, SSNs, phones, routing numbers, IPv4…), on held-out sparse and dense care text
 * (benchmarks/blind-text.ts), beside the same build with every rule on and with the digit rules off, so the
 * digit pass's share shows in one run:
 *   npm run build && npx tsx benchmarks/digit-pass.ts
 *   DIGIT_BASE=ref:<rev> npx tsx benchmarks/digit-pass.ts     (adds that build's rows: before/after in one run)
 * DIGIT_MB (default 1) per corpus, DIGIT_ROUNDS (default 5). Rounds are interleaved; figures are medians of
 * MB/s by CPU time (process.cpuUsage), which other processes on a shared machine disturb less than wall time.
 *
 *   DIGIT_FRESH=1 DIGIT_BASE=ref:<rev> npx tsx benchmarks/digit-pass.ts
 * measures text seen once instead: every round is a new held-out corpus (other seeds), redacted once by each
 * build with every rule on (one redactor per build, so no verdict cache of a previous round answers; builds
 * alternate first and second). Rounds over the same documents hide what validators cost on new text: their
 * verdict caches answer from the second round on.
 */
import { createRedactor } from 'caregate';
import { denseText, sparseText } from './blind-text.js';
import { referenceBuild } from './reference/build.js';

const TOTAL = Number(process.env.DIGIT_MB ?? 1) * 1_000_000;
const ROUNDS = Number(process.env.DIGIT_ROUNDS ?? 5);

interface RedactorLike {
  redact(text: string): { text: string };
  rules: readonly { id: string; detector: unknown }[];
}
type Make = (o: object) => RedactorLike;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpuNs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
};

/** A redactor's rules name their detector: 'digits' for the digit pass's rules. */
const isDigits = (d: unknown) => d === 'digits';

/** Every rule on, digit rules only, digit rules off: made by one build's createRedactor. */
function variants(label: string, make: Make): [string, RedactorLike][] {
  const all = make({});
  const digitIds = all.rules.filter((r) => isDigits(r.detector)).map((r) => r.id);
  const otherIds = all.rules.filter((r) => !isDigits(r.detector)).map((r) => r.id);
  return [
    [`${label}: every rule`, all],
    [`${label}: digit rules only`, make({ disable: otherIds })],
    [`${label}: digit rules off`, make({ disable: digitIds })],
  ];
}

const builds: [string, Make][] = [['this build', (o) => createRedactor(o) as unknown as RedactorLike]];
const baseSpec = process.env.DIGIT_BASE;
if (baseSpec) {
  const path = baseSpec.startsWith('ref:') ? referenceBuild(baseSpec === 'ref:pinned' ? undefined : baseSpec.slice(4)) : baseSpec;
  const mod = (await import(path)) as { createRedactor(o: object): RedactorLike };
  builds.unshift([`base ${baseSpec}`, (o) => mod.createRedactor(o)]);
}
const rows = builds.flatMap(([label, make]) => variants(label, make));

let sink = 0;
if (process.env.DIGIT_FRESH) {
  const fresh = builds.map(([label, make]) => [label, make({})] as const);
  for (const [title, gen] of [['sparse', sparseText], ['dense', denseText]] as const) {
    // Warm-up on seeds of its own: metadata compiled, code optimised.
    for (const [, r] of fresh) for (const d of gen(TOTAL, 64_000, 900_000).docs) sink += r.redact(d).text.length;
    const rates: number[][] = fresh.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      const corpus = gen(TOTAL, 64_000, 910_000 + round * 1000);
      const bytes = corpus.docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
      const order = round % 2 ? [...fresh.keys()].reverse() : [...fresh.keys()];
      for (const k of order) {
        const t0 = cpuNs();
        for (const d of corpus.docs) sink += fresh[k]![1].redact(d).text.length;
        rates[k]!.push(bytes / 1e6 / ((cpuNs() - t0) / 1e9));
      }
    }
    console.log(`\n${title}, text seen once: ${ROUNDS} rounds of ${(TOTAL / 1e6).toFixed(1)} MB, every rule on, MB/s by CPU time (medians)`);
    console.log('| build | MB/s | µs per kB |');
    console.log('|---|---:|---:|');
    fresh.forEach(([name], k) => {
      const rate = median(rates[k]!);
      console.log(`| ${name} | ${rate.toFixed(2)} | ${(1000 / rate).toFixed(0)} |`);
    });
  }
  if (sink === 42) console.log('');
  process.exit(0);
}
for (const [title, corpus] of [['sparse', sparseText(TOTAL)], ['dense', denseText(TOTAL)]] as const) {
  const bytes = corpus.docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
  const rates: number[][] = rows.map(() => []);
  for (const [, r] of rows) for (const d of corpus.docs.slice(0, 4)) sink += r.redact(d).text.length;
  for (let round = 0; round < ROUNDS; round++) {
    rows.forEach(([, r], k) => {
      const t0 = cpuNs();
      for (const d of corpus.docs) sink += r.redact(d).text.length;
      rates[k]!.push(bytes / 1e6 / ((cpuNs() - t0) / 1e9));
    });
  }
  console.log(`\n${title}: ${(corpus.chars / 1e6).toFixed(1)} M chars, ${ROUNDS} interleaved rounds, MB/s by CPU time (medians)`);
  console.log('| redactor | MB/s | µs per kB |');
  console.log('|---|---:|---:|');
  rows.forEach(([name], k) => {
    const rate = median(rates[k]!);
    console.log(`| ${name} | ${rate.toFixed(2)} | ${(1000 / rate).toFixed(0)} |`);
  });
  for (const [label] of builds) {
    const at = (suffix: string) => median(rates[rows.findIndex(([n]) => n === `${label}: ${suffix}`)]!);
    // Time per byte with every rule on, less the time with digit rules off: what the digit rules add.
    const added = 1 / at('every rule') - 1 / at('digit rules off');
    console.log(`${label}: digit rules add ${((added / (1 / at('every rule'))) * 100).toFixed(1)}% of the time with every rule on`);
  }
}
if (sink === 42) console.log('');

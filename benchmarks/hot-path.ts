/**
 * The hot path's figures (issue 20 "must show"), all in one process and one run so that their ratios hold on a
 * shared machine:
 *   npm run build && npx tsx benchmarks/hot-path.ts          (HOT_MB=4 HOT_ROUNDS=7 by default)
 *
 * 1. Sparse and dense care text from the blind corpus's generator on held-out seeds (benchmarks/blind-text.ts):
 *    the bare charCodeAt scan (floor), caregate redact() one-shot, caregate streamed (one session per pass,
 *    64 KB pushes, as the streams drive it) and the fastest npm peer (@redactpii/node) on the same documents.
 * 2. Short strings: the fixed cost per call of a PII-free 100-character string, and 50–500-character lines of
 *    the same corpus (log lines, form and ticket fields), caregate against the peer.
 *
 * Rounds are interleaved (every engine once per round); each figure is the median over rounds of MB/s by CPU
 * time (process.cpuUsage: user + system), which other processes on the machine disturb less than wall time.
 * The package is measured as published (dist/, imported as 'caregate'). pino: benchmarks/pino.ts; worst cases:
 * benchmarks/worst-cases.ts; peak RSS streaming 2 GB: benchmarks/streaming.ts.
 *
 * Before/after in one run: HOT_BASE=/path/to/another/build/dist/index.js adds that build's redact() as a row
 * (e.g. main's dist copied aside before a change), measured in the same interleaved rounds; HOT_BASE=ref:<rev>
 * builds that commit (cached, benchmarks/reference/build.ts), HOT_BASE=ref:pinned the pinned reference.
 */
import { Redactor as PeerRedactor } from '@redactpii/node';
import { createRedactor } from 'caregate';
import { denseText, shortLines, sparseText, type BlindText } from './blind-text.js';
import { bareScan } from './passes.js';
import { referenceBuild } from './reference/build.js';

const TOTAL = Number(process.env.HOT_MB ?? 4) * 1_000_000;
const ROUNDS = Number(process.env.HOT_ROUNDS ?? 7);
const PUSH = 65_536;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpuNs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
};

const redactor = createRedactor();
const peer = new PeerRedactor();
let sink = 0;
type RedactorLike = { redact(text: string): { text: string } };
/** HOT_BASE: a build's dist/index.js, or ref:<rev> (ref:pinned for the reference) built by benchmarks/reference/build.ts. */
const basePath = process.env.HOT_BASE?.startsWith('ref:') ? referenceBuild(process.env.HOT_BASE === 'ref:pinned' ? undefined : process.env.HOT_BASE.slice(4)) : process.env.HOT_BASE;
const base: RedactorLike | null = basePath ? ((await import(basePath)) as { createRedactor(): RedactorLike }).createRedactor() : null;

type Fn = (docs: string[]) => void;
const engines: Record<string, Fn> = {
  'bare charCodeAt scan (floor)': (docs) => {
    for (const d of docs) sink += bareScan(d);
  },
  'caregate redact() one-shot': (docs) => {
    for (const d of docs) sink += redactor.redact(d).text.length;
  },
  'caregate streamed (64 KB pushes)': (docs) => {
    const s = redactor.session();
    for (const d of docs) for (let i = 0; i < d.length; i += PUSH) sink += s.push(d.slice(i, i + PUSH)).text.length;
    sink += s.finish().text.length;
  },
  '@redactpii/node (fastest peer)': (docs) => {
    for (const d of docs) sink += peer.redact(d).length;
  },
};
if (base) {
  engines['caregate redact(), HOT_BASE build'] = (docs) => {
    for (const d of docs) sink += base.redact(d).text.length;
  };
}

/** MB/s (CPU time) per engine, medians of interleaved rounds. */
function measure(docs: string[], fns: Record<string, Fn>, rounds = ROUNDS): Record<string, number> {
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
  const rates: Record<string, number[]> = {};
  for (const [name, fn] of Object.entries(fns)) {
    rates[name] = [];
    fn(docs.slice(0, 8)); // warm up: V8 tiers up regexes and hot loops
  }
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(fns)) {
      const t0 = cpuNs();
      fn(docs);
      rates[name]!.push(bytes / 1e6 / ((cpuNs() - t0) / 1e9));
    }
  }
  return Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, median(v)]));
}

function table(title: string, corpus: BlindText): void {
  const rates = measure(corpus.docs, engines);
  const floor = rates['bare charCodeAt scan (floor)']!;
  const peerRate = rates['@redactpii/node (fastest peer)']!;
  const mb = corpus.chars / 1e6;
  console.log(`\n${title}: ${mb.toFixed(1)} M chars in ${corpus.docs.length} documents, ${Math.round(corpus.values / mb)} labelled values per M chars`);
  console.log('| engine | MB/s (CPU) | % of bare scan | ÷ peer |');
  console.log('|---|---:|---:|---:|');
  for (const [name, rate] of Object.entries(rates)) {
    console.log(`| ${name} | ${rate.toFixed(rate < 10 ? 1 : 0)} | ${((rate / floor) * 100).toFixed(1)}% | ${(rate / peerRate).toFixed(2)}× |`);
  }
}

function shortStrings(): void {
  const clean = 'GET /api/orders/status completed for the request; cache warm, queue idle, nothing to report here ok';
  const plain = 'thanks for waiting, i checked the order and it looks like the parcel left the warehouse yesterday ok';
  const lines = shortLines(20_000);
  const redactors: [string, RedactorLike][] = [['caregate redact()', redactor], ...(base ? [['HOT_BASE build', base] as [string, RedactorLike]] : [])];
  /** µs per call of each redactor on s, medians of interleaved rounds. */
  const perCall = (s: string): string => {
    const xs: number[][] = redactors.map(() => []);
    for (const [, r] of redactors) for (let i = 0; i < 20_000; i++) sink += r.redact(s).text.length;
    for (let round = 0; round < ROUNDS; round++) {
      redactors.forEach(([, r], k) => {
        const t0 = cpuNs();
        for (let i = 0; i < 20_000; i++) sink += r.redact(s).text.length;
        xs[k]!.push((cpuNs() - t0) / 20_000);
      });
    }
    return xs.map((x) => `${(median(x) / 1000).toFixed(2)} µs/call`).join(' | ');
  };
  console.log('\nShort strings');
  console.log(`| input | ${redactors.map(([name]) => name).join(' | ')} |`);
  console.log(`|---|${redactors.map(() => '---:').join('|')}|`);
  console.log(`| PII-free ${clean.length}-char log line | ${perCall(clean)} |`);
  console.log(`| PII-free ${plain.length}-char chat line | ${perCall(plain)} |`);
  console.log(`| 'x' × 100 | ${perCall('x'.repeat(100))} |`);
  // A redactor created after the corpora (as a service creates one per tenant or config): its context regexes
  // once stayed in V8's regexp interpreter, twice the cost per call (plan.ts sharedRegExp).
  const late = createRedactor();
  const lateRounds: number[] = [];
  for (let i = 0; i < 20_000; i++) sink += late.redact(clean).text.length;
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = cpuNs();
    for (let i = 0; i < 20_000; i++) sink += late.redact(clean).text.length;
    lateRounds.push((cpuNs() - t0) / 20_000);
  }
  console.log(`| PII-free log line, caregate redactor created after the corpora | ${(median(lateRounds) / 1000).toFixed(2)} µs/call |`);
  const lineFns: Record<string, Fn> = {
    '@redactpii/node': (ls) => {
      for (const l of ls) sink += peer.redact(l).length;
    },
  };
  for (const [name, r] of redactors) {
    lineFns[name] = (ls) => {
      for (const l of ls) sink += r.redact(l).text.length;
    };
  }
  const rates = measure(lines, lineFns);
  const avg = lines.reduce((n, l) => n + l.length, 0) / lines.length;
  for (const [name, rate] of Object.entries(rates)) {
    console.log(`| ${lines.length} corpus lines of 50–500 chars (mean ${avg.toFixed(0)}), ${name} | ${rate.toFixed(1)} MB/s, ${(avg / rate).toFixed(1)} µs/line |${' |'.repeat(redactors.length - 1)}`);
  }
}

console.log(`node ${process.version}; ${ROUNDS} interleaved rounds, medians of MB/s by CPU time`);
table('Sparse care text (blind generator, held-out seeds)', sparseText(TOTAL));
table('Dense care text (blind generator, held-out seeds)', denseText(TOTAL));
shortStrings();
if (sink === 42) console.log('');

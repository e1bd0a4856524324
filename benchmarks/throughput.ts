/**
 * `npm run bench:throughput`: MB/s and peak RSS of caregate (one-shot redact(), the Node stream, a piscina
 * pool of 2 workers) and of each npm peer, on the same generated care text in the same run, with a bare
 * charCodeAt scan as the floor and caregate's scanner passes alone (benchmarks/passes.ts) as the ceiling of
 * its design on this text. Every engine runs in its own child process (benchmarks/peers/runner.ts);
 * rounds are interleaved across the children (one measures at a time) and each figure is the median.
 * Peak RSS is the child's VmHWM over the measured rounds (reset after setup), so it includes the documents
 * the child holds, as the bare scan's row shows.
 *
 * Env: THROUGHPUT_MB (default 8; above 256 the documents are generated on the fly each round, generation
 * time not counted), SLOW_KB (text for @openredaction/openredaction, default 128: it runs at tens of KB/s),
 * ROUNDS (default 5), DOC (document size, default 64000), and ACC_KB/ACC_SEED for the recall column.
 */
import { availableParallelism } from 'node:os';
import { runAccuracy } from './accuracy.js';
import { spawnEngine, type Child } from './peers/child.js';
import { PEERS, type EngineName } from './peers/engines.js';
import { pct } from './peers/score.js';

const TOTAL = Number(process.env.THROUGHPUT_MB ?? 8) * 1_000_000;
const SLOW = Number(process.env.SLOW_KB ?? 128) * 1000;
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const DOC = Number(process.env.DOC ?? 64_000);
const SEED = 1000;
const SLOW_ENGINES: readonly EngineName[] = ['@openredaction/openredaction'];
const ENGINES: EngineName[] = ['bare-scan', 'caregate-passes', 'caregate', 'caregate-stream', 'caregate-pool2', ...PEERS];
const LABEL: Record<EngineName, string> = {
  'bare-scan': 'bare charCodeAt scan (floor)',
  'caregate-passes': "caregate's scanner passes alone (its ceiling)",
  caregate: 'caregate redact() one-shot',
  'caregate-stream': 'caregate createStream()',
  'caregate-pool2': 'caregate piscina pool of 2',
  'redact-pii': 'redact-pii',
  '@redactpii/node': '@redactpii/node',
  '@openredaction/openredaction': '@openredaction/openredaction',
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mib = (kib: number) => (kib / 1024).toFixed(0);

console.log(`node ${process.version}, ${availableParallelism()} cores, ${new Date().toISOString().slice(0, 10)}; ${ROUNDS} interleaved rounds (median)`);
console.log('recall pass (same corpus as bench:accuracy)…');
const acc = await runAccuracy(['caregate', ...PEERS]);
const recall = (e: EngineName) => pct((acc.get(e === 'caregate-stream' || e === 'caregate-pool2' ? 'caregate' : e) ?? acc.get('caregate'))!.score.recall);

const children: Child[] = [];
const setup = new Map<EngineName, { bytes: number; docs: number; cached: boolean }>();
for (const e of ENGINES) {
  console.log(`setting up ${e}…`);
  const c = await spawnEngine(e);
  children.push(c);
  setup.set(e, await c.ask({ cmd: 'setup', total: SLOW_ENGINES.includes(e) ? SLOW : TOTAL, seed: SEED, docChars: DOC, warmSeconds: SLOW_ENGINES.includes(e) ? 3 : 2 }));
}

const rates = new Map<EngineName, number[]>(ENGINES.map((e) => [e, []]));
for (let r = 0; r < ROUNDS; r++) {
  for (const c of children) {
    const { seconds, bytes } = await c.ask<{ seconds: number; bytes: number }>({ cmd: 'round' });
    rates.get(c.name)!.push(bytes / 1e6 / seconds);
  }
  console.log(`round ${r + 1}/${ROUNDS}: ${ENGINES.map((e) => `${e} ${rates.get(e)!.at(-1)!.toFixed(e === '@openredaction/openredaction' ? 3 : 1)}`).join(', ')}`);
}
const peaks = new Map<EngineName, { hwmKiB: number; baseKiB: number }>();
for (const c of children) peaks.set(c.name, await c.ask({ cmd: 'peak' }));
await Promise.all(children.map((c) => c.close()));

const mbps = new Map(ENGINES.map((e) => [e, median(rates.get(e)!)]));
const fmt = (x: number) => (x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(3));
const fastestPeer = PEERS.reduce((a, b) => (mbps.get(b)! > mbps.get(a)! ? b : a));
const cgRecall = recall('caregate');
const close = PEERS.filter((p) => recall(p) >= cgRecall - 10);
const fastestClose = close.length ? close.reduce((a, b) => (mbps.get(b)! > mbps.get(a)! ? b : a)) : undefined;

console.log('');
console.log(`| engine | text | MB/s | % of bare scan | ÷ fastest peer (${fastestPeer}) | overall recall | RSS after setup → peak (MiB) |`);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const e of ENGINES) {
  const s = setup.get(e)!;
  const text = `${(s.bytes / 1e6).toFixed(s.bytes < 1e6 ? 3 : 0)} MB${s.cached ? '' : ' (on the fly)'}${SLOW_ENGINES.includes(e) ? ' ⚠ smaller text' : ''}`;
  const p = peaks.get(e)!;
  const rc = e === 'bare-scan' || e === 'caregate-passes' ? '–' : `${recall(e).toFixed(1)}%`;
  console.log(`| ${LABEL[e]} | ${text} | ${fmt(mbps.get(e)!)} | ${((100 * mbps.get(e)!) / mbps.get('bare-scan')!).toFixed(1)}% | ${(mbps.get(e)! / mbps.get(fastestPeer)!).toFixed(2)}× | ${rc} | ${mib(p.baseKiB)} → ${mib(p.hwmKiB)} |`);
}
console.log('');
console.log(`Documents of ${DOC} chars from careDocs(total, ${SEED}); MB = 10^6 UTF-8 bytes.`);
const one = mbps.get('caregate')!;
console.log('\nTargets:');
const r1 = one / mbps.get(fastestPeer)!;
console.log(`  ${r1 >= 2 ? 'MET ' : 'MISS'} one-shot ${fmt(one)} MB/s = ${r1.toFixed(1)}× the fastest peer (${fastestPeer}, ${fmt(mbps.get(fastestPeer)!)} MB/s, recall ${recall(fastestPeer).toFixed(1)}%); target ≥ 2×`);
if (fastestClose) {
  const r2 = one / mbps.get(fastestClose)!;
  console.log(`  ${r2 >= 25 ? 'MET ' : 'MISS'} one-shot = ${r2.toFixed(1)}× the fastest peer within 10 points of caregate's recall ${cgRecall.toFixed(1)}% (${fastestClose}, ${fmt(mbps.get(fastestClose)!)} MB/s, recall ${recall(fastestClose).toFixed(1)}%); target ≥ 25×`);
} else console.log(`  (no peer within 10 points of caregate's recall ${cgRecall.toFixed(1)}%)`);

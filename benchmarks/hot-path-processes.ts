/**
 * Before/after of redact() with each build in its own process: HOT_BASE=ref:<rev> (or a dist/index.js path)
 * against this tree's dist/, on the sparse and dense care text of hot-path.ts.
 *   npm run build && HOT_BASE=ref:<rev> HOT_PAIRS=5 HOT_MB=1 npx tsx benchmarks/hot-path-processes.ts
 *
 * Why not in one process (hot-path.ts HOT_BASE): there the build that runs second was measured up to 1.5×
 * slower than the same build running first (2026-12-07, shared 2-core machine), which overstates a
 * speed-up. Here each pair runs both builds in fresh processes, alternating which goes first; each process
 * warms up, then reports the median MB/s by CPU time (user + system) over HOT_ROUNDS rounds. The table gives
 * the median over pairs and the median of the per-pair ratios.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ROUNDS = Number(process.env.HOT_ROUNDS ?? 3);

type Rates = { sparse: number; dense: number };

async function child(dist: string, file: string): Promise<void> {
  const corpora = JSON.parse(readFileSync(file, 'utf8')) as Record<'sparse' | 'dense', string[]>;
  const { createRedactor } = (await import(dist)) as { createRedactor(): { redact(t: string): { text: string } } };
  const r = createRedactor();
  const out: Record<string, number> = {};
  let sink = 0;
  for (const [name, docs] of Object.entries(corpora)) {
    for (const d of docs.slice(0, 4)) sink += r.redact(d).text.length;
    const mb = docs.reduce((n, d) => n + Buffer.byteLength(d), 0) / 1e6;
    const rates: number[] = [];
    for (let k = 0; k < ROUNDS; k++) {
      const t0 = process.cpuUsage();
      for (const d of docs) sink += r.redact(d).text.length;
      const u = process.cpuUsage(t0);
      rates.push(mb / ((u.user + u.system) / 1e6));
    }
    out[name] = median(rates);
  }
  process.stdout.write(JSON.stringify(out) + (sink === 42 ? ' ' : ''));
}

async function parent(): Promise<void> {
  const { denseText, sparseText } = await import('./blind-text.js');
  const { referenceBuild } = await import('./reference/build.js');
  const spec = process.env.HOT_BASE;
  if (!spec) throw new Error('HOT_BASE=ref:<rev> or HOT_BASE=/path/to/dist/index.js');
  const base = spec.startsWith('ref:') ? referenceBuild(spec === 'ref:pinned' ? undefined : spec.slice(4)) : spec;
  const self = fileURLToPath(new URL('../dist/index.js', import.meta.url));
  const total = Number(process.env.HOT_MB ?? 1) * 1_000_000;
  const pairs = Number(process.env.HOT_PAIRS ?? 5);
  const file = join(tmpdir(), `caregate-hot-path-${process.pid}.json`);
  writeFileSync(file, JSON.stringify({ sparse: sparseText(total).docs, dense: denseText(total).docs }));
  const run = (dist: string): Rates => JSON.parse(execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), 'child', dist, file], { encoding: 'utf8' })) as Rates;
  const rows: { base: Rates; after: Rates }[] = [];
  for (let k = 0; k < pairs; k++) {
    const first = k % 2 === 0 ? run(base) : run(self);
    const second = k % 2 === 0 ? run(self) : run(base);
    rows.push(k % 2 === 0 ? { base: first, after: second } : { base: second, after: first });
  }
  console.log(`node ${process.version}; ${pairs} pairs of processes (order alternating), ${ROUNDS} rounds each, ${total / 1e6} M chars per corpus; HOT_BASE ${spec}`);
  console.log('| corpus | HOT_BASE MB/s | this tree MB/s | speed-up (median of pair ratios) | pair ratios |');
  console.log('|---|---:|---:|---:|---|');
  for (const c of ['sparse', 'dense'] as const) {
    const ratios = rows.map((r) => r.after[c] / r.base[c]);
    console.log(`| ${c} | ${median(rows.map((r) => r.base[c])).toFixed(2)} | ${median(rows.map((r) => r.after[c])).toFixed(2)} | ${median(ratios).toFixed(2)}× | ${ratios.map((x) => x.toFixed(2)).join(', ')} |`);
  }
}

if (process.argv[2] === 'child') await child(process.argv[3]!, process.argv[4]!);
else await parent();

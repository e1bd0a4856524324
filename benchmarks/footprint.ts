/**
 * The memory a process holding one default redactor keeps (issue 20): RSS and V8 heap after a gc, once the
 * redactor has been created and has redacted one line; and the CPU time createRedactor() took. Run after
 * `npm run build`, each measure in a fresh process:
 *
 *   node --expose-gc --import tsx benchmarks/footprint.ts              # default redactor
 *   FOOT_DISABLE=person-names,postal-address node --expose-gc --import tsx benchmarks/footprint.ts
 *   FOOT_SNAPSHOT=/tmp/redactor.heapsnapshot node --expose-gc --import tsx benchmarks/footprint.ts
 *   FOOT_RUNS=7 npx tsx benchmarks/footprint.ts   # medians over 7 fresh processes (spawns itself)
 *
 * FOOT_DIST=/path/to/other/dist/index.js measures another build (a worktree of an older revision).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

const RUNS = Number(process.env.FOOT_RUNS ?? 0);
const mb = (n: number) => n / 2 ** 20;

if (RUNS > 0) {
  const rows: Record<string, number>[] = [];
  for (let r = 0; r < RUNS; r++) {
    const out = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url)], {
      env: { ...process.env, FOOT_RUNS: '0', FOOT_JSON: '1' },
      encoding: 'utf8',
    });
    if (out.status !== 0) throw new Error(out.stderr);
    rows.push(JSON.parse(out.stdout.trim().split('\n').pop()!) as Record<string, number>);
  }
  const median = (k: string) => rows.map((x) => x[k]!).sort((a, b) => a - b)[Math.floor(rows.length / 2)]!;
  console.log(Object.keys(rows[0]!).map((k) => `${k} ${median(k).toFixed(1)}`).join(', ') + `  (medians of ${RUNS} processes)`);
} else {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const disable = (process.env.FOOT_DISABLE ?? '').split(',').filter(Boolean);
  const mod = (await import(process.env.FOOT_DIST ?? 'caregate')) as typeof import('caregate');
  gc();
  const before = process.memoryUsage();
  // CPU time (user + system): other processes on a shared machine disturb it less than wall time.
  const c0 = process.cpuUsage();
  const redactor = mod.createRedactor(disable.length ? ({ disable } as never) : undefined);
  const c = process.cpuUsage(c0);
  const createCpuMs = (c.user + c.system) / 1000;
  redactor.redact('Hello, this is Maria Lopez from 12 Baker Street, card 4111 1111 1111 1111.');
  // One turn of the event loop, as any process holding a redactor gets: what only loading needed is let go.
  await new Promise((r) => setImmediate(r));
  gc();
  gc();
  const m = process.memoryUsage();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, mb(s.space_used_size)]));
  const row = {
    rssMb: mb(m.rss),
    heapUsedMb: mb(m.heapUsed),
    heapGrowthMb: mb(m.heapUsed - before.heapUsed),
    externalMb: mb(m.external),
    codeMb: spaces.code_space ?? 0,
    oldMb: spaces.old_space ?? 0,
    createCpuMs,
  };
  if (process.env.FOOT_SNAPSHOT) v8.writeHeapSnapshot(process.env.FOOT_SNAPSHOT);
  if (process.env.FOOT_JSON) console.log(JSON.stringify(row));
  else console.log(Object.entries(row).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));
  void redactor;
}

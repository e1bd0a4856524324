/**
 * Bulk redaction across cores (docs/cli.md "Figures"). Run after `npm run build`:
 *
 *   npx tsx benchmarks/bulk-concurrency.ts                    # ~200 files, ~500 MB, 3 rounds
 *   BENCH_FILES=40 BENCH_MB=100 BENCH_ROUNDS=2 npx tsx benchmarks/bulk-concurrency.ts
 *
 * Generates a tree of BENCH_FILES care-text files (BENCH_MB in all, in nested folders, .txt and .log) in
 * the temporary directory, then times `node bin/caregate.js redact <dir> -o <out> --concurrency 1` against
 * `--concurrency 2`, interleaved in ABBA order (1, 2, 2, 1, …) with the page cache flushed (`sync`) between runs,
 * so that drift in machine load hits both alike; reports each run, the medians and the speed-up (median time
 * at 1 / median time at 2, and the median of the rounds' ratios). The tree and outputs are deleted.
 *
 * Until `caregate redact` routes several paths / a folder to the bulk runner (src/cli/redact-command.ts), the
 * same work is run through dist/cli/bulk/run.js's runBulkRedact in a fresh node process (what the wired command
 * calls); the script says which one it timed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { careText } from './corpus.js';

const FILES = Number(process.env.BENCH_FILES ?? 200);
const MB = Number(process.env.BENCH_MB ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROOT = new URL('../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/caregate.js');

const dir = mkdtempSync(join(tmpdir(), 'caregate-bench-bulk-'));
const tree = join(dir, 'tree');
const perFile = Math.round((MB * 1_000_000) / FILES);
let bytes = 0;
const t0 = performance.now();
for (let i = 0; i < FILES; i++) {
  const sub = join(tree, `team-${i % 5}`, `month-${(i >> 2) % 12}`);
  mkdirSync(sub, { recursive: true });
  const text = careText(perFile, 1000 + i);
  writeFileSync(join(sub, `case-${i}.${i % 3 === 0 ? 'log' : 'txt'}`), text);
  bytes += Buffer.byteLength(text);
}
console.log(`tree: ${FILES} files, ${(bytes / 1e6).toFixed(1)} MB in ${dir} (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s); ${cpus().length} cores`);

let help = '';
try {
  help = execFileSync('node', [BIN, 'redact', '--help'], { encoding: 'utf8' });
} catch {
  help = '';
}
const wired = help.includes('--concurrency');
const runner = `import { runBulkRedact } from ${JSON.stringify(join(ROOT, 'dist/cli/bulk/run.js'))};
const [dir, out, c] = process.argv.slice(1);
const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, exitCode: 0 };
process.exitCode = await runBulkRedact([dir], { include: [], exclude: [], format: 'auto', mask: [], pack: [], disable: [], region: 'US', invalidUtf8: 'replace', output: out, concurrency: Number(c), progress: false }, io);`;
console.log(wired ? `timing: node bin/caregate.js redact <tree> -o <out> --concurrency N` : `timing: runBulkRedact (dist/cli/bulk/run.js) in a fresh node process — caregate redact does not route folders to it yet`);

function once(concurrency: number, round: number): Promise<number> {
  const out = join(dir, `out-${concurrency}-${round}`);
  const args = wired
    ? [BIN, 'redact', tree, '-o', out, '--concurrency', String(concurrency), '--no-progress']
    : ['--input-type=module', '-e', runner, tree, out, String(concurrency)];
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('node', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const s = (performance.now() - start) / 1000;
      rmSync(out, { recursive: true, force: true });
      if (code !== 0) reject(new Error(`exit ${code}: ${err}`));
      else resolve(s);
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const times: Record<1 | 2, number[]> = { 1: [], 2: [] };
try {
  const ratios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // ABBA order (1,2 then 2,1): a drift in the machine's speed during the run favours neither.
    const order = r % 2 === 0 ? ([1, 2] as const) : ([2, 1] as const);
    const round: Partial<Record<1 | 2, number>> = {};
    for (const c of order) {
      const s = await once(c, r);
      // The previous run's 500 MB of output is flushed before the next is timed, not during it.
      execFileSync('sync');
      times[c].push(s);
      round[c] = s;
      console.log(`round ${r + 1} --concurrency ${c}: ${s.toFixed(1)} s, ${(bytes / 1e6 / s).toFixed(1)} MB/s`);
    }
    ratios.push(round[1]! / round[2]!);
  }
  const m1 = median(times[1]);
  const m2 = median(times[2]);
  console.log(`median --concurrency 1: ${m1.toFixed(1)} s (${(bytes / 1e6 / m1).toFixed(1)} MB/s)`);
  console.log(`median --concurrency 2: ${m2.toFixed(1)} s (${(bytes / 1e6 / m2).toFixed(1)} MB/s)`);
  console.log(`speed-up per round: ${ratios.map((x) => `${x.toFixed(2)}x`).join(', ')}`);
  console.log(`speed-up: ${(m1 / m2).toFixed(2)}x of the medians, ${median(ratios).toFixed(2)}x median of the rounds (target >= 1.8x on 2 cores)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { CaregateError } from '../../src/errors.js';
import { addBulkOptions, runBulkRedact, type BulkRedactOptions } from '../../src/cli/bulk/run.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { addRedactorOptions } from '../../src/cli/options.js';
import type { CliIO } from '../../src/cli/redact-command.js';
import { registerReportCommand } from '../../src/cli/report-command.js';
import { registerRulesCommand } from '../../src/cli/rules-command.js';
import { registerScanCommand } from '../../src/cli/scan-command.js';

export const ROOT = new URL('../../', import.meta.url).pathname;

/**
 * The worker pool runs the compiled worker (dist/cli/bulk/worker.js). CI builds dist/ before the tests
 * (`npm cit` runs `prepare`); locally this builds it (as `npm run build` does) when it is missing or older
 * than the sources it runs.
 */
export function ensureBuilt(): void {
  const worker = join(ROOT, 'dist/cli/bulk/worker.js');
  const sources = ['src/cli/bulk', 'src/formats', 'src/detect', 'src/report', 'src/stream', 'src/rules'].flatMap((d) =>
    readdirSync(join(ROOT, d)).filter((f) => f.endsWith('.ts')).map((f) => join(ROOT, d, f)),
  );
  const stale = () =>
    !existsSync(worker) || !existsSync(join(ROOT, 'dist/rules/pack-schema.validate.cjs')) || sources.some((s) => statSync(s).mtimeMs > statSync(worker).mtimeMs);
  if (!stale()) return;
  const lock = join(ROOT, 'dist/.caregate-test-build.lock');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  try {
    mkdirSync(lock);
  } catch {
    // another test file is building: wait for it
    const until = Date.now() + 120_000;
    while (existsSync(lock) && Date.now() < until) execFileSync('sleep', ['0.2']);
    return;
  }
  try {
    try {
      execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
    } catch {
      // type errors elsewhere in the tree still emit JavaScript; what matters is that the worker exists
    }
    // the rest of `npm run build`: the rule-pack validator's standalone code
    execFileSync(process.execPath, [join(ROOT, 'dist/rules/pack-validator.js')], { cwd: ROOT, stdio: 'pipe' });
    if (!existsSync(worker)) throw new Error('dist/cli/bulk/worker.js is missing after `npm run build`; run .ci/run or npm run build');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The CLI in-process with the bulk commands registered the way src/cli/main.ts registers commands (and maps
 * errors to exit statuses), so these tests do not depend on main.ts's wiring. `redact` here is the bulk form.
 */
export async function cli(args: string[], o: { stdin?: string; tty?: boolean; signal?: AbortSignal } = {}) {
  const out = new PassThrough();
  const err = new PassThrough() as PassThrough & { isTTY?: boolean; columns?: number };
  if (o.tty) {
    err.isTTY = true;
    err.columns = 120;
    (err as unknown as { cursorTo: () => boolean }).cursorTo = () => true;
    (err as unknown as { clearLine: () => boolean }).clearLine = () => true;
    (err as unknown as { moveCursor: () => boolean }).moveCursor = () => true;
    (err as unknown as { clearScreenDown: () => boolean }).clearScreenDown = () => true;
  }
  const input = new PassThrough();
  input.end(o.stdin ?? '');
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const io: CliIO = { stdin: input, stdout: out, stderr: err, exitCode: EXIT.OK, ...(o.signal ? { signal: o.signal } : {}) };
  const program = new Command('caregate')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  addBulkOptions(
    addRedactorOptions(
      program
        .command('redact')
        .argument('<paths...>')
        .option('-o, --output <dir>')
        .option('--in-place'),
    ),
  ).action(async (paths: string[], opts: BulkRedactOptions) => {
    io.exitCode = await runBulkRedact(paths, opts, io);
  });
  registerScanCommand(program, io);
  registerReportCommand(program, io);
  registerRulesCommand(program, io);
  let code: number;
  try {
    await program.parseAsync(args, { from: 'user' });
    code = io.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) code = e.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    else if (e instanceof CaregateError) {
      io.stderr.write(`${e.message}\n`);
      code = ['E_INPUT', 'E_UTF8', 'E_JSON', 'E_CSV', 'E_NDJSON'].includes(e.code) ? EXIT.INPUT_FAILED : EXIT.USAGE;
    } else throw e;
  }
  await new Promise((r) => setImmediate(r));
  return { code, stdout, stderr };
}

/** Test values (generated test numbers and reserved example contacts): none may appear in any output. */
export const RAW = ['4111 1111 1111 1111', '4111111111111111', '5555555555554444', '5555 5555 5555 4444', 'jane.doe@example.com', '(415) 555-2671', '415-555-2671', '536-22-1947'];

export function assertNoRaw(text: string, where: string): void {
  for (const raw of RAW) if (text.includes(raw)) throw new Error(`${where} holds a raw test value (${raw.slice(0, 4)}…)`);
}

/**
 * A temporary tree: nested folders with text, NDJSON and CSV files, a malformed NDJSON file and an
 * unreadable one (a broken symbolic link: root reads any file whatever its mode, and CI runs as root).
 */
export function makeTree(): { dir: string; root: string } {
  const dir = mkdtempSync(join(tmpdir(), 'caregate-bulk-'));
  const root = join(dir, 'in');
  const w = (rel: string, s: string) => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), s);
  };
  w('notes/call.txt', 'Customer read card 4111 1111 1111 1111 for the refund.\nReach me at jane.doe@example.com.\n');
  w('notes/2025/followup.log', 'Called back on (415) 555-2671, no answer.\nCase 2025-34177 closed.\n');
  w('tickets/export.ndjson', '{"id":1,"email":"jane.doe@example.com","body":"card 5555555555554444 declined"}\n{"id":2,"body":"no PII here"}\n');
  w('crm/customers.csv', 'name,email,phone\nJane Doe,jane.doe@example.com,(415) 555-2671\n');
  w('clean.txt', 'Nothing sensitive: order 12345 shipped.\n');
  w('broken/bad.ndjson', '{"id":1}\nthis is not json\n');
  symlinkSync(join(root, 'gone.txt'), join(root, 'broken/unreadable.txt'));
  if (process.getuid?.() !== 0) {
    w('broken/locked.txt', 'x');
    chmodSync(join(root, 'broken/locked.txt'), 0o000);
  }
  return { dir, root };
}

/** Every file under a folder, relative, sorted. */
export function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

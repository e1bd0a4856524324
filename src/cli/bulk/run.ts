import { realpath, stat } from 'node:fs/promises';
import { findOutputOnInput } from '../same-file.js';
import { openVaultSink, vaultSpecFrom, type VaultCliOptions } from '../vault-scope.js';
import { join, resolve, sep } from 'node:path';
import cliProgress from 'cli-progress';
import { Option, type Command } from 'commander';
import type { RedactorConfig } from '../../config.js';
import { CaregateError } from '../../errors.js';
import type { FormatName } from '../../formats/index.js';
import { createRedactor, type RuleInfo } from '../../redactor.js';
import { EXIT } from '../exit-codes.js';
import { redactorConfigFrom, type RedactorCliOptions } from '../options.js';
import type { CliIO } from '../redact-command.js';
import { defaultConcurrency, runTasks } from './pool.js';
import type { FileResult, FileTask } from './types.js';
import { walkInputs, type InputFile, type WalkResult } from './walk.js';
import { totalsOf, type Totals } from '../../report/model.js';

/** Options every bulk command (redact over many files, scan, report) shares, on top of the redactor's. */
export interface BulkCommonOptions extends RedactorCliOptions {
  /** Globs a file found under a folder must match (repeatable); none means all. */
  include: string[];
  /** Globs that leave files (or whole folders) out (repeatable). */
  exclude: string[];
  /** Worker threads; default: the number of cores. */
  concurrency?: number;
  format: 'auto' | FormatName;
  /** Exit 1 when anything was found (and nothing failed). */
  failOnFindings?: boolean;
  /** Progress bar on standard error: shown only when it is a terminal; false (--no-progress) never. */
  progress?: boolean;
}

/**
 * `caregate redact <paths…>` over several files or folders. Exactly one of `output` (a folder: the input
 * tree is mirrored under it) and `inPlace` (rewrite each input, atomically) must be given.
 */
export interface BulkRedactOptions extends BulkCommonOptions, VaultCliOptions {
  /** -o DIR: the folder the input tree is mirrored into. */
  output?: string;
  /** --in-place: rewrite the inputs themselves (temporary file + rename). */
  inPlace?: boolean;
}

/** Adds --include, --exclude, --concurrency, --format, --fail-on-findings and --no-progress. */
export function addBulkOptions(cmd: Command, { format = true }: { format?: boolean } = {}): Command {
  cmd
    .option('--include <glob>', 'only files under folders that match (*, ** and ?; without a / it matches the file name); repeatable', collect, [])
    .option('--exclude <glob>', 'leave out files or folders that match; repeatable', collect, [])
    .option('--concurrency <n>', `files processed at once on worker threads (default: the number of cores, ${defaultConcurrency()} here)`, parsePositiveInt)
    .option('--fail-on-findings', 'exit 1 when anything was found')
    .option('--no-progress', 'no progress bar, even on a terminal');
  if (format) {
    cmd.addOption(
      new Option('--format <format>', 'input format: auto picks by extension (.txt .log .ndjson .jsonl .json .csv), then by the first bytes')
        .choices(['auto', 'text', 'ndjson', 'json', 'csv'])
        .default('auto'),
    );
  }
  return cmd;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parsePositiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new CaregateError('E_USAGE', `--concurrency takes a whole number ≥ 1, got "${v}"`);
  return n;
}

/** True when a redact invocation is a bulk one: several paths, or a folder. */
export async function isBulkInvocation(paths: readonly string[]): Promise<boolean> {
  if (paths.length > 1) return true;
  const p = paths[0];
  if (p === undefined || p === '-') return false;
  return stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** One file's outcome, with where it is. */
export interface FileOutcome extends FileResult {
  /** The path relative to the base of the run ('/'-separated). */
  rel: string;
  /** The path as given or found. */
  path: string;
  /** redact: where the output went (or would have gone). */
  output?: string;
}

export interface BulkRun {
  base: string;
  files: FileOutcome[];
  rules: RuleInfo[];
  config: RedactorConfig;
  startedAt: Date;
  ms: number;
  /** Set when the run was cut short (the signal's name, or "aborted"): some files were not finished. */
  interrupted?: string;
}

export { totalsOf, type Totals };

/**
 * The exit status of a bulk run: 130 when it was interrupted, else 3 when some input failed, else 1 for
 * findings with --fail-on-findings, else 0.
 */
export function exitCodeOf(t: Totals, failOnFindings: boolean | undefined, interrupted?: string): number {
  if (interrupted) return EXIT.INTERRUPTED;
  if (t.failed > 0) return EXIT.INPUT_FAILED;
  if (failOnFindings && t.findings > 0) return EXIT.FINDINGS;
  return EXIT.OK;
}

/**
 * `caregate redact <paths…> (-o DIR | --in-place)`: every file on the worker pool, a progress bar on a
 * terminal, a summary on standard error. Returns the exit status (0, 1 with --fail-on-findings, 3 when some
 * input failed, 130 when interrupted); throws CaregateError E_USAGE/E_CONFIG (exit 2) before touching
 * anything when the command itself is wrong. The caller sets io.exitCode.
 */
export async function runBulkRedact(paths: readonly string[], options: BulkRedactOptions, io: CliIO): Promise<number> {
  if (paths.length === 0) throw new CaregateError('E_USAGE', 'give files or folders to redact');
  if (paths.includes('-')) throw new CaregateError('E_USAGE', 'standard input (-) is redacted on its own: `caregate redact - [-o FILE]`, not with other paths');
  if (options.inPlace && options.output) throw new CaregateError('E_USAGE', 'give either -o DIR or --in-place, not both');
  if (!options.inPlace && !options.output) {
    throw new CaregateError('E_USAGE', 'redacting several files or a folder needs -o DIR (the input tree is mirrored under it) or --in-place (rewrite the inputs)');
  }
  const config = redactorConfigFrom(options);
  const vault = vaultSpecFrom(options);
  // Configuration errors now, before any file (exit 2); with a vault scope, the vault is opened once here
  // too, so that a wrong key or database fails before the workers start.
  const opened = vault ? await openVaultSink(vault) : undefined;
  const rules = createRedactor({ ...config, ...(opened ? { vault: opened.sink } : {}) }).rules;
  await opened?.vault.close();
  let outDir: string | undefined;
  if (options.output) {
    outDir = resolve(options.output);
    const st = await stat(outDir).catch(() => undefined);
    if (st && !st.isDirectory()) throw new CaregateError('E_USAGE', `-o ${options.output} is a file; with several inputs -o names a folder`);
    if (st) outDir = await realpath(outDir);
  }
  // The output folder is not walked when it sits inside an input folder (a rerun would redact its own
  // outputs); when it is an input folder itself, the walk goes on and the plan refuses the overwrite.
  const given = new Set(await Promise.all(paths.map((p) => realpath(p).catch(() => resolve(p)))));
  const skipDirs = outDir && !given.has(outDir) ? [outDir] : [];
  const walk = await walkInputs(paths, { include: options.include, exclude: options.exclude, skipDirs });
  const planned = planOutputs(walk, outDir, !!options.inPlace);
  // planOutputs compares paths; a symbolic or hard link in the output folder to an input is the same file too.
  const clash = options.inPlace ? undefined : await findOutputOnInput(planned.map((p) => p.file.abs), planned.map((p) => p.output));
  if (clash) {
    throw new CaregateError('E_USAGE', `-o ${options.output} would overwrite the input ${clash.input} (same file under another name); give another folder, or --in-place to rewrite the inputs on purpose`, { file: clash.input });
  }
  const tasks: FileTask[] = planned.map(({ file, output }) => ({
    mode: 'redact',
    input: file.abs,
    source: file.rel,
    output,
    keepMode: !!options.inPlace,
    format: options.format ?? 'auto',
    config,
    ...(vault ? { vault } : {}),
    invalidUtf8: options.invalidUtf8 ?? 'replace',
    maxValueBytes: options.maxValueBytes,
  }));
  const run = await execute(walk, tasks, rules, planned.map((p) => p.output), options, io);
  const totals = totalsOf(run.files);
  io.stderr.write(describeRun(run, totals, 'redacted'));
  return exitCodeOf(totals, options.failOnFindings, run.interrupted);
}

export interface PlannedOutput {
  file: InputFile;
  output: string;
}

/**
 * Where each output goes: DIR/<path relative to the base> (the tree mirrored), or the input itself with
 * --in-place. Refuses (E_USAGE, nothing written) an output that would land on an input without --in-place.
 */
export function planOutputs(walk: WalkResult, outDir: string | undefined, inPlace: boolean): PlannedOutput[] {
  if (inPlace) return walk.files.map((file) => ({ file, output: file.abs }));
  if (!outDir) throw new CaregateError('E_USAGE', 'no output folder');
  const inputs = new Set(walk.files.map((f) => f.abs));
  const planned = walk.files.map((file) => ({ file, output: join(outDir, ...file.rel.split('/')) }));
  const clash = planned.find((p) => inputs.has(p.output));
  if (clash) {
    throw new CaregateError(
      'E_USAGE',
      `-o ${outDir} would overwrite the input ${clash.file.path}; give another folder, or --in-place to rewrite the inputs on purpose`,
      { file: clash.file.path },
    );
  }
  return planned;
}

/** Walks and runs scan tasks (scan and report share it). */
export async function runBulkScan(paths: readonly string[], options: BulkCommonOptions, io: CliIO, details: boolean): Promise<BulkRun> {
  if (paths.length === 0) throw new CaregateError('E_USAGE', 'give files or folders to scan');
  if (paths.includes('-')) throw new CaregateError('E_USAGE', 'standard input (-) is scanned on its own, not with other paths');
  const config = redactorConfigFrom(options);
  const rules = createRedactor(config).rules; // configuration errors now (exit 2)
  const walk = await walkInputs(paths, { include: options.include, exclude: options.exclude });
  const tasks: FileTask[] = walk.files.map((file) => ({
    mode: 'scan',
    input: file.abs,
    source: file.rel,
    format: options.format ?? 'auto',
    config,
    invalidUtf8: options.invalidUtf8 ?? 'replace',
    maxValueBytes: options.maxValueBytes,
    details,
  }));
  return { ...(await execute(walk, tasks, rules, undefined, options, io)), config };
}

async function execute(
  walk: WalkResult,
  tasks: FileTask[],
  rules: readonly RuleInfo[],
  outputs: string[] | undefined,
  options: BulkCommonOptions,
  io: CliIO,
): Promise<BulkRun> {
  const config = tasks[0]?.config ?? redactorConfigFrom(options);
  const startedAt = new Date();
  const t0 = performance.now();
  const progress = startProgress(io, options.progress, tasks.length, walk.files.reduce((n, f) => n + f.size, 0));
  const interrupt = new Int32Array(new SharedArrayBuffer(4));
  let interrupted: string | undefined;
  const unwatch = watchInterrupts(io, (reason) => {
    interrupted = reason;
    Atomics.store(interrupt, 0, 1);
    progress?.stop();
    io.stderr.write(`caregate: ${reason === 'aborted' ? 'interrupted' : reason}: stopping; files in progress are dropped${reason === 'aborted' ? '' : ' (again to quit at once)'}\n`);
  });
  let results: FileResult[];
  try {
    results = await runTasks(
      tasks.map((t) => ({ ...t, interrupt })), options.concurrency ?? defaultConcurrency(), (_i, r) => progress?.tick(r.bytes || 0), walk.files.map((f) => f.size),
    );
  } finally {
    unwatch();
    progress?.stop();
  }
  const files: FileOutcome[] = walk.files.map((file, i) => ({
    ...results[i]!,
    rel: file.rel,
    path: file.path,
    ...(outputs?.[i] ? { output: outputs[i] } : {}),
  }));
  for (const f of walk.failures) {
    files.push({ ok: false, rel: f.rel, path: f.path, bytes: 0, findings: 0, byEntity: {}, byRule: {}, scanErrors: 0, records: 0, error: { code: 'E_INPUT', message: f.message.replace(/^caregate: /, '') }, ms: 0 });
  }
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { base: walk.base, files, rules: rules.map((r) => ({ ...r })), config, startedAt, ms: performance.now() - t0, ...(interrupted ? { interrupted } : {}) };
}

/**
 * Calls `onInterrupt` once when the run is to stop: on io.signal's abort when the caller gave one, else on the
 * process's first SIGINT or SIGTERM (a second one exits at once, as Ctrl-C twice usually does). Returns the
 * function that ends the watch.
 */
function watchInterrupts(io: CliIO, onInterrupt: (reason: string) => void): () => void {
  const { signal } = io;
  if (signal) {
    const aborted = () => onInterrupt('aborted');
    if (signal.aborted) aborted();
    else signal.addEventListener('abort', aborted, { once: true });
    return () => signal.removeEventListener('abort', aborted);
  }
  let seen = false;
  const onSignal = (name: NodeJS.Signals) => {
    if (seen) process.exit(EXIT.INTERRUPTED);
    seen = true;
    onInterrupt(name);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

interface Progress {
  tick(bytes: number): void;
  stop(): void;
}

/** A progress bar (files, bytes, MB/s, ETA) when standard error is a terminal; nothing otherwise. */
function startProgress(io: CliIO, wanted: boolean | undefined, totalFiles: number, totalBytes: number): Progress | undefined {
  const stream = io.stderr as NodeJS.WritableStream & { isTTY?: boolean };
  if (wanted === false || stream.isTTY !== true || totalFiles === 0) return undefined;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `caregate {bar} {files}/{totalFiles} files | {done} / {total_mb} | {speed} MB/s | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const t0 = performance.now();
  let files = 0;
  let bytes = 0;
  bar.start(Math.max(1, totalBytes), 0, { files, totalFiles, done: mb(0), total_mb: mb(totalBytes), speed: '0.0' });
  return {
    tick(n) {
      files++;
      bytes += n;
      const s = (performance.now() - t0) / 1000;
      bar.update(Math.min(bytes, Math.max(1, totalBytes)), { files, totalFiles, done: mb(bytes), total_mb: mb(totalBytes), speed: s > 0 ? (bytes / 1e6 / s).toFixed(1) : '0.0' });
    },
    stop() {
      bar.stop();
    },
  };
}

export function mb(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

/**
 * The closing summary: "caregate: redacted 12 files (3.4 MB) in 1.2 s, 2.8 MB/s: 120 findings: CREDIT_CARD 40, …",
 * then one line per failed file. Never a raw value (counts and caregate's own error messages).
 */
export function describeRun(run: BulkRun, t: Totals, verb: string): string {
  const s = run.ms / 1000;
  const per = Object.entries(t.byEntity)
    .map(([e, n]) => `${e} ${n}`)
    .join(', ');
  const ok = t.files - t.failed;
  const unfinished = run.files.filter((f) => f.error?.code === 'E_INTERRUPTED').length;
  const failed = run.files.filter((f) => !f.ok && f.error?.code !== 'E_INTERRUPTED');
  const lines = [
    `caregate: ${verb} ${ok} file${ok === 1 ? '' : 's'} (${mb(t.bytes)}) in ${s.toFixed(1)} s${s > 0 ? `, ${(t.bytes / 1e6 / s).toFixed(1)} MB/s` : ''}: ` +
      `${t.findings} finding${t.findings === 1 ? '' : 's'}${per ? `: ${per}` : ''}${t.scanErrors ? `; ${t.scanErrors} detector errors (regions masked)` : ''}`,
  ];
  if (failed.length) {
    lines.push(`caregate: ${failed.length} file${failed.length === 1 ? '' : 's'} failed:`);
    for (const f of failed) {
      const m = f.error?.message ?? 'failed';
      lines.push(`  ${m.includes(f.rel) ? m : `${f.rel}: ${m}`}`);
    }
  }
  if (run.interrupted) {
    lines.push(`caregate: interrupted (${run.interrupted}): ${unfinished} file${unfinished === 1 ? '' : 's'} not finished${verb === 'redacted' ? ', left without output' : ''}; run again to complete`);
  }
  return `${lines.join('\n')}\n`;
}

/** Joins a path relative to the base with the platform's separator. */
export const nativeRel = (rel: string) => rel.split('/').join(sep);

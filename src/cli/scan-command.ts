import { Option, type Command } from 'commander';
import { CaregateError } from '../errors.js';
import type { FormatName } from '../formats/index.js';
import { createRedactor } from '../redactor.js';
import { SCAN_FORMATTERS, type ScanFormat } from '../report/formatters/index.js';
import { caregateVersion, describeConfiguration, type ReportContext, type RunResults } from '../report/model.js';
import { writeFileAtomic } from './atomic-output.js';
import { processStdinScan } from './bulk/stdin.js';
import { addBulkOptions, describeRun, exitCodeOf, runBulkScan, totalsOf, type BulkCommonOptions, type BulkRun } from './bulk/run.js';
import { addRedactorOptions, redactorConfigFrom } from './options.js';
import type { CliIO } from './redact-command.js';
import { addPolicyOptions, describeVerdict, loadPolicyInputs, withVerdict, type PolicyCliOptions } from './policy-options.js';
import { verdictOf } from '../report/formatters/json.js';

export interface ScanCommandOptions extends Omit<BulkCommonOptions, 'format'>, PolicyCliOptions {
  /** Output format. */
  format: ScanFormat;
  /** Input format (auto: by extension, then sniffing). */
  inputFormat: 'auto' | FormatName;
  output?: string;
}

export function registerScanCommand(program: Command, io: CliIO): void {
  const cmd = program
    .command('scan')
    .description('find card numbers, CVVs and PII in files, folders or standard input (-) and report where they are; nothing is rewritten')
    .argument('<paths...>', 'files or folders (walked recursively), or - for standard input')
    .addOption(new Option('--format <format>', 'output: json, ndjson (one finding a line) or sarif (SARIF 2.1.0)').choices(Object.keys(SCAN_FORMATTERS)).default('json'))
    .addOption(new Option('--input-format <format>', 'input format: auto picks by extension, then by the first bytes').choices(['auto', 'text', 'ndjson', 'json', 'csv']).default('auto'))
    .option('-o, --output <file>', 'write the findings to this file (atomically) instead of standard output');
  addPolicyOptions(cmd, { baseline: false });
  addBulkOptions(addRedactorOptions(cmd), { format: false }).action(async (paths: string[], opts: ScanCommandOptions) => {
    io.exitCode = await runScanCommand(paths, opts, io);
  });
}

/** Runs `caregate scan`; returns the exit status (0, 1 with --fail-on-findings or a FAIL verdict with --fail-on-policy, 3 when some input failed, 130 interrupted). */
export async function runScanCommand(paths: string[], opts: ScanCommandOptions, io: CliIO): Promise<number> {
  const { policy } = loadPolicyInputs(opts);
  const run = await scanRun(paths, { ...opts, format: opts.inputFormat ?? 'auto' }, io, true);
  if (run.interrupted) return interruptedRun(run, io, 'findings');
  const formatter = SCAN_FORMATTERS[opts.format ?? 'json'];
  const context = contextOf(run, paths, opts);
  const text = formatter(resultsOf(run), context);
  if (opts.output) await writeFileAtomic(opts.output, text);
  else io.stdout.write(text);
  const totals = totalsOf(run.files);
  io.stderr.write(describeRun(run, totals, 'scanned'));
  if (!opts.failOnPolicy && !opts.policy) return exitCodeOf(totals, opts.failOnFindings);
  const verdict = verdictOf(resultsOf(run), { policy });
  io.stderr.write(describeVerdict(verdict));
  return withVerdict(exitCodeOf(totals, opts.failOnFindings), verdict, opts);
}

/** Scans files and folders on the worker pool, or standard input alone in this thread. */
export async function scanRun(paths: string[], opts: BulkCommonOptions, io: CliIO, details: boolean): Promise<BulkRun> {
  if (paths.length === 1 && paths[0] === '-') {
    const config = redactorConfigFrom(opts);
    const redactor = createRedactor(config);
    return processStdinScan(io.stdin, redactor, config, opts, details);
  }
  if (paths.includes('-')) throw new CaregateError('E_USAGE', 'standard input (-) is scanned on its own, not with other paths');
  return runBulkScan(paths, opts, io, details);
}

/** An interrupted scan writes nothing: findings of some of the files would pass for all of them. */
export function interruptedRun(run: BulkRun, io: CliIO, what: string): number {
  const totals = totalsOf(run.files);
  io.stderr.write(describeRun(run, totals, 'scanned'));
  io.stderr.write(`caregate: no ${what} written: the run was interrupted\n`);
  return exitCodeOf(totals, false, run.interrupted);
}

export function resultsOf(run: BulkRun): RunResults {
  return { base: run.base, files: run.files, rules: run.rules };
}

export function contextOf(
  run: BulkRun,
  paths: readonly string[],
  opts: { inputFormat?: string; include?: string[]; exclude?: string[]; invalidUtf8?: string },
  now = new Date(),
): ReportContext {
  return {
    version: caregateVersion(),
    generatedAt: now,
    paths,
    configuration: describeConfiguration(run.config as Record<string, unknown>, {
      inputFormat: opts.inputFormat ?? 'auto',
      include: opts.include ?? [],
      exclude: opts.exclude ?? [],
      invalidUtf8: opts.invalidUtf8 ?? 'replace',
    }),
  };
}

import { extname } from 'node:path';
import { Option, type Command } from 'commander';
import type { FormatName } from '../formats/index.js';
import { REPORT_FORMATTERS, type ReportFormat } from '../report/formatters/index.js';
import { CaregateError } from '../errors.js';
import { writeFileAtomic } from './atomic-output.js';
import { inputOverwrittenBy } from './same-file.js';
import { addBulkOptions, describeRun, exitCodeOf, totalsOf, type BulkCommonOptions } from './bulk/run.js';
import { addRedactorOptions } from './options.js';
import type { CliIO } from './redact-command.js';
import { contextOf, interruptedRun, resultsOf, scanRun } from './scan-command.js';
import { addPolicyOptions, describeVerdict, loadPolicyInputs, withVerdict, type PolicyCliOptions } from './policy-options.js';
import { verdictOf } from '../report/formatters/json.js';

export interface ReportCommandOptions extends Omit<BulkCommonOptions, 'format'>, PolicyCliOptions {
  /** html (default, or by the extension of -o), json or csv. */
  format?: ReportFormat;
  inputFormat: 'auto' | FormatName;
  output?: string;
}

export function registerReportCommand(program: Command, io: CliIO): void {
  const cmd = program
    .command('report')
    .description('an audit report of what files and folders hold: a PASS/FAIL verdict by policy, findings by severity and regulation, a findings explorer, what changed since a baseline, rule catalogue, configuration, input hash')
    .argument('<paths...>', 'files or folders (walked recursively), or - for standard input')
    .option('-o, --output <file>', 'write the report here (atomically), e.g. report.html; standard output without it')
    .addOption(new Option('--format <format>', 'html (one self-contained file), json or csv; default: by the extension of -o, else html').choices(Object.keys(REPORT_FORMATTERS)))
    .addOption(new Option('--input-format <format>', 'input format: auto picks by extension, then by the first bytes').choices(['auto', 'text', 'ndjson', 'json', 'csv']).default('auto'));
  addPolicyOptions(cmd, { baseline: true });
  addBulkOptions(addRedactorOptions(cmd), { format: false }).action(async (paths: string[], opts: ReportCommandOptions) => {
    io.exitCode = await runReportCommand(paths, opts, io);
  });
}

/** Runs `caregate report`; returns the exit status (0, 1 with --fail-on-findings or a FAIL verdict with --fail-on-policy, 3 when some input failed, 130 interrupted). */
export async function runReportCommand(paths: string[], opts: ReportCommandOptions, io: CliIO, now?: Date): Promise<number> {
  const format: ReportFormat = opts.format ?? byExtension(opts.output) ?? 'html';
  if (opts.output) await refuseOutputOnInput(opts.output, paths);
  const { policy, baselines } = loadPolicyInputs(opts);
  // Findings with their places and masked excerpts: the drill-down and the baseline diff need them.
  const run = await scanRun(paths, { ...opts, format: opts.inputFormat ?? 'auto' }, io, true);
  if (run.interrupted) return interruptedRun(run, io, 'report');
  if (opts.output) await refuseOutputOnInput(opts.output, run.files.map((f) => f.path));
  const results = resultsOf(run);
  const context = { ...contextOf(run, paths, opts, now ?? run.startedAt), policy, baselines };
  const text = REPORT_FORMATTERS[format](results, context);
  if (opts.output) await writeFileAtomic(opts.output, text);
  else io.stdout.write(text);
  const totals = totalsOf(run.files);
  io.stderr.write(describeRun(run, totals, 'scanned'));
  if (opts.output) io.stderr.write(`caregate: ${format} report written to ${opts.output}\n`);
  const verdict = verdictOf(results, context);
  io.stderr.write(describeVerdict(verdict));
  return withVerdict(exitCodeOf(totals, opts.failOnFindings), verdict, opts);
}

/** The report never replaces one of the files it reports on (E_USAGE, exit 2, nothing written). */
async function refuseOutputOnInput(output: string, inputs: readonly string[]): Promise<void> {
  const input = await inputOverwrittenBy(output, inputs);
  if (input !== undefined) {
    throw new CaregateError('E_USAGE', `-o ${output} is the input ${input} itself (same file); write the report elsewhere`, { file: input });
  }
}

function byExtension(file: string | undefined): ReportFormat | undefined {
  const ext = file ? extname(file).toLowerCase() : '';
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  if (ext === '.html' || ext === '.htm') return 'html';
  return undefined;
}

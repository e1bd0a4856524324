import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import { CaregateError } from '../errors.js';
import { createFormatStream, formatFromExtension, sniffFormat, SNIFF_BYTES, type FormatName, type FormatSummary } from '../formats/index.js';
import { createRedactor, type Redactor } from '../redactor.js';
import { addVaultOptions, openVaultSink, vaultSpecFrom } from './vault-scope.js';
import { openAtomicOutput } from './atomic-output.js';
import { addBulkOptions, isBulkInvocation, runBulkRedact, type BulkRedactOptions } from './bulk/run.js';
import { EXIT } from './exit-codes.js';
import { inputOverwrittenBy } from './same-file.js';
import { addRedactorOptions, redactorConfigFrom, type RedactorCliOptions } from './options.js';

interface RedactOptions extends RedactorCliOptions, BulkRedactOptions {
  output?: string;
  format: 'auto' | FormatName;
  summary?: boolean;
}

export function registerRedactCommand(program: Command, io: CliIO): void {
  const cmd = addRedactorOptions(
    program
      .command('redact')
      .description(
        'print FILE (or standard input) with card numbers, CVVs and other PII masked; with several paths or a folder, ' +
          'redact them all on a worker pool into -o DIR (mirroring the tree) or --in-place',
      )
      .argument('[paths...]', 'files or folders, or - for standard input (the default)')
      .option('-o, --output <path>', 'the output file (one input) or folder (several, mirrored); written atomically')
      .option('--in-place', 'rewrite the inputs themselves (atomically); refused without this flag')
      .addOption(
        new Option('--format <format>', 'input format: auto picks by extension (.txt .log .ndjson .jsonl .json .csv), then by the first bytes')
          .choices(['auto', 'text', 'ndjson', 'json', 'csv'])
          .default('auto'),
      )
      .option('--summary', 'print the number of findings per entity to standard error when done'),
  );
  addVaultOptions(cmd);
  addBulkOptions(cmd, { format: false }).action(async (paths: string[], opts: RedactOptions) => {
    const inputs = paths.length ? paths : ['-'];
    io.exitCode = (await isBulkInvocation(inputs)) || opts.inPlace ? await runBulkRedact(inputs, opts, io) : await redactOne(inputs[0]!, opts, io);
  });
}

export interface CliIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  exitCode: number;
  /**
   * Ends a bulk run early when aborted (what SIGINT and SIGTERM do on the command line; embedders and tests
   * pass their own): files in progress are abandoned at their next chunk, their temporary files removed.
   */
  signal?: AbortSignal;
}

async function redactOne(file: string, opts: RedactOptions, io: CliIO): Promise<number> {
  const spec = vaultSpecFrom(opts);
  const opened = spec ? await openVaultSink(spec) : undefined;
  try {
    return await redactOneWith(createRedactor({ ...redactorConfigFrom(opts), ...(opened ? { vault: opened.sink } : {}) }), file, opts, io);
  } finally {
    await opened?.vault.close();
  }
}

async function redactOneWith(redactor: Redactor, file: string, opts: RedactOptions, io: CliIO): Promise<number> {
  const source = file === '-' ? 'standard input' : file;
  if (file !== '-') {
    const st = await stat(file).catch((err: NodeJS.ErrnoException) => {
      throw new CaregateError('E_INPUT', `cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.code ?? err.message}`, { file });
    });
    if (st.isDirectory()) throw new CaregateError('E_USAGE', `${file} is a directory; give a file (or - for standard input)`, { file });
    if (opts.output && (await inputOverwrittenBy(opts.output, [file]))) {
      throw new CaregateError('E_USAGE', `-o ${opts.output} is the input ${file} itself (same file); give another output, or --in-place to rewrite the input on purpose`, { file });
    }
  }
  let input: NodeJS.ReadableStream = file === '-' ? io.stdin : createReadStream(file, { highWaterMark: 65536 });
  let format: FormatName | undefined = opts.format === 'auto' || opts.format === undefined ? (file === '-' ? undefined : formatFromExtension(file)) : opts.format;
  if (!format) {
    const peeked = await peek(input, SNIFF_BYTES);
    format = sniffFormat(peeked.head);
    input = peeked.stream;
  }
  const transform = createFormatStream(format, redactor, { invalidUtf8: opts.invalidUtf8, maxValueBytes: opts.maxValueBytes, source });
  if (!opts.output) {
    await pipeline(input, transform, io.stdout, { end: io.stdout !== process.stdout });
  } else {
    const out = openAtomicOutput(opts.output);
    try {
      await pipeline(input, transform, out.stream);
      await out.commit();
    } catch (err) {
      await out.abort();
      throw err;
    }
  }
  const summary = transform.summary();
  if (opts.summary) io.stderr.write(describeSummary(source, summary));
  return opts.failOnFindings && Object.values(summary.byEntity).some((n) => n > 0) ? EXIT.FINDINGS : EXIT.OK;
}

/** "caregate: tickets.ndjson (ndjson, 3 records): 9 findings: EMAIL 3, CARD_CVV 2, …" */
export function describeSummary(source: string, s: FormatSummary): string {
  const per = Object.entries(s.byEntity)
    .map(([entity, n]) => `${entity} ${n}`)
    .join(', ');
  const records = s.format === 'text' ? '' : `, ${s.records} record${s.records === 1 ? '' : 's'}`;
  const errors = s.scanErrors ? `; ${s.scanErrors} detector error${s.scanErrors === 1 ? '' : 's'} (regions masked)` : '';
  return `caregate: ${source} (${s.format}${records}): ${s.findings} finding${s.findings === 1 ? '' : 's'}${per ? `: ${per}` : ''}${errors}\n`;
}

/**
 * Reads up to `bytes` from the start of a stream for sniffing and gives back a stream that yields those bytes
 * and then the rest (pulled on demand, so backpressure still reaches the source).
 */
async function peek(input: NodeJS.ReadableStream, bytes: number): Promise<{ head: Buffer; stream: Readable }> {
  const it = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < bytes) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    const b = typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : r.value;
    head.push(b);
    size += b.length;
  }
  async function* rest(): AsyncGenerator<Buffer> {
    try {
      yield* head;
      head.length = 0;
      while (!done) {
        const r = await it.next();
        if (r.done) return;
        yield typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : r.value;
      }
    } finally {
      await it.return?.();
    }
  }
  return { head: Buffer.concat(head), stream: Readable.from(rest(), { objectMode: false }) };
}

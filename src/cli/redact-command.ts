import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { CaregateError } from '../errors.js';
import { createRedactor } from '../redactor.js';
import { createRedactStream } from '../stream/node-stream.js';
import { openAtomicOutput } from './atomic-output.js';
import { EXIT } from './exit-codes.js';
import { addRedactorOptions, redactorConfigFrom, type RedactorCliOptions } from './options.js';

interface RedactOptions extends RedactorCliOptions {
  output?: string;
}

export function registerRedactCommand(program: Command, io: CliIO): void {
  addRedactorOptions(
    program
      .command('redact')
      .description('print the text of FILE (or standard input) with card numbers, CVVs and other PII masked')
      .argument('[file]', 'a text file, or - for standard input', '-')
      .option('-o, --output <file>', 'write to this file (atomically: whole or not at all) instead of standard output'),
  ).action(async (file: string, opts: RedactOptions) => {
    io.exitCode = await redactOne(file, opts, io);
  });
}

export interface CliIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  exitCode: number;
}

async function redactOne(file: string, opts: RedactOptions, io: CliIO): Promise<number> {
  const redactor = createRedactor(redactorConfigFrom(opts));
  const source = file === '-' ? 'standard input' : file;
  if (file !== '-') {
    const st = await stat(file).catch((err: NodeJS.ErrnoException) => {
      throw new CaregateError('E_INPUT', `cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.code ?? err.message}`, { file });
    });
    if (st.isDirectory()) throw new CaregateError('E_USAGE', `${file} is a directory; give a file (or - for standard input)`, { file });
  }
  const input = file === '-' ? io.stdin : createReadStream(file, { highWaterMark: 65536 });
  const transform = createRedactStream(redactor, { invalidUtf8: opts.invalidUtf8, source });
  if (!opts.output) {
    await pipeline(input, transform, io.stdout, { end: io.stdout !== process.stdout });
    return EXIT.OK;
  }
  const out = openAtomicOutput(opts.output);
  try {
    await pipeline(input, transform, out.stream);
    await out.commit();
  } catch (err) {
    await out.abort();
    throw err;
  }
  return EXIT.OK;
}

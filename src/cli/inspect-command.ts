import { InvalidArgumentError, type Command } from 'commander';
import { CaregateError } from '../errors.js';
import { createRedactor } from '../redactor.js';
import { inspectUpload } from '../uploads/inspect.js';
import { ALLOWABLE_KINDS, type AllowableKind, type UploadPolicy } from '../uploads/policy.js';
import type { UploadInspection } from '../uploads/types.js';
import { writeFileAtomic } from './atomic-output.js';
import { EXIT } from './exit-codes.js';
import { inputOverwrittenBy } from './same-file.js';
import { addRedactorOptions, redactorConfigFrom, type RedactorCliOptions } from './options.js';
import type { CliIO } from './redact-command.js';

interface InspectOptions extends RedactorCliOptions {
  allow?: AllowableKind[];
  block?: string[];
  maxBytes?: number;
  json?: boolean;
  output?: string;
}

/** Exit codes of `caregate inspect` (docs/uploads.md). */
export const INSPECT_EXIT = {
  /** Verdict clean or redacted. */
  PASSED: EXIT.OK,
  /** Verdict blocked. */
  BLOCKED: 1,
  /** Usage or configuration error: nothing was inspected. */
  USAGE: EXIT.USAGE,
  /** The file could not be read at all. */
  UNREADABLE: EXIT.INPUT_FAILED,
} as const;

export function registerInspectCommand(program: Command, io: CliIO): void {
  addRedactorOptions(
    program
      .command('inspect')
      .description('sniff an uploaded FILE, scan it and print the verdict: clean, redacted or blocked (exit 0, 0, 1)')
      .argument('<file>', 'the uploaded file')
      .option('--allow <kinds>', `let these kinds through unscanned, comma-separated: ${ALLOWABLE_KINDS.join(', ')}`, parseAllow)
      .option('--block <entities>', 'entities that block a PDF or DOCX, comma-separated (default CREDIT_CARD,CARD_CVV,CARD_TRACK_DATA,PIN)', parseList)
      .option('--max-bytes <n>', 'block files larger than this (default 26214400, 25 MiB)', parseByteCount)
      .option('--json', 'print the verdict as one JSON object')
      .option('-o, --output <file>', 'unless blocked, write what may be passed on (the redacted text, or the file itself) to this file, atomically'),
  ).action(async (file: string, opts: InspectOptions) => {
    io.exitCode = await inspectOne(file, opts, io);
  });
}

async function inspectOne(file: string, opts: InspectOptions, io: CliIO): Promise<number> {
  let result: UploadInspection;
  try {
    if (opts.output && (await inputOverwrittenBy(opts.output, [file]))) {
      throw new CaregateError('E_USAGE', `-o ${opts.output} is the upload ${file} itself (same file); give another output file`, { file });
    }
    const redactor = createRedactor(redactorConfigFrom(opts));
    const policy: UploadPolicy = { invalidUtf8: opts.invalidUtf8 };
    if (opts.allow) policy.allow = opts.allow;
    if (opts.block) policy.blockEntities = opts.block;
    if (opts.maxBytes !== undefined) policy.maxBytes = opts.maxBytes;
    result = await inspectUpload(file, { policy, redactor });
  } catch (err) {
    return failed(err, io);
  }

  let written: string | undefined;
  if (opts.output && result.output) {
    try {
      await writeFileAtomic(opts.output, result.output);
      written = opts.output;
    } catch (err) {
      io.stderr.write(`caregate: cannot write ${opts.output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      return INSPECT_EXIT.UNREADABLE;
    }
  }

  io.stdout.write(opts.json ? `${JSON.stringify(toJson(file, result, written))}\n` : toText(file, result, opts.output, written));
  return result.verdict === 'blocked' ? INSPECT_EXIT.BLOCKED : INSPECT_EXIT.PASSED;
}

function failed(err: unknown, io: CliIO): number {
  const message = err instanceof Error ? err.message : String(err);
  io.stderr.write(`${message.startsWith('caregate') ? message : `caregate: ${message}`}\n`);
  if (err instanceof CaregateError && (err.code === 'E_CONFIG' || err.code === 'E_USAGE')) return INSPECT_EXIT.USAGE;
  return INSPECT_EXIT.UNREADABLE;
}

function toJson(file: string, r: UploadInspection, written: string | undefined) {
  return {
    file,
    verdict: r.verdict,
    contentType: r.contentType,
    kind: r.kind,
    reasonCode: r.reasonCode,
    reason: r.reason,
    bytes: r.bytes,
    findings: r.findings,
    output: written ?? null,
  };
}

function toText(file: string, r: UploadInspection, requested: string | undefined, written: string | undefined): string {
  const lines = [`${file}: ${r.verdict} (${r.contentType})`, `  ${r.reason}`];
  for (const f of r.findings) {
    const where = [f.page !== undefined ? `page ${f.page}` : undefined, f.part, `chars ${f.start}-${f.end}`].filter(Boolean).join(', ');
    lines.push(`  ${f.entity} (rule ${f.ruleId}) ${where}, confidence ${f.confidence}`);
  }
  if (written) lines.push(`  written to ${written}`);
  else if (requested) lines.push(`  nothing written to ${requested} (blocked)`);
  return `${lines.join('\n')}\n`;
}

function parseAllow(value: string): AllowableKind[] {
  const kinds = parseList(value);
  for (const k of kinds) {
    if (!(ALLOWABLE_KINDS as readonly string[]).includes(k)) {
      throw new InvalidArgumentError(`"${k}" is not a kind that can be allowed; use a comma-separated list of ${ALLOWABLE_KINDS.join(', ')}`);
    }
  }
  return kinds as AllowableKind[];
}

function parseList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function parseByteCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n <= 0) {
    throw new InvalidArgumentError(`"${value}" is not a positive whole number of bytes`);
  }
  return n;
}

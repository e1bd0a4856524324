import type { RedactorConfig } from '../../config.js';
import type { Redactor } from '../../redactor.js';
import { scanBuffer } from './process-file.js';
import type { BulkCommonOptions, BulkRun, FileOutcome } from './run.js';
import { createHash } from 'node:crypto';

/** Scans standard input in this thread (one input: no pool), as the bulk scan scans a file. */
export async function processStdinScan(stdin: NodeJS.ReadableStream, redactor: Redactor, config: RedactorConfig, opts: BulkCommonOptions, details: boolean): Promise<BulkRun> {
  const startedAt = new Date();
  const t0 = performance.now();
  const chunks: Buffer[] = [];
  for await (const c of stdin as AsyncIterable<Buffer | string>) chunks.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : c);
  const buf = Buffer.concat(chunks);
  let file: FileOutcome;
  try {
    const r = await scanBuffer(buf, redactor, { source: 'standard input', format: opts.format ?? 'auto', invalidUtf8: opts.invalidUtf8 ?? 'replace', maxValueBytes: opts.maxValueBytes, details });
    file = { ...r, rel: '-', path: '-', sha256: createHash('sha256').update(buf).digest('hex'), ms: performance.now() - t0 };
  } catch (err) {
    const e = err as { code?: string; message?: string };
    file = { ok: false, rel: '-', path: '-', bytes: buf.length, findings: 0, byEntity: {}, byRule: {}, scanErrors: 0, records: 0, error: { code: e.code ?? 'E_INPUT', message: String(e.message ?? err).replace(/^caregate: /, '') }, ms: performance.now() - t0 };
  }
  return { base: process.cwd(), files: [file], rules: redactor.rules.map((r) => ({ ...r })), config, startedAt, ms: performance.now() - t0 };
}

/**
 * Streaming benchmarks (docs/streaming.md "Figures"). Run after `npm run build`:
 *
 *   npx tsx benchmarks/streaming.ts            # throughput, then peak RSS of the CLI on a 2 GB file
 *   BENCH_MB=32 BENCH_RSS_GB=0 npx tsx benchmarks/streaming.ts
 *
 * 1. MB/s of one-shot redact() beside the Node stream and the Web stream (64 KiB byte chunks, output
 *    encoded to UTF-8 bytes as a file would get it) on the same generated corpus, in the same run, medians of
 *    several rounds; also the structured formats (NDJSON, JSON, CSV) on records made from the same corpus.
 * 2. Peak RSS (VmHWM) of `node bin/caregate.js redact <2 GB text file> > /dev/null`, with the file generated
 *    into the temporary directory and deleted afterwards.
 *
 * The package is imported as 'caregate' (it resolves to dist/): tsx-transformed sources benchmark misleadingly.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createRedactor } from 'caregate';
import { careText } from './corpus.js';

const MB = Number(process.env.BENCH_MB ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const RSS_GB = Number(process.env.BENCH_RSS_GB ?? 2);
const CHUNK = 65536;

const redactor = createRedactor();
const text = careText(MB * 1_000_000, 2026);
const bytes = Buffer.from(text, 'utf8');
const chunks: Buffer[] = [];
for (let i = 0; i < bytes.length; i += CHUNK) chunks.push(bytes.subarray(i, i + CHUNK));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function rate(fn: () => Promise<number> | number, size: number): Promise<number> {
  await fn(); // warm up
  const rates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    await fn();
    rates.push(size / 1e6 / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  return median(rates);
}

const sink = () => {
  let n = 0;
  const w = new Writable({
    write(chunk: Buffer, _e, cb) {
      n += chunk.length;
      cb();
    },
  });
  return { w, size: () => n };
};

async function nodeStream(): Promise<number> {
  const s = sink();
  await pipeline(Readable.from(chunks), redactor.createStream(), s.w);
  return s.size();
}

async function webStream(): Promise<number> {
  let i = 0;
  const src = new ReadableStream<Uint8Array>({
    pull(c) {
      if (i < chunks.length) c.enqueue(chunks[i++]!);
      else c.close();
    },
  });
  const reader = src.pipeThrough(redactor.createWebStream()).getReader();
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.length;
  }
  return n;
}

function oneShot(): number {
  // What a caller of redact() would write out: the redacted text as UTF-8.
  return Buffer.byteLength(redactor.redact(text).text, 'utf8');
}

// The structured formats are the CLI's (not exported from the package root): load them from dist/ too.
const formats = (await import(new URL('../dist/formats/index.js', import.meta.url).href)) as typeof import('../src/formats/index.js');
const lines = text.split('\n');
const ndjson = Buffer.from(lines.map((l, i) => JSON.stringify({ id: i, channel: 'chat', note: l })).join('\n') + '\n');
const jsonDoc = Buffer.from('[\n' + lines.map((l, i) => JSON.stringify({ id: i, channel: 'chat', note: l })).join(',\n') + '\n]\n');
const csv = Buffer.from('id,channel,note\n' + lines.map((l, i) => `${i},chat,"${l.replace(/"/g, '""')}"`).join('\n') + '\n');
async function format(name: 'ndjson' | 'json' | 'csv' | 'text', input: Buffer): Promise<number> {
  const parts: Buffer[] = [];
  for (let i = 0; i < input.length; i += CHUNK) parts.push(input.subarray(i, i + CHUNK));
  const s = sink();
  await pipeline(Readable.from(parts), formats.createFormatStream(name, redactor as never), s.w);
  return s.size();
}

const size = bytes.length;
console.log(`corpus: careText(${MB} MB, seed 2026) = ${(size / 1e6).toFixed(1)} MB UTF-8; ${CHUNK / 1024} KiB chunks; node ${process.version}; ${ROUNDS} rounds (median)`);
const one = await rate(oneShot, size);
const node = await rate(nodeStream, size);
const web = await rate(webStream, size);
const textFmt = await rate(() => format('text', bytes), size);
const one2 = await rate(oneShot, size); // again at the end: the baseline's drift within the run
const base = (one + one2) / 2;
const pct = (x: number) => `${((x / base) * 100).toFixed(0)}% of one-shot`;
console.log(`redact() one-shot       : ${one.toFixed(1)} MB/s (again after the streams: ${one2.toFixed(1)} MB/s)`);
console.log(`createStream() (Node)   : ${node.toFixed(1)} MB/s  (${pct(node)})`);
console.log(`createWebStream() (Web) : ${web.toFixed(1)} MB/s  (${pct(web)})`);
console.log(`--format text (CLI)     : ${textFmt.toFixed(1)} MB/s  (${pct(textFmt)})`);
for (const [name, input] of [['ndjson', ndjson], ['json', jsonDoc], ['csv', csv]] as const) {
  const r = await rate(() => format(name, input), input.length);
  console.log(`--format ${name.padEnd(6)}         : ${r.toFixed(1)} MB/s on ${(input.length / 1e6).toFixed(1)} MB of records`);
}

if (RSS_GB > 0) {
  const file = join(tmpdir(), `caregate-bench-${process.pid}.txt`);
  const target = RSS_GB * 1e9;
  const block = Buffer.from(careText(32_000_000, 77) + '\n', 'utf8');
  const fd = openSync(file, 'w');
  let written = 0;
  try {
    while (written < target) {
      const n = Math.min(block.length, target - written);
      writeSync(fd, block, 0, n);
      written += n;
    }
  } finally {
    closeSync(fd);
  }
  try {
    const out = openSync('/dev/null', 'w');
    const t0 = Date.now();
    const child = spawn(process.execPath, [new URL('../bin/caregate.js', import.meta.url).pathname, 'redact', file], { stdio: ['ignore', out, 'inherit'] });
    let peakKb = 0;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        /* the process has ended */
      }
    };
    const timer = setInterval(sample, 50);
    const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? -1)));
    clearInterval(timer);
    closeSync(out);
    const secs = (Date.now() - t0) / 1000;
    console.log(
      `caregate redact ${(written / 1e9).toFixed(1)} GB text > /dev/null: exit ${code}, ${secs.toFixed(0)} s (${(written / 1e6 / secs).toFixed(1)} MB/s), peak RSS (VmHWM, sampled every 50 ms) ${(peakKb / 1024).toFixed(0)} MB`,
    );
  } finally {
    rmSync(file, { force: true });
  }
}

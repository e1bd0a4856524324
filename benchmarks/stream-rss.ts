/**
 * Peak RSS streaming a generated source (no file on disk) through createStream() into a sink that drops
 * the output: the stream must hold memory bounded whatever the input's size (issue 20: under 200 MB for 2 GB).
 *
 *   npm run build && RSS_GB=2 npx tsx benchmarks/stream-rss.ts
 *
 * The source cycles through 2 MB of generated care text (benchmarks/corpus.ts) in 64 KiB byte chunks, with
 * backpressure. Prints peak RSS (VmHWM) and CPU time every 256 MB, so a partial run still reports.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createRedactor } from 'caregate';
import { careText } from './corpus.js';

const TOTAL = Number(process.env.RSS_GB ?? 2) * 1e9;
const CHUNK = 65536;
const source = Buffer.from(careText(2_000_000, 2027), 'utf8');
const peakMb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
const cpuS = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

let produced = 0;
let at = 0;
let nextReport = 256e6;
const input = new Readable({
  highWaterMark: CHUNK,
  read() {
    if (produced >= TOTAL) return void this.push(null);
    if (at + CHUNK > source.length) at = 0;
    // Cut at a line end so the cycle never splits a UTF-8 sequence.
    let end = source.lastIndexOf(10, at + CHUNK - 1) + 1;
    if (end <= at) end = at + CHUNK;
    const chunk = source.subarray(at, end);
    at = end;
    produced += chunk.length;
    if (produced >= nextReport) {
      nextReport += 256e6;
      console.log(`${(produced / 1e9).toFixed(2)} GB: peak RSS ${peakMb().toFixed(0)} MB, ${cpuS().toFixed(0)} s CPU`);
    }
    this.push(chunk);
  },
});
let out = 0;
const sink = new Writable({
  write(chunk: Buffer, _enc, cb) {
    out += chunk.length;
    cb();
  },
});
const redactor = createRedactor();
redactor.redact(source.toString('utf8', 0, 100_000));
// The peak counted from here: setup (lexicons, the generated source) is reported apart. Writing 5 to
// clear_refs resets VmHWM (Linux 4.0+); where it cannot, the peak includes setup.
const setupMb = peakMb();
try {
  writeFileSync('/proc/self/clear_refs', '5');
} catch {
  /* peak includes setup */
}
console.log(`after setup: peak RSS ${setupMb.toFixed(0)} MB, now ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
const t0 = cpuS();
await pipeline(input, redactor.createStream(), sink);
console.log(`streamed ${(produced / 1e9).toFixed(2)} GB (${(out / 1e9).toFixed(2)} GB out): peak RSS (VmHWM) ${peakMb().toFixed(0)} MB, ${(cpuS() - t0).toFixed(0)} s CPU (${(produced / 1e6 / (cpuS() - t0)).toFixed(1)} MB/s)`);

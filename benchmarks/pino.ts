/**
 * Cost per log line of caregate's pino integration against plain pino, in the same run:
 *   npm run build && npx tsx benchmarks/pino.ts
 * Three loggers write to /dev/null synchronously: plain pino, pino with pinoRedactionOptions() (the
 * streamWrite hook), and plain pino writing through createRedactingDestination(). Each writes the same
 * records, without PII and with PII; the figure is the median over rounds of ns per log call.
 *
 * The compiled package is measured (tsx-transformed sources run differently): createRedactor comes from
 * 'caregate' (dist/), and the integrations from dist/integrations/, which the package does not export
 * under a subpath yet. PINO_BASE=/path/to/another/dist adds that build's options as a row (same rounds).
 */
import pino, { type Logger } from 'pino';
import { createRedactor } from 'caregate';
import { createRedactingDestination, pinoRedactionOptions } from '../dist/integrations/index.js';

const LINES = Number(process.env.BENCH_LINES ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const redactor = createRedactor();
const sink = () => pino.destination({ dest: '/dev/null', sync: true });
const loggers: Record<string, Logger> = {
  'plain pino': pino(sink()),
  'pino + caregate options': pino(pinoRedactionOptions({ redactor }), sink()),
  'pino + caregate destination': pino(createRedactingDestination(sink(), { redactor })),
};
/** PINO_BASE=/path/to/other/dist: that build's pinoRedactionOptions as a row of the same run (before/after). */
if (process.env.PINO_BASE) {
  const dir = process.env.PINO_BASE.replace(/\/$/, '');
  const other = (await import(`${dir}/index.js`)) as typeof import('caregate');
  const integrations = (await import(`${dir}/integrations/index.js`)) as typeof import('../dist/integrations/index.js');
  loggers['pino + PINO_BASE options'] = pino(integrations.pinoRedactionOptions({ redactor: other.createRedactor() as never }), sink());
}

/** Typical request log: fixed message, an object with varying ids and timings, no PII. */
const clean = (log: Logger, i: number) => log.info({ req: { id: `req-${i}`, method: 'GET', url: `/api/orders/A-${i % 5000}` }, durationMs: i % 500, status: 200 }, 'request completed');
/** Same shape with a card number in the message and an email address in a nested field. */
const withPii = (log: Logger, i: number) =>
  log.info({ req: { id: `req-${i}`, method: 'POST', url: '/api/payments' }, customer: { email: `user${i}@example.com` }, status: 402 }, `card 4111 1111 1111 1111 declined for order A-${i % 5000}`);

/**
 * Rounds are interleaved (each logger once per round) so a change in machine load hits all of them alike; CPU
 * time (user + system, the writes' system calls included), which other processes on a shared machine disturb less.
 */
function measure(write: (log: Logger, i: number) => void): Record<string, number> {
  const perLine: Record<string, number[]> = {};
  for (const [name, log] of Object.entries(loggers)) {
    perLine[name] = [];
    for (let i = 0; i < 2000; i++) write(log, i); // warm up: let V8 tier up the hot paths
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, log] of Object.entries(loggers)) {
      const t0 = process.cpuUsage();
      for (let i = 0; i < LINES; i++) write(log, i);
      const t = process.cpuUsage(t0);
      perLine[name]!.push(((t.user + t.system) * 1000) / LINES);
    }
  }
  return Object.fromEntries(Object.entries(perLine).map(([name, xs]) => [name, median(xs)]));
}

console.log(`node ${process.version}, ${LINES} lines per round, median of ${ROUNDS} interleaved rounds of CPU time, written to /dev/null (sync)`);
for (const [label, write] of [['lines without PII', clean], ['lines with PII', withPii]] as const) {
  const ns = measure(write);
  const base = ns['plain pino']!;
  console.log(`\n${label}`);
  for (const [name, value] of Object.entries(ns)) {
    console.log(`  ${name.padEnd(28)} ${value.toFixed(0).padStart(7)} ns/line  (${(value / base).toFixed(1)}× plain pino, +${(value - base).toFixed(0)} ns)`);
  }
}

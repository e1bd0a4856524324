import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { connect, type NatsConnection } from 'nats';
import { deprovision, parseWorkerOptions, provision, type ResolvedWorkerOptions, type WorkerOptions } from '../../src/worker/index.js';
import { ensureService } from '../support/services.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHILD = fileURLToPath(new URL('./run-worker.mjs', import.meta.url));

/** Builds dist/ when the compiled worker is missing or older than its sources (npm cit builds it via prepare). */
export function ensureBuilt(): void {
  const outputs = ['dist/worker/index.js', 'dist/cli/worker-command.js'].map((p) => `${ROOT}${p}`);
  const sources = [
    ...readdirSync(`${ROOT}src/worker`).filter((f) => f.endsWith('.ts')).map((f) => `${ROOT}src/worker/${f}`),
    `${ROOT}src/cli/worker-command.ts`,
  ];
  const newestSource = Math.max(...sources.map((f) => statSync(f).mtimeMs));
  const stale = outputs.some((f) => !existsSync(f) || statSync(f).mtimeMs < newestSource);
  if (stale) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
}

/** Unique names per test run, so parallel runs and leftovers never collide. */
export function uniqueOptions(extra: WorkerOptions = {}): ResolvedWorkerOptions {
  const id = `${process.pid.toString(36)}${Math.random().toString(36).slice(2, 8)}`.toUpperCase();
  return parseWorkerOptions({
    stream: `CGT_RAW_${id}`,
    inputSubject: `cgt.${id}.raw.>`,
    outputStream: `CGT_CLEAN_${id}`,
    outputPrefix: `cgt.${id}.clean`,
    deadLetterStream: `CGT_DEAD_${id}`,
    deadLetterPrefix: `cgt.${id}.dead`,
    consumer: `cgt-${id}`,
    objectBucket: `cgt-raw-${id}`,
    cleanObjectBucket: `cgt-clean-${id}`,
    ...extra,
  });
}

/** The CLI flags naming the same streams, subjects and buckets as uniqueOptions. */
export function cliArgs(o: ResolvedWorkerOptions): string[] {
  return [
    '--stream', o.stream, '--subject', o.inputSubject, '--output-stream', o.outputStream, '--output-prefix', o.outputPrefix,
    '--dead-letter-stream', o.deadLetterStream, '--dead-letter-prefix', o.deadLetterPrefix, '--consumer', o.consumer,
    '--object-bucket', o.objectBucket, '--clean-object-bucket', o.cleanObjectBucket,
    '--ack-wait', String(o.ackWaitMs), '--max-deliver', String(o.maxDeliver), '--backoff', o.backoffMs.join(','),
  ];
}

export async function setup(o: ResolvedWorkerOptions): Promise<NatsConnection> {
  await ensureService(4222);
  const nc = await connect({ servers: '127.0.0.1:4222' });
  await provision(nc, o);
  return nc;
}

export async function teardown(nc: NatsConnection | undefined, o: ResolvedWorkerOptions): Promise<void> {
  if (!nc) return;
  await deprovision(nc, o).catch(() => undefined);
  await nc.close();
}

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * ownSession: the worker gets a session of its own (setsid). With the kernel's autogroup scheduling
 * (/proc/sys/kernel/sched_autogroup_enabled) every session shares one fair slice of the CPUs, so workers left
 * in the caller's session split the caller's slice however many there are, unlike separately deployed workers.
 */
export function spawnWorker(args: string[], nodeArgs: string[] = [], ownSession = false): WorkerProcess {
  const child = spawn(process.execPath, [...nodeArgs, CHILD, 'worker', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: ownSession });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 100): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export async function streamCount(nc: NatsConnection, stream: string): Promise<number> {
  const jsm = await nc.jetstreamManager();
  return (await jsm.streams.info(stream)).state.messages;
}

/** Letters-only marker for message i (digits could be taken for PII and masked). */
export function marker(i: number): string {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return `ref${s}x`;
}

export interface StoredMsg {
  subject: string;
  headers: Record<string, string>;
  data: string;
  time: number;
}

/** Reads every message of a stream (an ordered consumer from the start). */
export async function readAll(nc: NatsConnection, stream: string): Promise<StoredMsg[]> {
  const total = await streamCount(nc, stream);
  const out: StoredMsg[] = [];
  if (total === 0) return out;
  const c = await nc.jetstream().consumers.get(stream);
  const iter = await c.consume({ max_messages: 1000 });
  for await (const m of iter) {
    const headers: Record<string, string> = {};
    for (const k of m.headers?.keys() ?? []) headers[k] = m.headers!.get(k);
    out.push({ subject: m.subject, headers, data: new TextDecoder().decode(m.data), time: m.info.timestampNanos / 1e6 });
    if (m.info.pending === 0) break;
  }
  await iter.close();
  return out;
}

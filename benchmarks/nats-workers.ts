/**
 * Messages/s and MB/s of `caregate worker` processes against the local nats-server (JetStream), beside the
 * engine's own one-shot MB/s on the same texts in the same run.
 *   npx tsx benchmarks/nats-workers.ts [messages=20000] [processes=1,2,4] [sizes=1024,65536]
 * (WORKER_ARGS='--concurrency 512' passes flags to every worker process, WORKER_NODE_ARGS='--cpu-prof' flags to node,
 * WORKER_DIST=/path/to/other/dist runs the workers of another build, e.g. main's dist/ copied to benchmarks/out/main/dist
 * beside a `rules` link to the repository's rules/ (the build reads ../rules);
 * WARMUP=1 prints the engine's CPU per message over a fresh process's first 10,000 messages; BACKLOG: see below.)
 * For each message size and each number of processes: publish the messages (call transcripts with PII in
 * every one, text/NDJSON/JSON/CSV in turn), start the workers, and time from the first to the last output
 * message (stream timestamps), so process start-up is not counted. The nats-server's CPU time during that
 * window is read from /proc, so it is plain how much of the two cores it took. Streams are created per run
 * and deleted afterwards. 64 KB runs publish a tenth of the messages.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { headers as natsHeaders } from 'nats';
import { createRedactor } from '../src/index.js';
import { redactPayload } from '../src/worker/process-message.js';
import type { FormatName } from '../src/formats/index.js';
import { cliArgs, ensureBuilt, readAll, setup, spawnWorker, streamCount, teardown, uniqueOptions, waitFor } from '../test/worker/helpers.js';

const N = Number(process.argv[2] ?? 20_000);
const PROCESSES = (process.argv[3] ?? '1,2,4').split(',').map(Number);
const SIZES = (process.argv[4] ?? '1024,65536').split(',').map(Number);
const FILLER = 'agent: thank you for waiting, I can see the order and the delivery notes, let me check the refund status for you. ';

function message(i: number, size: number): { data: string; format: FormatName } {
  const pii = `caller: my card is 4111 1111 1111 1111, expiry 09/27, cvv 123, email jane.doe${i % 97}@example.com, phone +1 415 555 0${100 + (i % 800)}. `;
  const fill = FILLER.repeat(Math.max(1, Math.round((size - pii.length) / FILLER.length / 2)));
  switch (i % 4) {
    case 0:
      return { format: 'text', data: `${fill}${pii}${fill}` };
    case 1:
      return { format: 'ndjson', data: `${JSON.stringify({ turn: 1, text: fill })}\n${JSON.stringify({ turn: 2, text: pii })}\n${JSON.stringify({ turn: 3, text: fill })}\n` };
    case 2:
      return { format: 'json', data: JSON.stringify({ call: i, turns: [fill, pii, fill] }) };
    default:
      return { format: 'csv', data: `turn,text\n1,"${fill}"\n2,"${pii}"\n3,"${fill}"\n` };
  }
}

/**
 * The engine alone on the same payloads: redactPayload (what a worker runs per message), one thread. MB/s of
 * wall time (the issue's yardstick) and µs of this process's CPU per message (comparable with the workers' CPU
 * per message on a loaded machine, where wall times are not), medians of 5 rounds.
 */
async function engineMBs(msgs: { data: Buffer; format: FormatName }[]): Promise<{ mbs: number; cpuUs: number }> {
  const redactor = createRedactor();
  const bytes = msgs.reduce((n, m) => n + m.data.length, 0);
  const rates: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    for (const m of msgs) await redactPayload(redactor, m.format, m.data, 'error');
    const c = process.cpuUsage(c0);
    rates.push(bytes / 1e6 / (Number(process.hrtime.bigint() - t0) / 1e9));
    cpu.push((c.user + c.system) / msgs.length);
  }
  return { mbs: rates.sort((a, b) => a - b)[2]!, cpuUs: cpu.sort((a, b) => a - b)[2]! };
}

function natsCpuSeconds(): number | undefined {
  try {
    const pid = execFileSync('pgrep', ['-o', 'nats-server']).toString().trim();
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return undefined;
  }
}

interface RunResult {
  /** Steady state: outputs WARM..(1-WARM) of the run, timed by their stream timestamps. */
  msgs: number;
  mb: number;
  seconds: number;
  /** First output to last output (includes the start-up of later workers and the final drain). */
  wholeMsgs: number;
  natsCores?: number;
  workerCores: number;
  /** write syscalls of the workers (socket writes, mostly) per message, from /proc/<pid>/io. */
  writesPerMessage: number;
  rssMb: number;
  phases: string;
  share: string;
  steadyCpu: SteadyCpu | undefined;
}

/** CPU seconds (utime + stime) at one poll of the output count: per worker, per worker thread, and nats-server. */
interface CpuSample {
  count: number;
  workers: number[];
  /** Per worker: tid → thread name and CPU seconds. */
  threads: Map<string, { name: string; sec: number }>[];
  nats: number | undefined;
  /** Per worker: read and write syscalls, voluntary and involuntary context switches. */
  io: { reads: number; writes: number; voluntary: number; involuntary: number }[];
}

function cpuSample(count: number, pids: number[]): CpuSample {
  return { count, workers: pids.map((p) => cpuOf(p) ?? 0), threads: pids.map(threadCpu), nats: natsCpuSeconds(), io: pids.map(ioOf) };
}

function ioOf(pid: number): CpuSample['io'][number] {
  const field = (text: string, name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);
  try {
    const io = readFileSync(`/proc/${pid}/io`, 'utf8');
    // Context switches are counted per thread: all of them (the worker may redact on a thread of its own).
    let voluntary = 0;
    let involuntary = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      let status = '';
      try {
        status = readFileSync(`/proc/${pid}/task/${tid}/status`, 'utf8');
      } catch {
        // that thread ended between listing and reading
      }
      voluntary += field(status, 'voluntary_ctxt_switches');
      involuntary += field(status, 'nonvoluntary_ctxt_switches');
    }
    return { reads: field(io, 'syscr'), writes: field(io, 'syscw'), voluntary, involuntary };
  } catch {
    return { reads: 0, writes: 0, voluntary: 0, involuntary: 0 };
  }
}

/** CPU seconds per thread of one process, by tid, with the thread's name ("main" for the thread whose tid is the pid). */
function threadCpu(pid: number): Map<string, { name: string; sec: number }> {
  const out = new Map<string, { name: string; sec: number }>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = tid === String(pid) ? 'main' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\s*\d+$/, '');
      const f = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      out.set(tid, { name, sec: (Number(f[11]) + Number(f[12])) / 100 });
    }
  } catch {
    // the process ended between listing and reading: the sample keeps what was read
  }
  return out;
}

/** CPU per message between the polls nearest the WARM and 1-WARM output counts: start-up and the final drain excluded. */
interface SteadyCpu {
  messages: number;
  /** µs of CPU per output message: all workers together, their busiest threads (the one redacting), and nats-server. */
  workerUs: number;
  mainUs: number;
  natsUs: number | undefined;
  /** µs per message by thread name (all workers), other than main, largest first. */
  otherThreads: string;
  /** Per message, all workers: read and write syscalls, voluntary and involuntary context switches. */
  io: CpuSample['io'][number];
}

function steadyCpu(samples: CpuSample[], total: number): SteadyCpu | undefined {
  const a = samples.find((s) => s.count >= total * WARM);
  const b = [...samples].reverse().find((s) => s.count <= total * (1 - WARM));
  if (!a || !b || b.count <= a.count) return undefined;
  const n = b.count - a.count;
  const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
  // The worker's own thread is the busiest one: the main thread, or (`caregate worker` since issue 24's third
  // pass) the thread it runs on, which Linux names "node" like V8's helper threads. The rest by name.
  const byThread = new Map<string, number>();
  let main = 0;
  b.threads.forEach((t, w) => {
    const deltas = [...t].map(([tid, { name, sec }]) => ({ name, d: sec - (a.threads[w]!.get(tid)?.sec ?? 0) }));
    const busiest = deltas.reduce((x, y) => (y.d > x.d ? y : x), { name: '', d: 0 });
    main += busiest.d;
    for (const x of deltas) if (x !== busiest) byThread.set(x.name, (byThread.get(x.name) ?? 0) + x.d);
  });
  const us = (sec: number) => (sec * 1e6) / n;
  return {
    messages: n,
    workerUs: us(sum(b.workers) - sum(a.workers)),
    mainUs: us(main),
    natsUs: a.nats !== undefined && b.nats !== undefined ? us(b.nats - a.nats) : undefined,
    io: {
      reads: sum(b.io.map((x, w) => x.reads - a.io[w]!.reads)) / n,
      writes: sum(b.io.map((x, w) => x.writes - a.io[w]!.writes)) / n,
      voluntary: sum(b.io.map((x, w) => x.voluntary - a.io[w]!.voluntary)) / n,
      involuntary: sum(b.io.map((x, w) => x.involuntary - a.io[w]!.involuntary)) / n,
    },
    otherThreads: [...byThread].filter(([, s]) => s > 0).sort((x, y) => y[1] - x[1]).map(([name, s]) => `${name} ${us(s).toFixed(0)}`).join(', '),
  };
}

/**
 * Each worker in a session of its own (setsid), as separately deployed workers are: with autogroup scheduling
 * all processes of one session share one fair slice of the CPUs, so workers spawned in the benchmark's session
 * could never take more CPU together than one of them alone on a busy machine. SAME_SESSION=1 measures that.
 */
const OWN_SESSION = process.env.SAME_SESSION !== '1';

/** Outputs ignored at each end of the run: warm-up (workers still starting, JIT) and the final drain. */
const WARM = 0.1;

async function run(processes: number, msgs: { data: Buffer; format: FormatName }[]): Promise<RunResult> {
  const o = uniqueOptions({ ackWaitMs: 30_000 });
  const nc = await setup(o);
  try {
    const js = nc.jetstream();
    // The whole backlog is stored before any worker starts: the publisher is not part of the measured window.
    for (let start = 0; start < msgs.length; start += 1000) {
      await Promise.all(
        msgs.slice(start, start + 1000).map((m, k) => {
          const h = natsHeaders();
          h.set('Caregate-Format', m.format);
          return js.publish(`${o.inputSubject.slice(0, -2)}.bench.m${start + k}`, m.data, { headers: h });
        }),
      );
    }
    const cpu0 = natsCpuSeconds();
    const t0 = Date.now();
    const nodeArgs = process.env.WORKER_NODE_ARGS ? process.env.WORKER_NODE_ARGS.split(' ') : [];
    const workers = Array.from({ length: processes }, () => spawnWorker([...cliArgs(o), '--log-every', '1000000', ...(process.env.WORKER_ARGS ? process.env.WORKER_ARGS.split(' ') : [])], nodeArgs, OWN_SESSION));
    let rssMb = 0;
    let workerCpu = 0;
    let writes = 0;
    const samples: CpuSample[] = [];
    try {
      await waitFor('all outputs', async () => {
        for (const w of workers) rssMb = Math.max(rssMb, rssOf(w.child.pid!));
        const count = await streamCount(nc, o.outputStream);
        samples.push(cpuSample(count, workers.map((w) => w.child.pid!)));
        const done = count >= msgs.length;
        // A worker that cannot start (a WORKER_DIST without its rules, a bad flag) would leave this waiting for 15 minutes.
        if (!done && workers.every((w) => w.child.exitCode !== null)) throw new Error(`every worker exited before the output was complete:\n${workers[0]!.output().slice(-2000)}`);
        if (done) {
          workerCpu = workers.reduce((n, w) => n + (cpuOf(w.child.pid!) ?? 0), 0);
          writes = workers.reduce((n, w) => n + writesOf(w.child.pid!), 0);
        }
        return done;
      }, 900_000, 200);
    } finally {
      for (const w of workers) w.child.kill('SIGTERM');
      await Promise.all(workers.map((w) => w.exited));
    }
    const cpu1 = natsCpuSeconds();
    const wall = (Date.now() - t0) / 1000;
    const out = await readAll(nc, o.outputStream);
    const times = out.map((m) => m.time).sort((a, b) => a - b);
    const bytes = msgs.reduce((n, m) => n + m.data.length, 0);
    const lo = Math.floor(times.length * WARM);
    const hi = Math.ceil(times.length * (1 - WARM)) - 1;
    const seconds = (times[hi]! - times[lo]!) / 1000;
    const count = hi - lo;
    const whole = (times.at(-1)! - times[0]!) / 1000;
    // Which worker wrote what: the connection name is not in the output, so count by the final log lines.
    const finals = workers.map((w) => finalLine(w.output()));
    const phases = finals
      .map((f) => (f ? `${f.totals.redacted} msgs: engine ${f.phaseSeconds.engine.toFixed(1)} s, redact ${f.phaseSeconds.redact.toFixed(1)} s, publishAckWait ${f.phaseSeconds.publishAckWait.toFixed(1)} s, waitingForSlot ${f.phaseSeconds.waitingForSlot.toFixed(1)} s` : '?'))
      .join(' | ');
    const share = finals.map((f) => (f ? String(f.totals.redacted) : '?')).join('/');
    return {
      steadyCpu: steadyCpu(samples, msgs.length),
      msgs: count / seconds,
      mb: (bytes / msgs.length) * count / 1e6 / seconds,
      seconds,
      wholeMsgs: (times.length - 1) / whole,
      workerCores: workerCpu / wall,
      writesPerMessage: writes / msgs.length,
      rssMb,
      phases,
      share,
      ...(cpu0 !== undefined && cpu1 !== undefined ? { natsCores: (cpu1 - cpu0) / wall } : {}),
    };
  } finally {
    await teardown(nc, o);
  }
}

interface FinalLine {
  totals: { redacted: number };
  phaseSeconds: { engine: number; redact: number; publishAckWait: number; waitingForSlot: number };
}

function finalLine(output: string): FinalLine | undefined {
  for (const line of output.split('\n').reverse()) {
    if (!line.includes('"worker.final"')) continue;
    try {
      return JSON.parse(line) as FinalLine;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function autogroup(): string {
  try {
    return readFileSync('/proc/sys/kernel/sched_autogroup_enabled', 'utf8').trim() === '1' ? 'on' : 'off';
  } catch {
    return 'unknown';
  }
}

function writesOf(pid: number): number {
  try {
    return Number(/syscw:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))![1]);
  } catch {
    return 0;
  }
}

function cpuOf(pid: number): number | undefined {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return undefined;
  }
}

function rssOf(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
  } catch {
    return 0;
  }
}

/**
 * BACKLOG=1000000: one worker against a stored backlog of that many small messages (~300 bytes), its RSS
 * sampled every 200 ms for RSS_SECONDS (default 30) of work: in-flight messages are bounded, so RSS must not
 * follow the backlog.
 */
async function backlogRss(count: number): Promise<void> {
  const o = uniqueOptions({ ackWaitMs: 30_000 });
  const nc = await setup(o);
  try {
    const js = nc.jetstream();
    const h = natsHeaders();
    h.set('Caregate-Format', 'text');
    const body = (i: number) => Buffer.from(`caller: card 4111 1111 1111 1111 exp 09/27, mail jane${i % 97}@example.com; agent: thanks, noted the refund for order ${i}. `.repeat(2), 'utf8');
    const t0 = Date.now();
    for (let start = 0; start < count; start += 2000) {
      await Promise.all(Array.from({ length: Math.min(2000, count - start) }, (_, k) => js.publish(`${o.inputSubject.slice(0, -2)}.bench.b${start + k}`, body(start + k), { headers: h })));
    }
    console.log(`backlog of ${count} messages stored in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    const w = spawnWorker([...cliArgs(o), '--log-every', '1000000'], process.env.WORKER_NODE_ARGS ? process.env.WORKER_NODE_ARGS.split(' ') : [], OWN_SESSION);
    const samples: number[] = [];
    const seconds = Number(process.env.RSS_SECONDS ?? 30);
    try {
      const end = Date.now() + seconds * 1000;
      while (Date.now() < end) {
        await new Promise((r) => setTimeout(r, 200));
        samples.push(rssOf(w.child.pid!));
      }
    } finally {
      w.child.kill('SIGTERM');
      const code = await w.exited;
      if (code !== 0) console.log(`worker exited ${code}: ${w.output().slice(-400)}`);
    }
    const left = await streamCount(nc, o.stream);
    const done = count - left;
    const f = finalLine(w.output());
    const sorted = [...samples].sort((a, b) => a - b);
    console.log(
      `one worker, ${seconds} s against the backlog: ${done} messages redacted (${f?.totals.redacted ?? '?'} by its own count), ${left} still queued; ` +
        `RSS median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} MB, peak ${sorted.at(-1)!.toFixed(0)} MB; ` +
        `RSS in the first and last 5 s: ${Math.max(...samples.slice(0, 25)).toFixed(0)} / ${Math.max(...samples.slice(-25)).toFixed(0)} MB`,
    );
  } finally {
    await teardown(nc, o);
  }
}

function cpuLine(c: SteadyCpu | undefined): string {
  if (!c) return '? (too few polls in the steady window)';
  return `workers ${c.workerUs.toFixed(0)} µs (worker threads ${c.mainUs.toFixed(0)} µs; other: ${c.otherThreads || 'none'}), nats-server ${c.natsUs === undefined ? '?' : c.natsUs.toFixed(0)} µs, over ${c.messages} messages; ` +
    `per message ${c.io.reads.toFixed(2)} reads, ${c.io.writes.toFixed(2)} writes, ${c.io.voluntary.toFixed(2)} + ${c.io.involuntary.toFixed(2)} context switches (voluntary + involuntary)`;
}

/**
 * WARMUP=1: what a fresh process pays while V8 compiles the engine. Redacts the 1 KB benchmark messages in
 * rounds of 1,000 in this (fresh) process and prints each round's CPU per message, then exits.
 */
async function warmUpCurve(): Promise<void> {
  const c0 = process.cpuUsage();
  const redactor = createRedactor();
  const built = process.cpuUsage(c0);
  console.log(`createRedactor: ${((built.user + built.system) / 1000).toFixed(0)} ms of CPU`);
  const msgs = Array.from({ length: 1000 }, (_, i) => {
    const m = message(i, 1024);
    return { data: Buffer.from(m.data, 'utf8'), format: m.format };
  });
  const rounds: string[] = [];
  for (let r = 0; r < 10; r++) {
    const c = process.cpuUsage();
    for (const m of msgs) await redactPayload(redactor, m.format, m.data, 'error');
    const d = process.cpuUsage(c);
    rounds.push(((d.user + d.system) / msgs.length).toFixed(0));
  }
  console.log(`CPU per message (µs, all threads of this process) in rounds of 1,000 messages: ${rounds.join(', ')}`);
}

ensureBuilt();
if (process.env.WARMUP) {
  await warmUpCurve();
  process.exit(0);
}
if (process.env.BACKLOG) {
  await backlogRss(Number(process.env.BACKLOG));
  process.exit(0);
}
console.log(`node ${process.version}, ${cpus().length} cores; worker defaults (concurrency, prefetch, threads)${process.env.WORKER_ARGS ? ` + ${process.env.WORKER_ARGS}` : ''}${process.env.WORKER_DIST ? `; workers from ${process.env.WORKER_DIST}` : ''}`);
console.log(`backlog stored before the workers start; steady state = outputs ${WARM * 100}%..${100 - WARM * 100}% by stream timestamp (warm-up and final drain excluded); workers in ${OWN_SESSION ? 'a session each' : "the benchmark's session"}; autogroup scheduling ${autogroup()}`);
for (const size of SIZES) {
  const count = size >= 32_768 ? Math.max(200, Math.round(N / 10)) : N;
  const msgs = Array.from({ length: count }, (_, i) => {
    const m = message(i, size);
    return { data: Buffer.from(m.data, 'utf8'), format: m.format };
  });
  const avg = msgs.reduce((n, m) => n + m.data.length, 0) / msgs.length;
  const { mbs: engine, cpuUs: engineCpu } = await engineMBs(msgs.slice(0, Math.min(msgs.length, 5000)));
  console.log(`\n${count} messages of ~${Math.round(avg)} bytes; engine alone (redactPayload, one thread): ${engine.toFixed(2)} MB/s, ${engineCpu.toFixed(0)} µs of CPU per message`);
  let one = 0;
  for (const p of PROCESSES) {
    const r = await run(p, msgs);
    if (p === 1) one = r.mb;
    console.log(
      `${p} worker process${p > 1 ? 'es' : ''}: ${Math.round(r.msgs)} messages/s, ${r.mb.toFixed(2)} MB/s (steady ${r.seconds.toFixed(1)} s) = ${((r.mb / engine) * 100).toFixed(0)}% of the engine` +
        `${p > 1 && one ? `, ${(r.mb / one).toFixed(2)}x one process` : ''}; first-to-last output ${Math.round(r.wholeMsgs)} messages/s; ` +
        `nats-server ${r.natsCores === undefined ? '?' : r.natsCores.toFixed(2)} cores, workers ${r.workerCores.toFixed(2)} cores; peak worker RSS ${r.rssMb.toFixed(0)} MB; ${r.writesPerMessage.toFixed(2)} writes/message\n` +
        `   CPU per message (outputs ${WARM * 100}%..${100 - WARM * 100}%): ${cpuLine(r.steadyCpu)}\n` +
        `   split ${r.share}; ${r.phases}`,
    );
  }
}

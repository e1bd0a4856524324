import { fileURLToPath } from 'node:url';
import { Worker as Thread } from 'node:worker_threads';
import { CaregateError } from '../errors.js';
import type { WorkerOptions } from './config.js';

/**
 * V8's young generation for the worker, MiB (V8 splits it into two semi-spaces and a large-object space: 64 MiB
 * semi-spaces). A worker keeps up to `concurrency + prefetch` messages alive while they wait for their publish
 * acks; with node's default 16 MiB semi-spaces every scavenge copied them, and those that lived through two were
 * promoted to the old generation, whose marking and sweeping ran on V8's helper threads. On a machine whose
 * cores are shared by several worker processes and the nats-server that CPU is taken from the others. Larger
 * semi-spaces scavenge a quarter as often and promote less (docs/worker.md has the figures). When the process
 * is given heap sizes (`--max-semi-space-size`, or `--max-old-space-size` for a flat RSS), those decide, and
 * the CLI runs the worker on its main thread as before (a thread of its own costs about 17 MB of RSS: a second
 * V8 heap, and the CLI's modules loaded in both; the 50 MB object test peaked at 187 MB against 170 MB).
 */
export const WORKER_YOUNG_GENERATION_MB = 3 * 64;

const HEAP_FLAG = /--max[-_](?:semi|old)[-_]space[-_]size/;

/** The young generation for a worker thread, or undefined when node was told how to size the heap (then: no thread). */
export function youngGenerationFor(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): number | undefined {
  return execArgv.some((a) => HEAP_FLAG.test(a)) || HEAP_FLAG.test(nodeOptions) ? undefined : WORKER_YOUNG_GENERATION_MB;
}

/** What the thread tells the CLI. */
export type HostMessage = { kind: 'started' } | { kind: 'done' } | { kind: 'failed'; code?: string; message: string };

export interface HostedWorker {
  /** Stop pulling, finish what is in flight, close (as Worker.stop()). */
  stop(): Promise<void>;
  /** Settles when the thread has finished: rejects with the worker's error when it failed to start or lost its connection. */
  readonly done: Promise<void>;
}

/**
 * Runs startWorker() on a thread of its own whose heap is sized for the worker (`caregate worker` uses this; the
 * `startWorker` API runs on the caller's thread with the caller's node flags). Node fixes the main thread's
 * heap limits at start-up, from its command line and NODE_OPTIONS only; a thread's are set when it is created.
 * The thread logs straight to file descriptor 1 (pino JSON lines), as the CLI's worker did. Resolves once the
 * worker has started, rejects when it could not (E_PROVISION, E_CONFIG, no server).
 */
export async function startWorkerInThread(options: WorkerOptions, youngGenerationMb = WORKER_YOUNG_GENERATION_MB): Promise<HostedWorker> {
  const thread = new Thread(threadFile(), { workerData: options, resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb } });
  let onStarted!: () => void;
  const started = new Promise<void>((resolve) => (onStarted = resolve));
  const done = new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (err?: Error) => {
      if (settled) return;
      settled = true;
      if (err) reject(err);
      else resolve();
      // The worker has stopped and said so; nothing it holds (a lost connection's timers) may keep the process up.
      void thread.terminate();
    };
    thread.on('message', (m: HostMessage) => {
      if (m.kind === 'started') onStarted();
      else if (m.kind === 'done') settle();
      else settle(m.code ? new CaregateError(m.code, m.message) : new Error(m.message));
    });
    thread.once('error', (err) => settle(err));
    thread.once('exit', (code) => settle(new Error(`the worker thread ended (exit code ${code}) before the worker stopped`)));
  });
  done.catch(() => undefined);
  // Started, or failed to start (the rejection of done).
  await Promise.race([started, done]);
  let stopping: Promise<void> | undefined;
  return {
    stop: () =>
      (stopping ??= (async () => {
        thread.postMessage('stop');
        await done.catch(() => undefined);
      })()),
    done,
  };
}

/** The compiled thread module (worker threads load plain JavaScript, also when this runs from sources). */
function threadFile(): string {
  if (import.meta.url.endsWith('.ts')) return fileURLToPath(new URL('../../dist/worker/worker-thread.js', import.meta.url));
  return fileURLToPath(new URL('./worker-thread.js', import.meta.url));
}

import { parentPort, resourceLimits, workerData } from 'node:worker_threads';
import { pino } from 'pino';
import { CaregateError } from '../errors.js';
import type { WorkerOptions } from './config.js';
import type { HostMessage } from './thread-host.js';
import { startWorker } from './worker.js';

// The thread of `caregate worker` (thread-host.ts): runs the worker, stops it when told, reports how it ended.
const port = parentPort!;
const send = (m: HostMessage) => port.postMessage(m);
const failed = (err: unknown): HostMessage => ({ kind: 'failed', ...(err instanceof CaregateError ? { code: err.code } : {}), message: (err as Error)?.message ?? String(err) });

// Synchronous writes to fd 1: the lines are few (progress every 1,000 messages), and none is lost at exit.
const logger = pino({ name: 'caregate-worker' }, pino.destination({ fd: 1, sync: true }));

try {
  const worker = await startWorker(workerData as WorkerOptions, { logger });
  port.on('message', (m) => {
    if (m === 'stop') void worker.stop();
  });
  logger.info({ event: 'worker.thread', youngGenerationMb: resourceLimits.maxYoungGenerationSizeMb }, 'worker running on its own thread');
  send({ kind: 'started' });
  try {
    await worker.done;
    send({ kind: 'done' });
  } catch (err) {
    send(failed(err));
  }
} catch (err) {
  send(failed(err));
}

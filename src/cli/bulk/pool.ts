import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { FileResult, FileTask } from './types.js';

/**
 * The compiled worker. From dist/ it sits beside this module; when this module runs from its TypeScript
 * source (tests), the worker is still the compiled one in dist/ (`npm run build`), since worker threads
 * load plain JavaScript.
 */
export function workerFile(): string {
  if (import.meta.url.endsWith('.ts')) return fileURLToPath(new URL('../../../dist/cli/bulk/worker.js', import.meta.url));
  return fileURLToPath(new URL('./worker.js', import.meta.url));
}

export const defaultConcurrency = (): number => availableParallelism();

/**
 * Runs the tasks on a pool of `concurrency` worker threads, one file per thread at a time; `onDone` sees each
 * result as it comes. Results are in task order. A task never rejects (a failing file is a result).
 */
export async function runTasks(tasks: readonly FileTask[], concurrency: number, onDone?: (index: number, result: FileResult) => void): Promise<FileResult[]> {
  if (tasks.length === 0) return [];
  const threads = Math.max(1, Math.min(concurrency, tasks.length));
  const pool = new Piscina<FileTask, FileResult>({
    filename: workerFile(),
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: 1,
    idleTimeout: 1000,
  });
  try {
    return await Promise.all(
      tasks.map((t, i) =>
        pool.run(t).then(
          (r) => {
            onDone?.(i, r);
            return r;
          },
          (err: unknown): FileResult => {
            const r: FileResult = {
              ok: false,
              bytes: 0,
              findings: 0,
              byEntity: {},
              byRule: {},
              scanErrors: 0,
              records: 0,
              error: { code: 'E_WORKER', message: `${t.source}: worker failed: ${err instanceof Error ? err.message : String(err)}` },
              ms: 0,
            };
            onDone?.(i, r);
            return r;
          },
        ),
      ),
    );
  } finally {
    await pool.destroy();
  }
}

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
 *
 * Given the inputs' sizes, the largest files are handed out first (longest-processing-time order): a big
 * file that came last would leave the other threads idle while one works through it alone.
 */
export async function runTasks(
  tasks: readonly FileTask[], concurrency: number, onDone?: (index: number, result: FileResult) => void, sizes?: readonly number[],
): Promise<FileResult[]> {
  if (tasks.length === 0) return [];
  const threads = Math.max(1, Math.min(concurrency, tasks.length));
  const pool = new Piscina<FileTask, FileResult>({
    filename: workerFile(),
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: 1,
    idleTimeout: 1000,
    // Tasks start in the order they were run (by default piscina sends a task it could not place yet to
    // the back of its queue, which reorders them).
    stricterFIFO: true,
  });
  const order = tasks.map((_t, i) => i);
  if (sizes) order.sort((a, b) => (sizes[b] ?? 0) - (sizes[a] ?? 0) || a - b);
  const results: Promise<FileResult>[] = new Array(tasks.length);
  for (const i of order) results[i] = runOne(pool, tasks[i]!, i, onDone);
  try {
    return await Promise.all(results);
  } finally {
    await pool.destroy();
  }
}

function runOne(pool: Piscina<FileTask, FileResult>, t: FileTask, i: number, onDone?: (index: number, result: FileResult) => void): Promise<FileResult> {
  return pool.run(t).then(
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
  );
}

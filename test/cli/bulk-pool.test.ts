import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTasks } from '../../src/cli/bulk/pool.js';
import type { FileTask } from '../../src/cli/bulk/types.js';
import { ensureBuilt } from '../report/support.js';

beforeAll(() => ensureBuilt(), 120_000);

/** Text files of the given sizes (plain prose, nothing to find) and scan tasks for them. */
function filesOf(sizes: number[]): FileTask[] {
  const dir = mkdtempSync(join(tmpdir(), 'caregate-pool-'));
  return sizes.map((size, i) => {
    const input = join(dir, `f${i}.txt`);
    writeFileSync(input, 'Customer asked about the parcel.\n'.repeat(size / 33));
    return { mode: 'scan', input, source: `f${i}.txt`, format: 'auto', config: {}, invalidUtf8: 'replace' };
  });
}

describe('the bulk worker pool', () => {
  const sizes = [33 * 10, 33 * 3000, 33 * 20, 33 * 1000, 33 * 3000];

  it('hands the largest files out first and returns results in task order', async () => {
    const tasks = filesOf(sizes);
    const done: number[] = [];
    const results = await runTasks(tasks, 1, (i) => done.push(i), sizes);
    // One thread takes tasks in the order they were handed out: largest first, ties in task order.
    expect(done).toEqual([1, 4, 3, 2, 0]);
    expect(results.map((r) => r.bytes)).toEqual(sizes);
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it('keeps the task order without sizes', async () => {
    const tasks = filesOf(sizes);
    const done: number[] = [];
    await runTasks(tasks, 1, (i) => done.push(i));
    expect(done).toEqual([0, 1, 2, 3, 4]);
  });
});

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_HEAP_FLAGS, heapFlagsFor } from '../../src/cli/heap-flags.js';
import { ensureBuilt, ROOT } from './binary.js';

describe('the CLI heap flags', () => {
  it('bound the heap for the file commands, not for the worker (it sizes its own thread)', () => {
    expect(heapFlagsFor(['redact', 'in.txt'], [], '')).toEqual(CLI_HEAP_FLAGS);
    expect(heapFlagsFor(['scan', '-'], [], '')).toEqual(CLI_HEAP_FLAGS);
    expect(heapFlagsFor([], [], '')).toEqual(CLI_HEAP_FLAGS);
    expect(heapFlagsFor(['worker', '--config', 'w.json'], [], '')).toEqual([]);
  });

  it('leave a heap the user sized on the command line or in NODE_OPTIONS alone', () => {
    expect(heapFlagsFor(['redact'], ['--max-semi-space-size=64'], '')).toEqual([]);
    expect(heapFlagsFor(['redact'], ['--max_old_space_size=512'], '')).toEqual([]);
    expect(heapFlagsFor(['redact'], [], '--heap-growing-percent=50')).toEqual([]);
    expect(heapFlagsFor(['redact'], ['--inspect'], '--enable-source-maps')).toEqual(CLI_HEAP_FLAGS);
  });

  it('keep the young generation at its initial size through a burst of short-lived garbage', () => {
    ensureBuilt();
    // A child that sets the flags as bin/caregate.js does, then allocates objects that live through a few scavenges.
    const probe = (bound: boolean) =>
      Number(
        execFileSync(process.execPath, ['--input-type=module', '-e', `
          import v8 from 'node:v8';
          const h = await import(${JSON.stringify(join(ROOT, 'dist/cli/heap-flags.js'))});
          if (${bound}) h.boundCliHeap(['redact']);
          let keep = [];
          for (let i = 0; i < 400000; i++) { keep.push({ i, s: 'w' + i }); if (keep.length > 20000) keep = []; }
          console.log(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);
        `], { encoding: 'utf8' }).trim(),
      );
    const bounded = probe(true);
    const grown = probe(false);
    expect(bounded).toBeLessThanOrEqual(4 * 2 ** 20);
    expect(grown).toBeGreaterThan(bounded);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SendBatch } from '../../src/worker/send-batch.js';

/** A send log: which sends ran, and in which batch (the synchronous run they shared). */
function recorder() {
  const ran: Array<{ id: number; batch: number }> = [];
  let batch = 0;
  let inRun = false;
  const mark = (id: number) => {
    if (!inRun) {
      inRun = true;
      batch++;
      queueMicrotask(() => (inRun = false));
    }
    ran.push({ id, batch });
  };
  return { ran, mark };
}

describe('SendBatch', () => {
  it('sends what promise chains deferred in one go, in order, after the chains have run and not before', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: 6 }), { minLength: 1, maxLength: 40 }), async (hops) => {
        const sends = new SendBatch();
        const { ran, mark } = recorder();
        // Each "message" reaches its send after a different number of promise hops, as outputs of one socket
        // read do (text redacted at once, structured formats after a few awaits).
        const chains = hops.map(async (n, id) => {
          for (let k = 0; k < n; k++) await Promise.resolve();
          sends.defer(() => mark(id));
        });
        await Promise.all(chains);
        expect(ran).toEqual([]); // held until the microtask queue is empty
        await new Promise((resolve) => setImmediate(resolve));
        // Sent in the order deferred (fewer hops first, ties by index), all in one synchronous run.
        const order = hops.map((n, id) => ({ n, id })).sort((a, b) => a.n - b.n || a.id - b.id).map((x) => x.id);
        expect(ran.map((r) => r.id)).toEqual(order);
        expect(new Set(ran.map((r) => r.batch)).size).toBe(1);
        expect(sends.pending).toBe(0);
      }),
      { numRuns: 50 },
    );
  });

  it('settles later() with the send’s own result or failure, also a synchronous throw', async () => {
    const sends = new SendBatch();
    const ok = sends.later(async () => 42);
    const failed = sends.later(() => Promise.reject(new Error('no stream')));
    const threw = sends.later((): Promise<number> => {
      throw new Error('closed');
    });
    expect(sends.pending).toBe(3);
    await expect(ok).resolves.toBe(42);
    await expect(failed).rejects.toThrow('no stream');
    await expect(threw).rejects.toThrow('closed');
  });

  it('a send deferred while a batch runs goes out in the next batch', async () => {
    const sends = new SendBatch();
    const ran: string[] = [];
    sends.defer(() => {
      ran.push('first');
      sends.defer(() => ran.push('second'));
      expect(sends.pending).toBe(1);
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(ran).toEqual(['first', 'second']);
  });
});

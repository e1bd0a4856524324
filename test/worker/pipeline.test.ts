import { headers as natsHeaders, type NatsConnection } from 'nats';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { redactPayload } from '../../src/worker/process-message.js';
import { startWorker, type ResolvedWorkerOptions } from '../../src/worker/index.js';
import { ensureBuilt, marker, readAll, setup, streamCount, teardown, uniqueOptions, waitFor } from './helpers.js';

const quiet = () => pino({ level: 'silent' });

describe('worker pipeline: bounded in-flight messages, pipelined publishes, threads for large messages', () => {
  const o: ResolvedWorkerOptions = uniqueOptions({ ackWaitMs: 10_000, concurrency: 16, prefetch: 8, largeMessageBytes: 65_536, threads: 1 });
  let nc: NatsConnection | undefined;
  beforeAll(async () => {
    ensureBuilt(); // the thread module is compiled JavaScript
    nc = await setup(o);
  }, 120_000);
  afterAll(() => teardown(nc, o));

  it('never holds more than `concurrency` messages in flight under a backlog, and publishes each input once', async () => {
    const N = 2000;
    const js = nc!.jetstream();
    const pre = o.inputSubject.slice(0, -2);
    for (let s = 0; s < N; s += 500) {
      await Promise.all(Array.from({ length: Math.min(500, N - s) }, (_, k) => js.publish(`${pre}.m${marker(s + k)}`, Buffer.from(`caller ${marker(s + k)}: card 4111 1111 1111 1111, mail a${s + k}@example.com`))));
    }
    const worker = await startWorker(o, { logger: quiet() });
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, worker.stats.inFlight)), 1);
    try {
      await waitFor('every output', async () => (await streamCount(nc!, o.outputStream)) >= N, 120_000, 50);
    } finally {
      clearInterval(sampler);
      await worker.stop();
    }
    expect(peak).toBeGreaterThan(1); // publishes overlapped
    expect(peak).toBeLessThanOrEqual(o.concurrency);
    const out = await readAll(nc!, o.outputStream);
    expect(out).toHaveLength(N);
    expect(new Set(out.map((m) => m.headers['Nats-Msg-Id'])).size).toBe(N);
    for (const m of out) expect(m.data.replace(/\D/g, '')).not.toContain('4111111111111111');
    expect(await streamCount(nc!, o.stream)).toBe(0);
    const s = worker.stats;
    expect(s.redacted).toBe(N);
    expect(s.phaseSeconds.redact).toBeGreaterThan(0);
    expect(s.phaseSeconds.engine).toBeGreaterThan(0);
    expect(s.phaseSeconds.engine).toBeLessThanOrEqual(s.phaseSeconds.redact);
    expect(s.phaseSeconds.publishAckWait).toBeGreaterThan(0);
  }, 180_000);

  it('redacts a large message on a worker thread to exactly what the engine gives on the event loop', async () => {
    const body = Array.from({ length: 2500 }, (_, i) => `line ${i}: caller read card 5555 5555 5555 4444 and mail p${i}@example.org, thanks.`).join('\n');
    expect(Buffer.byteLength(body)).toBeGreaterThan(o.largeMessageBytes);
    const before = await streamCount(nc!, o.outputStream);
    const h = natsHeaders();
    h.set('Caregate-Format', 'text');
    await nc!.jetstream().publish(`${o.inputSubject.slice(0, -2)}.large.one`, Buffer.from(body), { headers: h, msgID: 'large-one' });
    const worker = await startWorker(o, { logger: quiet() });
    try {
      await waitFor('the large output', async () => (await streamCount(nc!, o.outputStream)) > before, 60_000, 50);
    } finally {
      await worker.stop();
    }
    const out = (await readAll(nc!, o.outputStream)).find((m) => m.headers['Nats-Msg-Id'] === 'large-one')!;
    const expected = await redactPayload(createRedactor(), 'text', Buffer.from(body), 'error');
    expect(out.data).toBe(Buffer.from(expected.data).toString('utf8'));
    expect(Number(out.headers['Caregate-Findings'])).toBe(expected.summary.findings);
  }, 120_000);
});

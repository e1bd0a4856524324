import { headers as natsHeaders, type NatsConnection } from 'nats';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type ResolvedWorkerOptions } from '../../src/worker/index.js';
import { WORKER_YOUNG_GENERATION_MB } from '../../src/worker/thread-host.js';
import { cliArgs, ensureBuilt, marker, readAll, setup, spawnWorker, streamCount, teardown, uniqueOptions, waitFor } from './helpers.js';

const CARDS = ['4111 1111 1111 1111', '5555555555554444', '3782-822463-10005', '4012888888881881'];
const CARD_DIGITS = CARDS.map((c) => c.replace(/\D/g, ''));

/** Message i in one of the four formats, with a card, an email and a letters-only marker. */
function transcript(i: number): { data: string; format: 'text' | 'ndjson' | 'json' | 'csv' } {
  const card = CARDS[i % CARDS.length]!;
  const email = `caller.${marker(i)}@example.com`;
  switch (i % 4) {
    case 0:
      return { format: 'text', data: `agent: how can I help? caller ${marker(i)}: my card is ${card}, mail ${email}` };
    case 1:
      return { format: 'ndjson', data: `${JSON.stringify({ who: 'caller', ref: marker(i), text: `card ${card}` })}\n${JSON.stringify({ email })}\n` };
    case 2:
      return { format: 'json', data: JSON.stringify({ ref: marker(i), turns: [{ text: `pay with ${card}` }, { text: `send to ${email}` }] }) };
    default:
      return { format: 'csv', data: `ref,speaker,text\n${marker(i)},caller,"card ${card} and ${email}"\n` };
  }
}

function assertClean(data: string): void {
  const digits = data.replace(/\D/g, '');
  for (const c of CARD_DIGITS) expect(digits.includes(c)).toBe(false);
  expect(data).not.toMatch(/@example\.com/);
}

describe('caregate worker against nats-server', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  describe('10,000 messages, 3 worker processes, one SIGKILLed midway', () => {
    const o: ResolvedWorkerOptions = uniqueOptions({ ackWaitMs: 2000, maxDeliver: 5, backoffMs: [200, 500] });
    let nc: NatsConnection | undefined;
    beforeAll(async () => {
      nc = await setup(o);
    });
    afterAll(() => teardown(nc, o));

    it('publishes every input exactly once, redacted, and drains the work queue', async () => {
      const N = 10_000;
      const js = nc!.jetstream();
      const enc = new TextEncoder();
      for (let start = 0; start < N; start += 500) {
        const batch: Promise<unknown>[] = [];
        for (let i = start; i < Math.min(N, start + 500); i++) {
          const t = transcript(i);
          const h = natsHeaders();
          h.set('Caregate-Format', t.format);
          // Half the producers set their own Nats-Msg-Id; the worker reuses it, else stream:seq.
          batch.push(js.publish(`${o.inputSubject.slice(0, -2)}.site${i % 7}.call${marker(i)}`, enc.encode(t.data), { headers: h, ...(i % 2 ? { msgID: `in-${i}` } : {}) }));
        }
        await Promise.all(batch);
      }
      expect(await streamCount(nc!, o.stream)).toBe(N);

      const args = [...cliArgs(o), '--concurrency', '4', '--log-every', '2000'];
      const workers = [spawnWorker(args), spawnWorker(args), spawnWorker(args)];
      try {
        await waitFor('a third of the output', async () => (await streamCount(nc!, o.outputStream)) >= N / 3, 60_000, 50);
        workers[0]!.child.kill('SIGKILL');
        expect(await workers[0]!.exited).toBe(null);
        await waitFor('all outputs and an empty work queue', async () => (await streamCount(nc!, o.outputStream)) >= N && (await streamCount(nc!, o.stream)) === 0, 60_000, 200);
        // SIGTERM: the survivors stop pulling, finish and exit 0.
        for (const w of workers.slice(1)) w.child.kill('SIGTERM');
        for (const w of workers.slice(1)) expect(await w.exited, w.output().slice(-2000)).toBe(0);
        for (const w of workers.slice(1)) expect(w.output()).toContain('"event":"worker.stopped"');
        // Without heap flags the CLI runs the worker on a thread with a larger young generation (thread-host.ts).
        for (const w of workers.slice(1)) expect(w.output()).toMatch(new RegExp(`"event":"worker.thread","youngGenerationMb":${WORKER_YOUNG_GENERATION_MB}[,}]`));
      } finally {
        for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
      }

      const out = await readAll(nc!, o.outputStream);
      expect(out.length).toBe(N);
      const ids = new Set(out.map((m) => m.headers['Nats-Msg-Id']));
      expect(ids.size).toBe(N);
      const seen = new Set<string>();
      for (const m of out) {
        assertClean(m.data);
        const ref = /ref[a-z]+x/.exec(m.data)?.[0];
        expect(ref, m.data).toBeDefined();
        expect(seen.has(ref!)).toBe(false);
        seen.add(ref!);
        expect(m.subject).toMatch(new RegExp(`^${o.outputPrefix.replace(/\./g, '\\.')}\\.site\\d\\.call${ref}$`));
        expect(Number(m.headers['Caregate-Findings'])).toBeGreaterThanOrEqual(2);
        for (const v of Object.values(m.headers)) assertClean(v);
      }
      expect(seen.size).toBe(N);
      // Producer ids are kept; the others are stream:seq.
      expect(out.filter((m) => m.headers['Nats-Msg-Id']!.startsWith('in-')).length).toBe(N / 2);
      expect(out.filter((m) => m.headers['Nats-Msg-Id']!.startsWith(`${o.stream}:`)).length).toBe(N / 2);
      expect(await streamCount(nc!, o.stream)).toBe(0);
    }, 90_000);
  });

  describe('dead letters', () => {
    // Dead letters come after exactly the nak delays (no server backoff stretches them any more): 2 × 4 s leaves
    // the 300 good messages time to pass first on a loaded machine.
    const o: ResolvedWorkerOptions = uniqueOptions({ ackWaitMs: 5000, maxDeliver: 3, backoffMs: [4000, 4000], concurrency: 2, metricsPort: 0 });
    let nc: NatsConnection | undefined;
    beforeAll(async () => {
      nc = await setup(o);
    });
    afterAll(() => teardown(nc, o));

    it('moves malformed messages to the dead-letter subject after maxDeliver tries while the rest flows', async () => {
      const js = nc!.jetstream();
      const pre = o.inputSubject.slice(0, -2);
      const bad: Array<{ format: string; data: Uint8Array; code: string }> = [
        { format: 'json', data: Buffer.from('{"card": "4111111111111111", "cvv": "123"'), code: 'E_JSON' },
        { format: 'json', data: Buffer.from('{"card": 4111111111111111,,}'), code: 'E_JSON' },
        { format: 'ndjson', data: Buffer.from('{"a":1}\n{"card": "5555555555554444"\n'), code: 'E_NDJSON' },
        { format: 'csv', data: Buffer.from('a,b\n"4111111111111111,x\n'), code: 'E_CSV' },
        { format: 'text', data: Buffer.from([0x63, 0x61, 0x72, 0x64, 0x20, 0xff, 0xfe, 0x34, 0x31]), code: 'E_UTF8' },
        { format: 'yaml', data: Buffer.from('card: 4111111111111111'), code: 'E_FORMAT' },
      ];
      const h = (format: string) => {
        const x = natsHeaders();
        x.set('Caregate-Format', format);
        return x;
      };
      const logs: string[] = [];
      const logger = pino({ level: 'info' }, { write: (s: string) => void logs.push(s) });
      const worker = await startWorker(o, { logger });
      try {
        for (const [i, b] of bad.entries()) await js.publish(`${pre}.bad.m${marker(i)}`, b.data, { headers: h(b.format) });
        for (let i = 0; i < 300; i++) await js.publish(`${pre}.good.m${marker(i)}`, Buffer.from(transcript(i).data), { headers: h(transcript(i).format) });
        await waitFor('good outputs and dead letters', async () => (await streamCount(nc!, o.outputStream)) === 300 && (await streamCount(nc!, o.deadLetterStream)) === bad.length, 30_000);

        const out = await readAll(nc!, o.outputStream);
        const dead = await readAll(nc!, o.deadLetterStream);
        for (const m of out) assertClean(m.data);
        expect(out.every((m) => m.subject.startsWith(`${o.outputPrefix}.good.`))).toBe(true);
        // Poison never blocked the others: every good output was in before the first dead letter.
        expect(Math.max(...out.map((m) => m.time))).toBeLessThan(Math.min(...dead.map((m) => m.time)));
        expect(dead.map((m) => m.headers['Caregate-Error-Code']).sort()).toEqual(bad.map((b) => b.code).sort());
        for (const d of dead) {
          expect(d.subject).toMatch(new RegExp(`^${o.deadLetterPrefix.replace(/\./g, '\\.')}\\.bad\\.`));
          expect(d.headers['Caregate-Deliveries']).toBe('3');
          expect(d.headers['Caregate-Error']).not.toMatch(/\d/);
          expect(d.headers['Caregate-Dead-Letter-Payload']).toBe('raw');
          for (const v of Object.values(d.headers)) expect(v.replace(/\D/g, '')).not.toContain('4111111111111111');
        }
        // Nothing lost: the raw payload travels in the dead letter.
        expect(dead.find((d) => d.headers['Caregate-Error-Code'] === 'E_CSV')!.data).toBe('a,b\n"4111111111111111,x\n');
        expect(await streamCount(nc!, o.stream)).toBe(0);

        const metrics = await (await fetch(worker.metricsUrl!)).text();
        expect(metrics).toContain(`caregate_worker_messages_total{consumer="${o.consumer}",outcome="redacted"} 300`);
        expect(metrics).toContain(`caregate_worker_messages_total{consumer="${o.consumer}",outcome="dead_lettered"} ${bad.length}`);
        expect(metrics).toMatch(/caregate_worker_findings_total\{consumer="[^"]+",entity="CREDIT_CARD"\} \d+/);
        expect(metrics).toContain('caregate_worker_errors_total{');
        expect(worker.stats.retried).toBe(bad.length * 2);
      } finally {
        await worker.stop();
      }
      const events = logs.map((l) => JSON.parse(l) as { event?: string });
      expect(events.filter((e) => e.event === 'worker.dead_letter').length).toBe(bad.length);
      expect(events.some((e) => e.event === 'worker.final')).toBe(true);
      for (const l of logs) expect(l.replace(/\D/g, '')).not.toContain('4111111111111111');
    }, 60_000);
  });
});

/**
 * Messages/s and MB/s of `caregate worker` processes against the local nats-server (JetStream).
 *   npx tsx benchmarks/nats-workers.ts [messages=20000] [concurrency=4]
 * For 1 and then 2 worker processes: publish the messages (about 1 KB of call transcript each, text/NDJSON/JSON/CSV
 * in turn, PII in every one), start the workers, and time from the first to the last output message (stream
 * timestamps), so process start-up is not counted. Streams are created per run and deleted afterwards.
 */
import { headers as natsHeaders } from 'nats';
import { cliArgs, ensureBuilt, readAll, setup, spawnWorker, streamCount, teardown, uniqueOptions, waitFor } from '../test/worker/helpers.js';

const N = Number(process.argv[2] ?? 20_000);
const CONCURRENCY = Number(process.argv[3] ?? 4);
const FILLER = 'agent: thank you for waiting, I can see the order and the delivery notes, let me check the refund status for you. ';

function message(i: number): { data: string; format: string } {
  const pii = `caller: my card is 4111 1111 1111 1111, expiry 09/27, cvv 123, email jane.doe${i % 97}@example.com, phone +1 415 555 0${100 + (i % 800)}. `;
  const text = `${FILLER.repeat(3)}${pii}${FILLER.repeat(3)}`;
  switch (i % 4) {
    case 0:
      return { format: 'text', data: text };
    case 1:
      return { format: 'ndjson', data: `${JSON.stringify({ turn: 1, text: FILLER.repeat(3) })}\n${JSON.stringify({ turn: 2, text: pii })}\n${JSON.stringify({ turn: 3, text: FILLER.repeat(3) })}\n` };
    case 2:
      return { format: 'json', data: JSON.stringify({ call: i, turns: [FILLER.repeat(3), pii, FILLER.repeat(3)] }) };
    default:
      return { format: 'csv', data: `turn,text\n1,"${FILLER.repeat(3)}"\n2,"${pii}"\n3,"${FILLER.repeat(3)}"\n` };
  }
}

async function run(processes: number): Promise<{ msgs: number; mb: number; seconds: number }> {
  const o = uniqueOptions({ ackWaitMs: 30_000 });
  const nc = await setup(o);
  try {
    const js = nc.jetstream();
    let bytes = 0;
    for (let start = 0; start < N; start += 1000) {
      const batch: Promise<unknown>[] = [];
      for (let i = start; i < Math.min(N, start + 1000); i++) {
        const m = message(i);
        const h = natsHeaders();
        h.set('Caregate-Format', m.format);
        const data = Buffer.from(m.data, 'utf8');
        bytes += data.length;
        batch.push(js.publish(`${o.inputSubject.slice(0, -2)}.bench.m${i}`, data, { headers: h }));
      }
      await Promise.all(batch);
    }
    const args = [...cliArgs(o), '--concurrency', String(CONCURRENCY), '--log-every', '100000'];
    const workers = Array.from({ length: processes }, () => spawnWorker(args));
    try {
      await waitFor('all outputs', async () => (await streamCount(nc, o.outputStream)) >= N, 600_000, 200);
    } finally {
      for (const w of workers) w.child.kill('SIGTERM');
      await Promise.all(workers.map((w) => w.exited));
    }
    const out = await readAll(nc, o.outputStream);
    const times = out.map((m) => m.time);
    const seconds = (Math.max(...times) - Math.min(...times)) / 1000;
    return { msgs: (N - 1) / seconds, mb: (bytes * ((N - 1) / N)) / 1e6 / seconds, seconds };
  } finally {
    await teardown(nc, o);
  }
}

ensureBuilt();
console.log(`${N} messages of ~${Buffer.byteLength(message(0).data)} bytes, --concurrency ${CONCURRENCY}, ${(await import('node:os')).cpus().length} cores`);
for (const p of [1, 2]) {
  const r = await run(p);
  console.log(`${p} worker process${p > 1 ? 'es' : ''}: ${Math.round(r.msgs)} messages/s, ${r.mb.toFixed(2)} MB/s (${r.seconds.toFixed(1)} s)`);
}

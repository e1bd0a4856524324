import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitTranscript, type ResolvedWorkerOptions } from '../../src/worker/index.js';
import { cliArgs, ensureBuilt, readAll, setup, spawnWorker, teardown, uniqueOptions, waitFor } from './helpers.js';

const MB = 1024 * 1024;

/** ~size bytes of call transcript lines; one line in ten has a card number and an email. */
async function* bigTranscript(size: number): AsyncGenerator<Uint8Array> {
  let written = 0;
  let line = 0;
  while (written < size) {
    const lines: string[] = [];
    for (let i = 0; i < 1000; i++, line++) {
      lines.push(
        line % 10 === 0
          ? `[00:${String(line % 60).padStart(2, '0')}] caller: my card is 4111 1111 1111 1111 and you can mail me at someone@example.com about ticket alpha\n`
          : `[00:${String(line % 60).padStart(2, '0')}] agent: thank you for waiting, I am looking at the order history and the delivery notes now\n`,
      );
    }
    const chunk = Buffer.from(lines.join(''), 'utf8');
    written += chunk.length;
    yield chunk;
  }
}

function peakRssKb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m![1]);
}

describe('object store transcripts', () => {
  const o: ResolvedWorkerOptions = uniqueOptions({ ackWaitMs: 10_000 });
  let nc: NatsConnection | undefined;
  beforeAll(async () => {
    ensureBuilt();
    nc = await setup(o);
  }, 120_000);
  afterAll(() => teardown(nc, o));

  it('streams a 50 MB transcript through the redaction into a new object with the worker RSS bounded', async () => {
    const SIZE = 50 * MB;
    const small = `${o.inputSubject.slice(0, -2)}.small.one`;
    const big = `${o.inputSubject.slice(0, -2)}.big.one`;
    const outputs = async () => (await nc!.jetstream().jetstreamManager().then((j) => j.streams.info(o.outputStream))).state.messages;
    // A 96 MB heap cap: the 50 MB input as one string (UTF-16) would not even fit, so finishing proves streaming.
    const w = spawnWorker([...cliArgs(o), '--concurrency', '2'], ['--max-old-space-size=96']);
    let warmKb = 0;
    let peakKb = 0;
    try {
      // The worker's own peak after a 1 MB object (Node, rule packs, lexicons, NATS client, one object's pipeline):
      // the baseline the 50 MB object is measured against, so that the bound does not move with the lexicons' size.
      await submitTranscript(nc!, { subject: small, data: Readable.from(bigTranscript(MB)), format: 'text', msgID: 'small-one', bucket: o.objectBucket });
      await waitFor('the small object reference', async () => (await outputs()) === 1, 60_000, 250);
      warmKb = peakRssKb(w.child.pid!);
      await submitTranscript(nc!, { subject: big, data: Readable.from(bigTranscript(SIZE)), format: 'text', msgID: 'big-one', bucket: o.objectBucket });
      await waitFor('the object reference', async () => (await outputs()) === 2, 80_000, 250);
      peakKb = peakRssKb(w.child.pid!);
      w.child.kill('SIGTERM');
      expect(await w.exited, w.output().slice(-2000)).toBe(0);
    } finally {
      if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    }
    const ref = (await readAll(nc!, o.outputStream)).find((m) => m.headers['Caregate-Object'] === 'big-one');
    expect(ref!.headers['Caregate-Object']).toBe('big-one');
    expect(ref!.headers['Caregate-Object-Bucket']).toBe(o.cleanObjectBucket);
    expect(ref!.headers['Nats-Msg-Id']).toBe('big-one');
    const body = JSON.parse(ref!.data) as { object: { bucket: string; name: string; size: number; digest: string } };
    expect(body.object.bucket).toBe(o.cleanObjectBucket);

    // The redacted object: no card number, no email, same number of lines.
    const os = await nc!.jetstream().views.os(o.cleanObjectBucket);
    const got = await os.get('big-one');
    let lines = 0;
    let size = 0;
    let tail = '';
    const decoder = new TextDecoder();
    for await (const chunk of got!.data as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      const text = tail + decoder.decode(chunk, { stream: true });
      expect(text.replace(/[\s-]/g, '')).not.toContain('4111111111111111');
      expect(text).not.toContain('someone@example.com');
      for (const b of chunk) if (b === 0x0a) lines++;
      tail = text.slice(-64);
    }
    expect(await got!.error).toBeFalsy();
    expect(size).toBe(body.object.size);
    expect(lines).toBeGreaterThan(SIZE / 200);
    // Bounded memory: 50 times the data adds little to the peak; holding the 50 MB object (100 MB as a string) or
    // its chunks would add at least 50 MB.
    console.log(`worker peak RSS (VmHWM): ${Math.round(warmKb / 1024)} MB after a 1 MB object, ${Math.round(peakKb / 1024)} MB after a 50 MB one`);
    expect(peakKb - warmKb).toBeLessThan(40 * 1024);
  }, 180_000);
});

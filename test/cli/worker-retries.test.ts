import { spawn } from 'node:child_process';
import { headers as natsHeaders, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliArgs, readAll, setup, streamCount, teardown, uniqueOptions, waitFor } from '../worker/helpers.js';
import { BIN, caregate, ensureBuilt, ROOT } from './binary.js';

// `caregate worker`: what --help says about invalid UTF-8 is what the worker does, and a poison message reaches
// the dead-letter subject after the documented retries (the sum of the nak delays), not minutes later.

beforeAll(() => ensureBuilt(), 180_000);

describe('caregate worker --invalid-utf8', () => {
  it('--help gives the worker default, error (poison), not the redact default', async () => {
    const help = await caregate(['worker', '--help']);
    expect(help.code).toBe(0);
    const line = help.stdout.replace(/\n\s+/g, ' ').match(/--invalid-utf8 <policy>[^\n]*/)?.[0] ?? '';
    expect(line).toContain('default: "error"');
    expect(line).toContain('poison');
    const redactHelp = (await caregate(['redact', '--help'])).stdout.replace(/\n\s+/g, ' ');
    expect(redactHelp.match(/--invalid-utf8 <policy>[^\n]*/)?.[0]).toContain('default: "replace"');
  });
});

describe('time to dead letter', () => {
  // A long ack wait and short nak delays: a server-side backoff (which the server adds on top of every nak
  // delay) would show up as seconds; the documented retries alone take 3 × 200 ms.
  const backoffMs = [200, 200, 200];
  const o = uniqueOptions({ ackWaitMs: 4000, maxDeliver: 4, backoffMs });
  let nc: NatsConnection | undefined;
  beforeAll(async () => {
    nc = await setup(o);
  });
  afterAll(() => teardown(nc, o));

  it('invalid UTF-8 with no --invalid-utf8 flag is poison, dead-lettered after the sum of the nak delays', async () => {
    const child = spawn(process.execPath, [BIN, 'worker', ...cliArgs(o)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (c: Buffer) => (log += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (log += c.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await waitFor('worker start', () => log.includes('worker.started'), 30_000);
      const h = natsHeaders();
      h.set('Caregate-Format', 'text');
      const sent = Date.now();
      await nc!.jetstream().publish(`${o.inputSubject.slice(0, -2)}.bad.utf`, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff]), { headers: h });
      await waitFor('a dead letter', async () => (await streamCount(nc!, o.deadLetterStream)) === 1, 60_000);
      const [dead] = await readAll(nc!, o.deadLetterStream);
      expect(dead!.headers['Caregate-Error-Code']).toBe('E_UTF8');
      expect(dead!.headers['Caregate-Error-Kind']).toBe('poison');
      const elapsed = dead!.time - sent;
      const retries = backoffMs.reduce((a, b) => a + b, 0);
      expect(elapsed).toBeGreaterThanOrEqual(retries - 50);
      // With the old server backoff [ackWait, 2×, 4×] this took 3 × 200 ms + 4 s + 12 s; generous for a loaded machine.
      expect(elapsed).toBeLessThan(retries + 5000);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 90_000);
});

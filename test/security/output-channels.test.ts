import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import fc from 'fast-check';
import Fastify, { type FastifyInstance } from 'fastify';
import type { JsMsg } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaregateError } from '../../src/errors.js';
import { createFormatStream, type FormatName } from '../../src/formats/index.js';
import { redactTicket } from '../../src/integrations/index.js';
import { caregateExpress } from '../../src/integrations/express.js';
import { caregateFastify } from '../../src/integrations/fastify.js';
import { createRedactor } from '../../src/redactor.js';
import { safePointer, safeText } from '../../src/safe-output.js';
import { deadLetterHeaders } from '../../src/worker/dead-letter.js';
import { classifyError } from '../../src/worker/process-message.js';
import { cli, ensureBuilt } from '../report/support.js';
import { describeThrown, leakOf, secret, spoken, type Secret } from './output-support.js';

const redactor = createRedactor({ currentYear: 2026 });

function expectNoLeak(channel: string, output: string, s: Secret): void {
  const leak = leakOf(output, s);
  expect(leak, `${channel} shows ${leak}`).toBeUndefined();
}

/** A record carrying the secret in member names (top level and nested), in an id and in free text. */
function recordWith(s: Secret, where: 'key' | 'nested-key' | 'id'): Record<string, unknown> {
  if (where === 'key') return { [`card ${s.text}`]: 'x', ok: 1 };
  if (where === 'nested-key') return { notes: { [s.text]: { deeper: [1, { [s.text]: true }] } } };
  return { id: s.text, action: `refund ${s.text}` };
}
const carrier = fc.constantFrom<'key' | 'nested-key' | 'id'>('key', 'nested-key', 'id');

async function runFormat(format: FormatName, input: string): Promise<{ out: string; events: string; error?: unknown }> {
  const stream = createFormatStream(format, redactor, { source: 'input' });
  const events: unknown[] = [];
  stream.on('finding', (f) => events.push(f));
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  try {
    stream.end(input);
    await once(stream, 'end');
  } catch (error) {
    return { out: Buffer.concat(chunks).toString('utf8'), events: JSON.stringify(events), error };
  }
  return { out: Buffer.concat(chunks).toString('utf8'), events: JSON.stringify([...events, (stream as unknown as { summary(): unknown }).summary()]) };
}

describe('output channels: no raw card number, CVV or SSN leaves the library', () => {
  it('CaregateError gates its message, pointer, option path and cause when it is made', () => {
    fc.assert(
      fc.property(secret, (s) => {
        const err = new CaregateError('E_TEST', `bad member "${s.text}"`, { pointer: `/a/${s.text}#key`, path: `provided.${s.text}` }, { cause: new Error(`parser: ${s.text}`) });
        expectNoLeak('CaregateError', describeThrown(err), s);
        // The pointer still says where: same number of tokens, the "#key" kept.
        expect(err.location.pointer!.split('/')).toHaveLength(3);
        expect(err.location.pointer!.endsWith('#key')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('CaregateError loaded alone (no engine: errors.ts imports nothing) still masks long numbers and CVV codes', () => {
    const script = [
      'const { CaregateError } = await import(process.argv[1]);',
      'const [, , text] = process.argv;',
      "const e = new CaregateError('E_TEST', `bad ${text}, line 12 byte 1234`, { pointer: `/${text}`, path: `a.${text}` }, { cause: new Error(text) });",
      'process.stdout.write(JSON.stringify({ message: e.message, location: e.location, cause: e.cause.message }));',
    ].join('\n');
    const errorsModule = new URL('../../src/errors.ts', import.meta.url).pathname;
    for (const s of fc.sample(secret, { numRuns: 6, seed: 15 })) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, errorsModule, s.text], { encoding: 'utf8' });
      expectNoLeak('CaregateError without the engine', out, s);
      expect(out).toContain('line 12 byte 1234');
    }
  }, 60_000);

  it('redactValue: values, finding paths (member names masked in the pointer, not dropped) and the cycle error', () => {
    fc.assert(
      fc.property(secret, carrier, (s, where) => {
        const value = recordWith(s, where);
        const r = redactor.redactValue(value);
        expectNoLeak('redactValue', JSON.stringify(r), s);
        if (where === 'key') {
          // `/card •••• … 1111#key` or `/[CREDIT_CARD]#key`: one token, still pointing at the member.
          const keyFinding = r.findings.find((f) => f.path.endsWith('#key'));
          expect(keyFinding?.path).toMatch(/^\/[^/]+#key$/);
        }
        const cyclic: Record<string, unknown> = { [s.text]: {} };
        (cyclic[s.text] as Record<string, unknown>).self = cyclic;
        let thrown: unknown;
        try {
          redactor.redactValue(cyclic);
        } catch (err) {
          thrown = err;
        }
        expect(thrown).toBeInstanceOf(CaregateError);
        expect((thrown as CaregateError).location.pointer).toMatch(/^\/[^/]+\/self$/);
        expectNoLeak('the cycle error', describeThrown(thrown), s);
      }),
      { numRuns: 80 },
    );
  });

  it('redactTicket: finding paths and rebuilt-HTML paths carry gated member names', () => {
    fc.assert(
      fc.property(secret, (s) => {
        const freshdesk = {
          subject: 'refund',
          description_text: `note ${s.text}`,
          description: `<p>note ${s.text}</p>`,
          custom_fields: { [`cf_${s.text}`]: `value ${s.text}`, [`cf_card ${s.text}`]: { inner: s.text } },
        };
        // The ticket keeps its own member names (they are the help desk's field names, written back as they
        // are); its field values, the finding paths and the rebuilt-HTML paths are what must hold no value.
        const r = redactTicket(freshdesk, { redactor });
        expectNoLeak('redactTicket (freshdesk)', JSON.stringify({ values: Object.values(r.ticket.custom_fields), text: r.ticket.description_text, html: r.ticket.description, findings: r.findings, rebuilt: r.rebuiltHtml }), s);
        const zendesk = { ticket: { subject: 'x', custom_fields: [{ id: 1, value: { [s.text]: `v ${s.text}` } }], comments: [{ body: `b ${s.text}` }] } };
        const z = redactTicket(zendesk, { redactor });
        expectNoLeak('redactTicket (zendesk)', JSON.stringify({ findings: z.findings, rebuilt: z.rebuiltHtml, comments: z.ticket.ticket.comments }), s);
      }),
      { numRuns: 40 },
    );
  });

  it('format streams: output, finding events, summary, and E_JSON / E_NDJSON / E_CSV errors of malformed input', async () => {
    await fc.assert(
      fc.asyncProperty(secret, carrier, async (s, where) => {
        const doc = JSON.stringify(recordWith(s, where));
        for (const [format, input] of [
          ['json', doc],
          ['ndjson', `${doc}\n${doc}\n`],
          ['csv', `name,"${s.text}"\nx,y\n`],
        ] as const) {
          const r = await runFormat(format, input);
          expect(r.error).toBeUndefined();
          expectNoLeak(`${format} output`, r.out + r.events, s);
        }
        const key = JSON.stringify(s.text);
        for (const [format, input] of [
          ['json', `{"a": {${key}: {${key}: tru}}}`],
          ['json', `{${key}: [1, 2,, 3]}`],
          ['ndjson', `{"ok": 1}\n{${key}: {"b": 1,}}\n`],
          ['csv', `a,${s.text}\n"x,y\n`],
        ] as const) {
          const r = await runFormat(format, input);
          expect(r.error, `${format} accepted malformed input`).toBeInstanceOf(CaregateError);
          expectNoLeak(`${format} error`, describeThrown(r.error) + r.out + r.events, s);
        }
      }),
      { numRuns: 40 },
    );
  });

  describe('HTTP: Express and Fastify', () => {
    let server: Server;
    let base: string;
    let fastify: FastifyInstance;
    const options = { forbid: { fields: ['/notes/**'] } };

    beforeAll(async () => {
      const app = express();
      app.use(caregateExpress(options));
      app.post('/echo', (req, res) => {
        res.json({ body: req.body, caregate: req.caregate });
      });
      server = app.listen(0, '127.0.0.1');
      await once(server, 'listening');
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      fastify = Fastify();
      await fastify.register(caregateFastify, options);
      fastify.post('/echo', async (request) => ({ body: request.body, caregate: request.caregate }));
      await fastify.ready();
    });

    afterAll(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fastify.close();
    });

    async function both(body: string, headers: Record<string, string>): Promise<{ status: number; text: string }[]> {
      const viaExpress = await fetch(`${base}/echo`, { method: 'POST', headers, body });
      const viaFastify = await fastify.inject({ method: 'POST', url: '/echo', headers, payload: body });
      return [
        { status: viaExpress.status, text: `${JSON.stringify([...viaExpress.headers])}\n${await viaExpress.text()}` },
        { status: viaFastify.statusCode, text: `${JSON.stringify(viaFastify.headers)}\n${viaFastify.body}` },
      ];
    }

    it('req.caregate findings, 422 problem bodies, 400 for malformed JSON, 415 for header values', async () => {
      await fc.assert(
        fc.asyncProperty(secret, carrier, async (s, where) => {
          const json = { 'content-type': 'application/json' };
          for (const r of await both(JSON.stringify(recordWith(s, where)), json)) {
            // a member of /notes named like a card number is refused with 422; anything else is echoed redacted
            expect([200, 422]).toContain(r.status);
            expectNoLeak(`HTTP ${r.status}`, r.text, s);
          }
          for (const r of await both(`{${JSON.stringify(s.text)}: [1,,]}`, json)) {
            expect(r.status).toBe(400);
            expectNoLeak('HTTP 400', r.text, s);
          }
          const r415 = await fetch(`${base}/echo`, { method: 'POST', headers: { ...json, 'content-encoding': s.text.replace(/\s/g, '-') }, body: '{}' });
          expect(r415.status).toBe(415);
          expectNoLeak('Express 415', await r415.text(), { ...s, text: s.text.replace(/\s/g, '-') });
        }),
        { numRuns: 25 },
      );
    });
  });

  it('caregate scan --format ndjson|sarif: jsonPointer and fullyQualifiedName carry masked member names', async () => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'caregate-output-'));
    try {
      await fc.assert(
        fc.asyncProperty(secret, async (s) => {
          const file = join(dir, 'record.json');
          writeFileSync(file, JSON.stringify({ [`card ${s.text}`]: { [s.text]: 'x' } }));
          for (const format of ['ndjson', 'sarif']) {
            const r = await cli(['scan', file, '--format', format]);
            expect([0, 1], r.stderr).toContain(r.code);
            expectNoLeak(`scan --format ${format}`, r.stdout + r.stderr, s);
            expect(r.stdout).toMatch(format === 'sarif' ? /"fullyQualifiedName"/ : /"pointer"/);
          }
        }),
        { numRuns: 3, endOnFailure: true },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('dead-letter headers: a card number in an error, spelt out in words or not, never reaches a header', () => {
    fc.assert(
      fc.property(secret, (s) => {
        const msg = {
          subject: `transcripts.raw.${s.kind === 'cvv' ? 'x' : s.text.replace(/\s/g, '-')}`,
          seq: 7,
          info: { stream: 'IN', deliveryCount: 3 },
          headers: { get: (name: string) => (name === 'Nats-Msg-Id' || name === 'Caregate-Object' ? s.text : '') },
          data: new Uint8Array(0),
        } as unknown as JsMsg;
        for (const err of [new Error(`could not parse ${spoken(s.digits)}`), new Error(`failed at ${s.text}`), new CaregateError('E_INPUT', `bad ${spoken(s.digits)}`)]) {
          const h = deadLetterHeaders(msg, classifyError(err), 'redacted-text');
          const all = [...h.keys()].map((k) => `${k}: ${h.get(k)}`).join('\n');
          expectNoLeak('dead-letter headers', all, s);
          if (s.kind === 'card') expect(all).not.toContain(spoken(s.digits));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('the gate keeps pointers pointing: clean tokens unchanged, gated ones idempotent', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('notes', 'items', '0', '12', 'a~1b', 'x~0y', 'customer name'), { maxLength: 6 }), secret, (tokens, s) => {
        const clean = tokens.map((t) => `/${t}`).join('');
        expect(safePointer(clean)).toBe(clean);
        const gated = safePointer(`${clean}/${s.text.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        expect(safePointer(gated)).toBe(gated);
        expect(gated.split('/')).toHaveLength(tokens.length + 2);
        expect(safeText(safeText(s.text))).toBe(safeText(s.text));
      }),
      { numRuns: 60 },
    );
  });
});

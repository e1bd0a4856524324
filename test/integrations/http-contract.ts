import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyPolicyOptions } from '../../src/integrations/index.js';

/** A running server with POST /echo (returns body + caregate), POST /reply (returns PII) and GET /health. */
export interface TestServer {
  url: string;
  handlerCalls: () => number;
  close: () => Promise<void>;
}
export type StartServer = (options: BodyPolicyOptions) => Promise<TestServer>;

const CARD = '4111 1111 1111 1111';
const CARD_DIGITS = '4111111111111111';
const MC = '5555555555554444';
const EMAIL = 'bob.stone@example.com';

const postJson = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

/** Nothing in the text a client or log would see contains the raw values. */
function expectNoRaw(text: string): void {
  for (const raw of [CARD, CARD_DIGITS, MC, EMAIL, '"123"', 'cvv is 123']) expect(text).not.toContain(raw);
}

/** A request body sent in pieces without Content-Length (chunked), so the limit must be counted while reading. */
function postChunked(url: string, pieces: number, pieceSize: number): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    // The server may answer and close before all pieces are sent; that is the behaviour under test.
    req.on('error', (err) => (req.destroyed ? undefined : reject(err)));
    let sent = 0;
    const piece = `"${'x'.repeat(pieceSize - 3)}",`;
    const pump = () => {
      while (sent < pieces) {
        sent++;
        if (!req.write(sent === 1 ? `[${piece}` : piece)) return void req.once('drain', pump);
      }
      req.end('"end"]');
    };
    pump();
  });
}

export function describeHttpContract(name: string, start: StartServer): void {
  describe(`${name}: redaction before the handler, 422, 400, 413 (real server on 127.0.0.1)`, () => {
    let guarded: TestServer;
    let selective: TestServer;

    beforeAll(async () => {
      guarded = await start({ forbid: { fields: ['/notes', '/items/*/comment'] }, limit: 4096, redactResponse: true, redactor: { currentYear: 2026 } });
      selective = await start({ fields: ['/message', '/payment/**'], redactor: { currentYear: 2026 } });
    });
    afterAll(async () => {
      await guarded?.close();
      await selective?.close();
    });

    it('the handler sees every string field redacted, and req.caregate lists findings by pointer without values', async () => {
      const res = await postJson(`${guarded.url}/echo`, JSON.stringify({ message: `my card is ${CARD}`, customer: { email: EMAIL }, payment: { cvv: '123' }, orderId: 'A-1009' }));
      expect(res.status).toBe(200);
      const seen = (await res.json()) as { body: { message: string; customer: { email: string }; payment: { cvv: string }; orderId: string }; caregate: { findings: Array<{ path: string; entity: string }> } };
      expect(seen.body.message).toBe('my card is •••• •••• •••• 1111');
      expect(seen.body.customer.email).toBe('[EMAIL]');
      expect(seen.body.payment.cvv).toBe('[CARD_CVV]');
      expect(seen.body.orderId).toBe('A-1009');
      expect(seen.caregate.findings.map((f) => `${f.path} ${f.entity}`).sort()).toEqual(['/customer/email EMAIL', '/message CREDIT_CARD', '/payment/cvv CARD_CVV']);
      expectNoRaw(JSON.stringify(seen));
    });

    it('only the configured fields are redacted when `fields` is given', async () => {
      const res = await postJson(`${selective.url}/echo`, JSON.stringify({ message: `card ${MC}`, contact: EMAIL, payment: { cvv: '321', card: CARD } }));
      const seen = (await res.json()) as { body: { message: string; contact: string; payment: { cvv: string; card: string } }; caregate: { findings: Array<{ path: string }> } };
      expect(seen.body.message).toBe('card ••••••••••••4444');
      expect(seen.body.contact).toBe(EMAIL); // not selected
      expect(seen.body.payment).toEqual({ cvv: '[CARD_CVV]', card: '•••• •••• •••• 1111' }); // key hint kept inside a selected subtree
      expect(seen.caregate.findings.map((f) => f.path).sort()).toEqual(['/message', '/payment/card', '/payment/cvv']);
    });

    it('422 problem+json names the field and entity of forbidden card data, never the value, and the handler is not called', async () => {
      const before = guarded.handlerCalls();
      const res = await postJson(`${guarded.url}/echo`, JSON.stringify({ message: 'fine', notes: `customer read out ${CARD}`, items: [{ comment: 'ok' }, { comment: 'the cvv is 123' }] }));
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const text = await res.text();
      expectNoRaw(text);
      const problem = JSON.parse(text) as { type: string; title: string; status: number; detail: string; errors: Array<{ pointer: string; entity: string }> };
      expect(problem.status).toBe(422);
      expect(problem.type).toBe('urn:caregate:problem:forbidden-data');
      expect(problem.errors.map((e) => `${e.pointer} ${e.entity}`).sort()).toEqual(['/items/1/comment CARD_CVV', '/notes CREDIT_CARD']);
      expect(problem.detail).toContain('/notes');
      expect(guarded.handlerCalls()).toBe(before);
    });

    it('card data outside the forbidden fields is redacted, not refused', async () => {
      const res = await postJson(`${guarded.url}/echo`, JSON.stringify({ message: `card ${CARD}`, notes: 'call back tomorrow' }));
      expect(res.status).toBe(200);
      expectNoRaw(await res.text());
    });

    it('400 problem+json for malformed JSON, without quoting the body; the server keeps serving', async () => {
      const res = await postJson(`${guarded.url}/echo`, `{"message": "card ${CARD}", "cvv": 123,`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const text = await res.text();
      expectNoRaw(text);
      expect(text).not.toContain('4111');
      expect(JSON.parse(text)).toMatchObject({ status: 400, type: 'urn:caregate:problem:malformed-json' });
      expect((await fetch(`${guarded.url}/health`)).status).toBe(200);
    });

    it('400 problem+json for a JSON body that is only whitespace', async () => {
      const res = await fetch(`${guarded.url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '   ' });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({ status: 400, type: 'urn:caregate:problem:malformed-json' });
    });

    it('413 problem+json for a body over the limit declared by Content-Length', async () => {
      const before = guarded.handlerCalls();
      const res = await postJson(`${guarded.url}/echo`, JSON.stringify({ message: 'x'.repeat(64 * 1024) }));
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({ status: 413, limit: 4096 });
      expect(guarded.handlerCalls()).toBe(before);
    });

    it('413 for a chunked body that passes the limit while it streams in', async () => {
      const before = guarded.handlerCalls();
      const res = await postChunked(`${guarded.url}/echo`, 256, 1024);
      expect(res.status).toBe(413);
      expect(res.type).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(res.body)).toMatchObject({ status: 413 });
      expect(guarded.handlerCalls()).toBe(before);
      expect((await fetch(`${guarded.url}/health`)).status).toBe(200);
    });

    it('text/plain bodies are redacted as text', async () => {
      const res = await fetch(`${guarded.url}/echo`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: `write to ${EMAIL}` });
      const seen = (await res.json()) as { body: string };
      expect(seen.body).toBe('write to [EMAIL]');
    });

    it('response bodies are redacted when redactResponse is on', async () => {
      const res = await fetch(`${guarded.url}/reply`);
      expect(res.status).toBe(200);
      const text = await res.text();
      expectNoRaw(text);
      expect(JSON.parse(text)).toEqual({ note: 'card on file •••• •••• •••• 1111', contact: '[EMAIL]', status: 'active' });
    });
  });
}

export const REPLY_WITH_PII = { note: `card on file ${CARD}`, contact: EMAIL, status: 'active' };

import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { caregateExpress } from '../../src/integrations/express.js';
import { describeHttpContract, REPLY_WITH_PII, type StartServer } from './http-contract.js';

const startExpress: StartServer = async (options) => {
  let calls = 0;
  const app = express();
  app.use(caregateExpress(options));
  app.post('/echo', (req, res) => {
    calls++;
    res.json({ body: req.body, caregate: req.caregate });
  });
  app.get('/reply', (_req, res) => {
    res.json(REPLY_WITH_PII);
  });
  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    handlerCalls: () => calls,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
};

describeHttpContract('Express', startExpress);

describe('Express: wrapping a body parser that already ran', () => {
  it('checks and redacts the body express.json() produced', async () => {
    const app = express();
    app.use(express.json());
    app.use(caregateExpress({ forbid: { fields: ['/notes'] } }));
    app.post('/echo', (req, res) => {
      res.json(req.body);
    });
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/echo`;
    try {
      const ok = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'card 5555555555554444' }) });
      expect(await ok.json()).toEqual({ message: 'card ••••••••••••4444' });
      const refused = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ notes: 'card 5555555555554444' }) });
      expect(refused.status).toBe(422);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('Express: reserved member names', () => {
  it('a body with a "__proto__" member is refused with 400 problem+json', async () => {
    const app = express();
    app.use(caregateExpress({}));
    app.post('/echo', (req, res) => {
      res.json(req.body);
    });
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":{"__proto__":{"admin":true}}}' });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ title: 'The request body uses a reserved member name' });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { caregateFastify } from '../../src/integrations/fastify.js';
import { describeHttpContract, REPLY_WITH_PII, type StartServer } from './http-contract.js';

const startFastify: StartServer = async (options) => {
  let calls = 0;
  const app = Fastify();
  await app.register(caregateFastify, options);
  app.post('/echo', async (request) => {
    calls++;
    return { body: request.body, caregate: request.caregate };
  });
  app.get('/reply', async () => REPLY_WITH_PII);
  app.get('/health', async () => ({ ok: true }));
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: address, handlerCalls: () => calls, close: () => app.close() };
};

describeHttpContract('Fastify', startFastify);

describe('Fastify: other errors still reach the error handler that was there before', () => {
  it('a route error is answered by the previous handler, not as a body problem', async () => {
    const app = Fastify();
    app.setErrorHandler((_err, _req, reply) => reply.code(503).send({ mine: true }));
    await app.register(caregateFastify, {});
    app.get('/fail', async () => {
      throw new Error('boom');
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const res = await fetch(`${address}/fail`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ mine: true });
    } finally {
      await app.close();
    }
  });
});

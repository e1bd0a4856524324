import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import fc from 'fast-check';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KEY_HINTS } from '../../src/config.js';
import { createFormatStream, type FormatName } from '../../src/formats/index.js';
import { caregateExpress } from '../../src/integrations/express.js';
import { caregateFastify } from '../../src/integrations/fastify.js';
import { createRedactor, type Redactor } from '../../src/redactor.js';
import { formatCard, plainText, separatorStyle, validCard } from '../support/cards.js';

const redactor = createRedactor({ currentYear: 2026 });

// Every key hint, written the ways records spell keys ("card_number", "Card-Number", "cardNumber").
const HINT_KEYS = Object.keys(DEFAULT_KEY_HINTS);
const spelling = fc.constantFrom<(k: string) => string>((k) => k, (k) => k.toUpperCase(), (k) => k.replace(/(\d+)$/, '_$1'));

const cardText = fc.record({ c: validCard, style: separatorStyle }).map(({ c, style }) => formatCard(c.digits, style));
const ssnText = fc.tuple(fc.integer({ min: 100, max: 665 }), fc.integer({ min: 10, max: 99 }), fc.integer({ min: 1000, max: 9999 })).map(([a, g, s]) => `${a}-${g}-${s}`);
const hintedValue: fc.Arbitrary<unknown> = fc.oneof(
  cardText,
  cardText.map((c) => `card ${c}`),
  ssnText,
  fc.integer({ min: 0, max: 99_999_999 }),
  fc.constantFrom('+1 415 555 2671', '(415) 555-2671', 'maria.lopez@example.com', 'Maria Lopez', '1985-03-14', 'hunter2!', '94107', '10 Downing Street'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('•', '*', '[', ']', ' ', '-', '1', '2', 'x', 'A', '_'), maxLength: 12 }),
  fc.array(cardText, { maxLength: 2 }),
  fc.record({ inner: cardText }),
);

/** A record with every key hint (each spelt one of the usual ways), plus free text with a card in it. */
const record = fc
  .tuple(fc.array(fc.tuple(spelling, hintedValue), { minLength: HINT_KEYS.length, maxLength: HINT_KEYS.length }), plainText, cardText)
  .map(([values, text, card]) => {
    const r: Record<string, unknown> = {};
    HINT_KEYS.forEach((k, i) => (r[values[i]![0](k)] = values[i]![1]));
    r.notes = `${text} card ${card}`;
    return r;
  });

async function throughFormat(format: FormatName, r: Redactor, input: string): Promise<string> {
  const stream = createFormatStream(format, r);
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.end(input);
  await once(stream, 'end');
  return Buffer.concat(chunks).toString('utf8');
}

const csvField = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

describe('redacting twice changes nothing (issue 18 item 1)', () => {
  it('redactValue(redactValue(x).value).value deep-equals redactValue(x).value, and finds nothing more in key-hinted fields', () => {
    fc.assert(
      fc.property(record, (x) => {
        const once1 = redactor.redactValue(x);
        const twice = redactor.redactValue(once1.value);
        expect(twice.value).toEqual(once1.value);
        expect(twice.findings.filter((f) => f.ruleId.startsWith('key-hint:'))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('the same for every mask a key hint can use (last4 compact, bin-last4, full with another character, numbered labels, hmac)', () => {
    const redactors = [
      createRedactor({ currentYear: 2026, masks: { CREDIT_CARD: { type: 'last4', style: 'compact', char: '*' }, PHONE_NUMBER: { type: 'full', char: 'X' } } }),
      createRedactor({ currentYear: 2026, masks: { CREDIT_CARD: 'bin-last4', US_SSN: { type: 'label', numbered: true }, EMAIL: { type: 'hmac', length: 12 } }, hmacKey: 'a key of at least sixteen bytes' }),
    ];
    fc.assert(
      fc.property(record, fc.constantFrom(0, 1), (x, i) => {
        const r = redactors[i]!;
        const once1 = r.redactValue(x).value;
        expect(r.redactValue(once1).value).toEqual(once1);
      }),
      { numRuns: 100 },
    );
  });

  it('every format stream: text, JSON, NDJSON and CSV give back their own output unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 3 }), async (records) => {
        const keys = Object.keys(records[0]!);
        const inputs: [FormatName, string][] = [
          ['json', JSON.stringify(records, null, 2)],
          ['ndjson', records.map((x) => JSON.stringify(x)).join('\n') + '\n'],
          ['csv', [keys.map(csvField).join(','), ...records.map((x) => Object.values(x).map(csvField).join(','))].join('\n') + '\n'],
          ['text', records.map((x) => String(x.notes)).join('\n')],
        ];
        for (const [format, input] of inputs) {
          const first = await throughFormat(format, redactor, input);
          expect(await throughFormat(format, redactor, first), format).toBe(first);
        }
      }),
      { numRuns: 40 },
    );
  });

  describe('middleware with redactResponse: true', () => {
    let server: Server;
    let base: string;
    let fastify: FastifyInstance;

    beforeAll(async () => {
      const app = express();
      app.use(caregateExpress({ redactor, redactResponse: true }));
      app.post('/echo', (req, res) => {
        res.json(req.body);
      });
      server = app.listen(0, '127.0.0.1');
      await once(server, 'listening');
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      fastify = Fastify();
      await fastify.register(caregateFastify, { redactor, redactResponse: true });
      fastify.post('/echo', async (request) => request.body);
      await fastify.ready();
    });

    afterAll(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fastify.close();
    });

    it('an echo of the redacted request body comes back as redactValue(body): the response pass changes nothing', async () => {
      await fc.assert(
        fc.asyncProperty(record, async (x) => {
          const expected = redactor.redactValue(x).value;
          const body = JSON.stringify(x);
          const headers = { 'content-type': 'application/json' };
          const viaExpress = await (await fetch(`${base}/echo`, { method: 'POST', headers, body })).json();
          const viaFastify = (await fastify.inject({ method: 'POST', url: '/echo', headers, payload: body })).json();
          expect(viaExpress).toEqual(expected);
          expect(viaFastify).toEqual(expected);
        }),
        { numRuns: 30 },
      );
    });
  });
});

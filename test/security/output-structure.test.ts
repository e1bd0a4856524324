import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import fc from 'fast-check';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaregateError } from '../../src/errors.js';
import { caregateExpress } from '../../src/integrations/express.js';
import { caregateFastify } from '../../src/integrations/fastify.js';
import { quoteSensitiveIntegers } from '../../src/integrations/json-body-reader.js';
import { createRedactor } from '../../src/redactor.js';
import { validCard, withLuhn } from '../support/cards.js';

const redactor = createRedactor({ currentYear: 2026 });

function nestedObjects(depth: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

function nestedArrays(depth: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** A Luhn-valid 19-digit Visa-range number: above 2^53, so JSON.parse would round it. */
const unsafeCard = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 17, maxLength: 17 }).map((d) => withLuhn(`4${d.join('')}`));

describe('redactValue: depth, collisions, own members only (issue 15 item 7)', () => {
  it('objects 3,000 deep and arrays 2,000 deep are walked, the card at the bottom masked', () => {
    fc.assert(
      fc.property(validCard, fc.constantFrom(2_000, 3_000, 20_000), (card, depth) => {
        for (const value of [nestedObjects(depth, `card ${card.digits}`), nestedArrays(depth, `card ${card.digits}`)]) {
          const r = redactor.redactValue(value);
          // (JSON.stringify itself recurses: the leaf is reached by a loop.)
          let leaf: unknown = r.value;
          while (typeof leaf === 'object' && leaf !== null) leaf = Array.isArray(leaf) ? leaf[0] : (leaf as { a: unknown }).a;
          expect(leaf).toMatch(/^card [•\s]+\d{4}$/);
          expect(leaf).not.toContain(card.digits);
          expect(r.findings.map((f) => f.entity)).toContain('CREDIT_CARD');
          expect(r.findings[0]!.path.split('/')).toHaveLength(depth + 1);
        }
      }),
      { numRuns: 6 },
    );
  });

  it('two member names that collide once masked keep both values, the later one numbered', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 100, max: 999 }), { minLength: 2, maxLength: 5 }), (codes) => {
        const value = Object.fromEntries(codes.map((c, i) => [`cvv ${c}`, `value ${i}`]));
        const out = redactor.redactValue(value).value as Record<string, string>;
        expect(Object.keys(out)).toHaveLength(codes.length);
        expect(Object.values(out).sort()).toEqual(codes.map((_, i) => `value ${i}`).sort());
        const [first, ...rest] = Object.keys(out);
        rest.forEach((k, i) => expect(k).toBe(`${first} (${i + 2})`));
        for (const c of codes) expect(JSON.stringify(out)).not.toContain(String(c));
      }),
      { numRuns: 40 },
    );
  });

  it('a value under "constructor", "toString" or "__proto__" is scanned as data', () => {
    fc.assert(
      fc.property(fc.constantFrom('constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'), validCard, (key, card) => {
        const value = JSON.parse(`{${JSON.stringify(key)}: "plain words", "n": {${JSON.stringify(key)}: "card ${card.digits}"}}`) as Record<string, unknown>;
        const out = redactor.redactValue(value).value as Record<string, unknown>;
        expect(Object.getOwnPropertyDescriptor(out, key)?.value).toBe('plain words');
        const inner = Object.getOwnPropertyDescriptor(out.n, key)?.value as string;
        expect(inner).toMatch(/^card .*\d{4}$/);
        expect(inner).not.toContain(card.digits);
      }),
      { numRuns: 20 },
    );
  });

  it('a pack naming mask "constructor" or validator "constructor" is refused with a clear error', () => {
    const rule = (extra: Record<string, unknown>) => ({
      pack: 'own-members',
      version: '1.0.0',
      description: 'a pack whose names are Object.prototype members',
      rules: [
        {
          id: 'employee-id', entity: 'EMPLOYEE_ID', description: 'Employee badge numbers', regulations: ['internal policy 4.2'],
          detector: { keywords: ['badge'], value: [{ pattern: '\\s{1,3}#?(?<value>E\\d{6})\\b', maxLength: 20 }] },
          confidence: 0.9, mask: 'label',
          examples: { positive: [{ text: 'badge #E123456', match: 'E123456' }], negative: ['badge lost'] },
          ...extra,
        },
      ],
    });
    for (const [extra, code, words] of [
      [{ mask: 'constructor' }, 'E_MASK_UNKNOWN', /unknown mask "constructor"/],
      [{ validators: ['constructor'] }, 'E_RULE_VALIDATOR', /unknown validator "constructor"/],
    ] as const) {
      let thrown: unknown;
      try {
        createRedactor({ extraPacks: [rule(extra)] } as never);
      } catch (err) {
        thrown = err;
      }
      expect(thrown, JSON.stringify(extra)).toBeInstanceOf(CaregateError);
      expect((thrown as CaregateError).code).toBe(code);
      expect((thrown as CaregateError).message).toMatch(words);
    }
    expect(() => createRedactor({ masks: { CREDIT_CARD: 'constructor' } })).toThrow(/unknown mask "constructor"/);
  });
});

describe('mask characters (issue 15 item 10)', () => {
  it('a digit in any script is refused as mask character, with the option path', () => {
    fc.assert(
      fc.property(fc.constantFrom('0', '4', '9', '٤', '۴', '४', '৪', '４', '⁴', '④'), fc.constantFrom('last4', 'bin-last4', 'full'), (char, type) => {
        let thrown: unknown;
        try {
          createRedactor({ masks: { CREDIT_CARD: { type, char } } });
        } catch (err) {
          thrown = err;
        }
        expect(thrown).toBeInstanceOf(CaregateError);
        expect((thrown as CaregateError).message).toMatch(/mask character must not be a digit/);
        expect((thrown as CaregateError).location.path).toBe('masks.CREDIT_CARD.char');
      }),
      { numRuns: 30 },
    );
    expect(() => createRedactor({ masks: { CREDIT_CARD: { type: 'last4', char: '*' } } })).not.toThrow();
  });
});

describe('card numbers above 2^53 in request bodies (issue 15 item 8)', () => {
  let server: Server;
  let base: string;
  let fastify: FastifyInstance;

  beforeAll(async () => {
    const app = express();
    app.use(caregateExpress({ redactResponse: true }));
    app.post('/echo', (req, res) => {
      res.json({ body: req.body });
    });
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    fastify = Fastify();
    await fastify.register(caregateFastify, { redactResponse: true });
    fastify.post('/echo', async (request) => ({ body: request.body }));
    await fastify.ready();
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await fastify.close();
  });

  it('a card number written as an unsafe integer is masked by Express and Fastify, other big integers stay numbers', async () => {
    await fc.assert(
      fc.asyncProperty(unsafeCard, async (digits) => {
        const body = `{"n": ${digits}, "nested": [{"m": -${digits}}], "s": "${digits} in a string", "id": 12345678901234567890}`;
        const viaExpress = await (await fetch(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).text();
        const viaFastify = (await fastify.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: body })).body;
        for (const text of [viaExpress, viaFastify]) {
          // Neither the number nor its first 16 digits (what rounding to a Number would keep) get through.
          expect(text).not.toContain(digits.slice(0, 16));
          const out = JSON.parse(text) as { body: { n: string; nested: [{ m: string }]; id: unknown } };
          expect(out.body.n).toMatch(/^[•\s]+\d{4}$/);
          expect(out.body.n.endsWith(digits.slice(-4))).toBe(true);
          expect(out.body.nested[0].m.endsWith(digits.slice(-4))).toBe(true);
          expect(typeof out.body.id).toBe('number');
        }
      }),
      { numRuns: 15 },
    );
  });

  it('quoteSensitiveIntegers leaves strings, decimals, safe integers and non-card integers alone', () => {
    fc.assert(
      fc.property(unsafeCard, (digits) => {
        const isCard = (d: string) => redactor.detect(d).length > 0;
        const source = `{"a": "${digits}", "b": ${digits}.5, "c": ${digits}e2, "d": 9007199254740991, "e": [${digits}], "f": "\\"${digits}"}`;
        const out = quoteSensitiveIntegers(source, isCard);
        expect(out).toBe(source.replace(`[${digits}]`, `["${digits}"]`));
        expect(JSON.parse(out).e).toEqual([digits]);
      }),
      { numRuns: 30 },
    );
  });

  it('a body nested 3,000 deep is answered 200 (redacted), not 500; "[" × 3,000 unclosed gets 400', async () => {
    const card = withLuhn('4'.padEnd(15, '2'));
    const deep = `${'['.repeat(3000)}"card ${card}"${']'.repeat(3000)}`;
    const unclosed = '['.repeat(3000);
    for (const [body, status] of [
      [deep, 200],
      [unclosed, 400],
    ] as const) {
      const viaExpress = await fetch(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const viaFastify = await fastify.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: body });
      expect(viaExpress.status).toBe(status);
      expect(viaFastify.statusCode).toBe(status);
      expect(await viaExpress.text()).not.toContain(card);
      expect(viaFastify.body).not.toContain(card);
    }
  });
});

import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import pino, { type Logger } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { createRedactingDestination, pinoRedactionOptions, withRedaction } from '../../src/integrations/index.js';
import { formatCard, separatorStyle, validCard } from '../support/cards.js';

const redactor = createRedactor({ currentYear: 2026 });
const CARD = '4111 1111 1111 1111';
const MC = '5555555555554444';
const AMEX = '378282246310005';
// Fixed time and base so lines from different loggers can be compared byte for byte.
const FIXED = { base: { pid: 7, hostname: 'care-1' }, timestamp: () => ',"time":1700000000000' };

function collector() {
  const lines: string[] = [];
  return { lines, write: (s: string) => void lines.push(s) };
}

/** The same log calls through each way of plugging caregate in. */
function loggers(): Array<{ name: string; logger: Logger; lines: string[] }> {
  const viaOptions = collector();
  const viaDestination = collector();
  return [
    { name: 'pino options', logger: pino({ ...FIXED, ...pinoRedactionOptions({ redactor }) }, viaOptions), lines: viaOptions.lines },
    { name: 'destination', logger: pino(FIXED, createRedactingDestination(viaDestination, { redactor })), lines: viaDestination.lines },
  ];
}

describe.each(loggers())('pino: $name', ({ logger, lines }) => {
  it('a card in the message, a nested object, an Error message and its stack: none of it is written, the rest is intact', () => {
    lines.length = 0;
    const err = new Error(`charge declined for ${AMEX}`);
    logger.error({ err, order: { id: 'A-1009', items: [{ sku: 'KB-1', note: `paid with ${MC}` }], payment: { cvv: '123' } } }, `customer read out ${CARD} on the call`);
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    for (const raw of [CARD, '4111111111111111', MC, AMEX, '"123"']) expect(line).not.toContain(raw);
    const record = JSON.parse(line);
    expect(record).toMatchObject({ level: 50, time: 1700000000000, pid: 7, hostname: 'care-1', msg: 'customer read out •••• •••• •••• 1111 on the call' });
    expect(record.order).toEqual({ id: 'A-1009', items: [{ sku: 'KB-1', note: 'paid with ••••••••••••4444' }], payment: { cvv: '[CARD_CVV]' } });
    expect(record.err.type).toBe('Error');
    expect(record.err.message).toBe('charge declined for •••••••••••0005');
    expect(record.err.stack).toMatch(/^Error: charge declined for •••••••••••0005\n\s+at /);
    expect(record.err.stack).toContain('pino.test.ts');
  });

  it('a card split between the message template and an interpolated argument is caught after interpolation', () => {
    lines.length = 0;
    logger.info('card %s cvv %d', '4111111111111111', 123);
    expect(JSON.parse(lines[0]!).msg).toBe('card ••••••••••••1111 cvv [CARD_CVV]');
  });

  it('child bindings and an Error logged on its own are scrubbed', () => {
    lines.length = 0;
    logger.child({ customer: 'bob.stone@example.com' }).warn(new Error(`refund to ${MC} failed`));
    const record = JSON.parse(lines[0]!);
    expect(record.customer).toBe('[EMAIL]');
    expect(record.msg).toBe('refund to ••••••••••••4444 failed');
    expect(record.err.stack).not.toContain(MC);
  });
});

describe('pino: clean lines pass through unchanged', () => {
  it('a record without PII is written byte for byte as plain pino writes it', () => {
    const plain = collector();
    const [viaOptions, viaDestination] = loggers();
    const call = (l: Logger) => l.info({ order: { id: 'A-1009', status: 'shipped', items: [1, 2, 3] }, attempt: 2 }, 'order shipped to the warehouse');
    call(pino(FIXED, plain));
    call(viaOptions!.logger);
    call(viaDestination!.logger);
    expect(viaOptions!.lines).toEqual(plain.lines);
    expect(viaDestination!.lines).toEqual(plain.lines);
  });

  it('the destination works as pino\'s only argument (pino recognises it as a stream, not as options)', () => {
    const out = collector();
    const logger = pino(createRedactingDestination(out, { redactor }));
    logger.info(`card ${CARD}`);
    expect(out.lines).toHaveLength(1);
    expect(JSON.parse(out.lines[0]!).msg).toBe('card •••• •••• •••• 1111');
  });

  it('withRedaction keeps your options and runs your streamWrite hook first', () => {
    const out = collector();
    const logger = pino(withRedaction({ ...FIXED, level: 'debug', hooks: { streamWrite: (s: string) => s.replace('agent-7', `agent ${MC}`) } }, { redactor }), out);
    logger.debug('handled by agent-7');
    expect(JSON.parse(out.lines[0]!)).toMatchObject({ level: 20, msg: 'handled by agent ••••••••••••4444' });
  });

  it('onRedaction reports pointers and entities, never values', () => {
    const reports: unknown[] = [];
    const logger = pino({ ...FIXED, ...pinoRedactionOptions({ redactor, onRedaction: (r) => reports.push(r) }) }, collector());
    logger.info('nothing here');
    logger.info({ user: { email: 'bob.stone@example.com' } }, 'updated');
    expect(reports).toHaveLength(1);
    expect(JSON.stringify(reports)).not.toContain('bob.stone');
    expect(reports[0]).toMatchObject({ findings: [{ path: '/user/email', entity: 'EMAIL' }], withheld: false });
  });
});

describe('pino: transport target in pino\'s worker thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caregate-pino-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scrubs lines in the worker and writes them to the destination file', async () => {
    const file = join(dir, 'app.log');
    // Installed, the target is dist/integrations/pino-transport.js (pinoTransportTarget); here a shim runs the source through tsx.
    const target = fileURLToPath(new URL('./pino-transport-under-tsx.mjs', import.meta.url));
    const transport = pino.transport({ target, options: { destination: file, redactor: { currentYear: 2026 } } });
    await once(transport, 'ready'); // starting the worker is not part of what end() waits for
    const logger = pino(FIXED, transport);
    logger.info({ payment: { note: `card ${CARD}` } }, `callback for bob.stone@example.com`);
    logger.info('nothing to hide');
    transport.end();
    await once(transport, 'close');
    const written = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(written).toHaveLength(2);
    expect(written[0]).toMatchObject({ msg: 'callback for [EMAIL]', payment: { note: 'card •••• •••• •••• 1111' } });
    expect(written[1]).toMatchObject({ msg: 'nothing to hide', pid: 7 });
  });
});

// ---- fast-check: random log records with PII embedded ----

const WORDS = ['order', 'shipped', 'refund', 'queue', 'agent', 'ticket', 'status', 'pending', 'retry', 'the', 'was', 'for'];
const KEYS = ['orderId', 'status', 'note', 'detail', 'step', 'queue', 'items', 'context', 'attempt'];
const safeText = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const email = fc.tuple(fc.constantFrom('bob', 'ana', 'li', 'sam'), fc.constantFrom('stone', 'ortiz', 'wu'), fc.integer({ min: 1, max: 99 })).map(([a, b, n]) => `${a}.${b}${n}@example.com`);
const card = fc.tuple(validCard, separatorStyle).map(([c, style]) => ({ text: formatCard(c.digits, style), digits: c.digits }));
const pii = fc.oneof(card.map((c) => ({ text: c.text, raws: [c.text, c.digits] })), email.map((e) => ({ text: e, raws: [e] })));
const withPii = fc.tuple(safeText, pii, safeText).map(([a, p, b]) => ({ text: `${a} ${p.text} ${b}`, raws: p.raws }));

type Leaf = { text: string; raws: string[] };
/** A nested object of safe strings and numbers, with PII-bearing strings at random places. */
const tree: fc.Arbitrary<{ value: unknown; raws: string[] }> = fc.letrec<{ node: { value: unknown; raws: string[] } }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    safeText.map((t) => ({ value: t, raws: [] })),
    fc.integer({ min: 0, max: 100_000 }).map((n) => ({ value: n, raws: [] })),
    withPii.map((l: Leaf) => ({ value: l.text, raws: l.raws })),
    fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 4 }).map((d) => ({
      value: Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v.value])),
      raws: Object.values(d).flatMap((v) => v.raws),
    })),
    fc.array(tie('node'), { maxLength: 3 }).map((items) => ({ value: items.map((i) => i.value), raws: items.flatMap((i) => i.raws) })),
  ),
})).node;

const record = fc.record({
  msg: fc.oneof(safeText.map((t) => ({ text: t, raws: [] as string[] })), withPii),
  context: tree,
  error: fc.option(withPii, { nil: undefined }),
  safe: fc.dictionary(fc.constantFrom(...KEYS), safeText, { maxKeys: 3 }),
});

describe('pino: fast-check over random log records with PII embedded', () => {
  it('no raw PII is written, the line stays JSON, and fields without PII are unchanged (both integrations agree)', () => {
    const [viaOptions, viaDestination] = loggers();
    fc.assert(
      fc.property(record, ({ msg, context, error, safe }) => {
        const raws = [...msg.raws, ...context.raws, ...(error?.raws ?? [])];
        const fields: Record<string, unknown> = { context: context.value, safe };
        if (error) fields.err = new Error(error.text);
        for (const { logger, lines } of [viaOptions!, viaDestination!]) {
          lines.length = 0;
          logger.info(fields, msg.text);
          const line = lines[0]!;
          for (const raw of raws) expect(line).not.toContain(raw);
          const out = JSON.parse(line);
          expect(out.safe).toEqual(safe);
          expect(out.level).toBe(30);
          if (!msg.raws.length) expect(out.msg).toBe(msg.text);
          if (error) expect(out.err.stack.split('\n')[1]).toMatch(/^\s+at /);
        }
        expect(viaDestination!.lines).toEqual(viaOptions!.lines);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('records without PII come out exactly as plain pino writes them', () => {
    const plain = collector();
    const plainLogger = pino(FIXED, plain);
    const [viaOptions] = loggers();
    const cleanTree = tree.filter((t) => t.raws.length === 0);
    fc.assert(
      fc.property(cleanTree, safeText, (context, msg) => {
        plain.lines.length = 0;
        viaOptions!.lines.length = 0;
        plainLogger.info({ context: context.value }, msg);
        viaOptions!.logger.info({ context: context.value }, msg);
        expect(viaOptions!.lines).toEqual(plain.lines);
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});

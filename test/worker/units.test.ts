import fc from 'fast-check';
import { headers as natsHeaders } from 'nats';
import { describe, expect, it } from 'vitest';
import { CaregateError } from '../../src/errors.js';
import { createFormatStream, type FormatName } from '../../src/formats/index.js';
import { createRedactor } from '../../src/redactor.js';
import {
  backoffFor,
  chooseFormat,
  classifyError,
  consumerConfig,
  deadLetterSubject,
  newStats,
  outputSubject,
  parseWorkerOptions,
  redactPayload,
  renderMetrics,
  safeMessage,
  subjectSuffix,
} from '../../src/worker/index.js';
import { WORKER_YOUNG_GENERATION_MB, youngGenerationFor } from '../../src/worker/thread-host.js';

const redactor = createRedactor({ currentYear: 2026 });

function viaFormatStream(payload: Uint8Array, format: FormatName = 'text', invalidUtf8: 'replace' | 'error' = 'replace'): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = createFormatStream(format, redactor, { invalidUtf8, source: 'message' });
    const chunks: Buffer[] = [];
    s.on('data', (c: Buffer) => chunks.push(c));
    s.once('error', reject);
    s.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    s.end(payload);
  });
}

describe('worker options', () => {
  it('has documented defaults and maps subjects by suffix', () => {
    const o = parseWorkerOptions({});
    expect(o.inputSubject).toBe('transcripts.raw.>');
    expect(subjectSuffix(o, 'transcripts.raw.eu.call-1')).toBe('eu.call-1');
    expect(subjectSuffix(o, 'transcripts.rawx.a')).toBeUndefined();
    expect(subjectSuffix(o, 'transcripts.raw.')).toBeUndefined();
    expect(outputSubject(o, 'eu.call-1')).toBe('transcripts.clean.eu.call-1');
    expect(deadLetterSubject(o, 'eu.call-1')).toBe('transcripts.dead.eu.call-1');
    expect([1, 2, 3, 4, 9].map((d) => backoffFor(o, d))).toEqual([1000, 5000, 15000, 30000, 30000]);
  });

  it('refuses output or dead-letter subjects that overlap the input, and unknown options', () => {
    expect(() => parseWorkerOptions({ outputPrefix: 'transcripts.raw' })).toThrow(/overlaps the input/);
    expect(() => parseWorkerOptions({ outputPrefix: 'transcripts.raw.clean' })).toThrow(/overlaps the input/);
    expect(() => parseWorkerOptions({ deadLetterPrefix: 'transcripts.clean.dead' })).toThrow(/output prefix/);
    expect(() => parseWorkerOptions({ outputStream: 'TRANSCRIPTS_RAW' })).toThrow(/three different streams/);
    expect(() => parseWorkerOptions({ cleanObjectBucket: 'transcripts-raw' })).toThrow(/own bucket/);
    expect(() => parseWorkerOptions({ inputSubject: 'transcripts.*' })).toThrow(/inputSubject/);
    expect(() => parseWorkerOptions({ concurency: 3 })).toThrow(/unknown option "concurency"/);
    expect(() => parseWorkerOptions({ maxDeliver: 0 })).toThrow(expect.objectContaining({ code: 'E_CONFIG', name: 'CaregateError' }));
  });

  it('gives the consumer max_deliver = maxDeliver + deadLetterAttempts and no server backoff (it would stretch the nak delays)', () => {
    const c = consumerConfig(parseWorkerOptions({ maxDeliver: 5, ackWaitMs: 10_000 }));
    expect(c.max_deliver).toBe(8);
    expect(c.ack_wait).toBe(10_000 * 1e6);
    expect(c.backoff).toBeUndefined();
  });
});

describe('worker heap', () => {
  it('gives the worker thread a larger young generation unless node flags size the heap', () => {
    expect(youngGenerationFor([], '')).toBe(WORKER_YOUNG_GENERATION_MB);
    expect(youngGenerationFor(['--enable-source-maps'], '--no-warnings')).toBe(WORKER_YOUNG_GENERATION_MB);
    expect(youngGenerationFor(['--max-old-space-size=96'], '')).toBeUndefined();
    expect(youngGenerationFor([], '--max-semi-space-size=32')).toBeUndefined();
    expect(youngGenerationFor(['--max_semi_space_size=8'], '')).toBeUndefined();
  });
});

describe('message format', () => {
  const h = (pairs: Record<string, string>) => {
    const x = natsHeaders();
    for (const [k, v] of Object.entries(pairs)) x.set(k, v);
    return x;
  };
  it('takes Caregate-Format, then Content-Type, then the configured format', () => {
    expect(chooseFormat(h({ 'Caregate-Format': 'CSV', 'Content-Type': 'application/json' }), undefined, 'text')).toBe('csv');
    expect(chooseFormat(h({ 'Content-Type': 'application/x-ndjson; charset=utf-8' }), undefined, 'text')).toBe('ndjson');
    expect(chooseFormat(h({ 'Content-Type': 'application/octet-stream' }), undefined, 'json')).toBe('json');
    expect(chooseFormat(undefined, Buffer.from('a,b\n1,2\n3,4\n'), 'sniff')).toBe('csv');
    expect(() => chooseFormat(h({ 'Caregate-Format': 'yaml' }), undefined, 'text')).toThrow(/unknown Caregate-Format/);
  });

  it('text shortcut gives exactly the text format stream output', async () => {
    const pieces = ['card 4111 1111 1111 1111', ' cvv 123', ' mail a.b@example.com', ' call +1 415 555 0100', '\uFEFF', 'é', '😀', '\n', ' ', 'ssn 078-05-1120'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string()), { maxLength: 12 }), async (parts) => {
        const payload = Buffer.from(parts.join(''), 'utf8');
        const fast = await redactPayload(redactor, 'text', payload, 'error');
        expect(Buffer.from(fast.data).toString('utf8')).toBe(await viaFormatStream(payload));
      }),
      { seed: 9, numRuns: 150 },
    );
  });

  it('structured payloads give exactly the format stream output, or fail with its error', async () => {
    const pii = ['card 4111 1111 1111 1111', 'cvv 123', 'a.b@example.com', '+1 415 555 0100', 'ssn 078-05-1120', 'é😀', '"', ',', '\n', '{', '\\'];
    const text = fc.array(fc.oneof(fc.constantFrom(...pii), fc.string()), { maxLength: 5 }).map((p) => p.join(' '));
    const key = fc.constantFrom('note', 'cvv', 'email', 'card_number', 'x');
    const record = fc.dictionary(key, fc.oneof(text, fc.integer(), fc.constant(4111111111111111)), { maxKeys: 4 });
    const payload = fc.oneof(
      fc.tuple(fc.constant<FormatName>('json'), fc.oneof(record.map((r) => JSON.stringify(r)), fc.array(record, { maxLength: 3 }).map((r) => JSON.stringify(r, null, 1)))),
      fc.tuple(fc.constant<FormatName>('ndjson'), fc.array(record, { maxLength: 4 }).map((rs) => rs.map((r) => JSON.stringify(r)).join('\n'))),
      fc.tuple(fc.constant<FormatName>('csv'), fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 4 }).map((rows) => `note,email\n${rows.map(([a, b]) => `"${a.replace(/"/g, '""')}",${b.replace(/[",\n\r]/g, ' ')}`).join('\n')}\n`)),
      // Malformed or cut short: both sides must refuse it the same way.
      fc.tuple(fc.constantFrom<FormatName>('json', 'ndjson', 'csv'), fc.oneof(fc.string(), text.map((t) => `{"note":"${t}`))),
    );
    await fc.assert(
      fc.asyncProperty(payload, fc.boolean(), async ([format, body], trailing) => {
        const bytes = Buffer.from(trailing ? `${body}\n` : body, 'utf8');
        const viaStream = await viaFormatStream(bytes, format, 'error').then((t) => ({ ok: t }), (e: CaregateError) => ({ code: e.code, message: e.message }));
        const direct = await redactPayload(redactor, format, bytes, 'error').then((r) => ({ ok: Buffer.from(r.data).toString('utf8') }), (e: CaregateError) => ({ code: e.code, message: e.message }));
        expect(direct).toEqual(viaStream);
      }),
      { seed: 24, numRuns: 300 },
    );
  });

  it('undecodable text fails with E_UTF8 naming the byte (or is replaced when configured)', async () => {
    const bad = Buffer.from([0x61, 0x62, 0xff, 0x63]);
    await expect(redactPayload(redactor, 'text', bad, 'error')).rejects.toMatchObject({ code: 'E_UTF8', location: { byte: 2 } });
    const ok = await redactPayload(redactor, 'text', bad, 'replace');
    expect(Buffer.from(ok.data).toString('utf8')).toBe('ab\uFFFDc');
  });

  it('counts findings per entity, never values', async () => {
    const r = await redactPayload(redactor, 'json', Buffer.from('{"note":"card 4111111111111111","cvv":"123"}'), 'error');
    expect(r.summary.byEntity.CREDIT_CARD).toBe(1);
    expect(JSON.stringify(r.summary)).not.toContain('4111');
    expect(Buffer.from(r.data).toString()).not.toContain('4111111111111111');
  });
});

describe('errors and metrics', () => {
  it('classifies input errors as poison, others as transient, with digits blanked', () => {
    const c = classifyError(new CaregateError('E_JSON', 'not valid JSON at line 3 (byte 41): 4111', { line: 3, byte: 41 }));
    expect(c).toEqual({ kind: 'poison', code: 'E_JSON', message: 'caregate: not valid JSON at line # (byte ##): ####', line: 3, byte: 41 });
    expect(classifyError(Object.assign(new Error('TIMEOUT'), { code: 'TIMEOUT' }))).toMatchObject({ kind: 'transient', code: 'E_NATS_TIMEOUT' });
    expect(safeMessage('a\r\nb\u00e9 12')).toBe('a b? ##');
  });

  it('renders Prometheus text', () => {
    const s = newStats();
    s.redacted = 7;
    s.byEntity = { CREDIT_CARD: 3, 'X"Y': 1 };
    s.errorsByCode = { E_JSON: 2 };
    const text = renderMetrics(s, 'c1');
    expect(text).toContain('# TYPE caregate_worker_messages_total counter');
    expect(text).toContain('caregate_worker_messages_total{consumer="c1",outcome="redacted"} 7');
    expect(text).toContain('caregate_worker_findings_total{consumer="c1",entity="CREDIT_CARD"} 3');
    expect(text).toContain('caregate_worker_findings_total{consumer="c1",entity="X\\"Y"} 1');
    expect(text).toContain('caregate_worker_errors_total{consumer="c1",code="E_JSON"} 2');
    for (const line of text.trim().split('\n')) expect(line).toMatch(/^(# (HELP|TYPE) \S+ .+|[a-z_]+\{[^}]*\} [0-9.e+-]+)$/);
  });
});

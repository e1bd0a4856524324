import type { MsgHdrs } from 'nats';
import { CaregateError } from '../errors.js';
import { createFormatStream, isFormatName, sniffFormat, type FormatName, type FormatSummary } from '../formats/index.js';
import type { Redactor } from '../redactor.js';
import type { ResolvedWorkerOptions } from './config.js';

/** Headers the worker reads and writes. Values are identifiers, counts, codes: never content. */
export const HEADERS = {
  format: 'Caregate-Format',
  contentType: 'Content-Type',
  object: 'Caregate-Object',
  objectBucket: 'Caregate-Object-Bucket',
  input: 'Caregate-Input',
  findings: 'Caregate-Findings',
  entities: 'Caregate-Entities',
  msgId: 'Nats-Msg-Id',
  errorCode: 'Caregate-Error-Code',
  error: 'Caregate-Error',
  errorKind: 'Caregate-Error-Kind',
  errorLine: 'Caregate-Error-Line',
  errorByte: 'Caregate-Error-Byte',
  deliveries: 'Caregate-Deliveries',
  inputSubject: 'Caregate-Input-Subject',
  inputMsgId: 'Caregate-Input-Msg-Id',
  deadLetterPayload: 'Caregate-Dead-Letter-Payload',
} as const;

export const CONTENT_TYPES: Readonly<Record<FormatName, string>> = {
  text: 'text/plain; charset=utf-8',
  ndjson: 'application/x-ndjson',
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
};

const BY_CONTENT_TYPE: Readonly<Record<string, FormatName>> = {
  'text/plain': 'text',
  'application/json': 'json',
  'text/json': 'json',
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
  'application/x-jsonlines': 'ndjson',
  'application/jsonlines': 'ndjson',
  'text/csv': 'csv',
  'application/csv': 'csv',
};

/**
 * The format of a message: the Caregate-Format header, else a known Content-Type, else the configured format
 * ("sniff" guesses from the first bytes). An unknown Caregate-Format value is an error (E_FORMAT), never a guess.
 */
export function chooseFormat(headers: MsgHdrs | undefined, head: Uint8Array | undefined, fallback: ResolvedWorkerOptions['format']): FormatName {
  const named = headers?.get(HEADERS.format).trim().toLowerCase();
  if (named) {
    if (isFormatName(named)) return named;
    throw new CaregateError('E_FORMAT', `unknown ${HEADERS.format} header; use text, ndjson, json or csv`);
  }
  const ct = headers?.get(HEADERS.contentType).split(';')[0]!.trim().toLowerCase();
  if (ct) {
    const f = BY_CONTENT_TYPE[ct];
    if (f) return f;
  }
  if (fallback === 'sniff') return head ? sniffFormat(head) : 'text';
  return fallback;
}

export interface RedactedPayload {
  data: Uint8Array;
  summary: FormatSummary;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Redacts one whole payload the way the format's stream would (the same code as files and objects). Text that
 * decodes as UTF-8 takes a shortcut: the text format is by definition redact() of the whole decoded text (BOM
 * dropped), about four times cheaper for a small message. Anything else, including undecodable text, goes
 * through the format's synchronous side (redactChunk, redactEnd: what the stream's transform and flush call),
 * which names the bad byte.
 */
export async function redactPayload(redactor: Redactor, format: FormatName, payload: Uint8Array, invalidUtf8: 'replace' | 'error'): Promise<RedactedPayload> {
  if (format === 'text') {
    let text: string | undefined;
    try {
      text = strictUtf8.decode(payload);
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      const r = redactor.redact(text);
      const byEntity = new Map<string, number>();
      for (const f of r.findings) byEntity.set(f.entity, (byEntity.get(f.entity) ?? 0) + 1);
      return {
        data: Buffer.from(r.text, 'utf8'),
        summary: {
          format: 'text',
          findings: r.findings.length,
          byEntity: Object.fromEntries([...byEntity].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
          records: 0,
          scanErrors: r.errors.length,
        },
      };
    }
  }
  return wholePayload(redactor, format, payload, invalidUtf8);
}

/**
 * The payload is all in memory, so the format is driven directly: one redactChunk and redactEnd, then the
 * vault flush the stream's end would wait for. Writing it through the Transform instead (write, push, 'data'
 * and 'end' events, a Buffer per pushed piece, a concat, and the promise turns between them) only added CPU
 * and garbage per message; the output bytes and errors are the same (a property test compares them).
 */
async function wholePayload(redactor: Redactor, format: FormatName, payload: Uint8Array, invalidUtf8: 'replace' | 'error'): Promise<RedactedPayload> {
  const f = createFormatStream(format, redactor, { invalidUtf8, source: 'message' });
  const text = f.redactChunk(payload) + f.redactEnd();
  // Tokens handed out for this payload are durable in the vault before its output is published.
  await redactor.tokens?.flush();
  return { data: Buffer.from(text, 'utf8'), summary: f.summary() };
}

/** Errors a redelivery cannot fix (the input itself is bad) vs errors that may pass on a later try. */
export type ErrorKind = 'poison' | 'transient';

const POISON_CODES = new Set(['E_JSON', 'E_CSV', 'E_NDJSON', 'E_UTF8', 'E_FORMAT', 'E_SUBJECT', 'E_OBJECT', 'E_INPUT', 'E_MAX_DELIVER']);

export interface ClassifiedError {
  kind: ErrorKind;
  code: string;
  /** Safe to put in a header or a log: digits blanked, one line, at most 300 characters. */
  message: string;
  line?: number;
  byte?: number;
}

export function classifyError(err: unknown): ClassifiedError {
  if (err instanceof CaregateError) {
    return {
      kind: POISON_CODES.has(err.code) ? 'poison' : 'transient',
      code: err.code,
      message: safeMessage(err.message),
      ...(err.location.line !== undefined ? { line: err.location.line } : {}),
      ...(err.location.byte !== undefined ? { byte: err.location.byte } : {}),
    };
  }
  const e = err as { code?: unknown; message?: unknown; name?: unknown };
  const natsCode = typeof e?.code === 'string' || typeof e?.code === 'number' ? String(e.code) : undefined;
  return {
    kind: 'transient',
    code: natsCode ? `E_NATS_${natsCode.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}` : 'E_INTERNAL',
    message: safeMessage(typeof e?.message === 'string' ? e.message : String(err)),
  };
}

/** Digits blanked (a message must never carry a number from the input), one line, bounded. */
export function safeMessage(message: string): string {
  return message
    .replace(/\d/g, '#')
    .replace(/[\r\n\t\0]+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '?')
    .slice(0, 300);
}

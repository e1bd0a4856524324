import { z } from 'zod';
import type { RedactorConfig } from '../config.js';
import { CaregateError } from '../errors.js';
import { nearestName } from '../nearest-name.js';

const subjectToken = /^[^\s.*>]+$/;
const literalPrefix = z
  .string()
  .min(1)
  .refine((s) => s.split('.').every((t) => subjectToken.test(t)), 'a literal subject prefix such as "transcripts.clean" (no wildcards, no empty tokens)');
const name = z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" and "-" only');

export const workerOptionsSchema = z.strictObject({
  /** NATS servers, e.g. "nats://127.0.0.1:4222" or a list. */
  servers: z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1)], { error: 'a NATS server URL such as "nats://localhost:4222", or a non-empty list of them' })
    .default('nats://127.0.0.1:4222'),
  /** Connection name shown by the server (monitoring). */
  connectionName: z.string().default('caregate-worker'),
  /** The work-queue stream holding the raw input. */
  stream: name.default('TRANSCRIPTS_RAW'),
  /** Subjects of the raw input: a literal prefix followed by ">" (the suffix is kept on the output subject). */
  inputSubject: z
    .string()
    .regex(/^[^\s*>]+\.>$/, 'a literal prefix followed by ".>", e.g. "transcripts.raw.>"')
    .default('transcripts.raw.>'),
  /** The stream capturing the output (its duplicate window de-duplicates redeliveries). */
  outputStream: name.default('TRANSCRIPTS_CLEAN'),
  /** Output subject = outputPrefix + "." + the input subject's suffix. */
  outputPrefix: literalPrefix.default('transcripts.clean'),
  /** Stream capturing dead letters. */
  deadLetterStream: name.default('TRANSCRIPTS_DEAD'),
  /** Dead-letter subject = deadLetterPrefix + "." + the input subject's suffix. */
  deadLetterPrefix: literalPrefix.default('transcripts.dead'),
  /** What a dead letter carries: the raw input (default, so nothing is lost; restrict the dead-letter stream), the input redacted as plain text, or nothing. */
  deadLetterPayload: z.enum(['raw', 'redacted-text', 'none']).default('raw'),
  /** The durable pull consumer shared by every worker. */
  consumer: name.default('caregate-redactor'),
  /** Format when the message has neither a Caregate-Format nor a known Content-Type header; "sniff" guesses from the first bytes. */
  format: z.enum(['text', 'ndjson', 'json', 'csv', 'sniff']).default('text'),
  /** Deliveries before a failing message is dead-lettered (the consumer's max_deliver is this plus deadLetterAttempts). */
  maxDeliver: z.number().int().min(1).max(1000).default(5),
  /** Extra deliveries the server allows after maxDeliver, used only to retry a dead-letter publish that failed. */
  deadLetterAttempts: z.number().int().min(0).max(100).default(3),
  /** Delay before retry k (nak with delay), milliseconds; the last value repeats. */
  backoffMs: z.array(z.number().int().min(0)).min(1).default([1000, 5000, 15000, 30000]),
  /** The consumer's ack wait: an unacked delivery (crashed worker) is redelivered after this. */
  ackWaitMs: z.number().int().min(1000).default(30_000),
  /** Output stream duplicate window (de-duplication of redeliveries by Nats-Msg-Id). */
  duplicateWindowMs: z.number().int().min(1000).default(120_000),
  /**
   * Messages in flight in one worker process: pulled and being redacted, or waiting for the publish ack of
   * their output. Publishes are pipelined up to this bound instead of waiting for each in turn.
   */
  concurrency: z.number().int().min(1).max(4096).default(128),
  /** Messages of at least this many bytes are redacted on worker threads, so the event loop keeps flowing. */
  largeMessageBytes: z.number().int().min(1024).default(262_144),
  /** Worker threads for large messages (default: the cores less one, at least one). */
  threads: z.number().int().min(1).max(64).optional(),
  /**
   * Messages pulled per pull request (default: concurrency). Pulls are refilled as messages finish, so at
   * most `prefetch` messages wait in the client beside the `concurrency` in flight: memory stays bounded
   * under any backlog.
   */
  prefetch: z.number().int().min(1).max(10_000).optional(),
  /** Object store bucket holding large raw transcripts (messages with a Caregate-Object header). */
  objectBucket: name.default('transcripts-raw'),
  /** Object store bucket receiving the redacted objects. */
  cleanObjectBucket: name.default('transcripts-clean'),
  /** Delete the raw object once its redacted copy is stored and referenced. */
  deleteInputObjects: z.boolean().default(false),
  /** Object chunks fetched at a time when reading a raw object (bounds memory: chunks × chunk size). */
  objectReadAhead: z.number().int().min(1).max(64).default(4),
  /** Serve Prometheus metrics on 127.0.0.1:<port> (0 = any free port); off when absent. */
  metricsPort: z.number().int().min(0).max(65535).optional(),
  metricsHost: z.string().default('127.0.0.1'),
  /** A pino 'progress' event every this many processed messages, and at least every statsIntervalMs when busy. */
  logEveryMessages: z.number().int().min(1).default(1000),
  statsIntervalMs: z.number().int().min(100).default(10_000),
  /** What to do with bytes that are not UTF-8; the worker default is to treat them as poison. */
  invalidUtf8: z.enum(['replace', 'error']).default('error'),
  /** Redactor configuration (createRedactor's options). */
  redactor: z.custom<RedactorConfig>((v) => v !== null && typeof v === 'object', 'an object of redactor options').default({}),
});

export type WorkerOptions = z.input<typeof workerOptionsSchema>;
export type ResolvedWorkerOptions = z.output<typeof workerOptionsSchema>;

export function parseWorkerOptions(input: unknown): ResolvedWorkerOptions {
  const parsed = workerOptionsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      const options = Object.keys(workerOptionsSchema.shape);
      const near = issue.keys.length === 1 ? nearestName(issue.keys[0]!, options) : undefined;
      message = `unknown option ${issue.keys.map((k) => `"${k}"`).join(', ')}${near ? `; did you mean "${near}"?` : ''}; the options are: ${options.join(', ')}`;
    }
    throw new CaregateError('E_CONFIG', `invalid worker option${path ? ` "${path}"` : ''}: ${message}`, { path: path || undefined });
  }
  const o = parsed.data;
  const inPrefix = inputPrefix(o);
  for (const [key, prefix] of [['outputPrefix', o.outputPrefix], ['deadLetterPrefix', o.deadLetterPrefix]] as const) {
    if (overlaps(prefix, inPrefix)) {
      throw new CaregateError('E_CONFIG', `invalid worker option "${key}": ${prefix} overlaps the input subjects ${o.inputSubject}; output must never land on an input subject`, { path: key });
    }
  }
  if (overlaps(o.outputPrefix, o.deadLetterPrefix)) {
    throw new CaregateError('E_CONFIG', `invalid worker option "deadLetterPrefix": ${o.deadLetterPrefix} overlaps the output prefix ${o.outputPrefix}; raw dead letters must never land on an output subject`, { path: 'deadLetterPrefix' });
  }
  if (new Set([o.stream, o.outputStream, o.deadLetterStream]).size !== 3) {
    throw new CaregateError('E_CONFIG', 'invalid worker option "outputStream": stream, outputStream and deadLetterStream must be three different streams', { path: 'outputStream' });
  }
  if (o.objectBucket === o.cleanObjectBucket) {
    throw new CaregateError('E_CONFIG', 'invalid worker option "cleanObjectBucket": redacted objects need their own bucket, not the raw one', { path: 'cleanObjectBucket' });
  }
  return o;
}

/** "transcripts.raw.>" → "transcripts.raw" */
export function inputPrefix(o: Pick<ResolvedWorkerOptions, 'inputSubject'>): string {
  return o.inputSubject.slice(0, -2);
}

function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/** The suffix of an input subject ("transcripts.raw.eu.call-1" → "eu.call-1"), or undefined when it is not an input subject. */
export function subjectSuffix(o: Pick<ResolvedWorkerOptions, 'inputSubject'>, subject: string): string | undefined {
  const p = `${inputPrefix(o)}.`;
  return subject.startsWith(p) && subject.length > p.length ? subject.slice(p.length) : undefined;
}

export function outputSubject(o: Pick<ResolvedWorkerOptions, 'outputPrefix'>, suffix: string): string {
  return `${o.outputPrefix}.${suffix}`;
}

export function deadLetterSubject(o: Pick<ResolvedWorkerOptions, 'deadLetterPrefix'>, suffix: string): string {
  return `${o.deadLetterPrefix}.${suffix}`;
}

/** Retry delay after delivery k (1-based) failed. */
export function backoffFor(o: Pick<ResolvedWorkerOptions, 'backoffMs'>, delivery: number): number {
  const list = o.backoffMs;
  return list[Math.min(Math.max(delivery, 1), list.length) - 1]!;
}

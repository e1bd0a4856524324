import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { connect, headers as natsHeaders, type ConnectionOptions, type ConsumerMessages, type JetStreamClient, type JsMsg, type NatsConnection, type ObjectStore } from 'nats';
import { pino, type Logger } from 'pino';
import { CaregateError } from '../errors.js';
import type { FormatName, FormatSummary } from '../formats/index.js';
import { createRedactor, type Redactor } from '../redactor.js';
import { backoffFor, outputSubject, parseWorkerOptions, subjectSuffix, type ResolvedWorkerOptions, type WorkerOptions } from './config.js';
import { publishDeadLetter } from './dead-letter.js';
import { newStats, renderMetrics, startMetricsServer, type MetricsServer, type WorkerStats } from './metrics.js';
import { redactObject, type ObjectReference } from './object-transcripts.js';
import { CONTENT_TYPES, HEADERS, chooseFormat, classifyError, redactPayload } from './process-message.js';
import { isNotFound } from './provision.js';
import { RedactPool } from './redact-pool.js';
import { SendBatch } from './send-batch.js';

export interface WorkerDeps {
  /** pino logger for the worker's events (default: pino to standard output). */
  logger?: Logger;
  /** Use this connection instead of opening one (it is not closed by stop()). */
  connection?: NatsConnection;
}

export interface Worker {
  /** A snapshot of the counters. */
  readonly stats: WorkerStats;
  /** http://127.0.0.1:<port>/metrics when metricsPort was given. */
  readonly metricsUrl: string | undefined;
  /** Stop pulling, finish the messages already pulled (publish, ack), report, close. Idempotent. */
  stop(): Promise<void>;
  /** Settles when the worker has stopped: resolves after stop(), rejects when the connection is lost for good. */
  readonly done: Promise<void>;
}

/**
 * The identity a redacted output carries as Nats-Msg-Id: the input's own Nats-Msg-Id when the producer set one,
 * else "<input stream>:<stream sequence>". Both are the same on every redelivery, so JetStream drops a second
 * publish of the same input inside the output stream's duplicate window.
 */
export function messageIdentity(msg: JsMsg): string {
  const own = msg.headers?.get(HEADERS.msgId);
  return own ? own : `${msg.info.stream}:${msg.seq}`;
}

interface Processed {
  data: Uint8Array;
  format: FormatName;
  summary: FormatSummary;
  inputBytes: number;
  object?: ObjectReference;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startWorker(input: WorkerOptions, deps: WorkerDeps = {}): Promise<Worker> {
  const o = parseWorkerOptions(input);
  const redactor = createRedactor(o.redactor);
  const log = deps.logger ?? pino({ name: 'caregate-worker' });
  // No async stack traces: capturing one per request was a tenth of a worker's CPU at small messages.
  const nc = deps.connection ?? (await connect(connectionOptions(o)));
  const ownConnection = !deps.connection;
  try {
    await checkProvisioned(nc, o);
  } catch (err) {
    if (ownConnection) await nc.close();
    throw err;
  }
  const js = nc.jetstream();
  const consumer = await js.consumers.get(o.stream, o.consumer);
  const stats = newStats();
  let metrics: MetricsServer | undefined;
  if (o.metricsPort !== undefined) metrics = await startMetricsServer(o.metricsHost, o.metricsPort, () => renderMetrics(stats, o.consumer));

  const progress = new Progress(log, stats, o);
  const active = new Set<Promise<void>>();
  let stopping = false;
  let slotFree: (() => void) | undefined;
  const stores: { raw?: ObjectStore; clean?: ObjectStore } = {};
  const pool = new RedactPool(o.threads ?? Math.max(1, availableParallelism() - 1), o.redactor, o.invalidUtf8);
  const sends = new SendBatch();
  const handler = new MessageHandler(o, js, redactor, stats, log, stores, pool, sends);
  // One timer for all messages in flight: those older than a third of the ack wait tell the server the
  // worker is still on them (a timer per message cost more than the redaction of a small one).
  const keepAlive = setInterval(() => handler.keepAlive(), Math.max(500, Math.floor(o.ackWaitMs / 3)));
  keepAlive.unref();

  const dispatch = (m: JsMsg) => {
    const p: Promise<void> = handler
      .handle(m)
      .catch((err: unknown) => log.error({ event: 'worker.error', code: classifyError(err).code, error: classifyError(err).message }, 'unexpected error handling a message'))
      .finally(() => {
        active.delete(p);
        stats.inFlight = active.size;
        progress.tick();
        slotFree?.();
      });
    active.add(p);
    stats.inFlight = active.size;
  };

  let messages: ConsumerMessages | undefined;
  const pullLoop = (async () => {
    let failures = 0;
    while (!stopping) {
      try {
        // One pull request for a batch, refilled as it drains: at most `prefetch` messages wait in the
        // client, at most `concurrency` are in flight, whatever the backlog.
        messages = await consumer.consume({ max_messages: o.prefetch ?? o.concurrency, expires: 5000 });
        failures = 0;
        for await (const m of messages) {
          if (stopping) {
            m.nak(); // pulled but not started: hand it straight back
            continue;
          }
          dispatch(m);
          while (active.size >= o.concurrency && !stopping) {
            const t0 = performance.now();
            await new Promise<void>((resolve) => (slotFree = resolve));
            slotFree = undefined;
            stats.phaseSeconds.waitingForSlot += (performance.now() - t0) / 1000;
          }
        }
      } catch (err) {
        if (stopping) break;
        const c = classifyError(err);
        log.error({ event: 'worker.pull_error', code: c.code, error: c.message }, 'pulling messages failed; retrying');
        await delay(Math.min(5000, 250 * 2 ** failures++));
      }
    }
  })();

  log.info({ event: 'worker.started', stream: o.stream, consumer: o.consumer, concurrency: o.concurrency, metrics: metrics?.url }, 'caregate worker started');

  let resolveDone!: () => void;
  let rejectDone!: (err: unknown) => void;
  const done = new Promise<void>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  done.catch(() => undefined);

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      stopping = true;
      log.info({ event: 'worker.stopping', inFlight: active.size }, 'stopping: no new pulls, finishing in-flight messages');
      slotFree?.();
      messages?.stop();
      await pullLoop;
      while (active.size > 0) await Promise.race(active);
      // The last acks may still be held for their batch; let them go before the connection drains.
      while (sends.pending > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      clearInterval(keepAlive);
      await pool.close();
      progress.flush(true);
      await metrics?.close();
      // drain() sends the acks still buffered before it closes.
      if (ownConnection) await nc.drain();
      else await nc.flush();
      log.info({ event: 'worker.stopped', redacted: stats.redacted, deadLettered: stats.deadLettered, retried: stats.retried }, 'caregate worker stopped');
      resolveDone();
    })());

  if (ownConnection) {
    void nc.closed().then((err) => {
      if (!stopped) {
        stopping = true;
        rejectDone(err ?? new CaregateError('E_NATS', 'the NATS connection closed'));
      }
    });
  }

  return {
    get stats() {
      return { ...stats, byEntity: { ...stats.byEntity }, errorsByCode: { ...stats.errorsByCode }, phaseSeconds: { ...stats.phaseSeconds } };
    },
    metricsUrl: metrics?.url,
    stop,
    done,
  };
}

/**
 * The client writes its buffer at the next microtask, or at once when it holds 32 KiB (its hidden
 * `pendingLimit`). SendBatch hands it the publishes and acks of a whole socket read in one go, about 50 outputs
 * of 1 KB, so at 32 KiB they went out in three writes or more, and every 64 KB output in a write of its own; each
 * write wakes the nats-server. At 512 KiB they go out in one (the buffer never holds more than that plus one message).
 */
export const PENDING_LIMIT_BYTES = 512 * 1024;

function connectionOptions(o: ResolvedWorkerOptions): ConnectionOptions {
  return { servers: o.servers, name: o.connectionName, maxReconnectAttempts: -1, reconnectTimeWait: 1000, noAsyncTraces: true, pendingLimit: PENDING_LIMIT_BYTES } as ConnectionOptions;
}

async function checkProvisioned(nc: NatsConnection, o: ResolvedWorkerOptions): Promise<void> {
  const jsm = await nc.jetstreamManager();
  for (const [what, check] of [
    [`stream ${o.stream}`, () => jsm.streams.info(o.stream)],
    [`consumer ${o.stream}/${o.consumer}`, () => jsm.consumers.info(o.stream, o.consumer)],
    [`output stream ${o.outputStream}`, () => jsm.streams.info(o.outputStream)],
    [`dead-letter stream ${o.deadLetterStream}`, () => jsm.streams.info(o.deadLetterStream)],
  ] as const) {
    try {
      await check();
    } catch (err) {
      if (isNotFound(err)) throw new CaregateError('E_PROVISION', `${what} does not exist; run \`caregate worker --init\` (with the same options) to create it`);
      throw err;
    }
  }
}

class MessageHandler {
  constructor(
    private readonly o: ResolvedWorkerOptions,
    private readonly js: JetStreamClient,
    private readonly redactor: Redactor,
    private readonly stats: WorkerStats,
    private readonly log: Logger,
    private readonly stores: { raw?: ObjectStore; clean?: ObjectStore },
    private readonly pool: RedactPool,
    private readonly sends: SendBatch,
  ) {}

  /** Messages in flight and when they started (for keepAlive). */
  private readonly started = new Map<JsMsg, number>();

  /** Tells the server that messages in flight for more than a third of the ack wait are still being worked on. */
  keepAlive(): void {
    const old = performance.now() - this.o.ackWaitMs / 3;
    for (const [m, t] of this.started) if (t < old) m.working();
  }

  async handle(m: JsMsg): Promise<void> {
    const { o, stats } = this;
    const t0 = performance.now();
    this.started.set(m, t0);
    const delivery = m.info.deliveryCount;
    const suffix = subjectSuffix(o, m.subject);
    const identity = messageIdentity(m);
    let published = false;
    try {
      if (delivery > o.maxDeliver) {
        throw new CaregateError('E_MAX_DELIVER', `delivered ${delivery} times without an ack (a worker crashed or ran out of time on it)`);
      }
      if (suffix === undefined) throw new CaregateError('E_SUBJECT', `the subject is not under ${o.inputSubject}`);
      const out = m.headers?.get(HEADERS.object) ? await this.processObject(m) : await this.processInline(m);
      const h = natsHeaders();
      h.set(HEADERS.format, out.format);
      h.set(HEADERS.contentType, out.object ? 'application/vnd.caregate.object-ref+json' : CONTENT_TYPES[out.format]);
      h.set(HEADERS.input, `${m.info.stream}:${m.seq}`);
      h.set(HEADERS.findings, String(out.summary.findings));
      const entities = Object.entries(out.summary.byEntity).map(([e, n]) => `${e}=${n}`).join(',');
      if (entities) h.set(HEADERS.entities, entities);
      if (out.object) {
        h.set(HEADERS.object, out.object.name);
        h.set(HEADERS.objectBucket, out.object.bucket);
      }
      const t1 = performance.now();
      stats.phaseSeconds.redact += (t1 - t0) / 1000;
      // Pipelined: other messages are redacted and published while this one waits for its publish ack.
      // Published with the other outputs made from the same socket read, in one write.
      const pa = await this.sends.later(() => this.js.publish(outputSubject(o, suffix), out.data, { msgID: identity, headers: h, expect: { streamName: o.outputStream } }));
      stats.phaseSeconds.publishAckWait += (performance.now() - t1) / 1000;
      published = true;
      if (pa.duplicate) stats.duplicates++;
      // The input is acked only after its output is stored. A plain ack (no round trip): if it were lost,
      // the redelivery would publish again under the same Nats-Msg-Id and JetStream would drop the copy.
      // It goes out with the other acks of the same read.
      this.sends.defer(() => this.ack(m));
      stats.redacted++;
      stats.bytesIn += out.inputBytes;
      stats.bytesOut += out.object ? out.object.size : out.data.length;
      stats.findings += out.summary.findings;
      for (const [e, n] of Object.entries(out.summary.byEntity)) stats.byEntity[e] = (stats.byEntity[e] ?? 0) + n;
      stats.processingSeconds += (performance.now() - t0) / 1000;
      if (out.object) {
        stats.objects++;
        this.log.info({ event: 'worker.object', bytesIn: out.inputBytes, bytesOut: out.object.size, findings: out.summary.findings, byEntity: out.summary.byEntity, seconds: (performance.now() - t0) / 1000 }, 'object transcript redacted');
        if (o.deleteInputObjects) await this.stores.raw?.delete(m.headers!.get(HEADERS.object)).catch(() => undefined);
      }
    } catch (err) {
      const c = classifyError(err);
      stats.errorsByCode[c.code] = (stats.errorsByCode[c.code] ?? 0) + 1;
      if (published) {
        // Output is in; only the ack failed. The redelivery publishes again and JetStream de-duplicates it.
        this.log.warn({ event: 'worker.ack_failed', seq: m.seq, code: c.code }, 'ack failed after publishing; the redelivery will be de-duplicated');
        return;
      }
      if (delivery >= o.maxDeliver) {
        try {
          await publishDeadLetter(this.js, o, this.redactor, m, suffix, identity, c);
          await m.ackAck();
          stats.deadLettered++;
          this.log.warn({ event: 'worker.dead_letter', seq: m.seq, deliveries: delivery, code: c.code, kind: c.kind, error: c.message }, 'message moved to the dead-letter subject');
        } catch (dlqErr) {
          const d = classifyError(dlqErr);
          m.nak(backoffFor(o, delivery));
          stats.retried++;
          this.log.error({ event: 'worker.dead_letter_failed', seq: m.seq, code: d.code, error: d.message }, 'dead-lettering failed; handed back for another try');
        }
      } else {
        m.nak(backoffFor(o, delivery));
        stats.retried++;
        this.log.debug({ event: 'worker.retry', seq: m.seq, deliveries: delivery, code: c.code, kind: c.kind, delayMs: backoffFor(o, delivery) }, 'message handed back for a retry');
      }
    } finally {
      this.started.delete(m);
    }
  }

  /** A plain ack after the output is stored; a failure is only logged (the redelivery is de-duplicated). */
  private ack(m: JsMsg): void {
    try {
      m.ack();
    } catch (err) {
      const c = classifyError(err);
      this.stats.errorsByCode[c.code] = (this.stats.errorsByCode[c.code] ?? 0) + 1;
      this.log.warn({ event: 'worker.ack_failed', seq: m.seq, code: c.code }, 'ack failed after publishing; the redelivery will be de-duplicated');
    }
  }

  private async processInline(m: JsMsg): Promise<Processed> {
    const format = chooseFormat(m.headers, m.data, this.o.format);
    if (m.data.length >= this.o.largeMessageBytes) {
      const r = await this.pool.redact(format, m.data);
      return { data: r.data, format, summary: r.summary, inputBytes: m.data.length };
    }
    const t0 = performance.now();
    const r = await redactPayload(this.redactor, format, m.data, this.o.invalidUtf8);
    this.stats.phaseSeconds.engine += (performance.now() - t0) / 1000;
    return { data: r.data, format, summary: r.summary, inputBytes: m.data.length };
  }

  private async processObject(m: JsMsg): Promise<Processed> {
    const { o } = this;
    const name = m.headers!.get(HEADERS.object);
    const bucket = m.headers!.get(HEADERS.objectBucket) || o.objectBucket;
    if (bucket !== o.objectBucket) throw new CaregateError('E_OBJECT', `objects are read from the configured bucket only (${o.objectBucket})`);
    const format = chooseFormat(m.headers, undefined, o.format === 'sniff' ? 'text' : o.format);
    const raw = (this.stores.raw ??= await this.js.views.os(o.objectBucket));
    const clean = (this.stores.clean ??= await this.js.views.os(o.cleanObjectBucket));
    const r = await redactObject({
      js: this.js,
      rawBucket: o.objectBucket,
      raw,
      clean,
      cleanBucket: o.cleanObjectBucket,
      name,
      format,
      redactor: this.redactor,
      invalidUtf8: o.invalidUtf8,
      readAhead: o.objectReadAhead,
    });
    return { data: Buffer.from(JSON.stringify({ object: r.ref }), 'utf8'), format, summary: r.summary, inputBytes: r.inputBytes, object: r.ref };
  }
}

/** pino 'worker.progress' events: every logEveryMessages messages or statsIntervalMs, whichever first; counts only. */
class Progress {
  private lastAt = performance.now();
  private last = { handled: 0, bytesIn: 0, byEntity: {} as Record<string, number> };
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly log: Logger,
    private readonly stats: WorkerStats,
    private readonly o: ResolvedWorkerOptions,
  ) {
    this.timer = setInterval(() => this.flush(false), o.statsIntervalMs);
    this.timer.unref();
  }

  private handled(): number {
    return this.stats.redacted + this.stats.deadLettered + this.stats.retried;
  }

  tick(): void {
    if (this.handled() - this.last.handled >= this.o.logEveryMessages) this.flush(false);
  }

  flush(final: boolean): void {
    const handled = this.handled();
    if (final) clearInterval(this.timer);
    if (handled === this.last.handled && !final) return;
    const now = performance.now();
    const seconds = Math.max((now - this.lastAt) / 1000, 1e-6);
    const byEntity: Record<string, number> = {};
    for (const [e, n] of Object.entries(this.stats.byEntity)) {
      const d = n - (this.last.byEntity[e] ?? 0);
      if (d > 0) byEntity[e] = d;
    }
    const bytes = this.stats.bytesIn - this.last.bytesIn;
    this.log.info(
      {
        event: final ? 'worker.final' : 'worker.progress',
        messages: handled - this.last.handled,
        seconds: Number(seconds.toFixed(3)),
        messagesPerSecond: Math.round((handled - this.last.handled) / seconds),
        mbPerSecond: Number((bytes / 1e6 / seconds).toFixed(3)),
        byEntity,
        totals: { redacted: this.stats.redacted, deadLettered: this.stats.deadLettered, retried: this.stats.retried, duplicates: this.stats.duplicates, findings: this.stats.findings },
        ...(final ? { phaseSeconds: Object.fromEntries(Object.entries(this.stats.phaseSeconds).map(([k, v]) => [k, Number(v.toFixed(3))])) } : {}),
      },
      final ? 'worker totals' : 'worker progress',
    );
    this.lastAt = now;
    this.last = { handled, bytesIn: this.stats.bytesIn, byEntity: { ...this.stats.byEntity } };
  }
}

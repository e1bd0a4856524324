import { AckPolicy, DeliverPolicy, DiscardPolicy, nanos, RetentionPolicy, StorageType, type JetStreamManager, type NatsConnection, type ConsumerConfig, type StreamConfig } from 'nats';
import { deadLetterSubject, outputSubject, type ResolvedWorkerOptions } from './config.js';

export interface ProvisionReport {
  created: string[];
  existing: string[];
}

/** The consumer's server-side settings (also what README/docs/worker.md document). */
export function consumerConfig(o: ResolvedWorkerOptions): Partial<ConsumerConfig> {
  const maxDeliver = o.maxDeliver + o.deadLetterAttempts;
  // No server-side backoff: with one, the server waits backoff[n] - ack_wait on top of every nak delay, which
  // stretched the documented retries (1, 5, 15, 30 s: about 51 s to a dead letter) to about 4.5 minutes.
  // A delivery whose worker died is redelivered after ack_wait.
  return {
    durable_name: o.consumer,
    description: 'caregate worker: redacts transcripts (shared by every worker process)',
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: o.inputSubject,
    ack_wait: nanos(o.ackWaitMs),
    max_deliver: maxDeliver,
    max_ack_pending: 10_000,
    max_waiting: 512,
  };
}

export function streamConfigs(o: ResolvedWorkerOptions): Array<Partial<StreamConfig> & { name: string }> {
  return [
    {
      name: o.stream,
      description: 'caregate: raw transcripts waiting for redaction (work queue: removed once acked)',
      subjects: [o.inputSubject],
      retention: RetentionPolicy.Workqueue,
      storage: StorageType.File,
      discard: DiscardPolicy.New,
      duplicate_window: nanos(o.duplicateWindowMs),
    },
    {
      name: o.outputStream,
      description: 'caregate: redacted transcripts (Nats-Msg-Id de-duplicates redeliveries)',
      subjects: [outputSubject(o, '>')],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      duplicate_window: nanos(o.duplicateWindowMs),
    },
    {
      name: o.deadLetterStream,
      description: 'caregate: messages that could not be redacted after maxDeliver tries (may hold raw input: restrict access)',
      subjects: [deadLetterSubject(o, '>')],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      duplicate_window: nanos(o.duplicateWindowMs),
    },
  ];
}

async function streamExists(jsm: JetStreamManager, name: string): Promise<boolean> {
  try {
    await jsm.streams.info(name);
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

export function isNotFound(err: unknown): boolean {
  const e = err as { api_error?: { err_code?: number; code?: number }; message?: string; code?: string };
  return e?.api_error?.code === 404 || e?.code === '404' || /not found/i.test(e?.message ?? '');
}

/**
 * `caregate worker --init`: creates the input work-queue stream, the output and dead-letter streams, the durable
 * pull consumer and both object store buckets when they are missing. Existing ones are left as they are.
 */
export async function provision(nc: NatsConnection, o: ResolvedWorkerOptions): Promise<ProvisionReport> {
  const jsm = await nc.jetstreamManager();
  const report: ProvisionReport = { created: [], existing: [] };
  for (const cfg of streamConfigs(o)) {
    if (await streamExists(jsm, cfg.name)) report.existing.push(`stream ${cfg.name}`);
    else {
      await jsm.streams.add(cfg);
      report.created.push(`stream ${cfg.name}`);
    }
  }
  try {
    await jsm.consumers.info(o.stream, o.consumer);
    report.existing.push(`consumer ${o.stream}/${o.consumer}`);
  } catch (err) {
    if (!isNotFound(err)) throw err;
    await jsm.consumers.add(o.stream, consumerConfig(o));
    report.created.push(`consumer ${o.stream}/${o.consumer}`);
  }
  const js = nc.jetstream();
  for (const bucket of [o.objectBucket, o.cleanObjectBucket]) {
    if (await streamExists(jsm, `OBJ_${bucket}`)) report.existing.push(`object store ${bucket}`);
    else {
      await js.views.os(bucket, { storage: StorageType.File });
      report.created.push(`object store ${bucket}`);
    }
  }
  return report;
}

/** Removes everything provision() creates (tests, benchmarks). */
export async function deprovision(nc: NatsConnection, o: ResolvedWorkerOptions): Promise<void> {
  const jsm = await nc.jetstreamManager();
  for (const name of [o.stream, o.outputStream, o.deadLetterStream, `OBJ_${o.objectBucket}`, `OBJ_${o.cleanObjectBucket}`]) {
    try {
      await jsm.streams.delete(name);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}

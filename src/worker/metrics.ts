import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Live counters of one worker process. Entity names and error codes only: never values. */
export interface WorkerStats {
  startedAt: number;
  /** Messages whose redacted output was published (or found already published) and acked. */
  redacted: number;
  /** Output publishes JetStream reported as duplicates (a redelivery of something already published). */
  duplicates: number;
  /** Failed deliveries handed back with a delay (nak). */
  retried: number;
  /** Messages moved to the dead-letter subject. */
  deadLettered: number;
  /** Messages that went through the object store. */
  objects: number;
  inFlight: number;
  bytesIn: number;
  bytesOut: number;
  findings: number;
  byEntity: Record<string, number>;
  errorsByCode: Record<string, number>;
  /** Sum of per-message processing times (seconds), for the summary metric. */
  processingSeconds: number;
  /**
   * Where the time goes (seconds, summed over messages; publish-ack waits overlap each other and the
   * redaction of other messages): from pull to output ready (decode, redact, encode), waiting for the
   * publish ack, and the pull loop waiting for a free slot (all `concurrency` messages in flight).
   */
  /**
   * engine: inside the redactor on this thread (CPU). redact: handle() start to output ready, summed over
   * messages in flight (so it includes waiting behind the others for the event loop). publishAckWait: summed
   * likewise. waitingForSlot: the pull loop blocked because `concurrency` messages were in flight.
   */
  phaseSeconds: { engine: number; redact: number; publishAckWait: number; waitingForSlot: number };
}

export function newStats(): WorkerStats {
  return {
    startedAt: Date.now(),
    redacted: 0,
    duplicates: 0,
    retried: 0,
    deadLettered: 0,
    objects: 0,
    inFlight: 0,
    bytesIn: 0,
    bytesOut: 0,
    findings: 0,
    byEntity: {},
    errorsByCode: {},
    processingSeconds: 0,
    phaseSeconds: { engine: 0, redact: 0, publishAckWait: 0, waitingForSlot: 0 },
  };
}

function label(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** Prometheus text exposition format 0.0.4. */
export function renderMetrics(s: WorkerStats, consumer: string): string {
  const c = `consumer="${label(consumer)}"`;
  const lines: string[] = [];
  const metric = (name: string, type: 'counter' | 'gauge', help: string, samples: Array<[string, number]>) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, v] of samples) lines.push(`${name}{${labels ? `${c},${labels}` : c}} ${Number.isFinite(v) ? v : 0}`);
  };
  metric('caregate_worker_messages_total', 'counter', 'Messages handled by outcome.', [
    ['outcome="redacted"', s.redacted],
    ['outcome="retried"', s.retried],
    ['outcome="dead_lettered"', s.deadLettered],
  ]);
  metric('caregate_worker_duplicates_total', 'counter', 'Output publishes de-duplicated by JetStream (redeliveries).', [['', s.duplicates]]);
  metric('caregate_worker_objects_total', 'counter', 'Transcripts redacted through the object store.', [['', s.objects]]);
  metric('caregate_worker_input_bytes_total', 'counter', 'Input bytes redacted.', [['', s.bytesIn]]);
  metric('caregate_worker_output_bytes_total', 'counter', 'Redacted bytes published or stored.', [['', s.bytesOut]]);
  metric('caregate_worker_findings_total', 'counter', 'Findings by entity.', Object.entries(s.byEntity).map(([e, n]) => [`entity="${label(e)}"`, n]));
  metric('caregate_worker_errors_total', 'counter', 'Failed deliveries by error code.', Object.entries(s.errorsByCode).map(([e, n]) => [`code="${label(e)}"`, n]));
  metric('caregate_worker_in_flight', 'gauge', 'Messages being processed now.', [['', s.inFlight]]);
  metric('caregate_worker_processing_seconds_sum', 'counter', 'Total processing time of redacted messages.', [['', s.processingSeconds]]);
  metric('caregate_worker_processing_seconds_count', 'counter', 'Redacted messages timed.', [['', s.redacted]]);
  metric('caregate_worker_start_time_seconds', 'gauge', 'Start time of the worker (Unix seconds).', [['', Math.floor(s.startedAt / 1000)]]);
  return `${lines.join('\n')}\n`;
}

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/** GET /metrics on host:port (127.0.0.1 unless configured); everything else is 404. */
export async function startMetricsServer(host: string, port: number, render: () => string): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && (req.url === '/metrics' || req.url?.startsWith('/metrics?'))) {
      const body = render();
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found: GET /metrics\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

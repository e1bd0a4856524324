import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { pino, type DestinationStream } from 'pino';
import { CaregateError } from '../errors.js';
import { parseWorkerOptions, type WorkerOptions } from '../worker/config.js';
import { EXIT } from './exit-codes.js';
import { addRedactorOptions, redactorConfigFrom, type RedactorCliOptions } from './options.js';
import type { CliIO } from './redact-command.js';

interface WorkerCliOptions extends RedactorCliOptions {
  init?: boolean;
  config?: string;
  servers?: string;
  stream?: string;
  subject?: string;
  outputStream?: string;
  outputPrefix?: string;
  deadLetterStream?: string;
  deadLetterPrefix?: string;
  deadLetterPayload?: 'raw' | 'redacted-text' | 'none';
  consumer?: string;
  format?: 'text' | 'ndjson' | 'json' | 'csv' | 'sniff';
  maxDeliver?: number;
  backoff?: string;
  ackWait?: number;
  duplicateWindow?: number;
  concurrency?: number;
  prefetch?: number;
  threads?: number;
  largeMessageBytes?: number;
  objectBucket?: string;
  cleanObjectBucket?: string;
  deleteInputObjects?: boolean;
  metricsPort?: number;
  metricsHost?: string;
  logEvery?: number;
}

const int = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new CaregateError('E_USAGE', `--${name} takes a whole number, got "${v}"`);
  return n;
};

/** Adds `caregate worker`: the NATS JetStream redaction worker (and `--init` to provision it). */
export function registerWorkerCommand(program: Command, io: CliIO): void {
  addRedactorOptions(
    program
      .command('worker')
      .description('redact transcripts from a NATS JetStream work queue onto output subjects (docs/worker.md)')
      .option('--init', 'create the streams, the durable consumer and the object store buckets when missing, then exit')
      .option('--config <file>', 'worker options as JSON (startWorker options); flags override it')
      .option('--servers <urls>', 'comma-separated NATS servers (default nats://127.0.0.1:4222)')
      .option('--stream <name>', 'input work-queue stream (default TRANSCRIPTS_RAW)')
      .option('--subject <subject>', 'input subjects, a prefix ending in .> (default transcripts.raw.>)')
      .option('--output-stream <name>', 'output stream (default TRANSCRIPTS_CLEAN)')
      .option('--output-prefix <prefix>', 'output subject prefix; the input suffix is kept (default transcripts.clean)')
      .option('--dead-letter-stream <name>', 'dead-letter stream (default TRANSCRIPTS_DEAD)')
      .option('--dead-letter-prefix <prefix>', 'dead-letter subject prefix (default transcripts.dead)')
      .addOption(new Option('--dead-letter-payload <mode>', 'what a dead letter carries (default raw)').choices(['raw', 'redacted-text', 'none']))
      .option('--consumer <name>', 'durable consumer shared by every worker (default caregate-redactor)')
      .addOption(new Option('--format <format>', 'format when a message has no Caregate-Format/Content-Type header (default text)').choices(['text', 'ndjson', 'json', 'csv', 'sniff']))
      .option('--max-deliver <n>', 'deliveries before a failing message is dead-lettered (default 5)', int('max-deliver'))
      .option('--backoff <ms,ms,...>', 'retry delays in milliseconds, the last repeats (default 1000,5000,15000,30000)')
      .option('--ack-wait <ms>', 'ack wait of the consumer: an unacked delivery is redelivered after it (default 30000)', int('ack-wait'))
      .option('--duplicate-window <ms>', 'duplicate window of the streams (--init; default 120000)', int('duplicate-window'))
      .option('--concurrency <n>', 'messages in flight in this process: being redacted or waiting for their publish ack (default 128)', int('concurrency'))
      .option('--prefetch <n>', 'messages per pull request, refilled as they drain (default: concurrency)', int('prefetch'))
      .option('--threads <n>', 'worker threads for large messages (default: cores - 1, at least 1)', int('threads'))
      .option('--large-message-bytes <n>', 'messages of at least this size are redacted on worker threads (default 262144)', int('large-message-bytes'))
      .option('--object-bucket <name>', 'object store bucket of large raw transcripts (default transcripts-raw)')
      .option('--clean-object-bucket <name>', 'object store bucket for the redacted objects (default transcripts-clean)')
      .option('--delete-input-objects', 'delete a raw object once its redacted copy is referenced')
      .option('--metrics-port <port>', 'serve Prometheus metrics on http://127.0.0.1:<port>/metrics', int('metrics-port'))
      .option('--metrics-host <host>', 'address for --metrics-port (default 127.0.0.1)')
      .option('--log-every <n>', 'a pino progress event every n messages (default 1000)', int('log-every')),
    {
      // What the worker does (src/worker/config.ts): undecodable input is poison, dead-lettered after the retries.
      invalidUtf8: 'error',
      invalidUtf8Help: 'bytes that are not UTF-8: error treats the message as poison (retried, then dead-lettered with E_UTF8); replace substitutes U+FFFD and redacts the rest',
    },
  ).action(async (opts: WorkerCliOptions, cmd: Command) => {
    const options = workerOptionsFrom(opts, cmd);
    if (opts.init) {
      io.exitCode = await runInit(options, io);
      return;
    }
    io.exitCode = await runWorker(options, io);
  });
}

export function workerOptionsFrom(opts: WorkerCliOptions, cmd: Command): WorkerOptions {
  const base: Record<string, unknown> = {};
  if (opts.config) {
    try {
      Object.assign(base, JSON.parse(readFileSync(opts.config, 'utf8')) as Record<string, unknown>);
    } catch (err) {
      throw new CaregateError('E_CONFIG', `cannot read worker options from ${opts.config}: ${(err as Error).message}`, { file: opts.config });
    }
  }
  const set = (key: string, value: unknown) => {
    if (value !== undefined) base[key] = value;
  };
  set('servers', opts.servers?.split(',').map((s) => s.trim()).filter(Boolean));
  set('stream', opts.stream);
  set('inputSubject', opts.subject);
  set('outputStream', opts.outputStream);
  set('outputPrefix', opts.outputPrefix);
  set('deadLetterStream', opts.deadLetterStream);
  set('deadLetterPrefix', opts.deadLetterPrefix);
  set('deadLetterPayload', opts.deadLetterPayload);
  set('consumer', opts.consumer);
  set('format', opts.format);
  set('maxDeliver', opts.maxDeliver);
  if (opts.backoff !== undefined) {
    const list = opts.backoff.split(',').map((s) => Number(s.trim()));
    if (list.some((n) => !Number.isInteger(n) || n < 0)) throw new CaregateError('E_USAGE', `--backoff takes milliseconds separated by commas, got "${opts.backoff}"`);
    set('backoffMs', list);
  }
  set('ackWaitMs', opts.ackWait);
  set('duplicateWindowMs', opts.duplicateWindow);
  set('concurrency', opts.concurrency);
  set('prefetch', opts.prefetch);
  set('threads', opts.threads);
  set('largeMessageBytes', opts.largeMessageBytes);
  set('objectBucket', opts.objectBucket);
  set('cleanObjectBucket', opts.cleanObjectBucket);
  if (opts.deleteInputObjects) set('deleteInputObjects', true);
  set('metricsPort', opts.metricsPort);
  set('metricsHost', opts.metricsHost);
  set('logEveryMessages', opts.logEvery);
  // Redactor flags: merged over a redactor object from --config; --invalid-utf8 only when given (the worker default is "error").
  const redactorFlags = redactorConfigFrom(opts);
  base.redactor = { ...((base.redactor as Record<string, unknown> | undefined) ?? {}), ...onlyGiven(redactorFlags, cmd) };
  if (cmd.getOptionValueSource('invalidUtf8') === 'cli') set('invalidUtf8', opts.invalidUtf8);
  return base as WorkerOptions;
}

/** Keeps the redactor settings whose flags were given (so a --config file is not overridden by flag defaults). */
function onlyGiven(config: ReturnType<typeof redactorConfigFrom>, cmd: Command): Record<string, unknown> {
  const given = (name: string) => cmd.getOptionValueSource(name) === 'cli';
  const out: Record<string, unknown> = {};
  if (given('aggressive')) out.aggressive = config.aggressive;
  if (given('mask')) out.masks = config.masks;
  if (given('pack')) out.extraPacks = config.extraPacks;
  if (given('onlyPacks')) out.packs = config.packs;
  if (given('disable')) out.disable = config.disable;
  if (given('region')) out.defaultRegion = config.defaultRegion;
  if (given('minConfidence')) out.minConfidence = config.minConfidence;
  if (config.hmacKey !== undefined) out.hmacKey = config.hmacKey;
  return out;
}

async function runInit(input: WorkerOptions, io: CliIO): Promise<number> {
  const o = parseWorkerOptions(input);
  // The NATS client and the worker load when the command runs, not with every caregate command.
  const [{ connect }, { provision }] = await Promise.all([import('nats'), import('../worker/provision.js')]);
  const nc = await connect({ servers: o.servers, name: `${o.connectionName}-init` });
  try {
    const report = await provision(nc, o);
    for (const c of report.created) io.stdout.write(`created ${c}\n`);
    for (const e of report.existing) io.stdout.write(`exists  ${e}\n`);
  } finally {
    await nc.close();
  }
  return EXIT.OK;
}

async function runWorker(options: WorkerOptions, io: CliIO): Promise<number> {
  const logger = pino({ name: 'caregate-worker' }, io.stdout as unknown as DestinationStream);
  // On a thread of its own whose young generation suits a worker, logging to fd 1 (src/worker/thread-host.ts);
  // on this thread, as node's flags size it, when those flags size the heap.
  const { startWorkerInThread, youngGenerationFor } = await import('../worker/thread-host.js');
  const young = youngGenerationFor();
  const worker = young ? await startWorkerInThread(options, young) : await (await import('../worker/worker.js')).startWorker(options, { logger });
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals === 1) {
      logger.info({ event: 'worker.signal', signal }, 'signal received: stopping gracefully (send it again to exit now)');
      void worker.stop();
    } else {
      // A second signal: leave now; unacked messages are redelivered after the ack wait.
      process.exit(130);
    }
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  try {
    await worker.done;
    return EXIT.OK;
  } catch (err) {
    io.stderr.write(`caregate: worker stopped: ${(err as Error).message ?? String(err)}\n`);
    return EXIT.INPUT_FAILED;
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
}

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { Command, CommanderError, Option } from 'commander';
import { DSAR_INTEGRITY_EXIT, dsarExitCode } from './exit-codes.js';
import {
  CHANNELS,
  DENIAL_BASES,
  JURISDICTIONS,
  OUTPUT_FORMATS,
  PrivacyError,
  REQUEST_STATES,
  REQUEST_TYPES,
  TASK_KINDS,
  TASK_STATUSES,
  formatJson,
  formatRows,
  openRequestLog,
  parseCheckpointKey,
  parseCheckpoints,
  signCheckpoint,
  verifyLedger,
} from '../privacy/index.js';
import type { Checkpoint, DsarRequest, OutputFormat, RequestLog, RequestLogOptions, RequestState, Row, TransitionOptions } from '../privacy/index.js';

/**
 * `caregate dsar …`: the GDPR/CCPA request register on the command line.
 * Exit codes: 0 ok, 2 usage or configuration error, 3 integrity failure, 4 refused, 5 unknown id (./exit-codes.ts).
 */

// Option values as commander parsed them; each action reads the ones its command declares.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Flags = StoreFlags & Record<string, any>;

interface StoreFlags {
  ledger?: string;
  pg?: string;
  pgSchema?: string;
  format: OutputFormat;
  tz?: string;
  pseudonymKeyFile?: string;
  actor?: string;
  now?: string;
}

class UsageError extends Error {}

function storeOptions(cmd: Command, extra: { format?: boolean } = {}): Command {
  cmd
    .option('--ledger <path>', 'JSONL ledger file (the embedded store)', process.env.CAREGATE_DSAR_LEDGER)
    .option('--pg <connection>', 'PostgreSQL connection string instead of a file (env CAREGATE_DSAR_PG)', process.env.CAREGATE_DSAR_PG)
    .option('--pg-schema <name>', 'PostgreSQL schema holding the ledger', 'caregate')
    .addOption(new Option('--now <iso>', 'the current time (for tests and replays)').hideHelp());
  if (extra.format !== false) cmd.addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS as string[]).default('table'));
  return cmd;
}

function writerOptions(cmd: Command): Command {
  return storeOptions(cmd)
    .option('--tz <zone>', "the business's IANA time zone, in which deadlines are counted (env CAREGATE_TZ)", process.env.CAREGATE_TZ)
    .option('--pseudonym-key-file <path>', 'file holding the subject pseudonym key (or env CAREGATE_PSEUDONYM_KEY)')
    .option('--actor <id>', 'who records this (an opaque staff id)');
}

function clockOf(flags: StoreFlags): () => Date {
  if (flags.now === undefined) return () => new Date();
  const t = new Date(flags.now);
  if (Number.isNaN(t.getTime())) throw new UsageError('--now must be an ISO 8601 time');
  return () => t;
}

function place(flags: StoreFlags): Pick<RequestLogOptions, 'ledger' | 'pg'> {
  if (!flags.ledger === !flags.pg) throw new UsageError('give the register with exactly one of --ledger <path> or --pg <connection string>');
  return flags.ledger ? { ledger: flags.ledger } : { pg: { connectionString: flags.pg as string, schema: flags.pgSchema } };
}

function readSecretFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    throw new UsageError(`cannot read the ${what} file ${path}`);
  }
}

async function openLog(flags: StoreFlags, writable: boolean): Promise<RequestLog> {
  const base = { ...place(flags), clock: clockOf(flags) };
  if (!writable) return openRequestLog({ ...base, readOnly: true });
  const key = flags.pseudonymKeyFile ? readSecretFile(flags.pseudonymKeyFile, 'pseudonym key') : process.env.CAREGATE_PSEUDONYM_KEY;
  return openRequestLog({ ...base, pseudonymKey: key, timeZone: flags.tz, actor: flags.actor });
}

/** Runs an action with the register open; errors become the CLI's exit codes. */
function action<A extends unknown[]>(
  writable: boolean,
  fn: (log: RequestLog, flags: Flags, out: (s: string) => void, ...args: A) => Promise<void>,
): (...args: unknown[]) => Promise<void> {
  return async (...raw: unknown[]) => {
    const cmd = raw[raw.length - 1] as Command;
    const flags = cmd.opts<Flags>();
    const args = raw.slice(0, -2) as A;
    await run(cmd, async (out) => {
      const log = await openLog(flags, writable);
      try {
        await fn(log, flags, out, ...args);
      } finally {
        await log.close();
      }
    });
  };
}

async function run(cmd: Command, fn: (out: (s: string) => void) => Promise<void>): Promise<void> {
  const config = cmd.configureOutput() as { writeOut?: (s: string) => void };
  const out = (s: string) => (config.writeOut ? config.writeOut(s) : process.stdout.write(s));
  try {
    await fn(out);
  } catch (err) {
    if (err instanceof CommanderError) throw err;
    if (err instanceof UsageError) cmd.error(`caregate: ${err.message}`, { exitCode: 2, code: 'caregate.usage' });
    if (err instanceof PrivacyError) cmd.error(err.message, { exitCode: dsarExitCode(err.code), code: `caregate.${err.code}` });
    cmd.error(`caregate: ${(err as Error).message ?? String(err)}`, { exitCode: 2, code: 'caregate.error' });
  }
}

function requestRow(r: DsarRequest): Row {
  return {
    id: r.id,
    type: r.type,
    jurisdiction: r.jurisdiction,
    status: r.status,
    channel: r.channel,
    received: r.receivedDate,
    acknowledgeBy: r.deadlines.acknowledgeBy,
    respondBy: r.deadlines.respondBy,
    extended: r.extension ? 'yes' : 'no',
    queue: r.queue,
    response: r.response ? `${r.response.outcome} ${r.response.date}` : undefined,
    denialBasis: r.response?.denial?.basis,
  };
}

function printRequest(r: DsarRequest, format: OutputFormat, out: (s: string) => void): void {
  if (format === 'json') return out(formatJson(r));
  const row = requestRow(r);
  const fields = Object.entries(row).filter(([, v]) => v !== undefined);
  if (format === 'csv') return out(formatRows('csv', [row], Object.keys(row)));
  out(formatRows('table', fields.map(([field, value]) => ({ field, value })), ['field', 'value']));
}

function parseDays(value: string): number {
  const m = /^(\d{1,4})d?$/.exec(value.trim());
  if (!m) throw new UsageError(`--due-within takes a number of days such as 7d, not "${value}"`);
  return Number(m[1]);
}

function csvList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Writes a file atomically: a temp file in the same directory, fsync, rename. */
async function writeAtomic(path: string, content: string): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fh = await open(temp, 'wx', 0o644);
  try {
    await fh.writeFile(content);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

/** Adds `dsar` and its subcommands to a commander program. */
export function registerDsarCommand(program: Command): void {
  // Keep commander's own exit behaviour (throw under exitOverride, else exit) but map usage errors to 2.
  const parentExit = (program as unknown as { _exitCallback?: (err: CommanderError) => void })._exitCallback;
  const exitMapper = (err: CommanderError): never => {
    const mapped = err.exitCode === 1 && err.code.startsWith('commander.') ? new CommanderError(2, err.code, err.message) : err;
    if (parentExit) parentExit(mapped);
    else if (mapped.code !== 'commander.executeSubCommandAsync') process.exit(mapped.exitCode);
    throw mapped;
  };
  const dsar = program
    .command('dsar')
    .description('GDPR/CCPA request register: record requests, deadlines, answers; verify the ledger')
    .addHelpText('after', '\nExit codes: 0 ok; 2 usage or configuration; 3 the ledger failed its integrity check; 4 refused (transition, input); 5 unknown request id.\n')
    .exitOverride(exitMapper);
  const sub = (name: string, description: string) => dsar.command(name).description(description).exitOverride(exitMapper);

  writerOptions(
    sub('open', 'record a new request and print its deadlines')
      .alias('add')
      .addOption(new Option('--type <type>', 'request type').choices(REQUEST_TYPES as unknown as string[]).makeOptionMandatory())
      .addOption(new Option('--jurisdiction <law>', 'law the request is made under').choices(JURISDICTIONS as unknown as string[]).makeOptionMandatory())
      .addOption(new Option('--channel <manner>', 'how the request was made').choices(CHANNELS as unknown as string[]).makeOptionMandatory())
      .requiredOption('--subject <identifier>', 'the identifier the subject gave (stored only as a keyed pseudonym)')
      .addOption(new Option('--reply-via <how>', 'how to send the answer').choices(['email', 'phone', 'postal_mail', 'account', 'agent']).default('email'))
      .option('--email <address>', 'contact email for the answer')
      .option('--phone <e164>', 'contact phone for the answer (E.164)')
      .option('--postal-address <text>', 'postal address for the answer')
      .option('--name <name>', 'name to address the answer to')
      .option('--received-at <iso>', 'when the request arrived (default: now)')
      .option('--description <text>', 'what was asked (redacted before it is stored)')
      .option('--external-id <id>', 'ticket or case id elsewhere')
      .option('--appeal-of <id>', 'for appeals: the request whose answer is appealed'),
  ).action(
    action(true, async (log, flags, out) => {
      const o = flags;
      const r = await log.open({
        type: o.type,
        jurisdiction: o.jurisdiction,
        channel: o.channel,
        subject: { identifier: o.subject, contact: { via: o.replyVia, email: o.email, phone: o.phone, postalAddress: o.postalAddress, name: o.name } },
        receivedAt: o.receivedAt,
        description: o.description,
        externalId: o.externalId,
        appealOf: o.appealOf,
        actor: flags.actor,
      });
      printRequest(r, flags.format, out);
    }),
  );

  writerOptions(
    sub('transition', 'move a request to another state')
      .argument('<id>', 'request id')
      .addArgument(new Command().createArgument('<state>', 'target state').choices(REQUEST_STATES as unknown as string[]))
      .option('--reason <text>', 'why (redacted before it is stored)')
      .option('--at <iso>', 'when it happened (default: now)')
      .addOption(new Option('--basis <basis>', 'denial basis (denied or partially complied)').choices(DENIAL_BASES as unknown as string[]))
      .option('--reference <ref>', 'legal reference of the denial, e.g. "Art. 17(3)(b)"')
      .option('--explanation <text>', 'justification of the denial (redacted)')
      .addOption(new Option('--outcome <outcome>', 'for completed').choices(['complied', 'partially_complied']))
      .option('--nature <text>', 'nature of the response (redacted)')
      .option('--remedies-notified', 'the requester was told of the right to complain and to a judicial remedy')
      .option('--verification <json>', 'verification outcome: {"allowed":true,"level":"…","factorCategories":["know"]}'),
  ).action(
    action(true, async (log, flags, out, id: string, state: RequestState) => {
      const o = flags;
      let verification: TransitionOptions['verification'];
      if (o.verification) {
        try {
          verification = JSON.parse(o.verification as string) as TransitionOptions['verification'];
        } catch {
          throw new UsageError('--verification must be JSON such as {"allowed":true,"level":"reasonable","factorCategories":["know","have"]}');
        }
      }
      const r = await log.transition(id, state, {
        actor: flags.actor,
        at: o.at,
        reason: o.reason,
        verification,
        denial: o.basis ? { basis: o.basis, reference: o.reference, explanation: o.explanation } : undefined,
        outcome: o.outcome,
        responseNature: o.nature,
        remediesNotified: o.remediesNotified,
      });
      printRequest(r, flags.format, out);
    }),
  );

  writerOptions(
    sub('extend', 'extend the response deadline once (notice with reasons must already be sent)')
      .argument('<id>', 'request id')
      .requiredOption('--notice-sent-at <iso>', 'when the extension notice was sent to the requester')
      .requiredOption('--reason <text>', 'the reasons given in the notice'),
  ).action(
    action(true, async (log, flags, out, id: string) => {
      const o = flags;
      printRequest(await log.extend(id, { noticeSentAt: o.noticeSentAt, reason: o.reason, actor: flags.actor }), flags.format, out);
    }),
  );

  writerOptions(sub('route', 'route a request to a queue').argument('<id>', 'request id').argument('<queue>', 'queue, e.g. privacy-ops').option('--reason <text>', 'why')).action(
    action(true, async (log, flags, out, id: string, queue: string) => {
      const o = flags;
      printRequest(await log.route(id, queue, { reason: o.reason, actor: flags.actor }), flags.format, out);
    }),
  );

  writerOptions(
    sub('task-add', 'add a per-system task (erasure, notice to a service provider or third party…)')
      .argument('<id>', 'request id')
      .requiredOption('--system <id>', 'system or recipient')
      .addOption(new Option('--kind <kind>', 'task kind').choices(TASK_KINDS as unknown as string[]).makeOptionMandatory())
      .option('--categories <list>', 'comma-separated data categories')
      .option('--note <text>', 'note (redacted)'),
  ).action(
    action(true, async (log, flags, out, id: string) => {
      const o = flags;
      const t = await log.addTask(id, { system: o.system, kind: o.kind, categories: o.categories ? csvList(o.categories) : undefined, note: o.note, actor: flags.actor });
      out(flags.format === 'json' ? formatJson(t) : formatRows(flags.format, [{ ...t, categories: t.categories.join(' ') }], ['id', 'system', 'kind', 'status', 'categories']));
    }),
  );

  writerOptions(
    sub('task-set', 'set the status of a task')
      .argument('<id>', 'request id')
      .argument('<task>', 'task id, e.g. t1')
      .addArgument(new Command().createArgument('<status>', 'new status').choices(TASK_STATUSES as unknown as string[]))
      .option('--note <text>', 'note (required for not_required and deferred; redacted)'),
  ).action(
    action(true, async (log, flags, out, id: string, task: string, status: (typeof TASK_STATUSES)[number]) => {
      const o = flags;
      const t = await log.updateTask(id, task, { status, note: o.note, actor: flags.actor });
      out(flags.format === 'json' ? formatJson(t) : formatRows(flags.format, [{ ...t, categories: t.categories.join(' ') }], ['id', 'system', 'kind', 'status', 'categories']));
    }),
  );

  writerOptions(sub('note', 'add a note to a request').argument('<id>', 'request id').argument('<text>', 'the note (redacted)')).action(
    action(true, async (log, flags, out, id: string, text: string) => {
      printRequest(await log.addNote(id, text, { actor: flags.actor }), flags.format, out);
    }),
  );

  storeOptions(
    sub('list', 'list requests, e.g. the overdue ones or those due within 7 days')
      .option('--overdue', 'only requests past a deadline')
      .option('--due-within <days>', 'only requests due within N days, e.g. 7d')
      .option('--status <list>', 'comma-separated states')
      .addOption(new Option('--jurisdiction <law>', 'only this law').choices(JURISDICTIONS as unknown as string[]))
      .option('--queue <queue>', 'only this queue'),
  ).action(
    action(false, async (log, flags, out) => {
      const o = flags;
      const status = o.status ? (csvList(o.status) as RequestState[]) : undefined;
      const rows = log.list({ overdue: o.overdue, dueWithinDays: o.dueWithin !== undefined ? parseDays(o.dueWithin) : undefined, status, jurisdiction: o.jurisdiction, queue: o.queue });
      const table = rows.map((l) => ({ id: l.id, type: l.type, jurisdiction: l.jurisdiction, status: l.status, received: l.receivedDate, next: l.nextDeadline?.kind, due: l.nextDeadline?.date, overdueDays: l.overdueDays, extended: l.extended ? 'yes' : 'no', queue: l.queue }));
      out(formatRows(flags.format, table, ['id', 'type', 'jurisdiction', 'status', 'received', 'next', 'due', 'overdueDays', 'extended', 'queue'], rows));
    }),
  );

  storeOptions(sub('show', 'show one request and its history').argument('<id>', 'request id')).action(
    action(false, async (log, flags, out, id: string) => {
      const r = log.get(id);
      if (!r) throw new PrivacyError('DSAR_NOT_FOUND', `no request ${id} in the register; check the id (\`caregate dsar list\`)`);
      if (flags.format === 'json') return out(formatJson(r));
      const history = r.history.map((h) => ({ seq: h.seq, at: h.at, actor: h.actor, event: h.summary }));
      if (flags.format === 'csv') return out(formatRows('csv', history, ['seq', 'at', 'actor', 'event']));
      printRequest(r, 'table', out);
      out('\n');
      out(formatRows('table', history, ['seq', 'at', 'actor', 'event']));
    }),
  );

  storeOptions(
    sub('metrics', 'yearly request metrics (CCPA 11 CCR 7102)')
      .requiredOption('--year <year>', 'calendar year, e.g. 2026')
      .addOption(new Option('--jurisdiction <law>', 'only this law').choices(JURISDICTIONS as unknown as string[])),
  ).action(
    action(false, async (log, flags, out) => {
      const o = flags;
      if (!/^\d{4}$/.test(String(o.year))) throw new UsageError('--year takes a year such as 2026');
      const m = log.metrics(Number(o.year), { jurisdiction: o.jurisdiction });
      const columns = ['type', 'received', 'compliedInWholeOrPart', 'compliedInPart', 'denied', 'deniedUnverifiable', 'deniedNotAConsumer', 'deniedExempt', 'deniedOther', 'withdrawn', 'pending', 'medianDaysToRespond', 'meanDaysToRespond'];
      out(formatRows(flags.format, m.rows as unknown as Row[], columns, m));
    }),
  );

  storeOptions(
    sub('verify', 'check the hash chain (and signed checkpoints); exit 3 naming the first bad entry')
      .option('--checkpoint <file...>', 'checkpoint files to check the ledger against')
      .option('--checkpoint-key-file <path>', 'Ed25519 public key (PEM) or HMAC secret to check checkpoints'),
  ).action(async (...raw: unknown[]) => {
    const cmd = raw[raw.length - 1] as Command;
    const o = cmd.opts<StoreFlags & { checkpoint?: string[]; checkpointKeyFile?: string }>();
    await run(cmd, async (out) => {
      const checkpoints: Checkpoint[] = (o.checkpoint ?? []).flatMap((f) => parseCheckpoints(readSecretFile(f, 'checkpoint')));
      if (checkpoints.length > 0 && !o.checkpointKeyFile) throw new UsageError('checking checkpoints needs --checkpoint-key-file (the Ed25519 public key or the HMAC secret)');
      const checkpointKey = o.checkpointKeyFile ? parseCheckpointKey(readSecretFile(o.checkpointKeyFile, 'checkpoint key'), 'verify') : undefined;
      const report = await verifyLedger({ ...place(o), checkpoints, checkpointKey });
      if (o.format === 'json') out(formatJson(report));
      else {
        const rows = [{ ok: report.ok ? 'yes' : 'NO', entries: report.entries, headHash: report.headHash, checkpoints: report.checkpointsChecked, firstProblem: report.firstProblem?.message }];
        out(formatRows(o.format, rows, ['ok', 'entries', 'headHash', 'checkpoints', 'firstProblem']));
      }
      if (!report.ok) {
        cmd.error(`caregate: the ledger at ${report.store} failed verification: ${report.firstProblem?.message}`, { exitCode: DSAR_INTEGRITY_EXIT, code: 'caregate.DSAR_INTEGRITY' });
      }
    });
  });

  storeOptions(
    sub('checkpoint', 'sign the current head (log id, size, head hash, time) with a key the writer does not hold')
      .requiredOption('--key-file <path>', 'Ed25519 private key (PEM) or HMAC secret (≥32 bytes)')
      .option('--out <path>', 'write the checkpoint to this file (atomically) instead of stdout'),
    { format: false },
  ).action(async (...raw: unknown[]) => {
    const cmd = raw[raw.length - 1] as Command;
    const o = cmd.opts<StoreFlags & { keyFile: string; out?: string }>();
    await run(cmd, async (out) => {
      const key = parseCheckpointKey(readSecretFile(o.keyFile, 'checkpoint key'), 'sign');
      const report = await verifyLedger(place(o));
      if (!report.ok || !report.logId) {
        throw new PrivacyError('DSAR_INTEGRITY', `refusing to sign a checkpoint of a ledger that fails verification: ${report.firstProblem?.message ?? 'no ledger entries'}`);
      }
      const cp = signCheckpoint({ logId: report.logId, size: report.entries, headHash: report.headHash }, key, clockOf(o)());
      const json = `${JSON.stringify(cp)}\n`;
      if (o.out) await writeAtomic(o.out, json);
      else out(json);
    });
  });
}

import { randomUUID } from 'node:crypto';
import { resolveCalendar } from './calendar.js';
import type { HolidayCalendar } from './calendar.js';
import type { EntryDraft, IntegrityIssue, LedgerEntry } from './chain.js';
import { checkAgainstCheckpoints, checkpointSeqs } from './checkpoint.js';
import type { Checkpoint, CheckpointVerifyKey } from './checkpoint.js';
import { assertTimeZone, localDate } from './dates.js';
import { checkExtension, computeDeadlines } from './deadlines.js';
import { PrivacyError } from './errors.js';
import {
  AddTaskSchema,
  ExtendSchema,
  NoteSchema,
  OpenRequestSchema,
  RouteSchema,
  TransitionSchema,
  UpdateTaskSchema,
  parseInput,
} from './inputs.js';
import type { AddTaskInput, ExtendOptions, ListFilter, OpenRequestInput, RouteOptions, TransitionOptions, UpdateTaskInput } from './inputs.js';
import { jurisdictionRule, loadRules, typeRule } from './jurisdictions.js';
import type { PrivacyRules } from './jurisdictions.js';
import { openFileLedger, scanLedgerFile } from './ledger-file.js';
import type { ChainScan, LedgerStore } from './ledger-store.js';
import { openPgLedger } from './ledger-pg.js';
import type { PgLedgerOptions } from './ledger-pg.js';
import { assertTransition, isTerminal } from './lifecycle.js';
import { computeMetrics } from './metrics.js';
import type { MetricsReport } from './metrics.js';
import { listRequests } from './queries.js';
import { buildResponse } from './responses.js';
import type { ListedRequest } from './queries.js';
import { pseudonymKeyBytes, pseudonymize } from './pseudonym.js';
import { safeText } from '../safe-output.js';
import { forbiddenEntity } from '../verify/forbidden.js';
import { loadDefaultRedactor } from './redactor-port.js';
import type { TextRedactor } from './redactor-port.js';
import { applyEntry, emptyState, retentionDate } from './state.js';
import type { RegisterState } from './state.js';
import { OPEN_TASK_STATUSES } from './types.js';
import type { DenialBasis, DsarRequest, HistoryItem, JurisdictionId, RequestState, RequestTask } from './types.js';

/** CCPA 11 CCR 7101(a): records are kept at least 24 months. */
export const MIN_RETENTION_MONTHS = 24;
/** How far in the future a caller-given time may be (clock skew between machines). */
const MAX_FUTURE_SKEW_MS = 5 * 60_000;
/** Words in a redactor entity name (e.g. CREDIT_CARD, CARD_CVV, IBAN) that mark payment data, never stored even in contact data. */
const PAYMENT_ENTITY_WORDS: ReadonlySet<string> = new Set(['card', 'pan', 'cvv', 'cvc', 'cvv2', 'cid', 'track', 'pin', 'iban', 'account', 'routing', 'bank']);
const isPaymentEntity = (entity: string) => entity.toLowerCase().split(/[^a-z0-9]+/).some((w) => PAYMENT_ENTITY_WORDS.has(w));

export interface RequestLogOptions {
  /** Path of the JSONL ledger (the embedded default). */
  ledger?: string;
  /** PostgreSQL ledger instead of the file. */
  pg?: Omit<PgLedgerOptions, 'readOnly'>;
  /** Any other store implementing LedgerStore. */
  store?: LedgerStore;
  /** HMAC key for subject pseudonyms (≥32 bytes). Required unless readOnly. */
  pseudonymKey?: string | Uint8Array;
  /** The business's IANA time zone, in which deadlines are counted. Required unless readOnly. */
  timeZone?: string;
  /** Holiday calendar per jurisdiction (calendar ids); defaults come from rules/privacy-deadlines.json. */
  calendars?: Partial<Record<JurisdictionId, string>>;
  /** Extra calendars (see makeCalendar), looked up before the bundled ones. */
  holidayCalendars?: HolidayCalendar[];
  /** Deadline rules; defaults to rules/privacy-deadlines.json. */
  rules?: PrivacyRules;
  /** Redactor for free-text fields; defaults to caregate's createRedactor(), loaded on first use. */
  redactor?: TextRedactor;
  clock?: () => Date;
  readOnly?: boolean;
  /** Months a closed request's record is kept (at least 24). */
  retentionMonths?: number;
  /** Actor recorded when an operation names none. */
  actor?: string;
  /** Request id generator (default: random UUID). */
  newId?: () => string;
}

export interface VerifyOptions {
  checkpoints?: readonly Checkpoint[];
  checkpointKey?: CheckpointVerifyKey;
}

export interface IntegrityReport {
  ok: boolean;
  store: string;
  logId: string | undefined;
  entries: number;
  headHash: string;
  /** The first bad entry, or the first checkpoint the ledger does not match. */
  firstProblem?: IntegrityIssue;
  problems: IntegrityIssue[];
  checkpointsChecked: number;
}

export interface RequestLog {
  readonly readOnly: boolean;
  /** Records a new request ("open"/"add"); returns it with its deadlines. */
  open(input: OpenRequestInput): Promise<DsarRequest>;
  transition(id: string, to: RequestState, options?: TransitionOptions): Promise<DsarRequest>;
  extend(id: string, options: ExtendOptions): Promise<DsarRequest>;
  route(id: string, queue: string, options?: RouteOptions): Promise<DsarRequest>;
  addTask(id: string, task: AddTaskInput): Promise<RequestTask>;
  updateTask(id: string, taskId: string, update: UpdateTaskInput): Promise<RequestTask>;
  addNote(id: string, text: string, options?: { actor?: string; at?: Date | string }): Promise<DsarRequest>;
  get(id: string): DsarRequest | undefined;
  history(id: string): HistoryItem[];
  list(filter?: ListFilter): ListedRequest[];
  /** Every request, sorted by id (a copy). */
  snapshot(): DsarRequest[];
  metrics(year: number, options?: { jurisdiction?: JurisdictionId }): MetricsReport;
  head(): { logId: string | undefined; size: number; headHash: string };
  /** Reads entries other writers appended (PostgreSQL, or a read-only file being written). */
  refresh(): Promise<void>;
  verifyIntegrity(options?: VerifyOptions): Promise<IntegrityReport>;
  close(): Promise<void>;
}

function toDate(v: Date | undefined, fallback: Date): Date {
  return v ?? fallback;
}

class Register implements RequestLog {
  private state: RegisterState = emptyState();
  private queue: Promise<unknown> = Promise.resolve();
  private redactorPromise: Promise<TextRedactor> | undefined;
  private closed = false;

  constructor(
    private readonly store: LedgerStore,
    private readonly opts: RequestLogOptions,
    private readonly rules: PrivacyRules,
    private readonly key: Buffer | undefined,
    private readonly clock: () => Date,
    private readonly retentionMonths: number,
  ) {}

  get readOnly(): boolean {
    return this.store.readOnly;
  }

  async load(): Promise<void> {
    for (const e of await this.store.load()) applyEntry(this.state, e);
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private writable(): void {
    if (this.closed) throw new PrivacyError('DSAR_CONFIG', 'the request register was closed; open it again');
    if (this.store.readOnly) throw new PrivacyError('DSAR_READ_ONLY', `the register at ${this.store.description} is open read-only; open it without readOnly to record requests`);
  }

  private redactor(): Promise<TextRedactor> {
    this.redactorPromise ??= this.opts.redactor ? Promise.resolve(this.opts.redactor) : loadDefaultRedactor();
    return this.redactorPromise;
  }

  /** Free text as it may be stored: through the register's redactor, then the output gate (safeText). */
  private async clean(text: string | undefined): Promise<string | undefined> {
    if (text === undefined) return undefined;
    return safeText((await this.redactor()).redact(text).text);
  }

  /** Opaque ids must come out of the redactor and the output gate unchanged; otherwise they carry personal data. */
  private async assertOpaque(field: string, value: string | undefined): Promise<void> {
    if (value === undefined) return;
    if (safeText(value) !== value || (await this.redactor()).redact(value).text !== value) {
      throw new PrivacyError('DSAR_INPUT', `${field} looks like it holds personal data (the redactor masked part of it); use an opaque identifier`);
    }
  }

  private actor(given: string | undefined): string {
    return given ?? this.opts.actor ?? 'system';
  }

  /** Appends one entry built against the freshest state, then applies it. */
  private commit(build: (now: Date) => EntryDraft): Promise<LedgerEntry> {
    return this.serial(async () => {
      const now = this.clock();
      const entry = await this.store.append(
        (newer) => {
          for (const e of newer) applyEntry(this.state, e);
          return build(now);
        },
        () => now,
      );
      applyEntry(this.state, entry);
      return entry;
    });
  }

  private mustGet(id: string): DsarRequest {
    const req = this.state.requests.get(id);
    if (!req) throw new PrivacyError('DSAR_NOT_FOUND', `no request ${id} in the register at ${this.store.description}; check the id (\`caregate dsar list\`)`);
    return req;
  }

  private mustChange(id: string): DsarRequest {
    const req = this.mustGet(id);
    if (isTerminal(req.status)) throw new PrivacyError('DSAR_TERMINAL', `request ${id} is ${req.status}, a final state; it cannot change any more (open a new request or an appeal instead)`);
    return req;
  }

  /** An effective time given by the caller: not in the future, not before the request's last event. */
  private effective(req: DsarRequest | undefined, at: Date | undefined, now: Date): string {
    const t = toDate(at, now);
    if (t.getTime() > now.getTime() + MAX_FUTURE_SKEW_MS) throw new PrivacyError('DSAR_INPUT', 'the time given is in the future; record events when they have happened');
    if (req) {
      const last = req.history[req.history.length - 1]?.at ?? req.receivedAt;
      if (t.getTime() < Date.parse(last)) throw new PrivacyError('DSAR_INPUT', `the time given is before the last event of request ${req.id} (${last}); events are recorded in order`);
    }
    return t.toISOString();
  }

  private calendarFor(jurisdiction: JurisdictionId): HolidayCalendar {
    const id = this.opts.calendars?.[jurisdiction] ?? jurisdictionRule(this.rules, jurisdiction).defaultCalendar;
    return resolveCalendar(id, this.opts.holidayCalendars);
  }

  /** The request's calendar as configured now (deadlines recorded earlier are never recomputed). */
  private calendarOf(req: DsarRequest): HolidayCalendar {
    return resolveCalendar(req.calendar.id, this.opts.holidayCalendars);
  }

  /**
   * Contact data is kept as given (it is needed to answer), so it is not masked; but a postal address in
   * which the redactor finds payment-card or account data is refused.
   */
  private async assertNoPaymentData(field: string, value: string | undefined): Promise<void> {
    if (value === undefined) return;
    // An e-mail address is one entity to the engine: its parts are looked at too ("<card number>@x.com").
    const texts = field.endsWith('email') ? [value, value.replace(/[@._+-]+/g, ' ')] : [value];
    const redactor = await this.redactor();
    const findings = texts.flatMap((t) => (redactor.redact(t) as { findings?: Array<{ entity?: string }> }).findings ?? []);
    // A run of 12+ digits that the engine did not recognise is refused too (the output gate would mask it).
    const longDigitRun = texts.some((t) => safeText(t) !== t && /\p{Nd}(?:[^\p{L}\n]{0,3}\p{Nd}){11,}/u.test(t));
    // Payment data, and anything verification may never use (SSN, government IDs, …), is refused.
    if (longDigitRun || findings.some((f) => isPaymentEntity(f.entity ?? '') || forbiddenEntity(f.entity ?? '') !== undefined)) {
      throw new PrivacyError('DSAR_INPUT', `${field} seems to hold payment-card, account or government-ID data; give only what is needed to answer the request`);
    }
  }

  async open(input: OpenRequestInput): Promise<DsarRequest> {
    this.writable();
    const parsed = parseInput(OpenRequestSchema, input, 'open request');
    const key = this.key as Buffer;
    const timeZone = parsed.timeZone ?? (this.opts.timeZone as string);
    assertTimeZone(timeZone);
    const rule = typeRule(this.rules, parsed.jurisdiction, parsed.type);
    const cal = this.calendarFor(parsed.jurisdiction);
    await this.assertOpaque('actor', parsed.actor);
    await this.assertOpaque('externalId', parsed.externalId);
    const description = await this.clean(parsed.description);
    const contact = parsed.subject.contact;
    await this.assertNoPaymentData('subject.contact.postalAddress', contact.postalAddress);
    await this.assertNoPaymentData('subject.contact.email', contact.email);
    const subjectRef = pseudonymize(key, parsed.subject.identifier);
    const entry = await this.commit((now) => {
      const receivedAt = toDate(parsed.receivedAt, now);
      if (receivedAt.getTime() > now.getTime() + MAX_FUTURE_SKEW_MS) throw new PrivacyError('DSAR_INPUT', 'receivedAt is in the future; give the time the request arrived');
      if (parsed.type === 'appeal') {
        const original = parsed.appealOf ? this.state.requests.get(parsed.appealOf) : undefined;
        if (!original) throw new PrivacyError('DSAR_INPUT', 'an appeal needs appealOf: the id of the request whose answer is appealed');
        if (original.jurisdiction !== parsed.jurisdiction) throw new PrivacyError('DSAR_INPUT', `request ${original.id} is a ${original.jurisdiction} request; the appeal must be under the same law`);
        const appealable = original.status === 'denied' || original.response?.outcome === 'partially_complied';
        if (!appealable) throw new PrivacyError('DSAR_INPUT', `request ${original.id} is ${original.status}; only a denial or a partial answer can be appealed`);
      } else if (parsed.appealOf) {
        throw new PrivacyError('DSAR_INPUT', 'appealOf is only for requests of type appeal');
      }
      const receivedDate = localDate(receivedAt, timeZone);
      const id = this.opts.newId?.() ?? randomUUID();
      if (this.state.requests.has(id)) throw new PrivacyError('DSAR_INPUT', `request id ${id} is already taken`);
      const request = {
        id,
        type: parsed.type,
        jurisdiction: parsed.jurisdiction,
        channel: parsed.channel,
        receivedAt: receivedAt.toISOString(),
        receivedDate,
        timeZone,
        calendar: { id: cal.id, version: cal.version },
        rulesVersion: this.rules.version,
        subjectRef,
        contact,
        externalId: parsed.externalId,
        appealOf: parsed.appealOf,
        description,
        deadlines: computeDeadlines(rule, receivedDate, receivedDate, cal),
      };
      return { kind: 'request_received', actor: this.actor(parsed.actor), requestId: id, data: { request: JSON.parse(JSON.stringify(request)) } };
    });
    return this.copyOf(entry.requestId as string);
  }

  async transition(id: string, to: RequestState, options: TransitionOptions = {}): Promise<DsarRequest> {
    this.writable();
    const o = parseInput(TransitionSchema, options, `transition to ${to}`);
    await this.assertOpaque('actor', o.actor);
    await this.assertOpaque('verification.level', o.verification?.level);
    for (const t of o.verification?.dataPointTypes ?? []) await this.assertOpaque('verification.dataPointTypes', t);
    const reason = await this.clean(o.reason);
    const responseNature = await this.clean(o.responseNature);
    const denial: DenialBasis | undefined = o.denial
      ? JSON.parse(JSON.stringify({ ...o.denial, reference: await this.clean(o.denial.reference), explanation: await this.clean(o.denial.explanation) }))
      : undefined;
    await this.commit((now) => {
      const req = this.mustGet(id);
      assertTransition(id, req.status, to);
      const at = this.effective(req, o.at, now);
      const rule = typeRule(this.rules, req.jurisdiction, req.type);
      const jurisdiction = jurisdictionRule(this.rules, req.jurisdiction);
      const data: Record<string, unknown> = { from: req.status, to, at, reason };
      if (to === 'identity_pending') {
        if (rule.verification === 'not_allowed') {
          throw new PrivacyError('DSAR_TRANSITION', `request ${id}: a ${req.jurisdiction} ${req.type} request may not be made to wait for identity verification (${rule.reference}); move it to in_progress`);
        }
        if (rule.verification === 'on_doubt' && !reason) {
          throw new PrivacyError('DSAR_TRANSITION', `request ${id}: under ${req.jurisdiction} identity may be checked only on reasonable doubt; record the doubt as the reason`);
        }
      }
      if (req.status === 'acknowledged' && to === 'in_progress' && rule.verification === 'required') {
        throw new PrivacyError('DSAR_TRANSITION', `request ${id}: a ${req.jurisdiction} ${req.type} request must be verified first (acknowledged → identity_pending → verified → in_progress)`);
      }
      if (to === 'verified' || to === 'verification_failed') {
        if (!o.verification) throw new PrivacyError('DSAR_TRANSITION', `request ${id}: going to ${to} needs the verification outcome (allowed, level, factor categories)`);
        if (o.verification.allowed !== (to === 'verified')) {
          throw new PrivacyError('DSAR_TRANSITION', `request ${id}: the verification outcome says allowed=${o.verification.allowed}, which does not match ${to}`);
        }
        const vAt = o.verification.at ? o.verification.at.toISOString() : at;
        data.verification = { ...o.verification, at: vAt };
        if (to === 'verified' && jurisdiction.clockStart === 'latest_of_receipt_and_identity' && req.identityRequestedAt && !req.extension) {
          const clockStart = localDate(new Date(vAt), req.timeZone);
          if (clockStart > req.deadlines.clockStart) {
            const deadlines = computeDeadlines(rule, req.receivedDate, clockStart, this.calendarOf(req));
            if (req.deadlines.acknowledgeBy) deadlines.acknowledgeBy = req.deadlines.acknowledgeBy;
            data.deadlines = deadlines;
          }
        }
      }
      if (to === 'denied' || to === 'completed' || to === 'withdrawn') {
        const response = buildResponse(req, to, at, { outcome: o.outcome, denial, nature: responseNature, remediesNotified: o.remediesNotified, remediesRequired: jurisdiction.denialNoticeRequiresRemedies });
        data.response = response;
        data.retainUntil = retentionDate(response.date, this.retentionMonths);
      }
      return { kind: 'transition', actor: this.actor(o.actor), requestId: id, data: JSON.parse(JSON.stringify(data)) };
    });
    return this.copyOf(id);
  }

  async extend(id: string, options: ExtendOptions): Promise<DsarRequest> {
    this.writable();
    const o = parseInput(ExtendSchema, options, 'extend');
    await this.assertOpaque('actor', o.actor);
    const reason = await this.clean(o.reason);
    await this.commit((now) => {
      const req = this.mustChange(id);
      const rule = typeRule(this.rules, req.jurisdiction, req.type);
      const respondBy = checkExtension(req, rule, this.calendarOf(req), { now, noticeSentAt: o.noticeSentAt, reason });
      const data = {
        at: now.toISOString(),
        noticeSentAt: (o.noticeSentAt as Date).toISOString(),
        reason: reason as string,
        previousRespondBy: req.deadlines.respondBy,
        respondBy,
      };
      return { kind: 'extended', actor: this.actor(o.actor), requestId: id, data };
    });
    return this.copyOf(id);
  }

  async route(id: string, queue: string, options: RouteOptions = {}): Promise<DsarRequest> {
    this.writable();
    const o = parseInput(RouteSchema, { ...options, queue }, 'route');
    await this.assertOpaque('actor', o.actor);
    await this.assertOpaque('queue', o.queue);
    const reason = await this.clean(o.reason);
    await this.commit((now) => {
      const req = this.mustChange(id);
      const data = JSON.parse(JSON.stringify({ at: this.effective(req, o.at, now), queue: o.queue, reason }));
      return { kind: 'routed', actor: this.actor(o.actor), requestId: id, data };
    });
    return this.copyOf(id);
  }

  async addTask(id: string, task: AddTaskInput): Promise<RequestTask> {
    this.writable();
    const o = parseInput(AddTaskSchema, task, 'add task');
    await this.assertOpaque('actor', o.actor);
    await this.assertOpaque('system', o.system);
    for (const c of o.categories ?? []) await this.assertOpaque('categories', c);
    const note = await this.clean(o.note);
    let taskId = '';
    await this.commit((now) => {
      const req = this.mustChange(id);
      const at = this.effective(req, o.at, now);
      taskId = `t${req.tasks.length + 1}`;
      const t: RequestTask = { id: taskId, system: o.system, kind: o.kind, status: 'open', categories: o.categories ?? [], note, createdAt: at, updatedAt: at };
      return { kind: 'task_added', actor: this.actor(o.actor), requestId: id, data: { at, task: JSON.parse(JSON.stringify(t)) } };
    });
    return this.copyOf(id).tasks.find((t) => t.id === taskId) as RequestTask;
  }

  async updateTask(id: string, taskId: string, update: UpdateTaskInput): Promise<RequestTask> {
    this.writable();
    const o = parseInput(UpdateTaskSchema, update, 'update task');
    await this.assertOpaque('actor', o.actor);
    const note = await this.clean(o.note);
    await this.commit((now) => {
      const req = this.mustChange(id);
      const task = req.tasks.find((t) => t.id === taskId);
      if (!task) throw new PrivacyError('DSAR_NOT_FOUND', `request ${id} has no task ${taskId}; its tasks are ${req.tasks.map((t) => t.id).join(', ') || 'none'}`);
      if (!OPEN_TASK_STATUSES.has(task.status)) throw new PrivacyError('DSAR_TRANSITION', `task ${taskId} of request ${id} is ${task.status}, a final state`);
      if ((o.status === 'not_required' || o.status === 'deferred') && !note) {
        throw new PrivacyError('DSAR_INPUT', `task ${taskId}: status ${o.status} needs a note explaining why (e.g. impossible or disproportionate effort, or backup deletion on next access)`);
      }
      const at = this.effective(req, o.at, now);
      return { kind: 'task_updated', actor: this.actor(o.actor), requestId: id, data: JSON.parse(JSON.stringify({ at, taskId, status: o.status, note })) };
    });
    return this.copyOf(id).tasks.find((t) => t.id === taskId) as RequestTask;
  }

  async addNote(id: string, text: string, options: { actor?: string; at?: Date | string } = {}): Promise<DsarRequest> {
    this.writable();
    const o = parseInput(NoteSchema, { ...options, text }, 'note');
    await this.assertOpaque('actor', o.actor);
    const clean = (await this.clean(o.text)) as string;
    await this.commit((now) => {
      const req = this.mustChange(id);
      return { kind: 'note_added', actor: this.actor(o.actor), requestId: id, data: { at: this.effective(req, o.at, now), text: clean } };
    });
    return this.copyOf(id);
  }

  private copyOf(id: string): DsarRequest {
    return JSON.parse(JSON.stringify(this.mustGet(id))) as DsarRequest;
  }

  get(id: string): DsarRequest | undefined {
    return this.state.requests.has(id) ? this.copyOf(id) : undefined;
  }

  history(id: string): HistoryItem[] {
    return this.copyOf(id).history;
  }

  list(filter: ListFilter = {}): ListedRequest[] {
    return listRequests([...this.state.requests.values()], filter, this.clock());
  }

  snapshot(): DsarRequest[] {
    return [...this.state.requests.keys()].sort().map((id) => this.copyOf(id));
  }

  metrics(year: number, options: { jurisdiction?: JurisdictionId } = {}): MetricsReport {
    return computeMetrics([...this.state.requests.values()], year, options);
  }

  head(): { logId: string | undefined; size: number; headHash: string } {
    return { logId: this.state.logId, size: this.state.size, headHash: this.state.headHash };
  }

  refresh(): Promise<void> {
    return this.serial(async () => {
      for (const e of await this.store.catchUp()) applyEntry(this.state, e);
    });
  }

  verifyIntegrity(options: VerifyOptions = {}): Promise<IntegrityReport> {
    return this.serial(() => verifyStore(this.store, options));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.serial(() => this.store.close());
  }
}

/** Verifies a store's chain and, when given, its checkpoints. */
export async function verifyStore(store: LedgerStore, options: VerifyOptions = {}): Promise<IntegrityReport> {
  return report(store.description, options, (seqs) => store.scan(seqs));
}

/**
 * Verifies a ledger without opening it for use (a damaged ledger does not open): what
 * `caregate dsar verify` runs.
 */
export async function verifyLedger(options: Pick<RequestLogOptions, 'ledger' | 'pg'> & VerifyOptions): Promise<IntegrityReport> {
  if (options.ledger !== undefined && options.pg === undefined) {
    const path = options.ledger;
    return report(path, options, (seqs) => scanLedgerFile(path, seqs));
  }
  const store = await openStore({ ledger: options.ledger, pg: options.pg, readOnly: true });
  try {
    return await verifyStore(store, options);
  } finally {
    await store.close();
  }
}

async function report(where: string, options: VerifyOptions, scanner: (seqs: ReadonlySet<number>) => Promise<ChainScan>): Promise<IntegrityReport> {
  const checkpoints = options.checkpoints ?? [];
  if (checkpoints.length > 0 && !options.checkpointKey) {
    throw new PrivacyError('DSAR_CONFIG', 'checking checkpoints needs the checkpoint verification key (the Ed25519 public key or the HMAC secret)');
  }
  const scan = await scanner(checkpointSeqs(checkpoints));
  const problems: IntegrityIssue[] = [];
  if (scan.issue) problems.push(scan.issue);
  if (checkpoints.length > 0 && options.checkpointKey) problems.push(...checkAgainstCheckpoints(scan, checkpoints, options.checkpointKey));
  return {
    ok: problems.length === 0,
    store: where,
    logId: scan.logId,
    entries: scan.size,
    headHash: scan.headHash,
    firstProblem: problems[0],
    problems,
    checkpointsChecked: checkpoints.length,
  };
}

/** Opens the store the options name. */
export async function openStore(options: Pick<RequestLogOptions, 'ledger' | 'pg' | 'store' | 'readOnly'>): Promise<LedgerStore> {
  const chosen = [options.ledger, options.pg, options.store].filter((x) => x !== undefined).length;
  if (chosen !== 1) throw new PrivacyError('DSAR_CONFIG', 'give exactly one place for the register: options.ledger (a JSONL file path), options.pg (PostgreSQL) or options.store');
  if (options.store) return options.store;
  if (options.ledger !== undefined) return openFileLedger({ path: options.ledger, readOnly: options.readOnly });
  return openPgLedger({ ...(options.pg as PgLedgerOptions), readOnly: options.readOnly });
}

/**
 * Opens the GDPR/CCPA request register: replays the ledger (checking its chain) and returns the log.
 * Writers need `pseudonymKey` and `timeZone`; readers (`readOnly: true`) need neither.
 */
export async function openRequestLog(options: RequestLogOptions): Promise<RequestLog> {
  const readOnly = options.readOnly ?? false;
  let key: Buffer | undefined;
  if (!readOnly) {
    key = pseudonymKeyBytes(options.pseudonymKey);
    if (!options.timeZone) {
      throw new PrivacyError('DSAR_CONFIG', 'the request register needs the business\'s time zone to count deadlines; pass options.timeZone (an IANA zone such as "Europe/Berlin"), or --tz on the CLI');
    }
    assertTimeZone(options.timeZone);
  }
  if (options.actor !== undefined && (typeof options.actor !== 'string' || options.actor === '' || safeText(options.actor) !== options.actor)) {
    throw new PrivacyError('DSAR_CONFIG', 'options.actor must be an opaque identifier of the operator or system (the redactor masked part of it, or it is empty)');
  }
  const retentionMonths = options.retentionMonths ?? MIN_RETENTION_MONTHS;
  if (!Number.isInteger(retentionMonths) || retentionMonths < MIN_RETENTION_MONTHS) {
    throw new PrivacyError('DSAR_CONFIG', `retentionMonths must be a whole number of at least ${MIN_RETENTION_MONTHS} (11 CCR 7101(a)); it can only be raised`);
  }
  const rules = options.rules ?? loadRules();
  // Check configured calendars now, not on the first request.
  for (const [j, id] of Object.entries(options.calendars ?? {})) {
    jurisdictionRule(rules, j);
    resolveCalendar(id as string, options.holidayCalendars);
  }
  const store = await openStore(options);
  const register = new Register(store, options, rules, key, options.clock ?? (() => new Date()), retentionMonths);
  try {
    await register.load();
  } catch (err) {
    await store.close();
    throw err;
  }
  return register;
}

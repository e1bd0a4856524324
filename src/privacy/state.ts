import type { LedgerEntry } from './chain.js';
import type { JsonValue } from './canonical-json.js';
import { addMonthsClamped } from './dates.js';
import type { Deadlines, DsarRequest, Extension, RequestState, RequestTask, ResponseRecord, VerificationOutcome } from './types.js';

/**
 * The register's state is a pure function of the ledger: `applyEntry` is the only place that changes it,
 * for live appends and for replays alike. Entries were validated when they were written; this code trusts
 * them and only reads.
 */
export interface RegisterState {
  logId: string | undefined;
  size: number;
  headHash: string;
  requests: Map<string, DsarRequest>;
  /** Times the ledger recovered from a torn last line. */
  recoveries: number;
}

export function emptyState(): RegisterState {
  return { logId: undefined, size: 0, headHash: '0'.repeat(64), requests: new Map(), recoveries: 0 };
}

/** Clones through JSON, so the state never shares objects with entries. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

type Data = { [key: string]: JsonValue };

function str(data: Data, key: string): string | undefined {
  const v = data[key];
  return typeof v === 'string' ? v : undefined;
}

export function applyEntry(state: RegisterState, entry: LedgerEntry): void {
  state.size = entry.seq + 1;
  state.headHash = entry.hash;
  const data = entry.data;
  const at = str(data, 'at') ?? entry.ts;
  if (entry.kind === 'ledger_created') {
    state.logId = str(data, 'logId');
    return;
  }
  if (entry.kind === 'ledger_recovered') {
    state.recoveries++;
    return;
  }
  if (entry.kind === 'request_received') {
    const req = copy(data.request) as unknown as Omit<DsarRequest, 'status' | 'tasks' | 'notes' | 'history'>;
    const full: DsarRequest = { ...req, status: 'received', tasks: [], notes: [], history: [] };
    full.history.push({ seq: entry.seq, ts: entry.ts, at: req.receivedAt, kind: entry.kind, actor: entry.actor, summary: receivedSummary(full) });
    state.requests.set(full.id, full);
    return;
  }
  const req = entry.requestId ? state.requests.get(entry.requestId) : undefined;
  if (!req) return;
  let summary: string;
  switch (entry.kind) {
    case 'transition': {
      const from = req.status;
      const to = str(data, 'to') as RequestState;
      req.status = to;
      const reason = str(data, 'reason');
      if (to === 'acknowledged') req.acknowledgedAt = at;
      if (to === 'identity_pending') req.identityRequestedAt = at;
      if (data.verification) req.verification = copy(data.verification) as unknown as VerificationOutcome & { at: string };
      if (data.deadlines) req.deadlines = copy(data.deadlines) as unknown as Deadlines;
      if (data.response) req.response = copy(data.response) as unknown as ResponseRecord;
      const retainUntil = str(data, 'retainUntil');
      if (retainUntil) req.retainUntil = retainUntil;
      summary = `${from} → ${to}${reason ? `: ${reason}` : ''}`;
      if (req.response && (to === 'completed' || to === 'denied')) {
        summary += ` (${req.response.outcome}${req.response.denial ? `, basis ${req.response.denial.basis}` : ''})`;
      }
      if (data.deadlines) summary += `; clock restarted, respond by ${req.deadlines.respondBy}`;
      break;
    }
    case 'extended': {
      req.extension = copy(data) as unknown as Extension;
      req.deadlines = { ...req.deadlines, respondBy: req.extension.respondBy };
      summary = `extended from ${req.extension.previousRespondBy} to ${req.extension.respondBy}: ${req.extension.reason}`;
      break;
    }
    case 'routed': {
      req.queue = str(data, 'queue');
      const reason = str(data, 'reason');
      summary = `routed to ${req.queue}${reason ? `: ${reason}` : ''}`;
      break;
    }
    case 'task_added': {
      const task = copy(data.task) as unknown as RequestTask;
      req.tasks.push(task);
      summary = `task ${task.id} added: ${task.kind} in ${task.system}`;
      break;
    }
    case 'task_updated': {
      const task = req.tasks.find((t) => t.id === str(data, 'taskId'));
      if (!task) return;
      task.status = str(data, 'status') as RequestTask['status'];
      task.updatedAt = at;
      const note = str(data, 'note');
      if (note !== undefined) task.note = note;
      summary = `task ${task.id} (${task.kind} in ${task.system}) → ${task.status}${note ? `: ${note}` : ''}`;
      break;
    }
    case 'note_added': {
      const text = str(data, 'text') ?? '';
      req.notes.push(text);
      summary = `note: ${text}`;
      break;
    }
    default:
      return;
  }
  req.history.push({ seq: entry.seq, ts: entry.ts, at, kind: entry.kind, actor: entry.actor, summary });
}

function receivedSummary(req: DsarRequest): string {
  const ack = req.deadlines.acknowledgeBy ? `, confirm receipt by ${req.deadlines.acknowledgeBy}` : '';
  return `received ${req.type} request (${req.jurisdiction}) by ${req.channel}${ack}, respond by ${req.deadlines.respondBy}`;
}

/** Date until which a closed request's record is kept. */
export function retentionDate(responseDate: string, months: number): string {
  return addMonthsClamped(responseDate, months);
}

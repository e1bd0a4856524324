import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { JsonValue } from './canonical-json.js';

/**
 * Ledger entries and the hash chain. Each entry's `hash` is the SHA-256 of the canonical JSON of the entry
 * without `hash`; each entry's `prevHash` is the previous entry's `hash` (64 zeros for the first). An entry
 * is stored as exactly its canonical JSON, so any byte changed is caught: the line no longer parses, is no
 * longer canonical, or hashes differently.
 */

export const LEDGER_FORMAT = 'caregate.dsar.ledger/1';
export const GENESIS_PREV_HASH = '0'.repeat(64);

export const ENTRY_KINDS = [
  'ledger_created',
  'ledger_recovered',
  'request_received',
  'transition',
  'extended',
  'routed',
  'task_added',
  'task_updated',
  'note_added',
  // The token vault's audit entries (caregate/vault): reveals allowed and refused, key rotation and
  // retirement, erasure by crypto-shredding. They carry no requestId, so the register's replay skips them.
  'vault_reveal',
  'vault_rotated',
  'vault_retired',
  'vault_shredded',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface LedgerEntry {
  v: 1;
  seq: number;
  ts: string;
  prevHash: string;
  kind: EntryKind;
  actor: string;
  requestId?: string;
  data: { [key: string]: JsonValue };
  hash: string;
}

/** What the register hands to a store; the store fills in seq, ts, prevHash and hash. */
export interface EntryDraft {
  kind: EntryKind;
  actor: string;
  requestId?: string;
  data: { [key: string]: JsonValue };
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Completes a draft into a chained entry and its line (canonical JSON, without the newline). */
export function sealEntry(draft: EntryDraft, seq: number, prevHash: string, ts: string): { entry: LedgerEntry; line: string } {
  const body = { v: 1 as const, seq, ts, prevHash, kind: draft.kind, actor: draft.actor, requestId: draft.requestId, data: draft.data };
  const hash = sha256Hex(canonicalJson(body));
  const entry: LedgerEntry = { ...body, hash };
  if (entry.requestId === undefined) delete entry.requestId;
  return { entry, line: canonicalJson(entry) };
}

export type IntegrityProblem =
  | 'unparseable'
  | 'not_canonical'
  | 'malformed'
  | 'sequence'
  | 'chain_break'
  | 'hash_mismatch'
  | 'genesis'
  | 'torn_tail'
  | 'checkpoint_signature'
  | 'checkpoint_log'
  | 'truncated'
  | 'rollback'
  | 'head_mismatch'
  | 'column_mismatch';

export interface IntegrityIssue {
  problem: IntegrityProblem;
  /** Entry number (seq) where known. */
  seq?: number;
  /** 1-based line (file) or row position (PostgreSQL). */
  line?: number;
  message: string;
}

const HEX64 = /^[0-9a-f]{64}$/;
const KINDS: ReadonlySet<string> = new Set(ENTRY_KINDS);

function wellFormed(v: unknown): v is LedgerEntry {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const e = v as Record<string, unknown>;
  const allowed = new Set(['v', 'seq', 'ts', 'prevHash', 'kind', 'actor', 'requestId', 'data', 'hash']);
  return (
    Object.keys(e).every((k) => allowed.has(k)) &&
    e.v === 1 &&
    Number.isSafeInteger(e.seq) &&
    (e.seq as number) >= 0 &&
    typeof e.ts === 'string' &&
    !Number.isNaN(Date.parse(e.ts)) &&
    typeof e.prevHash === 'string' &&
    HEX64.test(e.prevHash) &&
    typeof e.hash === 'string' &&
    HEX64.test(e.hash) &&
    typeof e.kind === 'string' &&
    KINDS.has(e.kind) &&
    typeof e.actor === 'string' &&
    (e.requestId === undefined || typeof e.requestId === 'string') &&
    typeof e.data === 'object' &&
    e.data !== null &&
    !Array.isArray(e.data)
  );
}

/**
 * Checks entries one by one, in order. `push` returns the entry, or the first problem found at that
 * position; after a problem the verifier should not be fed further lines.
 */
export class ChainVerifier {
  size = 0;
  headHash = GENESIS_PREV_HASH;
  logId: string | undefined;

  push(line: string, position: number): { entry: LedgerEntry } | { issue: IntegrityIssue } {
    const expected = this.size;
    const at = (problem: IntegrityProblem, message: string, seq?: number): { issue: IntegrityIssue } => ({
      issue: { problem, line: position, seq: seq ?? expected, message: `entry #${seq ?? expected} (line ${position}): ${message}` },
    });
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return at('unparseable', 'not valid JSON; the line was edited or damaged');
    }
    if (!wellFormed(parsed)) return at('malformed', 'not a ledger entry (fields missing, unknown or of the wrong type)');
    const entry = parsed;
    if (canonicalJson(entry) !== line) return at('not_canonical', 'not in canonical form; the line was edited', entry.seq);
    if (entry.seq !== expected) {
      return at('sequence', `found entry #${entry.seq} where #${expected} belongs; entries were removed, inserted or reordered`, expected);
    }
    const { hash, ...body } = entry;
    if (sha256Hex(canonicalJson(body)) !== hash) return at('hash_mismatch', 'its content does not match its hash; the entry was edited');
    if (entry.prevHash !== this.headHash) {
      return at('chain_break', "its prevHash is not the previous entry's hash; an entry before it was changed, removed or inserted");
    }
    if (expected === 0) {
      if (entry.kind !== 'ledger_created' || entry.data.format !== LEDGER_FORMAT || typeof entry.data.logId !== 'string') {
        return at('genesis', `the first entry must be a ledger_created entry of format ${LEDGER_FORMAT}`);
      }
      this.logId = entry.data.logId;
    } else if (entry.kind === 'ledger_created') {
      return at('genesis', 'a second ledger_created entry; ledgers were spliced together');
    }
    this.size++;
    this.headHash = hash;
    return { entry };
  }
}

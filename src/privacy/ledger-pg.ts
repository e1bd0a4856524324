import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { ChainVerifier, LEDGER_FORMAT, sealEntry } from './chain.js';
import type { EntryDraft, IntegrityIssue, LedgerEntry } from './chain.js';
import { PrivacyError } from './errors.js';
import { entryFromLine } from './ledger-store.js';
import type { ChainScan, LedgerStore } from './ledger-store.js';
import { inTransaction, migrate, quoteIdent } from './pg-migrations.js';

/**
 * The PostgreSQL ledger: the same entries and chain as the file, one row per entry (the canonical line is
 * stored verbatim). Writers serialize on `SELECT … FOR UPDATE` of the single head row, so any number of
 * processes can append; each one first reads what others appended and hands it to the register, which
 * re-checks its operation against the fresh state before the entry is sealed. UPDATE, DELETE and TRUNCATE
 * on the ledger table are refused by triggers; `scan()` still detects rows changed by someone able to
 * bypass them.
 */

export interface PgLedgerOptions {
  /** A pg Pool to use (not closed by the store), or a connection string (a pool is created and closed). */
  pool?: Pool;
  connectionString?: string;
  /** Schema holding the tables; created by the migration. Default "caregate". */
  schema?: string;
  readOnly?: boolean;
}

const SCHEMA_RE = /^[a-z_][a-z0-9_]{0,62}$/;

/** A ledger row as read, with the columns that repeat fields of the entry (indexes and queries use them). */
interface LedgerRow {
  seq: string;
  hash: string;
  kind: string;
  request_id: string | null;
  ts: Date | string;
  line: string;
}

const ROW_COLUMNS = 'seq, hash, kind, request_id, ts, line';

/**
 * The columns must say what the entry says: a row whose hash, kind, request_id or ts column was changed
 * (by someone able to bypass the triggers) misleads every query that reads the columns, not the line.
 */
function columnMismatch(row: LedgerRow, entry: LedgerEntry): string | undefined {
  const wrong: string[] = [];
  if (row.hash !== entry.hash) wrong.push('hash');
  if (row.kind !== entry.kind) wrong.push('kind');
  if ((row.request_id ?? undefined) !== entry.requestId) wrong.push('request_id');
  if (new Date(row.ts).getTime() !== Date.parse(entry.ts)) wrong.push('ts');
  return wrong.length > 0 ? wrong.join(', ') : undefined;
}

function integrityError(where: string, issue: IntegrityIssue): PrivacyError {
  return new PrivacyError('DSAR_INTEGRITY', `the ledger in ${where} failed its integrity check at ${issue.message}; run \`caregate dsar verify\` and restore it from a verified copy`);
}

class PgLedger implements LedgerStore {
  readonly description: string;
  private readonly s: string;
  private verifier = new ChainVerifier();

  constructor(
    private readonly pool: Pool,
    private readonly ownsPool: boolean,
    readonly schema: string,
    readonly readOnly: boolean,
  ) {
    this.s = quoteIdent(schema);
    this.description = `PostgreSQL schema ${schema}`;
  }

  /** Rows after the ones this store has seen, checked against the chain. */
  private async readNewer(client: Pool | PoolClient): Promise<LedgerEntry[]> {
    const { rows } = await client.query<LedgerRow>(`SELECT ${ROW_COLUMNS} FROM ${this.s}.dsar_ledger WHERE seq >= $1 ORDER BY seq`, [this.verifier.size]);
    const out: LedgerEntry[] = [];
    for (const row of rows) {
      const result = this.verifier.push(row.line, this.verifier.size + 1);
      if ('issue' in result) throw integrityError(this.description, result.issue);
      if (Number(row.seq) !== result.entry.seq) {
        throw integrityError(this.description, { problem: 'sequence', seq: result.entry.seq, message: `row seq ${row.seq} holds entry #${result.entry.seq}` });
      }
      const wrong = columnMismatch(row, result.entry);
      if (wrong) {
        throw integrityError(this.description, { problem: 'column_mismatch', seq: result.entry.seq, message: `entry #${result.entry.seq}: its ${wrong} column does not match the entry` });
      }
      out.push(entryFromLine(row.line));
    }
    return out;
  }

  /** Appends under the head-row lock: catch up, let `prepare` decide, insert, move the head. */
  private async writeLocked(prepare: (newer: LedgerEntry[]) => EntryDraft | undefined, ts: () => Date): Promise<LedgerEntry | undefined> {
    const sealed = await inTransaction(this.pool, async (client) => {
      const head = (await client.query<{ seq: string; hash: string }>(`SELECT seq, hash FROM ${this.s}.dsar_ledger_head WHERE id = 1 FOR UPDATE`)).rows[0];
      if (!head) throw new PrivacyError('DSAR_STORE', `the head row of ${this.description} is missing; the schema was changed by hand`);
      const newer = await this.readNewer(client);
      if (Number(head.seq) !== this.verifier.size - 1 || head.hash !== this.verifier.headHash) {
        throw new PrivacyError('DSAR_INTEGRITY', `the head row of ${this.description} (entry #${head.seq}) does not match the ledger's last entry (#${this.verifier.size - 1}); run \`caregate dsar verify\``);
      }
      const draft = prepare(newer);
      if (!draft) return undefined;
      const { entry, line } = sealEntry(draft, this.verifier.size, this.verifier.headHash, ts().toISOString());
      await client.query(`INSERT INTO ${this.s}.dsar_ledger (seq, hash, kind, request_id, ts, line) VALUES ($1, $2, $3, $4, $5, $6)`, [
        entry.seq,
        entry.hash,
        entry.kind,
        entry.requestId ?? null,
        entry.ts,
        line,
      ]);
      await client.query(`UPDATE ${this.s}.dsar_ledger_head SET seq = $1, hash = $2 WHERE id = 1`, [entry.seq, entry.hash]);
      return line;
    });
    if (sealed === undefined) return undefined;
    // Only a committed entry joins this writer's view of the chain.
    const pushed = this.verifier.push(sealed, this.verifier.size + 1);
    if ('issue' in pushed) throw integrityError(this.description, pushed.issue);
    return entryFromLine(sealed);
  }

  async init(): Promise<void> {
    if (this.readOnly) return;
    const client = await this.pool.connect();
    try {
      await migrate(client, this.schema);
    } finally {
      client.release();
    }
    // Create the first entry unless another writer already did.
    await this.writeLocked(
      () => (this.verifier.size === 0 ? { kind: 'ledger_created', actor: 'system', data: { format: LEDGER_FORMAT, logId: randomUUID() } } : undefined),
      () => new Date(),
    );
    // Forget what that read; load() returns everything from the start.
    this.verifier = new ChainVerifier();
  }

  async load(): Promise<LedgerEntry[]> {
    try {
      const entries = await this.readNewer(this.pool);
      if (this.verifier.size === 0) throw new PrivacyError('DSAR_CONFIG', `there is no ledger in ${this.description}; open it for writing once to create it`);
      return entries;
    } catch (err) {
      if ((err as { code?: string }).code === '42P01') {
        throw new PrivacyError('DSAR_CONFIG', `there is no ledger in ${this.description}; open it for writing once to create it (the migration creates the tables)`);
      }
      throw err;
    }
  }

  async append(prepare: (newer: LedgerEntry[]) => EntryDraft, ts: () => Date): Promise<LedgerEntry> {
    if (this.readOnly) throw new PrivacyError('DSAR_READ_ONLY', `${this.description} is open read-only; open it without readOnly to record requests`);
    return (await this.writeLocked(prepare, ts)) as LedgerEntry;
  }

  catchUp(): Promise<LedgerEntry[]> {
    return this.readNewer(this.pool);
  }

  /**
   * Re-reads every row and checks the chain, the columns against each entry, and the head row against the
   * last entry: a deleted last row (or rows added without moving the head) is found by the head row.
   */
  async scan(rememberSeqs: ReadonlySet<number> = new Set()): Promise<ChainScan> {
    const verifier = new ChainVerifier();
    const hashesAt = new Map<number, string>();
    let issue: IntegrityIssue | undefined;
    const { rows } = await this.pool.query<LedgerRow>(`SELECT ${ROW_COLUMNS} FROM ${this.s}.dsar_ledger ORDER BY seq`);
    for (const [i, row] of rows.entries()) {
      const result = verifier.push(row.line, i + 1);
      if ('issue' in result) {
        issue = { ...result.issue, message: result.issue.message.replace(/\(line (\d+)\)/, '(row $1 by seq)') };
        break;
      }
      if (Number(row.seq) !== result.entry.seq) {
        issue = { problem: 'sequence', seq: result.entry.seq, line: i + 1, message: `entry #${result.entry.seq} (row ${i + 1} by seq): stored under seq ${row.seq}; rows were renumbered` };
        break;
      }
      const wrong = columnMismatch(row, result.entry);
      if (wrong) {
        issue = { problem: 'column_mismatch', seq: result.entry.seq, line: i + 1, message: `entry #${result.entry.seq} (row ${i + 1} by seq): its ${wrong} column does not match the entry; the row was changed` };
        break;
      }
      if (rememberSeqs.has(result.entry.seq)) hashesAt.set(result.entry.seq, result.entry.hash);
    }
    if (!issue) issue = await this.headIssue(verifier);
    return { logId: verifier.logId, size: verifier.size, headHash: verifier.headHash, issue, hashesAt };
  }

  /** The head row must name the last entry: its seq and hash. */
  private async headIssue(verifier: ChainVerifier): Promise<IntegrityIssue | undefined> {
    const head = (await this.pool.query<{ seq: string; hash: string }>(`SELECT seq, hash FROM ${this.s}.dsar_ledger_head WHERE id = 1`)).rows[0];
    const last = verifier.size - 1;
    if (!head) return { problem: 'head_mismatch', seq: last, message: `the head row of ${this.description} is missing; the schema was changed by hand` };
    const headSeq = Number(head.seq);
    if (headSeq > last) {
      return {
        problem: 'truncated',
        seq: verifier.size,
        message: `the head row names entry #${headSeq} but the last row is entry #${last}: ${headSeq - last} entr${headSeq - last === 1 ? 'y was' : 'ies were'} deleted from the end`,
      };
    }
    if (headSeq !== last || head.hash !== verifier.headHash) {
      return { problem: 'head_mismatch', seq: last, message: `the head row (entry #${headSeq}) does not match the last entry (#${last}); rows were added or changed without the writer` };
    }
    return undefined;
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }
}

/** Opens the PostgreSQL ledger; a writer runs the migrations first. */
export async function openPgLedger(options: PgLedgerOptions): Promise<LedgerStore> {
  const schema = options.schema ?? 'caregate';
  if (!SCHEMA_RE.test(schema)) throw new PrivacyError('DSAR_CONFIG', `"${schema}" is not a usable schema name; use lower-case letters, digits and _ (at most 63)`);
  if (!options.pool && !options.connectionString) throw new PrivacyError('DSAR_CONFIG', 'the PostgreSQL ledger needs options.pg.pool or options.pg.connectionString');
  // pg loads here, on first use: `import 'caregate'` should not pay for a PostgreSQL client it may never open.
  const pool = options.pool ?? new (await import('pg')).default.Pool({ connectionString: options.connectionString, max: 4 });
  const store = new PgLedger(pool, !options.pool, schema, options.readOnly ?? false);
  try {
    await store.init();
  } catch (err) {
    await store.close();
    if (err instanceof PrivacyError) throw err;
    throw new PrivacyError('DSAR_STORE', `cannot open the ledger in PostgreSQL schema ${schema}: ${(err as Error).message}`, {}, { cause: err });
  }
  return store;
}

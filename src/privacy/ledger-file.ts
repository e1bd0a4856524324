import { createHash, randomUUID } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ChainVerifier, LEDGER_FORMAT, sealEntry } from './chain.js';
import type { EntryDraft, IntegrityIssue, LedgerEntry } from './chain.js';
import { PrivacyError } from './errors.js';
import { entryFromLine } from './ledger-store.js';
import type { ChainScan, LedgerStore } from './ledger-store.js';
import { acquireLock } from './lock-file.js';
import type { LockHandle } from './lock-file.js';

/**
 * The embedded ledger: an append-only JSONL file, one canonical entry per line, hash-chained. Appends are
 * written with O_APPEND and fsync'ed before they return; one writer at a time holds `<path>.lock`. A last
 * line without its newline (a crash in the middle of an append) is cut off when a writer opens the file,
 * and a `ledger_recovered` entry records how many bytes were dropped and their SHA-256. Earlier entries
 * are never touched.
 */

export interface FileLedgerOptions {
  path: string;
  readOnly?: boolean;
}

interface Parsed {
  entries: LedgerEntry[];
  issue?: IntegrityIssue;
  /** Bytes of complete lines consumed. */
  consumed: number;
  /** Bytes after the last newline. */
  tail: Buffer;
}

function parseBuffer(buf: Buffer, verifier: ChainVerifier, firstLine: number): Parsed {
  const entries: LedgerEntry[] = [];
  let start = 0;
  let lineNo = firstLine;
  for (let nl = buf.indexOf(0x0a, start); nl !== -1; nl = buf.indexOf(0x0a, start)) {
    const line = buf.toString('utf8', start, nl);
    const result = verifier.push(line, lineNo);
    if ('issue' in result) return { entries, issue: result.issue, consumed: start, tail: buf.subarray(nl + 1) };
    entries.push(result.entry);
    start = nl + 1;
    lineNo++;
  }
  return { entries, consumed: start, tail: buf.subarray(start) };
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new PrivacyError('DSAR_STORE', `cannot read the ledger ${path} (${(err as NodeJS.ErrnoException).code})`);
  }
}

function integrityError(path: string, issue: IntegrityIssue): PrivacyError {
  return new PrivacyError('DSAR_INTEGRITY', `the ledger ${path} failed its integrity check at ${issue.message}; run \`caregate dsar verify\` and restore it from a verified copy`, {
    file: path,
    line: issue.line,
  });
}

async function fsyncDir(path: string): Promise<void> {
  const dir = await open(dirname(path), 'r');
  try {
    await dir.sync();
  } catch {
    // Some file systems refuse fsync on directories; the file itself is synced.
  } finally {
    await dir.close();
  }
}

/** Reads and checks a ledger file without opening it for writing (what `caregate dsar verify` does). */
export async function scanLedgerFile(path: string, rememberSeqs: ReadonlySet<number> = new Set()): Promise<ChainScan> {
  const buf = await readIfExists(path);
  if (!buf) throw new PrivacyError('DSAR_CONFIG', `there is no ledger at ${path}; check --ledger`);
  const verifier = new ChainVerifier();
  const parsed = parseBuffer(buf, verifier, 1);
  let issue = parsed.issue;
  if (!issue && parsed.tail.length > 0) {
    const line = parsed.entries.length + 1;
    issue = {
      problem: 'torn_tail',
      line,
      seq: parsed.entries.length,
      message: `entry #${parsed.entries.length} (line ${line}): the last line has no newline (${parsed.tail.length} bytes): a crash in the middle of an append, a writer appending right now, or an edit. Opening the ledger for writing drops it`,
    };
  }
  const hashesAt = new Map<number, string>();
  for (const e of parsed.entries) if (rememberSeqs.has(e.seq)) hashesAt.set(e.seq, e.hash);
  return { logId: verifier.logId, size: verifier.size, headHash: verifier.headHash, issue, hashesAt };
}

class FileLedger implements LedgerStore {
  readonly description: string;
  private verifier = new ChainVerifier();
  private consumed = 0;
  private pending: LedgerEntry[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private broken: string | undefined;

  constructor(
    readonly path: string,
    readonly readOnly: boolean,
    private handle: FileHandle | undefined,
    private lock: LockHandle | undefined,
  ) {
    this.description = path;
  }

  /** Reads what is on disk; a writer cuts a torn tail and records it. */
  async init(): Promise<void> {
    const buf = (await readIfExists(this.path)) ?? Buffer.alloc(0);
    const parsed = parseBuffer(buf, this.verifier, 1);
    if (parsed.issue) throw integrityError(this.path, parsed.issue);
    this.pending = parsed.entries;
    this.consumed = parsed.consumed;
    if (this.readOnly) {
      if (this.verifier.size === 0) throw new PrivacyError('DSAR_CONFIG', `there is no ledger at ${this.path}; check --ledger, or create one by opening it for writing`);
      return;
    }
    const handle = this.handle as FileHandle;
    if (parsed.tail.length > 0) {
      await handle.truncate(parsed.consumed);
      await handle.sync();
    }
    if (this.verifier.size === 0) {
      this.pending.push(await this.write({ kind: 'ledger_created', actor: 'system', data: { format: LEDGER_FORMAT, logId: randomUUID() } }, new Date()));
      await fsyncDir(this.path);
    }
    if (parsed.tail.length > 0) {
      const discardedSha256 = createHash('sha256').update(parsed.tail).digest('hex');
      const data = { discardedBytes: parsed.tail.length, discardedSha256, reason: 'incomplete last line' };
      this.pending.push(await this.write({ kind: 'ledger_recovered', actor: 'system', data }, new Date()));
    }
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(draft: EntryDraft, ts: Date): Promise<LedgerEntry> {
    if (this.broken) throw new PrivacyError('DSAR_STORE', `the ledger ${this.path} stopped accepting appends after a failed write (${this.broken}); close it and open it again to recover`);
    const { line } = sealEntry(draft, this.verifier.size, this.verifier.headHash, ts.toISOString());
    const bytes = Buffer.from(`${line}\n`, 'utf8');
    try {
      const handle = this.handle as FileHandle;
      for (let off = 0; off < bytes.length; ) off += (await handle.write(bytes, off, bytes.length - off)).bytesWritten;
      await handle.sync();
    } catch (err) {
      this.broken = (err as NodeJS.ErrnoException).code ?? 'write error';
      throw new PrivacyError('DSAR_STORE', `appending to the ledger ${this.path} failed (${this.broken}); nothing after the last complete line counts. Close it and open it again`, {}, { cause: err });
    }
    const result = this.verifier.push(line, this.verifier.size + 1);
    if ('issue' in result) throw integrityError(this.path, result.issue);
    this.consumed += bytes.length;
    return entryFromLine(line);
  }

  async load(): Promise<LedgerEntry[]> {
    const entries = this.pending;
    this.pending = [];
    return entries;
  }

  append(prepare: (newer: LedgerEntry[]) => EntryDraft, ts: () => Date): Promise<LedgerEntry> {
    if (this.readOnly) return Promise.reject(new PrivacyError('DSAR_READ_ONLY', `the ledger ${this.path} is open read-only; open it without readOnly to record requests`));
    return this.serial(async () => this.write(prepare([]), ts()));
  }

  catchUp(): Promise<LedgerEntry[]> {
    if (!this.readOnly) return Promise.resolve([]);
    return this.serial(async () => {
      const buf = (await readIfExists(this.path)) ?? Buffer.alloc(0);
      const parsed = parseBuffer(buf.subarray(this.consumed), this.verifier, this.verifier.size + 1);
      if (parsed.issue) throw integrityError(this.path, parsed.issue);
      this.consumed += parsed.consumed;
      return parsed.entries;
    });
  }

  scan(rememberSeqs?: ReadonlySet<number>): Promise<ChainScan> {
    return this.serial(() => scanLedgerFile(this.path, rememberSeqs));
  }

  close(): Promise<void> {
    return this.serial(async () => {
      await this.handle?.close();
      this.handle = undefined;
      await this.lock?.release();
      this.lock = undefined;
    });
  }
}

/** Opens (and for a writer, creates or recovers) a JSONL ledger. */
export async function openFileLedger(options: FileLedgerOptions): Promise<LedgerStore> {
  const readOnly = options.readOnly ?? false;
  let lock: LockHandle | undefined;
  let handle: FileHandle | undefined;
  if (!readOnly) {
    lock = await acquireLock(options.path);
    try {
      handle = await open(options.path, 'a', 0o600);
    } catch (err) {
      await lock.release();
      throw new PrivacyError('DSAR_STORE', `cannot open the ledger ${options.path} for appending (${(err as NodeJS.ErrnoException).code}); check the path and permissions`);
    }
  }
  const store = new FileLedger(options.path, readOnly, handle, lock);
  try {
    await store.init();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

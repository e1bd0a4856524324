import type { EntryDraft, IntegrityIssue, LedgerEntry } from './chain.js';

/** What verifying a whole store found. */
export interface ChainScan {
  logId: string | undefined;
  size: number;
  headHash: string;
  /** First problem found in the chain, if any. */
  issue?: IntegrityIssue;
  /** Hashes of the entries at the positions asked for (seq → hash), to check checkpoints against. */
  hashesAt: Map<number, string>;
}

/**
 * A place the ledger lives: the JSONL file (ledger-file.ts) or PostgreSQL (ledger-pg.ts). Both keep the
 * same chain of the same entries; only the register (request-log.ts) decides what goes into them.
 */
export interface LedgerStore {
  /** Where the ledger is, for messages (a path, or "PostgreSQL schema x"); never a password. */
  readonly description: string;
  readonly readOnly: boolean;
  /** Every entry in order, the chain verified; throws DSAR_INTEGRITY naming the first bad entry. */
  load(): Promise<LedgerEntry[]>;
  /**
   * Appends one entry. `prepare` runs while this writer holds the ledger exclusively, with the entries
   * other writers appended since this one last read (always none for the file store); it returns the
   * draft or throws to append nothing.
   */
  append(prepare: (newer: LedgerEntry[]) => EntryDraft, ts: () => Date): Promise<LedgerEntry>;
  /** Entries appended by other writers since this one last read. */
  catchUp(): Promise<LedgerEntry[]>;
  /** Re-reads the whole store and checks the chain. */
  scan(rememberSeqs?: ReadonlySet<number>): Promise<ChainScan>;
  close(): Promise<void>;
}

/** Parses a stored line back into the entry exactly as a replay sees it. */
export function entryFromLine(line: string): LedgerEntry {
  return JSON.parse(line) as LedgerEntry;
}

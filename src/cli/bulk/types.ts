import type { RedactorConfig } from '../../config.js';
import type { FormatName } from '../../formats/index.js';
import type { VaultSpec } from '../vault-scope.js';

/** What a worker is asked to do with one file. It gets paths, never data: it reads and writes the file itself. */
export interface FileTask {
  mode: 'redact' | 'scan';
  /** Absolute path of the input. */
  input: string;
  /** Name used in messages and results (the path relative to the base of the run). */
  source: string;
  /** redact: where the redacted copy goes (written atomically; the folder is created). */
  output?: string;
  /** redact: give the output the input's permission bits (in-place rewrites). */
  keepMode?: boolean;
  format: 'auto' | FormatName;
  /** Structured-clonable redactor configuration (what the CLI options map to). */
  config: RedactorConfig;
  /** The token vault scope of `--mask ENTITY=token` (each worker thread opens the vault itself). */
  vault?: VaultSpec;
  invalidUtf8: 'replace' | 'error';
  /** Largest JSON value, NDJSON line or CSV record held (--max-value-bytes); the format's default when unset. */
  maxValueBytes?: number;
  /** scan: return each finding with its location and a masked excerpt (else counts only). */
  details?: boolean;
  /** scan: characters of context in an excerpt (default 160). */
  excerptWidth?: number;
  /**
   * Shared with the main thread (an Int32Array over a SharedArrayBuffer): non-zero once the run is
   * interrupted. The worker then stops the file at its next chunk, leaving no output, and starts no other.
   */
  interrupt?: Int32Array;
}

/** A finding located in a file: no raw value, only where it is, what it is, and a masked excerpt. */
export interface LocatedFinding {
  ruleId: string;
  entity: string;
  confidence: number;
  /** 1-based line of the start (text: exact; NDJSON/CSV: the record's line; JSON: when it could be placed). */
  line?: number;
  /** 1-based column in UTF-16 code units, when known. */
  column?: number;
  endLine?: number;
  /** 1-based column one past the end (exclusive, as SARIF's endColumn). */
  endColumn?: number;
  /** JSON/NDJSON: JSON pointer of the value. */
  pointer?: string;
  /** CSV: record number (header is 0) and column name or index. */
  record?: number;
  field?: string | number;
  /** The line with every finding on it replaced by its mask, shortened around this one. Never a raw value. */
  excerpt: string;
}

export interface FileResult {
  ok: boolean;
  format?: FormatName;
  /** Bytes of input read. */
  bytes: number;
  findings: number;
  byEntity: Record<string, number>;
  byRule: Record<string, number>;
  /** The entity of each rule id found (key-hint ids such as "key-hint:email" are not in the catalogue). */
  ruleEntities?: Record<string, string>;
  /** Detector errors (their regions were masked). */
  scanErrors: number;
  records: number;
  /** scan: SHA-256 of the file's bytes (hex). */
  sha256?: string;
  /** scan with details. */
  items?: LocatedFinding[];
  /** Why the file failed; messages never hold raw values. */
  error?: { code: string; message: string };
  ms: number;
}

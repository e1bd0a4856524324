import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FileResult, LocatedFinding } from '../cli/bulk/types.js';
import type { RuleInfo } from '../redactor.js';
import type { BaselineReport } from './baseline.js';
import type { ReportPolicy } from './policy.js';

/** A finding located in a file: masked excerpt only, never a raw value (the bulk workers' record). */
export type ResultFinding = LocatedFinding;

/** One input of a run and what came of it: a worker's result without its timing, and its path. */
export interface ResultFile extends Omit<FileResult, 'ms'> {
  /** Path relative to the base of the run, '/'-separated. */
  rel: string;
}

/** What every formatter takes: the files of a run and the rules in use. */
export interface RunResults {
  /** Absolute folder the relative paths start from. */
  base: string;
  files: readonly ResultFile[];
  rules: readonly RuleInfo[];
}

/** What a formatter needs besides the results: who, when, how configured. */
export interface ReportContext {
  version: string;
  generatedAt: Date;
  /** The configuration in use, secrets left out (the HMAC key only says whether one is set). */
  configuration: Record<string, unknown>;
  /** The paths as given on the command line. */
  paths: readonly string[];
  /** The policy the verdict is judged by (default: rules/report-policy.json). */
  policy?: ReportPolicy;
  /** Earlier JSON reports to compare with (the newest is the baseline of the diff; all make the trend). */
  baselines?: readonly BaselineReport[];
}

export interface Totals {
  files: number;
  failed: number;
  bytes: number;
  findings: number;
  byEntity: Record<string, number>;
  byRule: Record<string, number>;
  scanErrors: number;
}

const byCountThenName = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

export function totalsOf(files: readonly Pick<ResultFile, 'ok' | 'bytes' | 'findings' | 'scanErrors' | 'byEntity' | 'byRule'>[]): Totals {
  const byEntity = new Map<string, number>();
  const byRule = new Map<string, number>();
  const t: Totals = { files: files.length, failed: 0, bytes: 0, findings: 0, byEntity: {}, byRule: {}, scanErrors: 0 };
  for (const f of files) {
    if (!f.ok) t.failed++;
    t.bytes += f.bytes;
    t.findings += f.findings;
    t.scanErrors += f.scanErrors;
    for (const [k, v] of Object.entries(f.byEntity)) byEntity.set(k, (byEntity.get(k) ?? 0) + v);
    for (const [k, v] of Object.entries(f.byRule)) byRule.set(k, (byRule.get(k) ?? 0) + v);
  }
  t.byEntity = Object.fromEntries([...byEntity].sort(byCountThenName));
  t.byRule = Object.fromEntries([...byRule].sort(byCountThenName));
  return t;
}

export const HASH_METHOD =
  'SHA-256 over the lines "<relative path>\\0<SHA-256 of the file\'s bytes, hex>\\n" sorted by relative path (code-unit order); a file that could not be read contributes "<relative path>\\0unreadable\\n"';

/** A hash of the input set: SHA-256 over sorted (relative path, SHA-256 of content) pairs (HASH_METHOD). */
export function inputSetHash(files: readonly Pick<ResultFile, 'rel' | 'sha256'>[]): string {
  const h = createHash('sha256');
  const sorted = [...files].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  for (const f of sorted) h.update(`${f.rel}\0${f.sha256 ?? 'unreadable'}\n`);
  return h.digest('hex');
}

/** caregate's version, from its package.json (src/report and dist/report both sit two levels under it). */
export function caregateVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** The redactor configuration for a report: everything but secrets. */
export function describeConfiguration(config: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) {
    if (k === 'hmacKey') continue;
    if (k === 'validators') continue; // functions
    out[k] = v;
  }
  out.hmacKey = config.hmacKey === undefined ? 'not set' : 'set (from CAREGATE_HMAC_KEY; not shown)';
  return { ...out, ...extra };
}

/**
 * The catalogue of a report: the rules in use, plus one entry per key hint that found something (a value
 * under a key such as "email" is masked whole; its finding's rule id is "key-hint:<key>").
 */
export function effectiveRules(results: RunResults): RuleInfo[] {
  const rules = results.rules.map((r) => ({ ...r }));
  const known = new Set(rules.map((r) => r.id));
  const hints = new Map<string, string>();
  for (const f of results.files) for (const [id, entity] of Object.entries(f.ruleEntities ?? {})) if (!known.has(id)) hints.set(id, entity);
  for (const [id, entity] of [...hints].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const key = id.replace(/^key-hint:/, '');
    rules.push({
      id,
      entity,
      pack: 'key-hints',
      description: `A value under the key "${key}", which names ${entity}: masked whole (key hint).`,
      regulations: rules.find((r) => r.entity === entity)?.regulations ?? [],
      detector: 'key hint',
      mask: rules.find((r) => r.entity === entity)?.mask ?? 'label',
    });
  }
  return rules;
}

/** Where a file is, as a URI relative to the base (each segment percent-encoded). */
export function relUri(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/');
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CaregateError } from '../errors.js';

/**
 * What changed since an earlier report. A finding's fingerprint hashes what stays when unrelated lines
 * move: the file, the rule and the masked excerpt (never a raw value), plus its rank among equal ones,
 * so two identical lines in a file stay two findings. Fixed = in the baseline, not now; new = now, not
 * in the baseline (as code-scanning tools count alerts).
 */
export interface FingerprintedFinding {
  file: string;
  ruleId: string;
  entity: string;
  severity: string;
  excerpt: string;
  line?: number;
  column?: number;
  confidence: number;
  fingerprint: string;
}

export function fingerprintAll<T extends { file: string; ruleId: string; excerpt: string }>(findings: readonly T[]): (T & { fingerprint: string })[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = `${f.file}\0${f.ruleId}\0${f.excerpt.replace(/\s+/g, ' ').trim()}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return { ...f, fingerprint: createHash('sha256').update(`${key}\0${n}`).digest('hex').slice(0, 32) };
  });
}

/** The parts of an earlier JSON report a comparison needs. */
export interface BaselineReport {
  generatedAt: string;
  source: string;
  files: { path: string }[];
  findings: { fingerprint: string; file: string; ruleId: string; entity: string; severity?: string; line?: number }[];
  totals: { findings: number; bySeverity?: Record<string, number> };
  verdict?: { result: string };
}

export function loadBaseline(file: string): BaselineReport {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CaregateError('E_CONFIG', `--baseline ${file}: ${code ? `cannot read it (${code})` : 'not valid JSON'}; give a JSON report written by \`caregate report --format json\``, { file });
  }
  const d = data as Partial<BaselineReport> & { tool?: { name?: string } };
  if (d?.tool?.name !== 'caregate' || !Array.isArray(d.files) || !Array.isArray(d.findings) || typeof d.generatedAt !== 'string') {
    throw new CaregateError(
      'E_CONFIG',
      `--baseline ${file}: not a caregate JSON report with findings (reports written before fingerprints existed cannot be compared); write one with \`caregate report --format json\``,
      { file },
    );
  }
  return { ...(d as BaselineReport), source: file };
}

export interface RunDiff {
  baseline: { source: string; generatedAt: string };
  newFindings: number;
  fixedFindings: number;
  unchangedFindings: number;
  filesAdded: string[];
  filesGone: string[];
  /** Fingerprints of the new findings (the findings list marks them too). */
  newFingerprints: string[];
  fixed: { file: string; ruleId: string; entity: string; severity?: string; line?: number }[];
}

export function diffRuns(current: { files: { path: string }[]; findings: { fingerprint: string }[] }, baseline: BaselineReport): RunDiff {
  const before = new Set(baseline.findings.map((f) => f.fingerprint));
  const now = new Set(current.findings.map((f) => f.fingerprint));
  const beforeFiles = new Set(baseline.files.map((f) => f.path));
  const nowFiles = new Set(current.files.map((f) => f.path));
  const newFingerprints = current.findings.filter((f) => !before.has(f.fingerprint)).map((f) => f.fingerprint);
  const fixed = baseline.findings.filter((f) => !now.has(f.fingerprint)).map(({ file, ruleId, entity, severity, line }) => ({ file, ruleId, entity, ...(severity ? { severity } : {}), ...(line ? { line } : {}) }));
  return {
    baseline: { source: baseline.source, generatedAt: baseline.generatedAt },
    newFindings: newFingerprints.length,
    fixedFindings: fixed.length,
    unchangedFindings: current.findings.length - newFingerprints.length,
    filesAdded: [...nowFiles].filter((p) => !beforeFiles.has(p)).sort(),
    filesGone: [...beforeFiles].filter((p) => !nowFiles.has(p)).sort(),
    newFingerprints,
    fixed,
  };
}

/** One point per report given (oldest first) and this run: totals, severities and verdict over time. */
export interface TrendPoint {
  generatedAt: string;
  source: string;
  findings: number;
  bySeverity: Record<string, number>;
  verdict?: string;
}

export function trendOf(baselines: readonly BaselineReport[], current: TrendPoint): TrendPoint[] {
  const points = baselines.map((b) => ({
    generatedAt: b.generatedAt,
    source: b.source,
    findings: b.totals.findings,
    bySeverity: b.totals.bySeverity ?? {},
    ...(b.verdict ? { verdict: b.verdict.result } : {}),
  }));
  return [...points, current].sort((a, b) => (a.generatedAt < b.generatedAt ? -1 : a.generatedAt > b.generatedAt ? 1 : 0));
}

import type { ReportContext, RunResults } from '../model.js';
import { reportData } from './json.js';

const HEADER = ['record', 'file', 'format', 'bytes', 'status', 'rule', 'entity', 'severity', 'findings', 'new', 'policy_rule', 'requirement', 'result', 'limit', 'error'] as const;
type Row = Partial<Record<(typeof HEADER)[number], string | number>>;

/**
 * `caregate report --format csv`: the report's data in one table, a `record` column saying what a row is:
 * `verdict` (the policy's result), `policy` (one per policy rule: found, limit, result), `file` (one per
 * file and rule with findings, with severity and, against a baseline, how many are new; a file without
 * findings has one row with an empty rule and 0; a failed file one row saying why), and against a
 * baseline `fixed` (each finding gone since), `file-added` and `file-gone`. Cells that a spreadsheet would
 * take for a formula (= + - @ at the start) get a leading apostrophe.
 */
export function formatReportCsv(results: RunResults, context: ReportContext): string {
  const d = reportData(results, context);
  const rows: Row[] = [{ record: 'verdict', policy_rule: d.verdict.policy, result: d.verdict.result, findings: d.totals.findings }];
  for (const r of d.verdict.rules) {
    rows.push({ record: 'policy', policy_rule: r.id, requirement: r.requirement, entity: r.entities.join(' '), findings: r.found, limit: r.maxFindings, result: r.passed ? 'PASS' : 'FAIL' });
  }
  const severity = new Map(d.rules.map((r) => [r.id, r]));
  const newPer = new Map<string, number>();
  for (const f of d.findings) if ('new' in f && f.new) newPer.set(`${f.file}\0${f.ruleId}`, (newPer.get(`${f.file}\0${f.ruleId}`) ?? 0) + 1);
  for (const f of d.files) {
    const status = f.ok ? 'ok' : 'failed';
    const base: Row = { record: 'file', file: f.path, format: f.format ?? '', bytes: f.bytes, status };
    const byRule = Object.entries(f.byRule);
    if (!f.ok || byRule.length === 0) {
      rows.push({ ...base, findings: 0, error: f.error?.message ?? '' });
      continue;
    }
    for (const [rule, n] of byRule) {
      const r = severity.get(rule);
      rows.push({ ...base, rule, entity: r?.entity ?? '', severity: r?.severity ?? '', findings: n, ...(d.diff ? { new: newPer.get(`${f.path}\0${rule}`) ?? 0 } : {}) });
    }
  }
  if (d.diff) {
    for (const f of d.diff.fixed) rows.push({ record: 'fixed', file: f.file, rule: f.ruleId, entity: f.entity, severity: f.severity ?? '', findings: 1 });
    for (const p of d.diff.filesAdded) rows.push({ record: 'file-added', file: p });
    for (const p of d.diff.filesGone) rows.push({ record: 'file-gone', file: p });
  }
  return [HEADER.join(','), ...rows.map((r) => HEADER.map((h) => cell(r[h] ?? '')).join(','))].join('\r\n') + '\r\n';
}

function cell(v: string | number): string {
  if (typeof v === 'number') return String(v);
  let s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  if (/[",\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

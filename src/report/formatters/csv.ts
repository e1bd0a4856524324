import { effectiveRules, type ReportContext, type RunResults } from '../model.js';

/**
 * `caregate report --format csv`: one row per file and rule with findings (a file without findings has one
 * row with an empty rule and 0; a failed file one row saying why). Cells that a spreadsheet would take for a
 * formula (= + - @ at the start) get a leading apostrophe.
 */
export function formatReportCsv(results: RunResults, _context: ReportContext): string {
  const entityOf = new Map(effectiveRules(results).map((r) => [r.id, r.entity]));
  const rows: (string | number)[][] = [['file', 'format', 'bytes', 'status', 'rule', 'entity', 'findings', 'error']];
  for (const f of results.files) {
    const status = f.ok ? 'ok' : 'failed';
    const rules = Object.entries(f.byRule);
    if (!f.ok || rules.length === 0) {
      rows.push([f.rel, f.format ?? '', f.bytes, status, '', '', 0, f.error?.message ?? '']);
      continue;
    }
    for (const [rule, n] of rules) rows.push([f.rel, f.format ?? '', f.bytes, status, rule, entityOf.get(rule) ?? '', n, '']);
  }
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(v: string | number): string {
  if (typeof v === 'number') return String(v);
  let s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  if (/[",\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

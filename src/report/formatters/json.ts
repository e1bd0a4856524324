import { effectiveRules, HASH_METHOD, inputSetHash, totalsOf, type ReportContext, type RunResults } from '../model.js';

const fileSummary = (f: RunResults['files'][number]) => ({
  path: f.rel,
  ok: f.ok,
  ...(f.format ? { format: f.format } : {}),
  bytes: f.bytes,
  records: f.records,
  findings: f.findings,
  byEntity: f.byEntity,
  byRule: f.byRule,
  scanErrors: f.scanErrors,
  ...(f.sha256 ? { sha256: f.sha256 } : {}),
  ...(f.error ? { error: f.error } : {}),
});

/** `caregate scan --format json`: summary, files and every finding (location and masked excerpt). */
export function formatScanJson(results: RunResults, context: ReportContext): string {
  const out = {
    tool: { name: 'caregate', version: context.version },
    generatedAt: context.generatedAt.toISOString(),
    base: results.base,
    summary: totalsOf(results.files),
    rules: effectiveRules(results),
    files: results.files.map(fileSummary),
    findings: results.files.flatMap((f) => (f.items ?? []).map((i) => ({ file: f.rel, ...i }))),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The audit report as data (`caregate report --format json`): what the HTML report shows. */
export function reportData(results: RunResults, context: ReportContext) {
  const totals = totalsOf(results.files);
  return {
    tool: { name: 'caregate', version: context.version },
    generatedAt: context.generatedAt.toISOString(),
    inputs: {
      paths: [...context.paths],
      base: results.base,
      files: totals.files,
      failed: totals.failed,
      bytes: totals.bytes,
      sha256: inputSetHash(results.files),
      hashMethod: HASH_METHOD,
    },
    configuration: context.configuration,
    rules: effectiveRules(results).map((r) => ({ ...r, findings: totals.byRule[r.id] ?? 0 })),
    totals: { findings: totals.findings, byEntity: totals.byEntity, byRule: totals.byRule, scanErrors: totals.scanErrors },
    files: results.files.map(fileSummary),
  };
}
export type ReportData = ReturnType<typeof reportData>;

export function formatReportJson(results: RunResults, context: ReportContext): string {
  return `${JSON.stringify(reportData(results, context), null, 2)}\n`;
}

import { diffRuns, fingerprintAll, trendOf, type RunDiff, type TrendPoint } from '../baseline.js';
import { effectiveRules, HASH_METHOD, inputSetHash, totalsOf, type ReportContext, type RunResults } from '../model.js';
import { judge, loadReportPolicy, SEVERITIES, severityOf, severityRank, type Severity, type Verdict } from '../policy.js';
import { parseRegulation, regulationRank } from '../regulations.js';
import { safeText } from '../../safe-output.js';

/** A file's path as reports show it: redacted like every other output (a file may be named after a value). */
const shownPath = (rel: string) => safeText(rel);

const fileSummary = (f: RunResults['files'][number]) => ({
  path: shownPath(f.rel),
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
    findings: results.files.flatMap((f) => (f.items ?? []).map((i) => ({ file: shownPath(f.rel), ...i }))),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export interface RequirementGroup {
  ref: string;
  url?: string;
  severity: Severity;
  rules: string[];
  entities: string[];
  findings: number;
}
export interface RegulationGroup {
  regulation: string;
  findings: number;
  bySeverity: Record<Severity, number>;
  requirements: RequirementGroup[];
}

/** The verdict of a run by a policy (what `--fail-on-policy` gates on). */
export function verdictOf(results: RunResults, context: Pick<ReportContext, 'policy'>): Verdict {
  return judge(context.policy ?? loadReportPolicy(), results.files.map((f) => ({ path: shownPath(f.rel), byEntity: f.byEntity })));
}

/** The audit report as data (`caregate report --format json`): what the HTML report shows. */
export function reportData(results: RunResults, context: ReportContext) {
  const totals = totalsOf(results.files);
  const policy = context.policy ?? loadReportPolicy();
  const files = results.files.map(fileSummary);
  const catalogue = effectiveRules(results);
  const rules = catalogue.map((r) => ({
    ...r,
    severity: severityOf(policy, r.entity),
    references: r.regulations.map(parseRegulation),
    findings: totals.byRule[r.id] ?? 0,
  }));
  const findings = fingerprintAll(
    results.files.flatMap((f) =>
      (f.items ?? []).map((i) => ({
        file: shownPath(f.rel),
        ruleId: i.ruleId,
        entity: i.entity,
        severity: severityOf(policy, i.entity),
        ...(i.line !== undefined ? { line: i.line } : {}),
        ...(i.column !== undefined ? { column: i.column } : {}),
        ...(i.pointer !== undefined ? { pointer: i.pointer } : {}),
        confidence: i.confidence,
        excerpt: i.excerpt,
      })),
    ),
  );
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const [entity, n] of Object.entries(totals.byEntity)) bySeverity[severityOf(policy, entity)] += n;

  // Findings grouped by regulation, then by requirement; a rule citing two regulations counts in both.
  const groups = new Map<string, RegulationGroup>();
  for (const r of rules) {
    if (r.findings === 0) continue;
    for (const ref of r.references) {
      let g = groups.get(ref.regulation);
      if (!g) groups.set(ref.regulation, (g = { regulation: ref.regulation, findings: 0, bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>, requirements: [] }));
      let q = g.requirements.find((x) => x.ref === ref.ref);
      if (!q) g.requirements.push((q = { ref: ref.ref, ...(ref.url ? { url: ref.url } : {}), severity: r.severity, rules: [], entities: [], findings: 0 }));
      if (severityRank(r.severity) < severityRank(q.severity)) q.severity = r.severity;
      q.rules.push(r.id);
      if (!q.entities.includes(r.entity)) q.entities.push(r.entity);
      q.findings += r.findings;
      // A rule citing two requirements of one regulation counts once in the regulation's totals.
      if (!g.requirements.some((x) => x !== q && x.rules.includes(r.id))) {
        g.findings += r.findings;
        g.bySeverity[r.severity] += r.findings;
      }
    }
  }
  const byRegulation = [...groups.values()]
    .map((g) => ({ ...g, requirements: g.requirements.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || b.findings - a.findings || (a.ref < b.ref ? -1 : 1)) }))
    .sort((a, b) => regulationRank(a.regulation) - regulationRank(b.regulation) || (a.regulation < b.regulation ? -1 : 1));

  const verdict = judge(policy, files);
  const baselines = [...(context.baselines ?? [])].sort((a, b) => (a.generatedAt < b.generatedAt ? -1 : 1));
  const latest = baselines[baselines.length - 1];
  const diff: RunDiff | undefined = latest ? diffRuns({ files, findings }, latest) : undefined;
  const isNew = new Set(diff?.newFingerprints ?? []);
  const generatedAt = context.generatedAt.toISOString();
  const trend: TrendPoint[] | undefined = baselines.length
    ? trendOf(baselines, { generatedAt, source: 'this run', findings: totals.findings, bySeverity, verdict: verdict.result })
    : undefined;
  return {
    tool: { name: 'caregate', version: context.version },
    generatedAt,
    inputs: {
      paths: context.paths.map(shownPath),
      base: results.base,
      files: totals.files,
      failed: totals.failed,
      bytes: totals.bytes,
      sha256: inputSetHash(results.files),
      hashMethod: HASH_METHOD,
    },
    configuration: context.configuration,
    verdict,
    rules,
    totals: { findings: totals.findings, bySeverity, byEntity: totals.byEntity, byRule: totals.byRule, scanErrors: totals.scanErrors },
    byRegulation,
    files: files.map((f) => {
      let worst: Severity | undefined;
      for (const e of Object.keys(f.byEntity)) {
        const s = severityOf(policy, e);
        if (worst === undefined || severityRank(s) < severityRank(worst)) worst = s;
      }
      return { ...f, ...(worst ? { severity: worst } : {}) };
    }),
    findings: findings.map((f) => (diff ? { ...f, new: isNew.has(f.fingerprint) } : f)),
    ...(diff ? { diff } : {}),
    ...(trend ? { trend } : {}),
  };
}
export type ReportData = ReturnType<typeof reportData>;

export function formatReportJson(results: RunResults, context: ReportContext): string {
  return `${JSON.stringify(reportData(results, context), null, 2)}\n`;
}

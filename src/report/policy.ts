import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CaregateError } from '../errors.js';

/**
 * The report's policy: what must not be found at all (or only up to a limit), and how severe each entity
 * is. Data, with a shipped default (rules/report-policy.json); `--policy FILE` gives another.
 */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];
const severity = z.enum(SEVERITIES);

export const reportPolicySchema = z.strictObject({
  $comment: z.string().optional(),
  policy: z.string().min(1).max(100),
  severities: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'an entity such as "CREDIT_CARD"'), severity).default({}),
  defaultSeverity: severity.default('medium'),
  rules: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a rule id of lower-case letters, digits and "-"'),
      description: z.string().min(1),
      requirement: z.string().min(1),
      entities: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'an entity such as "CARD_CVV"')).min(1),
      /** Findings allowed over the whole run (0: none at all). */
      maxFindings: z.number().int().min(0).default(0),
      /** Files allowed to hold any (absent: no limit by files). */
      maxFiles: z.number().int().min(0).optional(),
    }),
  ),
});

export type ReportPolicy = z.output<typeof reportPolicySchema>;

export const DEFAULT_POLICY_FILE = new URL('../../rules/report-policy.json', import.meta.url);

export function parseReportPolicy(input: unknown, where: string): ReportPolicy {
  const parsed = reportPolicySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  throw new CaregateError('E_CONFIG', `report policy ${where}${path ? ` at "${path}"` : ''}: ${issue.message}`, { file: where, ...(path ? { path } : {}) });
}

export function loadReportPolicy(file?: string): ReportPolicy {
  const where = file ?? 'rules/report-policy.json';
  let text: string;
  try {
    text = readFileSync(file ?? DEFAULT_POLICY_FILE, 'utf8');
  } catch (err) {
    throw new CaregateError('E_CONFIG', `cannot read the report policy ${where}: ${(err as NodeJS.ErrnoException).code ?? 'error'}; give a readable JSON file to --policy`, { file: where });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CaregateError('E_CONFIG', `the report policy ${where} is not valid JSON`, { file: where });
  }
  return parseReportPolicy(json, where);
}

export function severityOf(policy: ReportPolicy, entity: string): Severity {
  return Object.hasOwn(policy.severities, entity) ? policy.severities[entity]! : policy.defaultSeverity;
}

export const severityRank = (s: Severity) => SEVERITIES.indexOf(s);

export interface PolicyOutcome {
  id: string;
  description: string;
  requirement: string;
  entities: string[];
  maxFindings: number;
  maxFiles?: number;
  found: number;
  files: number;
  passed: boolean;
  /** Where: the files holding the entities, most findings first (at most 20). */
  where: { path: string; findings: number }[];
}

export interface Verdict {
  policy: string;
  result: 'PASS' | 'FAIL';
  rules: PolicyOutcome[];
}

/** Judges a run by the policy: per rule, the findings and files of its entities against its limits. */
export function judge(policy: ReportPolicy, files: readonly { path: string; byEntity: Record<string, number> }[]): Verdict {
  const rules = policy.rules.map((r): PolicyOutcome => {
    const per = files
      .map((f) => ({ path: f.path, findings: r.entities.reduce((n, e) => n + (Object.hasOwn(f.byEntity, e) ? f.byEntity[e]! : 0), 0) }))
      .filter((f) => f.findings > 0)
      .sort((a, b) => b.findings - a.findings || (a.path < b.path ? -1 : 1));
    const found = per.reduce((n, f) => n + f.findings, 0);
    const passed = found <= r.maxFindings && (r.maxFiles === undefined || per.length <= r.maxFiles);
    return { ...r, found, files: per.length, passed, where: per.slice(0, 20) };
  });
  return { policy: policy.policy, result: rules.every((r) => r.passed) ? 'PASS' : 'FAIL', rules };
}

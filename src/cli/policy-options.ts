import type { Command } from 'commander';
import { loadBaseline, type BaselineReport } from '../report/baseline.js';
import { loadReportPolicy, type ReportPolicy, type Verdict } from '../report/policy.js';
import { EXIT } from './exit-codes.js';

export interface PolicyCliOptions {
  policy?: string;
  failOnPolicy?: boolean;
  baseline?: string[];
}

/** --policy and --fail-on-policy (report and scan); --baseline too where a report is written. */
export function addPolicyOptions(cmd: Command, o: { baseline: boolean }): Command {
  cmd
    .option('--policy <file>', 'the policy the verdict is judged by (JSON; default: the shipped rules/report-policy.json: no CVV, PIN or track data, no full PAN, no full SSN, no password)')
    .option('--fail-on-policy', 'exit 1 when the verdict is FAIL (a pipeline can gate on it)');
  if (o.baseline) {
    cmd.option('--baseline <report.json>', 'an earlier JSON report to compare with (repeat for a trend; the newest is the baseline)', (v: string, acc: string[] = []) => [...acc, v]);
  }
  return cmd;
}

/** Reads the policy and baselines before any file is scanned, so that a bad one fails fast (exit 2). */
export function loadPolicyInputs(o: PolicyCliOptions): { policy: ReportPolicy; baselines: BaselineReport[] } {
  return { policy: loadReportPolicy(o.policy), baselines: (o.baseline ?? []).map(loadBaseline) };
}

/** The exit status after the verdict: input failures and interruptions keep theirs; else 1 on FAIL with --fail-on-policy. */
export function withVerdict(code: number, verdict: Verdict, o: PolicyCliOptions): number {
  if (code !== EXIT.OK) return code;
  return o.failOnPolicy && verdict.result === 'FAIL' ? EXIT.FINDINGS : code;
}

export function describeVerdict(v: Verdict): string {
  const failed = v.rules.filter((r) => !r.passed);
  return failed.length === 0
    ? `caregate: policy ${v.policy}: PASS\n`
    : `caregate: policy ${v.policy}: FAIL (${failed.map((r) => `${r.requirement}: ${r.found} found in ${r.files} file(s)`).join('; ')})\n`;
}

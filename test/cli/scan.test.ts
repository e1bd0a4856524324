import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertNoRaw, cli, ensureBuilt, makeTree, ROOT } from '../report/support.js';

beforeAll(() => ensureBuilt(), 120_000);

/**
 * The SARIF 2.1.0 JSON schema as Microsoft's SARIF SDK ships it (test/fixtures/sarif/README.md), compiled by
 * ajv for its draft-04 dialect, formats (uri, uri-reference, date-time) checked by ajv-formats. Patterns are
 * compiled without the `u` flag: the schema's language pattern (`…-[a-zA-Z]{2}]?$`) has a stray `]` that
 * only non-Unicode regexes read as a literal.
 */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // Both packages are CommonJS with the class or plugin on `default`.
  const Ajv = ajvDraft04.default;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajvFormats.default(ajv);
  return ajv.compile(schema);
}

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; fullDescription: { text: string }; properties: { entity: string; regulations: string[]; mask: string } }[] } };
    results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number; endColumn?: number } } }[] }[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[];
  }[];
}

describe('caregate scan', () => {
  it('SARIF 2.1.0 validates against the official schema (kept in the repo) and points to file, line and column', async () => {
    const validate = sarifValidator();
    // the schema does reject what SARIF forbids
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a' }, region: { startLine: 0 } } }] }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', colour: 'red' } } }] })).toBe(false);
    const { root } = makeTree();
    const r = await cli(['scan', root, '--format', 'sarif', '--concurrency', '2']);
    expect(r.code).toBe(3); // the malformed and unreadable files
    const log = JSON.parse(r.stdout) as SarifLog;
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    assertNoRaw(r.stdout, 'SARIF');
    const run = log.runs[0]!;
    const card = run.tool.driver.rules.find((x) => x.id === 'credit-card')!;
    expect(card.properties.entity).toBe('CREDIT_CARD');
    expect(card.properties.regulations.join(' ')).toMatch(/PCI DSS/);
    expect(card.fullDescription.text).toMatch(/account number/);
    const inCall = run.results.filter((x) => x.locations[0]!.physicalLocation.artifactLocation.uri === 'notes/call.txt');
    const cardResult = inCall.find((x) => x.ruleId === 'credit-card')!;
    // "Customer read card 4111 1111 1111 1111 for the refund." — the number starts at column 20, line 1
    expect(cardResult.locations[0]!.physicalLocation.region).toEqual({ startLine: 1, startColumn: 20, endLine: 1, endColumn: 39 });
    expect(cardResult.message.text).toContain('•••• •••• •••• 1111');
    const email = inCall.find((x) => x.ruleId.includes('email'))!;
    expect(email.locations[0]!.physicalLocation.region).toMatchObject({ startLine: 2, startColumn: 13 });
    const nd = run.results.filter((x) => x.locations[0]!.physicalLocation.artifactLocation.uri === 'tickets/export.ndjson');
    expect(nd.length).toBe(2);
    expect(nd.every((x) => x.locations[0]!.physicalLocation.region?.startLine === 1 && x.locations[0]!.physicalLocation.region.startColumn! > 1)).toBe(true);
    expect(run.invocations[0]!.executionSuccessful).toBe(false);
    expect(run.invocations[0]!.toolExecutionNotifications.map((n) => n.message.text).join('\n')).toMatch(/bad\.ndjson line 2/);
  });

  it('json: summary, files and findings with masked excerpts; ndjson: one finding a line', async () => {
    const { root } = makeTree();
    const j = await cli(['scan', root, '--exclude', 'broken', '--concurrency', '1']);
    expect(j.code).toBe(0);
    const doc = JSON.parse(j.stdout) as { summary: { findings: number; byEntity: Record<string, number> }; findings: { file: string; line: number; excerpt: string; entity: string }[] };
    // The CSV's name column is a key hint: its cell is a PERSON finding.
    expect(doc.summary.findings).toBe(8);
    expect(doc.summary.byEntity).toEqual({ EMAIL: 3, CREDIT_CARD: 2, PHONE_NUMBER: 2, PERSON: 1 });
    expect(doc.findings).toHaveLength(8);
    const csv = doc.findings.filter((f) => f.file === 'crm/customers.csv');
    expect(csv.map((f) => f.line)).toEqual([2, 2, 2]);
    expect(csv[0]!.excerpt).toContain('[EMAIL]');
    assertNoRaw(j.stdout, 'scan json');
    const n = await cli(['scan', root, '--exclude', 'broken', '--format', 'ndjson', '--fail-on-findings', '--concurrency', '1']);
    expect(n.code).toBe(1);
    const lines = n.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(lines).toHaveLength(8);
    expect(lines.every((l) => l.type === 'finding')).toBe(true);
    assertNoRaw(n.stdout, 'scan ndjson');
  });

  it('scans standard input alone, in-process; writes -o atomically', async () => {
    const r = await cli(['scan', '-', '--format', 'ndjson'], { stdin: 'line one\ncall me on (415) 555-2671 or jane.doe@example.com\n' });
    expect(r.code).toBe(0);
    const f = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { line: number; column: number; excerpt: string });
    expect(f.map((x) => [x.line, x.column])).toEqual([
      [2, 12],
      [2, 30],
    ]);
    expect(f[0]!.excerpt).toBe('call me on (•••) •••-2671 or [EMAIL]');
    assertNoRaw(r.stdout, 'stdin scan');
  });
});

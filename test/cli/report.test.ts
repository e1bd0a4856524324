import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/report/formatters/json.js';
import { inputSetHash } from '../../src/report/model.js';
import { assertNoRaw, cli, ensureBuilt, makeTree } from '../report/support.js';
import { createHash } from 'node:crypto';

beforeAll(() => ensureBuilt(), 120_000);

describe('caregate report', () => {
  it('json: version, time, input-set hash, configuration without secrets, rules with regulations and masks, counts per rule, entity and file', async () => {
    const { dir, root } = makeTree();
    process.env.CAREGATE_HMAC_KEY = 'test-key-not-a-secret';
    const r = await cli(['report', root, '--format', 'json', '--exclude', 'broken', '--mask', 'EMAIL=hmac', '--concurrency', '1']);
    delete process.env.CAREGATE_HMAC_KEY;
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as ReportData;
    expect(d.tool.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Date.parse(d.generatedAt)).not.toBeNaN();
    expect(d.inputs.files).toBe(5);
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    const call = readFileSync(join(root, 'notes/call.txt'));
    expect(d.files.find((f) => f.path === 'notes/call.txt')!.sha256).toBe(createHash('sha256').update(call).digest('hex'));
    expect(d.inputs.sha256).toBe(inputSetHash(d.files.map((f) => ({ rel: f.path, sha256: f.sha256 }))));
    expect(d.inputs.sha256).toMatch(/^[0-9a-f]{64}$/);
    void sha;
    expect(d.configuration.masks).toEqual({ EMAIL: 'hmac' });
    expect(d.configuration.hmacKey).toMatch(/^set/);
    expect(r.stdout).not.toContain('test-key-not-a-secret');
    const card = d.rules.find((x) => x.id === 'credit-card')!;
    expect(card).toMatchObject({ entity: 'CREDIT_CARD', mask: 'last4', findings: 2 });
    expect(card.regulations.length).toBeGreaterThan(0);
    expect(d.totals.byEntity).toEqual({ EMAIL: 3, CREDIT_CARD: 2, PHONE_NUMBER: 2, PERSON: 1 });
    expect(d.files.map((f) => [f.path, f.findings])).toEqual([
      ['clean.txt', 0],
      ['crm/customers.csv', 3],
      ['notes/2025/followup.log', 1],
      ['notes/call.txt', 2],
      ['tickets/export.ndjson', 2],
    ]);
    assertNoRaw(r.stdout, 'report json');
    // the same inputs give the same hash; a changed byte changes it
    const again = JSON.parse((await cli(['report', root, '--format', 'json', '--exclude', 'broken', '--concurrency', '1'])).stdout) as ReportData;
    expect(again.inputs.sha256).toBe(d.inputs.sha256);
    void dir;
  });

  it('csv by the extension of -o: a row per file and rule; failures say why; formula-like cells neutralised', async () => {
    const { dir, root } = makeTree();
    const out = join(dir, 'report.csv');
    const r = await cli(['report', root, '-o', out, '--concurrency', '1']);
    expect(r.code).toBe(3);
    const csv = readFileSync(out, 'utf8');
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('record,file,format,bytes,status,rule,entity,severity,findings,new,policy_rule,requirement,result,limit,error');
    expect(rows[1]).toBe('verdict,,,,,,,,8,,caregate-default,,FAIL,,');
    expect(rows).toContain('policy,,,,,,CREDIT_CARD,,2,,no-full-pan,PCI DSS 4.0.1 3.4.1,FAIL,0,');
    expect(rows).toContain('file,clean.txt,text,40,ok,,,,0,,,,,,');
    expect(rows.some((l) => /^file,notes\/call\.txt,text,\d+,ok,credit-card,CREDIT_CARD,high,1,,,,,,$/.test(l))).toBe(true);
    expect(rows.some((l) => /^file,broken\/bad\.ndjson,,\d+,failed,,,,0,/.test(l) && l.includes('line 2'))).toBe(true);
    expect(rows.some((l) => l.startsWith('file,broken/unreadable.txt,,0,failed,,,,0,') && l.includes('no such file'))).toBe(true);
    assertNoRaw(csv, 'report csv');
    expect(r.stderr).toContain(`csv report written to ${out}`);
  });
});

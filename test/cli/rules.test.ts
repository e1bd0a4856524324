import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../report/support.js';

const pack = (rules: unknown[]) => JSON.stringify({ pack: 'acme', version: '1.0.0', description: 'ACME employee ids', rules }, null, 2);
const employeeRule = (positive: { text: string; match: string }[], negative: string[]) => ({
  id: 'acme-employee-id',
  entity: 'EMPLOYEE_ID',
  description: 'ACME employee id (EMP- and six digits).',
  regulations: ['internal policy 7'],
  detector: { pattern: 'EMP-\\d{6}', maxLength: 10 },
  confidence: 0.9,
  mask: 'label',
  examples: { positive, negative },
});

function packFile(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'caregate-rules-'));
  const f = join(dir, 'acme.json');
  writeFileSync(f, content);
  return f;
}

describe('caregate rules', () => {
  it('list: every rule with entity, mask and regulations; masks set by options show', async () => {
    const r = await cli(['rules', 'list']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^RULE\s+ENTITY\s+MASK\s+PACK\s+REGULATIONS$/);
    expect(lines.find((l) => l.startsWith('credit-card '))).toMatch(/CREDIT_CARD\s+last4\s+pci\s+PCI DSS 4\.0\.1/);
    const j = JSON.parse((await cli(['rules', 'list', '--json', '--mask', 'CREDIT_CARD=bin-last4'])).stdout) as { id: string; mask: string }[];
    expect(j.find((x) => x.id === 'credit-card')!.mask).toBe('bin-last4');
  });

  it('show: one rule in full; an unknown id is a usage error with a suggestion', async () => {
    const r = await cli(['rules', 'show', 'credit-card']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^credit-card \(CREDIT_CARD\)/);
    expect(r.stdout).toMatch(/detector: +number: 12–19 digits/);
    expect(r.stdout).toMatch(/validators: +luhn, card-iin/);
    expect(r.stdout).toMatch(/regulations: +PCI DSS/);
    const bad = await cli(['rules', 'show', 'credit']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('did you mean credit-card');
  });

  it('validate: a valid pack; schema errors name the file, the JSON pointer and the reason (exit 2); unsafe patterns are refused', async () => {
    const good = packFile(pack([employeeRule([{ text: 'badge EMP-123456 lost', match: 'EMP-123456' }], ['EMP-12'])]));
    const ok = await cli(['rules', 'validate', good]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('valid pack "acme" 1.0.0, 1 rule');
    const noEntity = packFile(pack([{ ...employeeRule([{ text: 'badge EMP-123456 lost', match: 'EMP-123456' }], ['EMP-12']), entity: undefined }]));
    const e1 = await cli(['rules', 'validate', noEntity]);
    expect(e1.code).toBe(2);
    expect(e1.stderr).toMatch(new RegExp(`invalid rule pack .*acme\\.json at /rules/0: must have required property 'entity'`));
    const typo = packFile(pack([{ ...employeeRule([{ text: 'badge EMP-123456 lost', match: 'EMP-123456' }], ['EMP-12']), masks: 'label' }]));
    expect((await cli(['rules', 'validate', typo])).stderr).toMatch(/at \/rules\/0: unknown property "masks"/);
    const notJson = packFile('{"pack": "acme",\n  "rules": [,]}');
    const e3 = await cli(['rules', 'validate', notJson]);
    expect(e3.code).toBe(2);
    expect(e3.stderr).toMatch(/line 2 is not valid JSON/);
    const redos = packFile(pack([{ ...employeeRule([{ text: 'badge EMP-123456 lost', match: 'EMP-123456' }], ['EMP-12']), detector: { pattern: '(a+)+b', maxLength: 10 } }]));
    const e4 = await cli(['rules', 'validate', redos]);
    expect(e4.code).toBe(2);
    expect(e4.stderr).toMatch(/refused/);
    expect((await cli(['rules', 'validate', join(tmpdir(), 'no-such-pack.json')])).code).toBe(2);
  });

  it('test: pass/fail per example of a custom pack (exit 1 when one fails), and of the shipped packs', async () => {
    const good = packFile(pack([employeeRule([{ text: 'badge EMP-123456 lost', match: 'EMP-123456' }], ['EMP-12 is too short'])]));
    const r = await cli(['rules', 'test', good]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PASS acme-employee-id positive #1: finds "EMP-123456"');
    expect(r.stdout).toContain('PASS acme-employee-id negative #1');
    expect(r.stdout).toContain('2 passed, 0 failed');
    const failing = packFile(pack([employeeRule([{ text: 'badge EMP-12345 lost', match: 'EMP-12345' }], ['EMP-654321'])]));
    const f = await cli(['rules', 'test', failing]);
    expect(f.code).toBe(1);
    expect(f.stdout).toContain('FAIL acme-employee-id positive #1: finds "EMP-12345" in "badge EMP-12345 lost" (found nothing)');
    expect(f.stdout).toContain('FAIL acme-employee-id negative #1: finds nothing in "EMP-654321" (found "EMP-654321")');
    expect(f.stdout).toContain('0 passed, 2 failed');
    const shipped = await cli(['rules', 'test', '--only-packs', 'pci']);
    expect(shipped.code).toBe(0);
    expect(shipped.stdout).toMatch(/^pci \d+\.\d+\.\d+ \(rules\/pci\.json\)/);
    expect(shipped.stdout).toMatch(/PASS credit-card positive #1/);
    expect(shipped.stdout).toMatch(/\d+ passed, 0 failed/);
  });
});

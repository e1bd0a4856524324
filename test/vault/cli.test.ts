import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { openPgVaultStore, openVault } from '../../src/vault/index.js';
import { ensureBuilt, ROOT } from '../report/support.js';
import { PG_TEST_URL, pgTestSchemas } from '../support/pg-schemas.js';
import { labelTokens } from './helpers.js';

const run = promisify(execFile);
const CONNECTION = PG_TEST_URL;
const pgSchemas = pgTestSchemas('vault_cli');
const schema = pgSchemas.newSchema();
const kek1 = randomBytes(32).toString('base64');
const kek2 = randomBytes(32).toString('base64');
const indexKey = randomBytes(32).toString('base64');
const dir = mkdtempSync(join(tmpdir(), 'caregate-vault-cli-'));
const policyFile = join(dir, 'policy.json');

async function caregate(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [join(ROOT, 'bin/caregate.js'), 'vault', ...args, '--schema', schema, '--audit-ledger', join(dir, 'audit.jsonl')], {
      env: { ...process.env, CAREGATE_VAULT_PG: CONNECTION, CAREGATE_VAULT_INDEX_KEY: indexKey, ...env },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

let token = '';
beforeAll(async () => {
  ensureBuilt();
  writeFileSync(policyFile, JSON.stringify({ purposes: { refund: { entities: ['EMAIL'] } } }));
  const vault = await openVault({ store: await openPgVaultStore({ connectionString: CONNECTION, schema }), keys: { keks: { '1': kek1 }, current: 1, indexKey } });
  token = labelTokens(createRedactor({ masks: { EMAIL: 'token' }, vault: vault.scope({ scope: 'cli', subject: 'cust-cli' }) }).redact('mail cli.user@example.com').text)[0]!.token;
  await vault.close();
}, 120_000);

describe('caregate vault (the real binary)', () => {
  it('reveals for an allowed purpose (exit 0), refuses another (exit 1), rotates, retires and erases', async () => {
    const v1 = { CAREGATE_VAULT_KEKS: `1:${kek1}` };
    const ok = await caregate(['reveal', token, '--purpose', 'refund', '--policy', policyFile, '--actor', 'ops-1'], v1);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ entity: 'EMAIL', value: 'cli.user@example.com', reveal: 'whole' });
    const no = await caregate(['reveal', token, '--purpose', 'marketing', '--policy', policyFile, '--actor', 'ops-1'], v1);
    expect(no.code).toBe(1);
    expect(no.stderr).toMatch(/no such purpose/);
    const both = { CAREGATE_VAULT_KEKS: `1:${kek1},2:${kek2}` };
    expect((await caregate(['retire', '1', '--actor', 'ops-1'], both)).stderr).toMatch(/still wraps 1 data key/);
    expect((await caregate(['rotate', '--actor', 'ops-1'], both)).stdout).toMatch(/1 data key\(s\) re-wrapped/);
    expect((await caregate(['retire', '1', '--actor', 'ops-1'], both)).code).toBe(0);
    const only2 = { CAREGATE_VAULT_KEKS: `2:${kek2}` };
    expect((await caregate(['reveal', token, '--purpose', 'refund', '--policy', policyFile, '--actor', 'ops-1'], only2)).code).toBe(0);
    expect((await caregate(['erase', '--subject', 'cust-cli', '--actor', 'dpo'], only2)).stdout).toMatch(/1 data key\(s\) destroyed; 1 token/);
    const erased = await caregate(['reveal', token, '--purpose', 'refund', '--policy', policyFile, '--actor', 'ops-1'], only2);
    expect(erased.code).toBe(1);
    expect(erased.stderr).toMatch(/erased/);
    expect(erased.stderr + erased.stdout).not.toContain('cli.user');
  }, 120_000);

  it('redact --mask CREDIT_CARD=token --vault-scope: one file and a tree; every token in an output is revealable once the command exits 0', async () => {
    const env = { ...process.env, CAREGATE_VAULT_PG: CONNECTION, CAREGATE_VAULT_INDEX_KEY: indexKey, CAREGATE_VAULT_KEKS: `1:${kek1}` };
    const tree = join(dir, 'tree');
    const { mkdirSync, readFileSync } = await import('node:fs');
    mkdirSync(join(tree, 'a'), { recursive: true });
    const values = Array.from({ length: 6 }, (_, i) => `person${i}@example.org`);
    values.forEach((v, i) => writeFileSync(join(tree, i % 2 ? 'a' : '.', `n${i}.txt`), `mail ${v} please\n`));
    const bin = join(ROOT, 'bin/caregate.js');
    const common = ['--mask', 'EMAIL=token', '--vault-scope', 'cli-desk', '--vault-schema', schema];
    const one = await run(process.execPath, [bin, 'redact', join(tree, 'n0.txt'), ...common], { env });
    const bulk = await run(process.execPath, [bin, 'redact', tree, '-o', join(dir, 'out'), '--concurrency', '2', '--no-progress', ...common], { env });
    const outputs = [one.stdout, ...values.map((_, i) => readFileSync(join(dir, 'out', i % 2 ? 'a' : '.', `n${i}.txt`), 'utf8'))];
    const vault = await openVault({ store: await openPgVaultStore({ connectionString: CONNECTION, schema }), keys: { keks: { '1': kek1 }, current: 1, indexKey }, policy: { purposes: { check: { entities: ['EMAIL'] } }, rateLimit: { max: 100, windowSeconds: 60 } } });
    try {
      for (const [k, text] of outputs.entries()) {
        expect(text).not.toContain('@example.org');
        const [t] = labelTokens(text);
        expect((await vault.reveal(t!.token, { actor: 'check', purpose: 'check' })).value).toBe(values[k === 0 ? 0 : k - 1]);
      }
      // deterministic scope: the single-file run and the tree run gave n0 the same token
      expect(labelTokens(outputs[0]!)[0]!.token).toBe(labelTokens(outputs[1]!)[0]!.token);
    } finally {
      await vault.close();
    }
    // without a scope the token mask is a configuration error (exit 2), nothing written
    const bad = await run(process.execPath, [bin, 'redact', join(tree, 'n0.txt'), '--mask', 'EMAIL=token'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect((bad as { code: number }).code).toBe(2);
    expect((bad as { stderr: string }).stderr).toMatch(/needs a token vault/);
  }, 120_000);

  it('says what is missing when no keys are set (usage error, no key material echoed)', async () => {
    const r = await caregate(['rotate', '--actor', 'ops'], { CAREGATE_VAULT_KEKS: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/CAREGATE_VAULT_KEKS/);
  }, 60_000);
});

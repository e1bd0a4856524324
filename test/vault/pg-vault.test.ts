import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { openRequestLog } from '../../src/privacy/index.js';
import { openPgVaultStore, openVault, VaultRefusal } from '../../src/vault/index.js';
import { PG_TEST_URL, pgTestSchemas } from '../support/pg-schemas.js';
import { labelTokens, REVEAL_ALL, testKeys } from './helpers.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CONNECTION = PG_TEST_URL;
const pgSchemas = pgTestSchemas('vault_t');
const newSchema = () => pgSchemas.newSchema();

describe('vault on PostgreSQL', () => {
  it('concurrent tokenizers in separate vaults: one entry per (value, scope), every token revealable', async () => {
    const schema = newSchema();
    const keys = testKeys();
    const vaults = await Promise.all(Array.from({ length: 4 }, async () => openVault({ store: await openPgVaultStore({ connectionString: CONNECTION, schema }), keys, policy: REVEAL_ALL })));
    const values = Array.from({ length: 200 }, (_, i) => `shared${i}@example.com`);
    const outputs = await Promise.all(
      vaults.map(async (v, k) => {
        const r = createRedactor({ masks: { EMAIL: 'token' }, vault: v.scope({ scope: 'desk' }) });
        // Each writer sees the values in another order and flushes in several batches.
        const order = k % 2 ? [...values].reverse() : values;
        const seen = new Map<string, string>();
        for (let i = 0; i < order.length; i += 25) {
          const chunk = order.slice(i, i + 25);
          const tokens = labelTokens(r.redact(chunk.map((x) => `mail ${x}`).join('\n')).text);
          chunk.forEach((x, j) => seen.set(x, tokens[j]!.token));
          await v.flush();
        }
        return seen;
      }),
    );
    for (const x of values) expect(new Set(outputs.map((o) => o.get(x))).size).toBe(1);
    const rows = await pgSchemas.admin.query<{ n: string; d: string }>(`SELECT count(*) AS n, count(DISTINCT index_id) AS d FROM "${schema}".vault_tokens`);
    expect(Number(rows.rows[0]!.n)).toBe(values.length);
    expect(Number(rows.rows[0]!.d)).toBe(values.length);
    for (const x of values.slice(0, 20)) expect((await vaults[3]!.reveal(outputs[0]!.get(x)!, { actor: 'a', purpose: 'refund' })).value).toBe(x);
    await Promise.all(vaults.map((v) => v.close()));
  }, 60_000);

  it('writers storing the same deterministic entries at once all succeed, with one row each', async () => {
    // ON CONFLICT arbitrates the token index only; a writer that meets the other's row first in the
    // index_id index must still resolve it as a retried flush, not fail the flush.
    const schema = newSchema();
    const pool = new (await import('pg')).default.Pool({ connectionString: CONNECTION, max: 8 });
    const store = await openPgVaultStore({ pool, schema });
    const key = { keyId: 'k1', subjectId: null, kekVersion: 1, wrapped: randomBytes(16) };
    try {
      for (let round = 0; round < 300; round++) {
        const entries = Array.from({ length: 20 }, (_, i) => ({
          token: `t${round}.${i}`, entity: 'EMAIL', scopeId: 'desk', indexId: `ix${round}.${i}`, keyId: 'k1', subjectId: null, ciphertext: Buffer.from([i]),
        }));
        const results = await Promise.all(Array.from({ length: 6 }, () => store.write([key], entries)));
        for (const r of results) expect(r.collisions).toEqual([]);
      }
      const rows = await pgSchemas.admin.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".vault_tokens`);
      expect(Number(rows.rows[0]!.n)).toBe(300 * 20);
    } finally {
      await store.close();
      await pool.end();
    }
  }, 60_000);

  it.each([3, 11])('a tokenizer killed (SIGKILL) during its flushes after %i acknowledged batches: every acknowledged token is revealable', async (batches) => {
    const schema = newSchema();
    const keys = testKeys();
    const env = { ...process.env, VAULT_CHILD: JSON.stringify({ connectionString: CONNECTION, schema, keys, tag: batches }) };
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./fixtures/tokenizer.ts', import.meta.url))], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: [string, string][] = [];
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve, reject) => {
      let buf = '';
      let seenBatches = 0;
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        let nl: number;
        while ((nl = buf.indexOf('\n')) !== -1) {
          const [token, value] = buf.slice(0, nl).split('\t');
          buf = buf.slice(nl + 1);
          acked.push([token!, value!]);
        }
        if (++seenBatches >= batches) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code}: ${stderr}`))));
    });
    await new Promise((r) => child.once('close', r));
    expect(acked.length).toBeGreaterThan(0);
    const vault = await openVault({ store: await openPgVaultStore({ connectionString: CONNECTION, schema }), keys, policy: { ...REVEAL_ALL, rateLimit: { max: 100_000, windowSeconds: 60 } } });
    for (const [token, value] of acked) expect((await vault.reveal(token, { actor: 'check', purpose: 'refund' })).value).toBe(value);
    await vault.close();
  }, 90_000);

  it('rotation under concurrent reveals: every reveal succeeds, all keys end under the new version', async () => {
    const schema = newSchema();
    const keys = testKeys([1]);
    const policy = { ...REVEAL_ALL, rateLimit: { max: 100_000, windowSeconds: 60 } };
    const v1 = await openVault({ store: await openPgVaultStore({ connectionString: CONNECTION, schema }), keys, policy });
    const tokens: [string, string][] = [];
    for (let s = 0; s < 30; s++) {
      const subject = `subject-${s}`;
      const value = `person${s}@example.com`;
      const t = labelTokens(createRedactor({ masks: { EMAIL: 'token' }, vault: v1.scope({ scope: 'desk', subject }) }).redact(`mail ${value}`).text)[0]!;
      tokens.push([t.token, value]);
    }
    await v1.flush();
    const keys2 = { ...keys, keks: { ...keys.keks, '2': testKeys().keks['1']! }, current: 2 };
    const v2 = await openVault({ store: await openPgVaultStore({ connectionString: CONNECTION, schema }), keys: keys2, policy });
    const readers = await Promise.all(Array.from({ length: 3 }, async () => openVault({ store: await openPgVaultStore({ connectionString: CONNECTION, schema }), keys: keys2, policy })));
    let stop = false;
    let reveals = 0;
    const reading = readers.map(async (r) => {
      while (!stop) {
        const [token, value] = tokens[reveals++ % tokens.length]!;
        expect((await r.reveal(token, { actor: 'reader', purpose: 'refund' })).value).toBe(value);
      }
    });
    const rotated = await v2.rotate({ actor: 'ops' });
    stop = true;
    await Promise.all(reading);
    expect(rotated.rewrapped).toBe(30);
    expect(reveals).toBeGreaterThan(0);
    const use = await pgSchemas.admin.query<{ kek_version: number }>(`SELECT DISTINCT kek_version FROM "${schema}".vault_keys`);
    expect(use.rows.map((r) => r.kek_version)).toEqual([2]);
    await v2.retire(1, { actor: 'ops' });
    await Promise.all([v1, v2, ...readers].map((v) => v.close()));
  }, 60_000);

  it("erasure destroys a subject's keys (other subjects unharmed), no writer puts them back, and completes the delete request's task", async () => {
    const schema = newSchema();
    const keys = testKeys();
    const dir = mkdtempSync(join(tmpdir(), 'caregate-vault-reg-'));
    const log = await openRequestLog({ ledger: join(dir, 'ledger.jsonl'), pseudonymKey: randomBytes(32), timeZone: 'Europe/Berlin' });
    const request = await log.open({ type: 'delete', jurisdiction: 'GDPR', channel: 'email', subject: { identifier: 'cust-ref-1', contact: { via: 'account' } } });
    const writer = await openVault({ store: await openPgVaultStore({ connectionString: CONNECTION, schema }), keys, policy: REVEAL_ALL });
    const eraser = await openVault({ store: await openPgVaultStore({ connectionString: CONNECTION, schema }), keys, policy: REVEAL_ALL });
    const tokenize = (subject: string, value: string) => labelTokens(createRedactor({ masks: { EMAIL: 'token' }, vault: writer.scope({ scope: 'desk', subject }) }).redact(`mail ${value}`).text)[0]!.token;
    const gone = tokenize('cust-1', 'gone@example.com');
    const kept = tokenize('cust-2', 'kept@example.com');
    await writer.flush();
    const result = await eraser.eraseSubject('cust-1', { actor: 'dpo', request: { log, requestId: request.id } });
    expect(result.keys).toBe(1);
    // The writer still holds cust-1's key in memory: a later token of cust-1 must not bring the old key back.
    const later = tokenize('cust-1', 'later@example.com');
    await writer.flush();
    const refused = await eraser.reveal(gone, { actor: 'a', purpose: 'refund' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(VaultRefusal);
    expect((refused as VaultRefusal).reason).toBe('erased');
    expect((await eraser.reveal(kept, { actor: 'a', purpose: 'refund' })).value).toBe('kept@example.com');
    const laterResult = await eraser.reveal(later, { actor: 'a', purpose: 'refund' }).catch((e: unknown) => e);
    expect(laterResult).toBeInstanceOf(VaultRefusal);
    // The next token of cust-1 after the writer learnt of the erasure gets a fresh key and is revealable.
    const fresh = tokenize('cust-1', 'fresh@example.com');
    await writer.flush();
    expect((await eraser.reveal(fresh, { actor: 'a', purpose: 'refund' })).value).toBe('fresh@example.com');
    const task = log.get(request.id)?.tasks.find((t) => t.kind === 'crypto_shred');
    expect(task?.status).toBe('done');
    expect(task?.note).toMatch(/1 data key/);
    await Promise.all([writer.close(), eraser.close(), log.close()]);
  }, 60_000);
});

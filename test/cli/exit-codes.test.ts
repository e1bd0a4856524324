import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_TEST_URL, pgTestSchemas, withLedgerTriggersOff } from '../support/pg-schemas.js';
import { withLuhn } from '../support/cards.js';
import { caregate, ensureBuilt } from './binary.js';

// Every documented exit status of every command, through the real binary in a child process: what a shell
// script or a monitor sees (README "Exit codes", docs/cli.md, docs/privacy-register.md).

const dir = mkdtempSync(join(tmpdir(), 'caregate-exit-'));
const card = withLuhn('411111' + '123456789');
const dirty = join(dir, 'dirty.txt');
const clean = join(dir, 'clean.txt');
const notUtf8 = join(dir, 'latin1.txt');
const keyFile = join(dir, 'pseudonym.key');
const pgSchemas = pgTestSchemas('cg_exit');
writeFileSync(dirty, `card ${card} please\n`);
writeFileSync(clean, 'nothing to see here\n');
writeFileSync(notUtf8, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
writeFileSync(keyFile, '6b'.repeat(32));

beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('caregate exit codes through bin/caregate.js', () => {
  it('redact: 0 clean, 1 findings with --fail-on-findings, 2 usage, 3 unreadable or not UTF-8', async () => {
    expect((await caregate(['redact', clean])).code).toBe(0);
    expect((await caregate(['redact', dirty])).code).toBe(0);
    expect((await caregate(['redact', dirty, '--fail-on-findings'])).code).toBe(1);
    const badMask = await caregate(['redact', dirty, '--mask', 'CREDIT_CARD=sparkle']);
    expect(badMask.code).toBe(2);
    expect(badMask.stderr).toContain('unknown mask "sparkle"');
    expect((await caregate(['redact', dirty, '--no-such-flag'])).code).toBe(2);
    expect((await caregate(['redact', join(dir, 'missing.txt')])).code).toBe(3);
    expect((await caregate(['redact', notUtf8, '--invalid-utf8', 'error'])).code).toBe(3);
  });

  it('scan and report: 0, 1 with --fail-on-findings, 2 usage, 3 when an input failed', async () => {
    for (const cmd of ['scan', 'report']) {
      const out = cmd === 'report' ? ['-o', join(dir, `r-${Math.random()}.html`)] : [];
      expect((await caregate([cmd, clean, ...out])).code).toBe(0);
      expect((await caregate([cmd, dirty, ...out, '--fail-on-findings'])).code).toBe(1);
      expect((await caregate([cmd, dirty, ...out, '--concurrency', 'many'])).code).toBe(2);
      expect((await caregate([cmd, clean, notUtf8, ...out, '--invalid-utf8', 'error'])).code).toBe(3);
    }
  });

  it('rules: 0 list, 1 a failing example, 2 unknown id or invalid pack', async () => {
    expect((await caregate(['rules', 'list'])).code).toBe(0);
    const unknown = await caregate(['rules', 'show', 'credit-crad']);
    expect(unknown.code).toBe(2);
    const invalid = join(dir, 'invalid-pack.json');
    writeFileSync(invalid, JSON.stringify({ pack: 'x', rules: 'none' }));
    expect((await caregate(['rules', 'validate', invalid])).code).toBe(2);
    const failing = join(dir, 'failing-pack.json');
    writeFileSync(
      failing,
      JSON.stringify({
        pack: 'failing',
        version: '1.0.0',
        description: 'a pack whose positive example fails',
        rules: [
          {
            id: 'ticket-ref',
            entity: 'TICKET_REF',
            description: 'ticket references',
            detector: { pattern: 'TK-[0-9]{6}', maxLength: 9 },
            confidence: 0.9,
            regulations: ['internal'],
            mask: 'label',
            examples: { positive: [{ text: 'see TK-12345 now', match: 'TK-12345' }], negative: ['order 123456'] },
          },
        ],
      }),
    );
    const passing = join(dir, 'passing-pack.json');
    writeFileSync(passing, readFileSync(failing, 'utf8').replace('see TK-12345 now', 'see TK-123456 now').replace('"match":"TK-12345"', '"match":"TK-123456"'));
    expect((await caregate(['rules', 'validate', passing])).code).toBe(0);
    expect((await caregate(['rules', 'test', passing])).code).toBe(0);
    const tested = await caregate(['rules', 'test', failing]);
    expect(tested.stdout).toContain('FAIL ticket-ref positive #1');
    expect(tested.code).toBe(1);
  });

  it('inspect: 0 clean or redacted, 1 blocked, 2 usage, 3 unreadable', async () => {
    expect((await caregate(['inspect', clean])).code).toBe(0);
    expect((await caregate(['inspect', dirty])).code).toBe(0);
    const png = join(dir, 'photo.png');
    writeFileSync(png, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]));
    expect((await caregate(['inspect', png])).code).toBe(1);
    expect((await caregate(['inspect', clean, '--max-bytes', 'lots'])).code).toBe(2);
    expect((await caregate(['inspect', join(dir, 'missing.pdf')])).code).toBe(3);
  });

  it('worker: 0 for --help, 2 for a bad option (before any connection)', async () => {
    expect((await caregate(['worker', '--help'])).code).toBe(0);
    const bad = await caregate(['worker', '--backoff', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--backoff takes milliseconds');
    expect((await caregate(['worker', '--subject', 'no-wildcard'])).code).toBe(2);
  });

  it('usage: 0 for --help and --version, 2 for an unknown command', async () => {
    expect((await caregate(['--help'])).code).toBe(0);
    expect((await caregate(['--version'])).code).toBe(0);
    expect((await caregate(['frobnicate'])).code).toBe(2);
  });
});

describe('caregate dsar exit codes through bin/caregate.js', () => {
  const writer = (ledger: string) => ['--ledger', ledger, '--tz', 'UTC', '--pseudonym-key-file', keyFile, '--actor', 'agent-1'];
  const open = async (ledger: string): Promise<string> => {
    const r = await caregate(['dsar', 'open', ...writer(ledger), '--type', 'access', '--jurisdiction', 'GDPR', '--channel', 'email', '--subject', 's1', '--email', 'a@example.com', '--format', 'json']);
    expect(r.code).toBe(0);
    return (JSON.parse(r.stdout) as { id: string }).id;
  };

  it('0 ok, 2 usage or configuration only, 4 refused transition, 5 unknown id', async () => {
    const ledger = join(dir, 'register.jsonl');
    const id = await open(ledger);
    expect((await caregate(['dsar', 'list', '--ledger', ledger])).code).toBe(0);
    expect((await caregate(['dsar', 'list'])).code).toBe(2); // no store given
    expect((await caregate(['dsar', 'list', '--ledger', ledger, '--bogus'])).code).toBe(2);
    const refused = await caregate(['dsar', 'transition', id, 'completed', ...writer(ledger)]);
    expect(refused.code).toBe(4);
    const unknown = await caregate(['dsar', 'transition', 'no-such-id', 'acknowledged', ...writer(ledger)]);
    expect(unknown.code).toBe(5);
    expect(unknown.stderr).toContain('no request no-such-id');
  });

  it('3 for a tampered file ledger: verify, and any command that reads it', async () => {
    const ledger = join(dir, 'tampered.jsonl');
    await open(ledger);
    await open(ledger);
    expect((await caregate(['dsar', 'verify', '--ledger', ledger])).code).toBe(0);
    const lines = readFileSync(ledger, 'utf8').split('\n');
    writeFileSync(ledger, [lines[0], lines[2], lines[1], ''].join('\n'));
    const verify = await caregate(['dsar', 'verify', '--ledger', ledger]);
    expect(verify.code).toBe(3);
    expect(verify.stderr).toContain('failed verification');
    expect((await caregate(['dsar', 'list', '--ledger', ledger])).code).toBe(3);
  });

  it('3 for a tampered PostgreSQL ledger', async () => {
    const schema = pgSchemas.newSchema();
    const store = ['--pg', PG_TEST_URL, '--pg-schema', schema];
    const opened = await caregate(['dsar', 'open', ...store, '--tz', 'UTC', '--pseudonym-key-file', keyFile, '--type', 'access', '--jurisdiction', 'GDPR', '--channel', 'email', '--subject', 's1', '--email', 'a@example.com']);
    expect(opened.code).toBe(0);
    expect((await caregate(['dsar', 'verify', ...store])).code).toBe(0);
    await withLedgerTriggersOff(pgSchemas.admin, schema, async (c) => {
      await c.query(`UPDATE "${schema}".dsar_ledger SET line = replace(line, '"GDPR"', '"CCPA"')`);
    });
    const verify = await caregate(['dsar', 'verify', ...store]);
    expect(verify.code).toBe(3);
    expect((await caregate(['dsar', 'list', ...store])).code).toBe(3);
  });
});

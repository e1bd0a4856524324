import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;

/** Runs the CLI in-process, capturing stdout and stderr. */
async function cli(args: string[], stdin = '') {
  const out = new PassThrough();
  const err = new PassThrough();
  const input = new PassThrough();
  input.end(stdin);
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const code = await main(args, { stdin: input, stdout: out, stderr: err });
  return { code, stdout, stderr };
}

describe('caregate redact', () => {
  it('the Quick start command prints the redacted transcript (built CLI, as npx runs it)', async () => {
    const { stdout } = await run('node', [join(ROOT, 'bin/caregate.js'), 'redact', join(ROOT, 'examples/call-transcript.txt')]);
    expect(stdout).toContain('[CARD_CVV]');
    expect(stdout).toContain('one one one one.');
    expect(stdout).not.toMatch(/four one one one, one one one one, uh/);
    expect(stdout).not.toContain('daniel.reyes@example.com');
    expect(stdout).not.toContain('Daniel Reyes');
    expect(stdout).toContain('Case 2025-34177'); // hard negatives stay
  });

  it('reads standard input', async () => {
    const { code, stdout } = await cli(['redact'], 'card 4111 1111 1111 1111\n');
    expect(code).toBe(0);
    expect(stdout).toBe('card •••• •••• •••• 1111\n');
  });

  it('writes -o atomically and leaves no temporary file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caregate-cli-'));
    const input = join(dir, 'in.txt');
    writeFileSync(input, 'SSN 536-22-1947\n');
    const { code } = await cli(['redact', input, '-o', join(dir, 'out.txt')]);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('SSN •••-••-1947\n');
    expect(readdirSync(dir).sort()).toEqual(['in.txt', 'out.txt']);
  });

  it('takes masks and modes from options', async () => {
    const { stdout } = await cli(['redact', '--mask', 'CREDIT_CARD=bin-last4', '--aggressive'], 'card 4111 1111 1111 1111, card number 4111 1111 1111 1112');
    expect(stdout).toBe('card 4111 11•• •••• 1111, card number 4111 11•• •••• 1112');
  });

  it('exit 2 for a usage or configuration error, 3 for an unreadable input, with messages that say what to do', async () => {
    const bad = await cli(['redact', '--mask', 'CREDIT_CARD=sparkle'], 'x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown mask "sparkle"/);
    const missing = await cli(['redact', '/nonexistent/file.txt']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/cannot read \/nonexistent\/file.txt: no such file/);
    const utf8 = mkdtempSync(join(tmpdir(), 'caregate-cli-'));
    writeFileSync(join(utf8, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const invalid = await cli(['redact', '--invalid-utf8', 'error', join(utf8, 'latin1.txt')]);
    expect(invalid.code).toBe(3);
    expect(invalid.stderr).toMatch(/not valid UTF-8 at byte 3/);
  });

  it('--max-value-bytes bounds a value held in memory, one input and bulk alike, and names the flag', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caregate-max-value-'));
    const long = JSON.stringify({ note: `mail ops.desk@example.com ${'x'.repeat(3000)}` });
    const short = JSON.stringify({ note: 'mail ops.desk@example.com' });
    writeFileSync(join(dir, 'long.ndjson'), `${short}\n${long}\n`);
    writeFileSync(join(dir, 'short.ndjson'), `${short}\n`);

    const refused = await cli(['redact', '--max-value-bytes', '2048', join(dir, 'long.ndjson')]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('larger than the limit of 2048 bytes');
    expect(refused.stderr).toContain('--max-value-bytes');

    const raised = await cli(['redact', '--max-value-bytes', '8192', join(dir, 'long.ndjson')]);
    expect(raised.code).toBe(0);
    expect(raised.stdout).not.toContain('ops.desk@example.com');

    // Bulk runs redact on worker threads: the limit travels with each file's task.
    const bulk = await cli(['redact', '--max-value-bytes', '2048', '--no-progress', '-o', join(dir, 'out'), join(dir, 'long.ndjson'), join(dir, 'short.ndjson')]);
    expect(bulk.code).toBe(3);
    expect(readdirSync(join(dir, 'out'))).toEqual(['short.ndjson']);

    const usage = await cli(['redact', '--max-value-bytes', '10', join(dir, 'short.ndjson')]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--max-value-bytes takes a whole number of bytes');
  });
});

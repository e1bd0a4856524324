import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'caregate-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  const o: Buffer[] = [];
  const e: Buffer[] = [];
  out.on('data', (b: Buffer) => o.push(b));
  err.on('data', (b: Buffer) => e.push(b));
  const code = await main(args, { stdin: Readable.from([Buffer.from(stdin)]), stdout: out, stderr: err });
  return { code, stdout: Buffer.concat(o).toString('utf8'), stderr: Buffer.concat(e).toString('utf8') };
}

function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('caregate redact --format', () => {
  it('auto by extension: .csv uses header key hints and keeps quoting', async () => {
    const p = file('contacts.csv', 'id,cvv,notes\n1,123,"card 4111 1111 1111 1111"\n');
    const r = await cli(['redact', p, '--summary']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('id,cvv,notes\n1,[CARD_CVV],"card •••• •••• •••• 1111"\n');
    expect(r.stderr).toBe(`caregate: ${p} (csv, 1 record): 2 findings: CARD_CVV 1, CREDIT_CARD 1\n`);
  });

  it('auto by sniffing on standard input: NDJSON', async () => {
    const r = await cli(['redact'], '{"cvv":"123"}\n{"note":"mail jane.doe@example.com"}\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('{"cvv":"[CARD_CVV]"}\n{"note":"mail [EMAIL]"}\n');
  });

  it('auto by sniffing a file without a known extension: JSON', async () => {
    const p = file('export.data', '{\n  "card_number": 5555555555554444\n}\n');
    const r = await cli(['redact', p]);
    expect(r.stdout).toBe('{\n  "card_number": "••••••••••••4444"\n}\n');
  });

  it('an explicit --format wins over the extension', async () => {
    const p = file('looks.json', '{"a": 1, CVV 456');
    const r = await cli(['redact', p, '--format', 'text']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('{"a": 1, CVV [CARD_CVV]');
  });

  it('text stays the default behaviour for .txt files', async () => {
    const p = file('notes.txt', 'SSN 536-22-1947\n');
    expect((await cli(['redact', p])).stdout).toBe('SSN •••-••-1947\n');
  });

  it('an unknown format is a usage error (exit 2)', async () => {
    const r = await cli(['redact', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("argument 'xml' is invalid");
  });

  it.each([
    ['bad.json', '[{"a": 1},\n {"b": "card 4111 1111 1111 1111"},\n {"c": ]\n', /bad\.json is not valid JSON at line 3, column 8 \(byte \d+, inside \/2\/c\): unexpected '\]': expected a value/],
    ['bad.ndjson', '{"a":1}\n{"b":2\n', /bad\.ndjson line 2 is not a JSON record: the line ends early: 1 unclosed '\{' \(column 7, byte 14\)/],
    ['bad.csv', 'id,notes\n1,ok\n2,"unclosed\n', /bad\.csv is not valid CSV at line 3: the input ends inside a quoted field/],
  ])('malformed %s: exit 3, a clear message, and -o leaves no output file (nor a temporary one)', async (name, content, message) => {
    const p = file(name, content);
    const target = join(dir, `out-${name}`);
    const r = await cli(['redact', p, '-o', target]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(message);
    expect(readdirSync(dir).filter((f) => f.includes(`out-${name}`))).toEqual([]);
  });

  it('a failed run leaves an existing output file as it was', async () => {
    const target = file('kept.json', 'previous contents\n');
    const r = await cli(['redact', file('bad2.json', '{"a": '), '-o', target]);
    expect(r.code).toBe(3);
    expect(readFileSync(target, 'utf8')).toBe('previous contents\n');
    expect(readdirSync(dir).filter((f) => f.includes('kept.json') && f.endsWith('.tmp'))).toEqual([]);
  });

  it('invalid UTF-8 with --invalid-utf8 error: exit 3 naming the byte', async () => {
    const p = join(dir, 'latin1.csv');
    writeFileSync(p, Buffer.concat([Buffer.from('id,name\n1,Jos'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const r = await cli(['redact', p, '--invalid-utf8', 'error', '-o', join(dir, 'latin1.out.csv')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${p} is not valid UTF-8 at byte `);
    expect(r.stderr).toContain("use the 'replace' policy (--invalid-utf8 replace)");
  });

  it('a successful -o run writes the whole output', async () => {
    const target = join(dir, 'ok.ndjson');
    const r = await cli(['redact', file('in.jsonl', '{"ssn":"536-22-1947"}\n'), '-o', target]);
    expect(r.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('{"ssn":"•••-••-1947"}\n');
  });
});

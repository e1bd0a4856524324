import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertNoRaw, cli, ensureBuilt, listFiles, makeTree } from '../report/support.js';

beforeAll(() => ensureBuilt(), 120_000);

const failing = process.getuid?.() === 0 ? 2 : 3; // bad.ndjson, the broken link (and a mode-000 file when not root)

describe('caregate redact <paths…> (bulk)', () => {
  it('mirrors the tree under -o DIR, redacts each format, reports counts, and exits 3 when some inputs failed', async () => {
    const { dir, root } = makeTree();
    const out = join(dir, 'out');
    const r = await cli(['redact', root, '-o', out, '--concurrency', '2']);
    expect(r.code).toBe(3);
    expect(listFiles(out)).toEqual(['clean.txt', 'crm/customers.csv', 'notes/2025/followup.log', 'notes/call.txt', 'tickets/export.ndjson']);
    expect(readFileSync(join(out, 'notes/call.txt'), 'utf8')).toBe('Customer read card •••• •••• •••• 1111 for the refund.\nReach me at [EMAIL].\n');
    expect(readFileSync(join(out, 'notes/2025/followup.log'), 'utf8')).toBe('Called back on (•••) •••-2671, no answer.\nCase 2025-34177 closed.\n');
    const nd = readFileSync(join(out, 'tickets/export.ndjson'), 'utf8').split('\n');
    expect(JSON.parse(nd[0]!)).toMatchObject({ id: 1, email: '[EMAIL]' });
    expect(nd[1]).toBe('{"id":2,"body":"no PII here"}');
    expect(readFileSync(join(out, 'crm/customers.csv'), 'utf8')).toContain('[EMAIL],(•••) •••-2671');
    expect(readFileSync(join(out, 'clean.txt'), 'utf8')).toBe('Nothing sensitive: order 12345 shipped.\n');
    for (const f of listFiles(out)) assertNoRaw(readFileSync(join(out, f), 'utf8'), f);
    // summary: files, bytes, findings per entity, failures (by name, with the reason, no raw value)
    expect(r.stderr).toMatch(/caregate: redacted 5 files \(\d+ B\) in [\d.]+ s/);
    // The CSV's name column is a key hint: its cell is a PERSON finding.
    expect(r.stderr).toMatch(/8 findings: /);
    expect(r.stderr).toContain('PERSON 1');
    expect(r.stderr).toContain('EMAIL 3');
    expect(r.stderr).toContain('PHONE_NUMBER 2');
    expect(r.stderr).toContain('CREDIT_CARD 2');
    expect(r.stderr).toContain(`caregate: ${failing} files failed:`);
    expect(r.stderr).toMatch(/bad\.ndjson line 2 is not a JSON record/);
    expect(r.stderr).toMatch(/unreadable\.txt: no such file \(or a broken link\)/);
    assertNoRaw(r.stderr, 'stderr');
    expect(r.stdout).toBe('');
  });

  it('outputs are atomic: a failing file leaves its previous output untouched and no temporary file behind', async () => {
    const { dir, root } = makeTree();
    const out = join(dir, 'out');
    mkdirSync(join(out, 'broken'), { recursive: true });
    writeFileSync(join(out, 'broken/bad.ndjson'), 'previous run\n');
    const r = await cli(['redact', root, '-o', out, '--concurrency', '1']);
    expect(r.code).toBe(3);
    expect(readFileSync(join(out, 'broken/bad.ndjson'), 'utf8')).toBe('previous run\n');
    expect(listFiles(out).filter((f) => f.includes('.caregate-') || f.endsWith('.tmp'))).toEqual([]);
    expect(listFiles(root).filter((f) => f.includes('.caregate-'))).toEqual([]);
  });

  it('exit 0 when every input was processed; 1 with --fail-on-findings when something was found', async () => {
    const { dir, root } = makeTree();
    const ok = await cli(['redact', root, '-o', join(dir, 'o1'), '--exclude', 'broken/', '--concurrency', '1']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).not.toContain('failed');
    const fail = await cli(['redact', root, '-o', join(dir, 'o2'), '--exclude', 'broken', '--fail-on-findings', '--concurrency', '1']);
    expect(fail.code).toBe(1);
    const clean = await cli(['redact', join(root, 'clean.txt'), join(root, 'notes/2025'), '-o', join(dir, 'o3'), '--fail-on-findings', '--include', '*.nothing', '--concurrency', '1']);
    // files named on the command line are always taken; --include filters what folders hold
    expect(clean.code).toBe(0);
    expect(listFiles(join(dir, 'o3'))).toEqual(['clean.txt']);
  });

  it('--include and --exclude filter what the walk finds', async () => {
    const { dir, root } = makeTree();
    const r = await cli(['redact', root, '-o', join(dir, 'o'), '--include', '*.txt', '--include', '**/*.log', '--exclude', 'broken/**', '--concurrency', '1']);
    expect(r.code).toBe(0);
    expect(listFiles(join(dir, 'o'))).toEqual(['clean.txt', 'notes/2025/followup.log', 'notes/call.txt']);
  });

  it('refuses to write over its inputs without --in-place (exit 2, nothing written); --in-place rewrites them atomically, keeping their mode', async () => {
    const { root } = makeTree();
    const before = readFileSync(join(root, 'notes/call.txt'), 'utf8');
    const refused = await cli(['redact', join(root, 'notes'), '-o', join(root, 'notes'), '--concurrency', '1']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/would overwrite the input .*--in-place/);
    expect(readFileSync(join(root, 'notes/call.txt'), 'utf8')).toBe(before);
    const none = await cli(['redact', join(root, 'notes'), '--concurrency', '1']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('needs -o DIR');
    chmodSync(join(root, 'notes/call.txt'), 0o640);
    const inPlace = await cli(['redact', join(root, 'notes'), '--in-place', '--concurrency', '1']);
    expect(inPlace.code).toBe(0);
    expect(readFileSync(join(root, 'notes/call.txt'), 'utf8')).toContain('•••• •••• •••• 1111');
    expect(statSync(join(root, 'notes/call.txt')).mode & 0o777).toBe(0o640);
    expect(listFiles(join(root, 'notes'))).toEqual(['2025/followup.log', 'call.txt']);
  });

  it('several paths mirror from their common folder; standard input cannot be mixed in', async () => {
    const { dir, root } = makeTree();
    const r = await cli(['redact', join(root, 'notes'), join(root, 'crm/customers.csv'), '-o', join(dir, 'o'), '--concurrency', '1']);
    expect(r.code).toBe(0);
    expect(listFiles(join(dir, 'o'))).toEqual(['crm/customers.csv', 'notes/2025/followup.log', 'notes/call.txt']);
    const mixed = await cli(['redact', '-', join(root, 'clean.txt'), '-o', join(dir, 'o4'), '--concurrency', '1']);
    expect(mixed.code).toBe(2);
  });

  it('a progress bar on standard error only when it is a terminal', async () => {
    const { dir, root } = makeTree();
    const tty = await cli(['redact', root, '-o', join(dir, 'a'), '--exclude', 'broken', '--concurrency', '1'], { tty: true });
    expect(tty.stderr).toMatch(/\d+\/5 files \|.*MB\/s \| ETA/);
    const pipe = await cli(['redact', root, '-o', join(dir, 'b'), '--exclude', 'broken', '--concurrency', '1']);
    expect(pipe.stderr).not.toContain('ETA');
    const off = await cli(['redact', root, '-o', join(dir, 'c'), '--exclude', 'broken', '--no-progress', '--concurrency', '1'], { tty: true });
    expect(off.stderr).not.toContain('ETA');
  });

  it('usage errors exit 2 before anything is written', async () => {
    const { dir, root } = makeTree();
    expect((await cli(['redact', root, '-o', join(dir, 'x'), '--concurrency', '0'])).code).toBe(2);
    expect((await cli(['redact', root, '-o', join(dir, 'x'), '--mask', 'CREDIT_CARD=sparkle', '--concurrency', '1'])).code).toBe(2);
    expect((await cli(['redact', root, '-o', join(root, 'clean.txt'), '--concurrency', '1'])).code).toBe(2);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});

import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { withLuhn } from '../support/cards.js';
import { caregate, ensureBuilt } from './binary.js';

// `caregate redact IN -o OUT` must never overwrite IN unless --in-place: whatever the spelling of OUT, and
// whether OUT is a symbolic or a hard link to IN, in single-file and in bulk mode.

const root = mkdtempSync(join(tmpdir(), 'caregate-same-'));
const card = withLuhn('555555' + '000011112');
const text = `card ${card}\n`;

beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
function fresh(): { dir: string; input: string } {
  const dir = join(root, `case-${++n}`);
  mkdirSync(dir);
  const input = join(dir, 't1.txt');
  writeFileSync(input, text);
  return { dir, input };
}

async function runMain(args: string[]): Promise<{ code: number; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let err = '';
  stdout.resume();
  stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  const code = await main(args, { stdout, stderr, stdin: new PassThrough() });
  return { code, stderr: err };
}

type Spelling = 'dot-slash' | 'absolute' | 'dot-dot' | 'symlink' | 'hardlink' | 'double-slash';

/** Another name for the same file, made on disk when it is a link. */
function sameFileAs(dir: string, input: string, how: Spelling): string {
  switch (how) {
    case 'dot-slash':
      return `./${relative(process.cwd(), input)}`;
    case 'absolute':
      return input;
    case 'dot-dot':
      return `${dir}/../${basename(dir)}/./t1.txt`;
    case 'double-slash':
      return `${dir}//t1.txt`;
    case 'symlink': {
      const link = join(dir, 'link.txt');
      symlinkSync(input, link);
      return link;
    }
    case 'hardlink': {
      const link = join(dir, 'hard.txt');
      linkSync(input, link);
      return link;
    }
  }
}

describe('redact refuses an output that is its input', () => {
  it('single file: every spelling, symbolic and hard links included, exit 2 and the input untouched', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Spelling>('dot-slash', 'absolute', 'dot-dot', 'double-slash', 'symlink', 'hardlink'), async (how) => {
        const { dir, input } = fresh();
        const out = sameFileAs(dir, input, how);
        const r = await runMain(['redact', input, '-o', out]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('--in-place');
        expect(r.stderr).not.toContain(card);
        expect(readFileSync(input, 'utf8')).toBe(text);
      }),
      { seed: 18, numRuns: 12 },
    );
  });

  it('through the binary: `redact t1.txt -o ./t1.txt` exits 2; with --in-place it rewrites the file', async () => {
    const { dir } = fresh();
    const refused = await caregate(['redact', 't1.txt', '-o', './t1.txt'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is the input t1.txt itself');
    expect(readFileSync(join(dir, 't1.txt'), 'utf8')).toBe(text);
    const hard = join(dir, 'hard.txt');
    linkSync(join(dir, 't1.txt'), hard);
    expect((await caregate(['redact', 't1.txt', '-o', hard], { cwd: dir })).code).toBe(2);
    const inPlace = await caregate(['redact', 't1.txt', '--in-place', '--no-progress'], { cwd: dir });
    expect(inPlace.code).toBe(0);
    expect(readFileSync(join(dir, 't1.txt'), 'utf8')).not.toContain(card);
  });

  it('a new output file, or an existing unrelated one, is written as before', async () => {
    const { dir, input } = fresh();
    const other = join(dir, 'other.txt');
    writeFileSync(other, 'old\n');
    expect((await runMain(['redact', input, '-o', other])).code).toBe(0);
    expect(readFileSync(other, 'utf8')).not.toContain(card);
    expect((await runMain(['redact', input, '-o', join(dir, 'new.txt')])).code).toBe(0);
    expect(readFileSync(input, 'utf8')).toBe(text);
  });

  it('bulk: an output folder holding a hard link to an input is refused before anything is written', async () => {
    const { dir, input } = fresh();
    writeFileSync(join(dir, 't2.txt'), text);
    const out = join(root, `out-${n}`);
    mkdirSync(out);
    linkSync(input, join(out, 't1.txt'));
    const r = await runMain(['redact', dir, '-o', out, '--no-progress', '--concurrency', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('same file under another name');
    expect(readFileSync(input, 'utf8')).toBe(text);
    expect(() => readFileSync(join(out, 't2.txt'))).toThrow();
  });

  it('inspect -o and report -o refuse the input itself too (exit 2, the input untouched)', async () => {
    const { dir, input } = fresh();
    const inspect = await runMain(['inspect', input, '-o', `${dir}/./t1.txt`]);
    expect(inspect.code).toBe(2);
    expect(inspect.stderr).toContain('is the upload');
    const hard = join(dir, 'hard.txt');
    linkSync(input, hard);
    const report = await runMain(['report', dir, '-o', hard, '--format', 'json', '--no-progress']);
    expect(report.code).toBe(2);
    expect(report.stderr).toContain('write the report elsewhere');
    expect(readFileSync(input, 'utf8')).toBe(text);
  });
});

import { execFile } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../cli/binary.js';

// Every code example in the README and docs/ runs here, so that the docs cannot drift from the code: fenced
// ts/js blocks run as ES modules (through tsx, importing 'caregate' by its package name, i.e. the built
// exports), sh blocks run in bash with `caregate` on PATH in a folder holding a copy of examples/. A block
// that is deliberately not run says so, with the reason, in an HTML comment on the line before its fence:
// <!-- not-run: reason -->. Every fence names its language (text, console, json for what is not code to run).
// Every ts block, run or not, is also type-checked (strict) against the built .d.ts files.

const run = promisify(execFile);
const RUNNABLE = new Set(['ts', 'typescript', 'js', 'javascript', 'sh', 'bash']);
const NOT_RUN = /^<!--\s*not-run:\s*(\S.*?)\s*-->$/;

interface Block {
  file: string;
  line: number;
  lang: string;
  code: string;
  notRun?: string;
}

function docFiles(): string[] {
  return ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
}

function extractBlocks(file: string, text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(```+)(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    const lang = open[3]!.trim().split(/\s+/)[0] ?? '';
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !lines[j]!.trim().startsWith(fence)) body.push(lines[j++]!);
    const marker = NOT_RUN.exec((lines[i - 1] ?? '').trim());
    blocks.push({ file, line: i + 1, lang, code: body.join('\n'), ...(marker ? { notRun: marker[1] } : {}) });
    i = j;
  }
  return blocks;
}

const blocks = docFiles().flatMap((f) => extractBlocks(f, readFileSync(join(ROOT, f), 'utf8')));
const runnable = blocks.filter((b) => RUNNABLE.has(b.lang) && !b.notRun);
const scratch = join(ROOT, 'test/docs/.run'); // inside the package, so `import 'caregate'` resolves to itself
const sandbox = mkdtempSync(join(tmpdir(), 'caregate-docs-'));

beforeAll(() => {
  ensureBuilt();
  mkdirSync(scratch, { recursive: true });
  writeFileSync(join(scratch, '.gitignore'), '*\n');
  // sh blocks: `caregate` on PATH, the shipped examples at hand, a pseudonym key for `dsar`.
  mkdirSync(join(sandbox, 'bin'));
  writeFileSync(join(sandbox, 'bin/caregate'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin/caregate.js')}" "$@"\n`);
  chmodSync(join(sandbox, 'bin/caregate'), 0o755);
  cpSync(join(ROOT, 'examples'), join(sandbox, 'examples'), { recursive: true });
}, 180_000);
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

const env: NodeJS.ProcessEnv = {
  ...process.env,
  CAREGATE_PSEUDONYM_KEY: '6b'.repeat(32),
  CAREGATE_VERIFY_KEY: '5a'.repeat(32),
  CAREGATE_EXAMPLE_TMP: sandbox,
  NODE_NO_WARNINGS: '1',
};

describe('docs code blocks', () => {
  it('every fence names its language, and every one left out says why', () => {
    const unnamed = blocks.filter((b) => !b.lang).map((b) => `${b.file}:${b.line}`);
    expect(unnamed).toEqual([]);
    for (const b of blocks.filter((x) => x.notRun !== undefined)) expect(b.notRun!.length, `${b.file}:${b.line}`).toBeGreaterThan(10);
    expect(runnable.length).toBeGreaterThan(10);
  });

  it.each(runnable.map((b) => [`${b.file}:${b.line} (${b.lang})`, b] as const))('%s runs', async (_name, b) => {
    expect(await runBlock(b)).toBe('');
  }, 90_000);

  it('every ts block, run or not, type-checks against the published types (tsc, strict)', async () => {
    const dir = join(scratch, 'typecheck');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const files = blocks
      .filter((b) => b.lang === 'ts' || b.lang === 'typescript')
      .map((b) => {
        const name = `${b.file.replace(/[/.]/g, '_')}_${b.line}.mts`;
        writeFileSync(join(dir, name), `${b.code}\nexport {};\n`);
        return name;
      });
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', lib: ['ES2023', 'DOM'], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] }, files }),
    );
    const r = await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { cwd: dir, maxBuffer: 16 << 20 }).catch(
      (err: { stdout: string }) => ({ stdout: err.stdout }),
    );
    expect(r.stdout).toBe('');
  }, 300_000);

  it('the runner reports a block that throws or exits non-zero, and sees the fence markers', async () => {
    expect(await runBlock({ file: 'self', line: 1, lang: 'ts', code: "import { createRedactor } from 'caregate';\ncreateRedactor({ disable: ['credit_card'] });" })).toMatch(/did you mean/);
    expect(await runBlock({ file: 'self', line: 2, lang: 'sh', code: 'caregate redact --mask CREDIT_CARD=sparkle examples/crm-notes.txt' })).toMatch(/^exit 2: .*unknown mask "sparkle"/s);
    const parsed = extractBlocks('self.md', ['<!-- not-run: a synopsis with placeholders -->', '```sh', 'caregate x <id>', '```', '', '```', 'untagged', '```'].join('\n'));
    expect(parsed).toEqual([
      { file: 'self.md', line: 2, lang: 'sh', code: 'caregate x <id>', notRun: 'a synopsis with placeholders' },
      { file: 'self.md', line: 6, lang: '', code: 'untagged' },
    ]);
  }, 90_000);
});

/** Runs a block; '' when it succeeded, else the exit status and standard error. */
async function runBlock(b: Block): Promise<string> {
  const failed = (err: { stderr: string; code: number }) => ({ failed: `exit ${err.code}: ${err.stderr}` });
  if (b.lang === 'sh' || b.lang === 'bash') {
    const path = `${join(sandbox, 'bin')}:${env.PATH}`;
    const r = await run('bash', ['-euo', 'pipefail', '-c', b.code], { cwd: sandbox, env: { ...env, PATH: path }, timeout: 60_000, maxBuffer: 16 << 20 }).catch(failed);
    return 'failed' in r ? r.failed : '';
  }
  const file = join(scratch, `${b.file.replace(/[/.]/g, '_')}_${b.line}.mts`);
  writeFileSync(file, `${b.code}\n`);
  const r = await run(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, env, timeout: 60_000, maxBuffer: 16 << 20 }).catch(failed);
  return 'failed' in r ? r.failed : '';
}

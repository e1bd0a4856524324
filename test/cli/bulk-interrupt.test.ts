import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { careText } from '../../benchmarks/corpus.js';
import { createRedactor } from '../../src/index.js';
import { assertNoRaw, cli, ensureBuilt, listFiles, ROOT } from '../report/support.js';

beforeAll(() => ensureBuilt(), 120_000);

const redactor = createRedactor({});
const temporary = (dir: string) => listFiles(dir).filter((f) => f.includes('.caregate-'));

/** Files big enough (8 MB each by default) that a run is still on its first files when the test interrupts it. */
function bigTree(files: number, bytes = 8_000_000): { dir: string; root: string; texts: Map<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'caregate-interrupt-'));
  const root = join(dir, 'in');
  const texts = new Map<string, string>();
  for (let i = 0; i < files; i++) {
    const rel = `batch-${i % 2}/call-${i}.txt`;
    const text = careText(bytes, 500 + i);
    mkdirSync(join(root, `batch-${i % 2}`), { recursive: true });
    writeFileSync(join(root, rel), text);
    texts.set(rel, text);
  }
  return { dir, root, texts };
}

/**
 * Resolves once a worker has started writing under `dir`, with the outputs being written then (their
 * temporary files' targets, relative): an 8 MB file takes far longer than the 5 ms between looks.
 */
async function untilWriting(dir: string, timeoutMs = 60_000): Promise<string[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const temps = temporary(dir);
    if (temps.length) return temps.map((t) => t.replace(/(^|\/)\.([^/]+)\.caregate-[^/]*\.tmp$/, '$1$2'));
    if (Date.now() > until) throw new Error('no worker started writing');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Every output present is the whole redaction of its input; returns how many there are. */
function assertOutputsComplete(out: string, texts: Map<string, string>): number {
  const outputs = listFiles(out);
  for (const rel of outputs) {
    expect(readFileSync(join(out, rel), 'utf8')).toBe(redactor.redact(texts.get(rel)!).text);
  }
  return outputs.length;
}

describe('interrupting a bulk run', () => {
  it('redact: files in progress are dropped at their next chunk, no temporary file is left, outputs done are whole, exit 130', async () => {
    const { dir, root, texts } = bigTree(6);
    const out = join(dir, 'out');
    const stop = new AbortController();
    const run = cli(['redact', root, '-o', out, '--concurrency', '2'], { signal: stop.signal });
    const inProgress = await untilWriting(out);
    stop.abort();
    const r = await run;
    expect(r.code).toBe(130);
    expect(temporary(out)).toEqual([]);
    const done = assertOutputsComplete(out, texts);
    expect(done).toBeLessThan(texts.size);
    // the files being written when the run stopped were dropped, not finished
    expect(inProgress.length).toBeGreaterThan(0);
    for (const rel of inProgress) expect(texts.has(rel) && !existsSync(join(out, rel))).toBe(true);
    expect(r.stderr).toContain('caregate: interrupted: stopping; files in progress are dropped');
    expect(r.stderr).toContain(`caregate: interrupted (aborted): ${texts.size - done} files not finished, left without output; run again to complete`);
    expect(r.stderr).not.toMatch(/failed/);
    assertNoRaw(r.stderr, 'stderr');
  }, 120_000);

  it('scan and report write nothing when interrupted, and say so (exit 130)', async () => {
    const { dir, root } = bigTree(2, 100_000);
    const stop = new AbortController();
    stop.abort();
    const scan = await cli(['scan', root, '-o', join(dir, 'findings.json')], { signal: stop.signal });
    expect(scan.code).toBe(130);
    expect(existsSync(join(dir, 'findings.json'))).toBe(false);
    expect(scan.stderr).toContain('caregate: interrupted (aborted): 2 files not finished; run again to complete');
    expect(scan.stderr).toContain('caregate: no findings written: the run was interrupted');
    const report = await cli(['report', root, '-o', join(dir, 'report.html')], { signal: stop.signal });
    expect(report.code).toBe(130);
    expect(existsSync(join(dir, 'report.html'))).toBe(false);
    expect(report.stderr).toContain('caregate: no report written: the run was interrupted');
    expect(listFiles(dir).filter((f) => f.includes('.caregate-'))).toEqual([]);
  }, 120_000);

  it('caregate redact on the command line: SIGINT stops the run the same way', async () => {
    const { dir, root, texts } = bigTree(6);
    const out = join(dir, 'out');
    const child = spawn(process.execPath, [join(ROOT, 'bin/caregate.js'), 'redact', root, '-o', out, '--concurrency', '2', '--no-progress'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const inProgress = await untilWriting(out);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(temporary(out)).toEqual([]);
    const done = assertOutputsComplete(out, texts);
    expect(done).toBeLessThan(texts.size);
    // the files being written when the run stopped were dropped, not finished
    expect(inProgress.length).toBeGreaterThan(0);
    for (const rel of inProgress) expect(texts.has(rel) && !existsSync(join(out, rel))).toBe(true);
    expect(stderr).toContain('caregate: SIGINT: stopping; files in progress are dropped (again to quit at once)');
    expect(stderr).toContain(`caregate: interrupted (SIGINT): ${texts.size - done} files not finished`);
  }, 120_000);
});

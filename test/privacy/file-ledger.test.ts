import { spawn, execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrivacyError, openFileLedger, openRequestLog, scanLedgerFile, signCheckpoint, verifyLedger } from '../../src/privacy/index.js';
import { CHECKPOINT_SECRET, SUBJECT, baseOptions, manualClock, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
const newPath = () => join(tmp.dir, `f-${++n}.jsonl`);
const KEY = { alg: 'hmac-sha256' as const, secret: CHECKPOINT_SECRET };

async function sampleLedger(path: string): Promise<{ logId: string; size: number; headHash: string }> {
  const clock = manualClock('2026-03-05T10:00:00Z');
  const log = await openRequestLog({ ...baseOptions(clock.now), ledger: path });
  for (let i = 0; i < 3; i++) {
    const r = await log.open({ type: 'delete', jurisdiction: 'CCPA', channel: 'phone', subject: { ...SUBJECT, identifier: `u${i}` }, description: 'ünïcødé note' });
    await log.transition(r.id, 'acknowledged');
  }
  const head = log.head() as { logId: string; size: number; headHash: string };
  await log.close();
  return head;
}

describe('JSONL ledger: byte-level tampering', () => {
  it('fast-check: any single-byte edit, deleted line or swapped pair of lines is detected, at the right line', async () => {
    const path = newPath();
    const head = await sampleLedger(path);
    const cp = signCheckpoint(head, KEY);
    const original = readFileSync(path);
    const lineOf = (byte: number) => original.subarray(0, byte).filter((b) => b === 0x0a).length + 1;
    const lines = original.toString('utf8').split('\n').slice(0, -1);
    const verify = async (content: Buffer) => {
      writeFileSync(path, content);
      return verifyLedger({ ledger: path, checkpoints: [cp], checkpointKey: KEY });
    };
    const edit = fc.record({ kind: fc.constant('byte' as const), at: fc.nat(original.length - 1), value: fc.nat(255) }).filter((c) => original[c.at] !== c.value);
    const del = fc.record({ kind: fc.constant('delete' as const), at: fc.nat(lines.length - 1) });
    const swap = fc.record({ kind: fc.constant('swap' as const), a: fc.nat(lines.length - 1), b: fc.nat(lines.length - 1) }).filter((c) => c.a !== c.b);
    await fc.assert(
      fc.asyncProperty(fc.oneof(edit, del, swap), async (c) => {
        let content: Buffer;
        let line: number;
        if (c.kind === 'byte') {
          content = Buffer.from(original);
          content[c.at] = c.value;
          line = lineOf(c.at);
        } else if (c.kind === 'delete') {
          const l = [...lines];
          l.splice(c.at, 1);
          content = Buffer.from(l.map((x) => `${x}\n`).join(''));
          line = c.at + 1;
        } else {
          const l = [...lines];
          const [a, b] = [Math.min(c.a, c.b), Math.max(c.a, c.b)];
          [l[a], l[b]] = [l[b] as string, l[a] as string];
          content = Buffer.from(l.map((x) => `${x}\n`).join(''));
          line = a + 1;
        }
        const report = await verify(content);
        expect(report.ok).toBe(false);
        if (c.kind === 'delete' && c.at === lines.length - 1) {
          expect(report.firstProblem?.problem).toBe('truncated');
        } else {
          expect(report.firstProblem?.line).toBe(line);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
    expect((await verify(original)).ok).toBe(true);
  });
});

describe('JSONL ledger: crashes and the writer lock', () => {
  it('a torn last line is cut when a writer opens the ledger, recorded, and no earlier entry is lost', async () => {
    const path = newPath();
    await sampleLedger(path);
    const before = readFileSync(path, 'utf8').split('\n').slice(0, -1);
    appendFileSync(path, '{"v":1,"seq":7,"ts":"2026-03-05T1');
    const scan = await scanLedgerFile(path);
    expect(scan.issue?.problem).toBe('torn_tail');
    expect(scan.issue?.line).toBe(before.length + 1);
    // A reader ignores it; a writer cuts it and records the recovery.
    const reader = await openRequestLog({ ledger: path, readOnly: true });
    expect(reader.head().size).toBe(before.length);
    await reader.close();
    const clock = manualClock('2026-03-06T10:00:00Z');
    const log = await openRequestLog({ ...baseOptions(clock.now), ledger: path });
    const after = readFileSync(path, 'utf8').split('\n').slice(0, -1);
    expect(after.slice(0, before.length)).toEqual(before);
    const recovered = JSON.parse(after[before.length] as string);
    expect(recovered).toMatchObject({ kind: 'ledger_recovered', data: { discardedBytes: 33, reason: 'incomplete last line' } });
    expect(log.snapshot()).toHaveLength(3);
    expect((await log.verifyIntegrity()).ok).toBe(true);
    await log.close();
  });

  it('a complete but damaged line is never cut: the ledger refuses to open', async () => {
    const path = newPath();
    await sampleLedger(path);
    appendFileSync(path, 'garbage\n');
    const err = await openRequestLog({ ...baseOptions(() => new Date()), ledger: path }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrivacyError);
    expect((err as PrivacyError).code).toBe('DSAR_INTEGRITY');
    expect((err as Error).message).toContain('entry #7 (line 8): not valid JSON');
  });

  it('one writer at a time: a second writer is refused while the first holds the lock; readers are not', async () => {
    const path = newPath();
    const first = await openFileLedger({ path });
    const err = await openFileLedger({ path }).catch((e: unknown) => e);
    expect((err as PrivacyError).code).toBe('DSAR_LOCKED');
    expect((err as Error).message).toContain(`process ${process.pid}`);
    const reader = await openFileLedger({ path, readOnly: true });
    expect(await reader.load()).toHaveLength(1);
    await reader.close();
    await first.close();
    const second = await openFileLedger({ path });
    await second.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('a lock left by a dead process is taken over', async () => {
    const path = newPath();
    await (await openFileLedger({ path })).close();
    const dead = execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString();
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: Number(dead), host: (await import('node:os')).hostname(), since: '2026-01-01T00:00:00Z' }));
    const store = await openFileLedger({ path });
    expect(await store.load()).toHaveLength(1);
    await store.close();
  });

  describe('SIGKILL in the middle of appends', () => {
    let modulePath = '';
    beforeAll(() => {
      // The child loads the TypeScript source through tsx (the ledger module imports the engine, through
      // the output gate of its errors, whose packages resolve from the repository's node_modules).
      modulePath = pathToFileURL(fileURLToPath(new URL('../../src/privacy/ledger-file.ts', import.meta.url))).href;
    });

    it.each([5, 23, 61])('killed after %i acknowledged appends: the ledger opens, recovers and has every acknowledged entry', async (kills) => {
      const path = newPath();
      const root = fileURLToPath(new URL('../../', import.meta.url));
      const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./fixtures/crash-writer.mjs', import.meta.url)), modulePath, path], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      const acked = new Map<number, string>();
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      await new Promise<void>((resolve, reject) => {
        let buf = '';
        child.stdout.on('data', (d: Buffer) => {
          buf += d.toString();
          let nl: number;
          while ((nl = buf.indexOf('\n')) !== -1) {
            const [seq, hash] = buf.slice(0, nl).split(' ');
            buf = buf.slice(nl + 1);
            acked.set(Number(seq), hash as string);
            if (acked.size === kills) child.kill('SIGKILL');
          }
        });
        child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code}: ${stderr}`))));
      });
      expect(acked.size).toBeGreaterThanOrEqual(kills);
      const store = await openFileLedger({ path }); // takes over the dead child's lock, cuts any torn line
      const entries = await store.load();
      for (const [seq, hash] of acked) expect(entries[seq]?.hash).toBe(hash);
      expect(entries.length).toBeGreaterThan(Math.max(...acked.keys()));
      await store.close();
      expect((await scanLedgerFile(path)).issue).toBeUndefined();
    });
  });
});

// Issue 15 item 2: three writer processes race for a ledger whose lock was left by a dead process.
// Exactly one may hold it, the chain stays intact, and every append a writer was told succeeded is there.
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFileLedger, scanLedgerFile } from '../../src/privacy/ledger-file.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WRITER = fileURLToPath(new URL('./fixtures/ledger-lock-writer.mjs', import.meta.url));
const MODULE = pathToFileURL(join(ROOT, 'src/privacy/ledger-file.ts')).href;
const WRITERS = 3;
const ROUNDS = 50;

interface Writer {
  child: ChildProcessWithoutNullStreams;
  /** Sends a command and resolves with the next line the writer prints. */
  ask(command: string): Promise<string>;
}

function startWriter(): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, MODULE], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let buffer = '';
  const waiting: Array<(line: string) => void> = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    buffer += d.toString();
    for (let nl = buffer.indexOf('\n'); nl !== -1; nl = buffer.indexOf('\n')) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      waiting.shift()?.(line);
    }
  });
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w(`exited ${code} ${stderr}`);
  });
  return {
    child,
    ask(command) {
      return new Promise((resolve) => {
        waiting.push(resolve);
        child.stdin.write(`${command}\n`);
      });
    },
  };
}

let dir = '';
let writers: Writer[] = [];
let deadPid = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caregate-lock-race-'));
  writers = Array.from({ length: WRITERS }, startWriter);
  // A pid that no longer runs: a process that has exited.
  deadPid = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString());
  // Every writer has loaded the module and answers before the rounds start.
  await Promise.all(writers.map((w) => w.ask('close')));
}, 60_000);

afterAll(() => {
  for (const w of writers) w.child.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('file ledger: a stale lock raced by several writers', () => {
  it(`${ROUNDS} rounds of ${WRITERS} writer processes: exactly one holder, chain intact, every acknowledged append present`, async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const path = join(dir, `ledger-${round}.jsonl`);
      // A ledger with an entry, whose writer was killed and left its lock behind.
      await (await openFileLedger({ path })).close();
      writeFileSync(`${path}.lock`, JSON.stringify({ pid: deadPid, host: hostname(), since: '2026-01-01T00:00:00Z', nonce: `dead-${round}` }));

      const replies = await Promise.all(writers.map((w) => w.ask(`open ${path}`)));
      const holders = replies.map((r, i) => ({ r, i })).filter(({ r }) => r.startsWith('held '));
      outcomes.push(replies.map((r) => r.split(' ').slice(0, 2).join(' ')).join(' | '));
      expect(holders, `round ${round}: ${replies.join(' || ')}`).toHaveLength(1);
      for (const r of replies) if (!r.startsWith('held ')) expect(r, `round ${round}`).toMatch(/^refused DSAR_LOCKED /);

      const holder = holders[0]!;
      expect(await writers[holder.i]!.ask('close')).toBe('closed');
      const acked = holder.r.slice('held '.length).split(' ').map((p) => p.split(':') as [string, string]);
      const scan = await scanLedgerFile(path, new Set(acked.map(([seq]) => Number(seq))));
      expect(scan.issue, `round ${round}`).toBeUndefined();
      expect(scan.size).toBe(1 + acked.length);
      for (const [seq, hash] of acked) expect(scan.hashesAt.get(Number(seq))).toBe(hash);
    }
    expect(outcomes).toHaveLength(ROUNDS);
  }, 120_000);
});

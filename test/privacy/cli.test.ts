import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { registerDsarCommand } from '../../src/cli/dsar.js';
import { PSEUDONYM_KEY, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const keyFile = join(tmp.dir, 'pseudonym.key');
writeFileSync(keyFile, PSEUDONYM_KEY);
const hmacFile = join(tmp.dir, 'checkpoint.key');
writeFileSync(hmacFile, 'c4'.repeat(32));

/** Runs `caregate <args>` in-process; returns exit code and output. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const program = new Command('caregate').exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  registerDsarCommand(program);
  try {
    await program.parseAsync(args, { from: 'user' });
    return { code: 0, out, err };
  } catch (e) {
    if (e instanceof CommanderError) return { code: e.exitCode, out, err };
    throw e;
  }
}

let n = 0;
const writer = () => ['--ledger', join(tmp.dir, `cli-${++n}.jsonl`), '--tz', 'America/Los_Angeles', '--pseudonym-key-file', keyFile, '--actor', 'agent-1'];

describe('caregate dsar', () => {
  it('records a CCPA delete request and walks it to completion; show prints the history', async () => {
    const w = writer();
    const ledger = w[1] as string;
    const opened = await cli('dsar', 'open', ...w, '--type', 'delete', '--jurisdiction', 'CCPA', '--channel', 'phone', '--subject', 'cust-991', '--email', 'pat@example.com', '--received-at', '2026-11-20T18:00:00Z', '--description', 'card 4111 1111 1111 1111', '--format', 'json', '--now', '2026-11-20T18:05:00Z');
    expect(opened.code).toBe(0);
    const req = JSON.parse(opened.out);
    expect(req.deadlines).toMatchObject({ acknowledgeBy: '2026-12-07', respondBy: '2027-01-04' });
    const id = req.id as string;
    const at = ['--now', '2026-11-23T18:00:00Z'];
    expect((await cli('dsar', 'transition', id, 'acknowledged', ...w, ...at)).code).toBe(0);
    expect((await cli('dsar', 'transition', id, 'identity_pending', ...w, ...at)).code).toBe(0);
    expect((await cli('dsar', 'transition', id, 'verified', ...w, ...at, '--verification', '{"allowed":true,"level":"reasonable","factorCategories":["know"]}')).code).toBe(0);
    expect((await cli('dsar', 'route', id, 'privacy-ops', ...w, ...at)).code).toBe(0);
    expect((await cli('dsar', 'transition', id, 'in_progress', ...w, ...at)).code).toBe(0);
    const task = await cli('dsar', 'task-add', id, ...w, ...at, '--system', 'crm', '--kind', 'erase', '--categories', 'contact,orders');
    expect(task.out).toMatch(/t1\s+crm\s+erase\s+open\s+contact orders/);
    const blocked = await cli('dsar', 'transition', id, 'completed', ...w, ...at);
    expect(blocked.code).toBe(4);
    expect(blocked.err).toContain('caregate: request');
    expect(blocked.err).toContain('tasks t1 (erase in crm, open) are still open');
    expect((await cli('dsar', 'task-set', id, 't1', 'done', ...w, ...at)).code).toBe(0);
    expect((await cli('dsar', 'transition', id, 'completed', ...w, ...at, '--nature', 'erased')).code).toBe(0);
    const show = await cli('dsar', 'show', id, '--ledger', ledger);
    expect(show.code).toBe(0);
    expect(show.out).toMatch(/status\s+completed/);
    expect(show.out).toContain('in_progress → completed (complied)');
    expect(show.out).toContain('routed to privacy-ops');
    const csv = await cli('dsar', 'show', id, '--ledger', ledger, '--format', 'csv');
    expect(csv.out.split('\r\n')[0]).toBe('seq,at,actor,event');
    expect(readFileSync(ledger, 'utf8')).not.toContain('4111 1111');
  });

  it('list --overdue and --due-within 7d, as table, JSON and CSV', async () => {
    const w = writer();
    const ledger = w[1] as string;
    const a = JSON.parse((await cli('dsar', 'open', ...w, '--type', 'opt_out_sale_sharing', '--jurisdiction', 'CCPA', '--channel', 'web_form', '--subject', 's1', '--email', 'a@example.com', '--format', 'json', '--now', '2026-11-20T18:00:00Z')).out);
    const b = JSON.parse((await cli('dsar', 'open', ...w, '--type', 'know_specific', '--jurisdiction', 'CCPA', '--channel', 'email', '--subject', 's2', '--email', 'b@example.com', '--format', 'json', '--now', '2026-11-20T18:00:00Z')).out);
    const overdue = await cli('dsar', 'list', '--ledger', ledger, '--overdue', '--format', 'json', '--now', '2026-12-08T20:00:00Z');
    expect(JSON.parse(overdue.out).map((r: { id: string; nextDeadline: unknown }) => [r.id, r.nextDeadline])).toEqual([[b.id, { kind: 'acknowledge', date: '2026-12-07' }]]);
    const soon = await cli('dsar', 'list', '--ledger', ledger, '--due-within', '7d', '--format', 'csv', '--now', '2026-12-08T20:00:00Z');
    expect(soon.out.split('\r\n')[1]).toMatch(new RegExp(`^${a.id},opt_out_sale_sharing,CCPA,received,2026-11-20,respond,2026-12-14,0,no,$`));
    const table = await cli('dsar', 'list', '--ledger', ledger, '--now', '2026-12-08T20:00:00Z');
    expect(table.out.split('\n')[0]).toMatch(/^id\s+type\s+jurisdiction\s+status\s+received\s+next\s+due\s+overdueDays/);
    expect((await cli('dsar', 'list', '--ledger', ledger, '--due-within', 'soon')).code).toBe(2);
  });

  it('metrics --year as JSON and table', async () => {
    const w = writer();
    const ledger = w[1] as string;
    const r = JSON.parse((await cli('dsar', 'open', ...w, '--type', 'delete', '--jurisdiction', 'CCPA', '--channel', 'email', '--subject', 's', '--email', 'a@example.com', '--format', 'json', '--now', '2026-02-01T18:00:00Z')).out);
    await cli('dsar', 'transition', r.id, 'denied', ...w, '--basis', 'unverifiable', '--now', '2026-02-11T18:00:00Z');
    const m = JSON.parse((await cli('dsar', 'metrics', '--ledger', ledger, '--year', '2026', '--format', 'json')).out);
    expect(m.rows).toMatchObject([{ type: 'delete', received: 1, denied: 1, deniedUnverifiable: 1, medianDaysToRespond: 10, meanDaysToRespond: 10 }]);
    const table = await cli('dsar', 'metrics', '--ledger', ledger, '--year', '2026');
    expect(table.out).toMatch(/delete\s+1\s+0\s+0\s+1\s+1/);
  });

  it('verify exits 0 on a good ledger and 3 naming the first bad entry; checkpoints catch truncation', async () => {
    const w = writer();
    const ledger = w[1] as string;
    for (const s of ['x', 'y', 'z']) await cli('dsar', 'open', ...w, '--type', 'access', '--jurisdiction', 'GDPR', '--channel', 'email', '--subject', s, '--email', 'a@example.com');
    const cpFile = join(tmp.dir, `cp-${n}.json`);
    expect((await cli('dsar', 'checkpoint', '--ledger', ledger, '--key-file', hmacFile, '--out', cpFile)).code).toBe(0);
    const ok = await cli('dsar', 'verify', '--ledger', ledger, '--checkpoint', cpFile, '--checkpoint-key-file', hmacFile, '--format', 'json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true, entries: 4, checkpointsChecked: 1 });
    const lines = readFileSync(ledger, 'utf8').split('\n');
    writeFileSync(ledger, lines.slice(0, 3).join('\n') + '\n'); // drop the last entry
    const cut = await cli('dsar', 'verify', '--ledger', ledger, '--checkpoint', cpFile, '--checkpoint-key-file', hmacFile);
    expect(cut.code).toBe(3);
    expect(cut.err).toContain('entries #3 to #3 were removed');
    writeFileSync(ledger, [lines[0], lines[2], lines[1], lines[3], ''].join('\n')); // reorder
    const swapped = await cli('dsar', 'verify', '--ledger', ledger);
    expect(swapped.code).toBe(3);
    expect(swapped.err).toContain('entry #1 (line 2): found entry #2 where #1 belongs');
    // the register refuses to use a damaged ledger
    const list = await cli('dsar', 'list', '--ledger', ledger);
    expect(list.code).toBe(3);
  });

  it('Ed25519 checkpoints: signed with the private key, checked with the public one', async () => {
    const w = writer();
    const ledger = w[1] as string;
    await cli('dsar', 'open', ...w, '--type', 'access', '--jurisdiction', 'GDPR', '--channel', 'email', '--subject', 's', '--email', 'a@example.com');
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const priv = join(tmp.dir, 'ed.pem');
    const pub = join(tmp.dir, 'ed.pub.pem');
    writeFileSync(priv, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(pub, publicKey.export({ type: 'spki', format: 'pem' }));
    const cp = await cli('dsar', 'checkpoint', '--ledger', ledger, '--key-file', priv);
    expect(JSON.parse(cp.out)).toMatchObject({ alg: 'ed25519', size: 2 });
    const cpFile = join(tmp.dir, 'ed-cp.json');
    writeFileSync(cpFile, cp.out);
    expect((await cli('dsar', 'verify', '--ledger', ledger, '--checkpoint', cpFile, '--checkpoint-key-file', pub)).code).toBe(0);
    expect((await cli('dsar', 'checkpoint', '--ledger', ledger, '--key-file', pub)).code).toBe(2);
  });

  it('usage and configuration errors exit 2; an unknown id exits 5', async () => {
    expect((await cli('dsar', 'list')).code).toBe(2); // no store
    expect((await cli('dsar', 'list', '--ledger', join(tmp.dir, 'missing.jsonl'))).code).toBe(2);
    expect((await cli('dsar', 'list', '--bogus')).code).toBe(2);
    expect((await cli('dsar', 'open', '--ledger', join(tmp.dir, 'u.jsonl'), '--type', 'nonsense')).code).toBe(2);
    const noKey = await cli('dsar', 'open', '--ledger', join(tmp.dir, 'k.jsonl'), '--tz', 'UTC', '--type', 'access', '--jurisdiction', 'GDPR', '--channel', 'email', '--subject', 's', '--email', 'a@example.com');
    expect(noKey.code).toBe(2);
    expect(noKey.err).toContain('--pseudonym-key-file or CAREGATE_PSEUDONYM_KEY');
    const w = writer();
    const bad = await cli('dsar', 'transition', 'no-such-id', 'acknowledged', ...w);
    expect(bad.code).toBe(5);
    expect(bad.err).toMatch(/^caregate: no request no-such-id/);
  });
});

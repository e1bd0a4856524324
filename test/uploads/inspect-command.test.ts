import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerInspectCommand } from '../../src/cli/inspect-command.js';
import type { CliIO } from '../../src/cli/redact-command.js';
import { leaksCard, makeDocx, makePdf, makeZip, PNG_1x1, TEST_CARD } from './fixtures.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'caregate-inspect-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function sink(): Writable & { text: () => string } {
  const chunks: Buffer[] = [];
  const w = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(Buffer.from(chunk));
      cb();
    },
  });
  return Object.assign(w, { text: () => Buffer.concat(chunks).toString('utf8') });
}

/** Runs `caregate inspect ...args` in-process, as main would once the command is wired in. */
async function run(...args: string[]) {
  const stdout = sink();
  const stderr = sink();
  const io: CliIO = { stdin: Readable.from([]), stdout, stderr, exitCode: 0 };
  const program = new Command('caregate')
    .exitOverride()
    .configureOutput({ writeOut: (s) => stdout.write(s), writeErr: (s) => stderr.write(s) });
  registerInspectCommand(program, io);
  let commanderError: CommanderError | undefined;
  try {
    await program.parseAsync(['inspect', ...args], { from: 'user' });
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    commanderError = err;
  }
  return { exitCode: commanderError ? 2 : io.exitCode, stdout: stdout.text(), stderr: stderr.text(), commanderError };
}

async function fixture(name: string, data: Buffer | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, data);
  return path;
}

describe('caregate inspect', () => {
  it('prints a blocked verdict for a PDF with a card number and exits 1', async () => {
    const file = await fixture('card.pdf', await makePdf([[`Card ${TEST_CARD}`]]));
    const r = await run(file);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe(
      `${file}: blocked (application/pdf)\n` +
        '  the PDF carries 1 finding (CREDIT_CARD ×1 on page 1); a PDF cannot be rewritten safely, so it is refused: remove that data and upload it again\n' +
        '  CREDIT_CARD (rule credit-card) page 1, chars 5-24, confidence 1\n',
    );
    expect(r.stderr).toBe('');
    expect(leaksCard(r.stdout)).toBe(false);
  });

  it('prints the verdict as JSON with --json', async () => {
    const file = await fixture('card.docx', await makeDocx([`Card ${TEST_CARD}`]));
    const r = await run(file, '--json');
    expect(r.exitCode).toBe(1);
    const verdict = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(verdict).toMatchObject({ file, verdict: 'blocked', kind: 'docx', reasonCode: 'blocked-entity', output: null });
    expect(verdict.findings).toEqual([{ ruleId: 'credit-card', entity: 'CREDIT_CARD', start: 5, end: 24, confidence: 1, part: 'word/document.xml' }]);
    expect(leaksCard(r.stdout)).toBe(false);
  });

  it('redacts a text file, exits 0, and writes the redacted copy with --output', async () => {
    const file = await fixture('chat.txt', `my card is ${TEST_CARD}\n`);
    const out = join(dir, 'chat.redacted.txt');
    const r = await run(file, '--output', out);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`${file}: redacted (text/plain; charset=utf-8)\n  text: 1 finding (CREDIT_CARD ×1) masked\n  CREDIT_CARD (rule credit-card) chars 11-30, confidence 1\n  written to ${out}\n`);
    const written = await readFile(out, 'utf8');
    expect(written).toBe('my card is •••• •••• •••• 1111\n');
  });

  it('writes nothing with --output when blocked', async () => {
    const file = await fixture('photo.png', PNG_1x1);
    const out = join(dir, 'photo.out.png');
    const r = await run(file, '-o', out);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain(`${file}: blocked (image/png)\n  it is an image (image/png);`);
    expect(r.stdout).toContain(`  nothing written to ${out} (blocked)\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('lets kinds through with --allow', async () => {
    const png = await fixture('ok.png', PNG_1x1);
    const zip = await fixture('ok.zip', await makeZip({ 'a.txt': 'a' }));
    expect((await run(png, '--allow', 'images')).exitCode).toBe(0);
    expect((await run(zip, '--allow', 'images,archives')).stdout).toBe(`${zip}: clean (application/zip)\n  the policy allows archives through; it was not scanned\n`);
    expect((await run(zip, '--allow', 'images')).exitCode).toBe(1);
  });

  it('blocks invalid UTF-8 with --invalid-utf8 error and replaces it by default', async () => {
    const file = await fixture('latin1.txt', Buffer.from('caf\xe9\n', 'latin1'));
    const strict = await run(file, '--invalid-utf8', 'error');
    expect(strict.exitCode).toBe(1);
    expect(strict.stdout).toContain('the text is not valid UTF-8 at byte 3;');
    const lenient = await run(file);
    expect(lenient.exitCode).toBe(0);
    expect(lenient.stdout).toContain('clean (text/plain; charset=utf-8)\n  text: nothing to redact; bytes that were not UTF-8 were replaced with U+FFFD\n');
  });

  it('blocks a file over --max-bytes', async () => {
    const file = await fixture('big.txt', 'a'.repeat(5000));
    const r = await run(file, '--max-bytes', '1000');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('the upload is larger than the limit of 1000 bytes (maxBytes)');
  });

  it('exits 3 for a file it cannot read', async () => {
    const missing = join(dir, 'missing.pdf');
    const r = await run(missing);
    expect(r.exitCode).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`caregate: cannot read ${missing}: no such file\n`);
  });

  it('exits 2 for usage and configuration errors', async () => {
    const file = await fixture('u.txt', 'hello');
    const badAllow = await run(file, '--allow', 'videos');
    expect(badAllow.exitCode).toBe(2);
    expect(badAllow.stderr).toContain('"videos" is not a kind that can be allowed; use a comma-separated list of images, archives, binary');
    const badEntity = await run(file, '--block', 'CREDIT_CRAD');
    expect(badEntity.exitCode).toBe(2);
    expect(badEntity.stderr).toContain('caregate: invalid upload policy option "blockEntities": unknown entity "CREDIT_CRAD"');
    const badMax = await run(file, '--max-bytes', '10k');
    expect(badMax.exitCode).toBe(2);
    expect(badMax.stderr).toContain('"10k" is not a positive whole number of bytes');
    const noFile = await run();
    expect(noFile.exitCode).toBe(2);
    expect(noFile.commanderError?.code).toBe('commander.missingArgument');
    expect((await run(dir)).exitCode).toBe(2);
  });
});

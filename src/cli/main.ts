import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { CaregateError } from '../errors.js';
import { dsarExitCode, EXIT } from './exit-codes.js';
import { PrivacyError } from '../privacy/errors.js';
import { registerDsarCommand } from './dsar.js';
import { registerInspectCommand } from './inspect-command.js';
import { registerRedactCommand, type CliIO } from './redact-command.js';
import { registerReportCommand } from './report-command.js';
import { registerRulesCommand } from './rules-command.js';
import { registerScanCommand } from './scan-command.js';
import { registerWorkerCommand } from './worker-command.js';
import { registerVaultCommand } from './vault-command.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Usage and configuration errors exit 2; input errors (unreadable, malformed, not UTF-8) exit 3. */
const INPUT_CODES = new Set(['E_INPUT', 'E_UTF8', 'E_JSON', 'E_CSV', 'E_NDJSON']);

export async function main(argv: string[], io: Partial<CliIO> = {}): Promise<number> {
  const cli: CliIO = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, exitCode: EXIT.OK, ...io };
  const program = new Command('caregate')
    .description('Redacts card numbers, CVVs and PII from customer-care text')
    .version(pkg.version)
    .exitOverride()
    .configureOutput({ writeOut: (s) => cli.stdout.write(s), writeErr: (s) => cli.stderr.write(s) });
  registerRedactCommand(program, cli);
  registerScanCommand(program, cli);
  registerReportCommand(program, cli);
  registerRulesCommand(program, cli);
  registerInspectCommand(program, cli);
  registerDsarCommand(program);
  registerWorkerCommand(program, cli);
  registerVaultCommand(program, cli);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return cli.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Errors a command raised itself (code caregate.*) carry their own status; commander's are usage errors.
      if (err.code.startsWith('caregate.')) return err.exitCode;
      return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    if (err instanceof PrivacyError) {
      cli.stderr.write(`${err.message}\n`);
      return dsarExitCode(err.code);
    }
    if ((err as NodeJS.ErrnoException).code === 'EPIPE') return cli.exitCode;
    const message = err instanceof Error ? err.message : String(err);
    cli.stderr.write(`${message.startsWith('caregate') ? message : `caregate: ${message}`}\n`);
    if (err instanceof CaregateError) return INPUT_CODES.has(err.code) ? EXIT.INPUT_FAILED : EXIT.USAGE;
    return EXIT.INPUT_FAILED;
  }
}

// Child process entry for the worker tests and benchmark: `caregate worker …` through the compiled CLI command
// (dist/, built by `npm cit` or by the test's beforeAll), without depending on src/cli/main.ts wiring.
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';

// WORKER_DIST (benchmarks only): another build's dist/ directory, to measure it against this one in the same run.
const dist = process.env.WORKER_DIST ? pathToFileURL(`${process.env.WORKER_DIST.replace(/\/$/, '')}/`) : new URL('../../dist/', import.meta.url);
const { registerWorkerCommand } = await import(new URL('cli/worker-command.js', dist).href);
const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, exitCode: 0 };
const program = new Command('caregate').exitOverride();
registerWorkerCommand(program, io);
try {
  await program.parseAsync(process.argv.slice(2), { from: 'user' });
  process.exitCode = io.exitCode;
} catch (err) {
  process.stderr.write(`caregate: ${err && err.message ? err.message : String(err)}\n`);
  process.exitCode = 2;
}

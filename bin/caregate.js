#!/usr/bin/env node
// Thin launcher: the CLI itself is compiled from src/cli/ by `npm run build` (run by `npm ci` through `prepare`).
import('../dist/cli/main.js')
  .then((m) => m.main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli/main.js')) {
      process.stderr.write('caregate: the compiled CLI is missing; run `npm run build` (npm ci does it for you).\n');
    } else {
      process.stderr.write(`caregate: ${err && err.message ? err.message : String(err)}\n`);
    }
    process.exitCode = 2;
  });

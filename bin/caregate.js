#!/usr/bin/env node
// Thin launcher: the CLI itself is compiled from src/cli/ by `npm run build` (run by `npm ci` through `prepare`).
// The heap flags are set first: loading the CLI's modules would otherwise grow the young generation (heap-flags.ts).
import('../dist/cli/heap-flags.js')
  .then((h) => {
    h.boundCliHeap(process.argv.slice(2));
    return import('../dist/cli/main.js');
  })
  .then((m) => m.main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    if (err && err.code === 'ERR_MODULE_NOT_FOUND' && /dist\/cli\/(?:main|heap-flags)\.js/.test(String(err.message))) {
      process.stderr.write('caregate: the compiled CLI is missing; run `npm run build` (npm ci does it for you).\n');
    } else {
      process.stderr.write(`caregate: ${err && err.message ? err.message : String(err)}\n`);
    }
    process.exitCode = 2;
  });

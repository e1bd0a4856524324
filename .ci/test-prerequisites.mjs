#!/usr/bin/env node
// npm's `pretest`: makes sure what the test suite needs beyond node_modules is there before vitest starts, so
// that `npm ci && npm test` (or `npm cit`) is the whole set-up. Today that is Chromium for
// test/report/html-chromium.test.ts: found, or installed with apt-get when running as root, or a first line
// saying exactly what to install. (PostgreSQL, Redis and NATS are started by the tests themselves.)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const WHAT = 'caregate tests need Chromium (test/report/html-chromium.test.ts)';

function fail(reason) {
  process.stderr.write(
    `${WHAT}: ${reason}. Install it with \`sudo apt-get install chromium\` (Debian/Ubuntu), or point CAREGATE_CHROMIUM at a Chromium or Chrome executable, then run the tests again.\n`,
  );
  process.exit(1);
}

if (!findChromium()) {
  if (process.env.CAREGATE_CHROMIUM) fail(`CAREGATE_CHROMIUM=${process.env.CAREGATE_CHROMIUM} is not an executable file`);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) fail('none found at /usr/bin/chromium or the other usual paths');
  process.stderr.write(`${WHAT}: none found; installing Debian's chromium package with apt-get (once)…\n`);
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  } catch {
    fail('apt-get install chromium failed (see above)');
  }
  if (!findChromium()) fail('apt-get installed chromium, but no executable appeared at the usual paths');
}

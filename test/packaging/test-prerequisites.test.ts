import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/binary.js';

// `npm cit` alone must pass on a fresh machine: npm test's pretest finds what the suite needs beyond
// node_modules (Chromium), installs it as root, or says in its first line exactly what to install.

const SCRIPT = join(ROOT, '.ci/test-prerequisites.mjs');
const prerequisites = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [SCRIPT], { env: { ...process.env, ...env }, encoding: 'utf8' });

describe('npm test prerequisites', () => {
  it('npm test runs them first (pretest)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.pretest).toBe('node .ci/test-prerequisites.mjs');
  });

  it('with a Chromium at hand: exit 0, silent', () => {
    const r = prerequisites({ CAREGATE_CHROMIUM: process.execPath });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('without one it can use: exit 1, and the first line says what to install', () => {
    const r = prerequisites({ CAREGATE_CHROMIUM: join(ROOT, 'no-such-chromium') });
    expect(r.status).toBe(1);
    const first = r.stderr.split('\n')[0]!;
    expect(first).toMatch(/^caregate tests need Chromium/);
    expect(first).toContain('apt-get install chromium');
    expect(first).toContain('CAREGATE_CHROMIUM');
  });
});

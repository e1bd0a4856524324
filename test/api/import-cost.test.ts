import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

/**
 * `import 'caregate'` is what every helpdesk backend pays at start-up, and the CLI pays it per run: the
 * clients and parsers used by a few features only (PostgreSQL, Redis, DOCX, the ReDoS checker for custom
 * packs) load when those features are first used.
 */
describe('importing caregate', () => {
  it('does not load pg, ioredis, mammoth or recheck until a feature needs them', () => {
    const script = `
      const { createRequire } = await import('node:module');
      await import('./src/index.ts');
      const loaded = Object.keys(createRequire(import.meta.url).cache)
        .map((p) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(p)?.[1])
        .filter(Boolean);
      console.log(JSON.stringify([...new Set(loaded)]));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    const loaded: string[] = JSON.parse(out.trim().split('\n').pop()!);
    // The check itself sees CommonJS packages: the core ones are there.
    expect(loaded).toContain('validator');
    for (const heavy of ['pg', 'ioredis', 'mammoth', 'recheck']) expect(loaded, heavy).not.toContain(heavy);
  });
});

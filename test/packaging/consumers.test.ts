import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLuhn } from '../support/cards.js';
import { ensureBuilt, ROOT } from '../cli/binary.js';

// caregate as a consumer gets it: the `npm pack` tarball installed into an empty project (once for the file),
// then every exported subpath loaded from CommonJS, from ESM, by pino's transport resolver, and type-checked
// by tsc with skipLibCheck: false.

const run = promisify(execFile);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; engines: { node: string } };
const SUBPATHS = Object.keys(pkg.exports)
  .filter((k) => k !== './package.json')
  .map((k) => (k === '.' ? 'caregate' : `caregate/${k.slice(2)}`));
/** Entry points whose types need a framework the consumer chose to install (optional peer dependencies). */
const NEEDS_PEER: Record<string, string> = { 'caregate/integrations/express': 'express', 'caregate/integrations/fastify': 'fastify' };

const work = mkdtempSync(join(tmpdir(), 'caregate-consumer-'));
const consumer = join(work, 'app');
const card = withLuhn('411111' + '987654321');

beforeAll(async () => {
  ensureBuilt();
  // dist/ is current (ensureBuilt), so the pack skips `prepare`.
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: ROOT });
  const tarball = join(work, stdout.trim().split('\n').pop()!);
  await run('mkdir', ['-p', consumer]);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: consumer, maxBuffer: 16 << 20 });
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function node(file: string, source: string, args: string[] = []): Promise<{ stdout: string; stderr: string }> {
  writeFileSync(join(consumer, file), source);
  return run(process.execPath, [file, ...args], { cwd: consumer });
}

describe('the packed tarball in a fresh project', () => {
  it('installs only what it declares: no devDependency is needed at run time', () => {
    const installed = readdirSync(join(consumer, 'node_modules'));
    expect(installed).toContain('caregate');
    expect(installed).not.toContain('vitest');
    expect(installed).not.toContain('fastify');
  });

  it('require() of every subpath from CommonJS (require(esm), Node ≥ 20.19)', async () => {
    const { stdout, stderr } = await node(
      'require-all.cjs',
      `const out = {};\nfor (const p of ${JSON.stringify(SUBPATHS)}) out[p] = Object.keys(require(p)).length;\nconsole.log(JSON.stringify(out));\n`,
    );
    const counts = JSON.parse(stdout) as Record<string, number>;
    for (const p of SUBPATHS) expect(counts[p], p).toBeGreaterThan(0);
    expect(stderr).not.toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
    const { stdout: redacted } = await node('require-redact.cjs', `const { createRedactor } = require('caregate');\nconsole.log(createRedactor().redact(process.argv[2]).text);\n`, [`card ${card}`]);
    expect(redacted).not.toContain(card);
  });

  it('import of every subpath from ESM', async () => {
    const { stdout } = await node(
      'import-all.mjs',
      `const out = {};\nfor (const p of ${JSON.stringify(SUBPATHS)}) out[p] = Object.keys(await import(p)).length;\nconsole.log(JSON.stringify(out));\n`,
    );
    const counts = JSON.parse(stdout) as Record<string, number>;
    for (const p of SUBPATHS) expect(counts[p], p).toBeGreaterThan(0);
  });

  it.each(['cjs', 'mjs'])("pino({ transport: { target: 'caregate/pino-transport' } }) from %s resolves and redacts", async (kind) => {
    const log = join(work, `transport-${kind}.log`);
    const source =
      kind === 'cjs'
        ? `const pino = require('pino');\n`
        : `import { pino } from 'pino';\n`;
    await node(
      `transport.${kind}`,
      `${source}const [dest, card] = process.argv.slice(2);\nconst log = pino({ transport: { target: 'caregate/pino-transport', options: { destination: dest } } });\nlog.info({ note: 'card ' + card }, 'paid with ' + card);\n`,
      [log, card],
    );
    const line = readFileSync(log, 'utf8');
    expect(line).toContain('"msg":"paid with');
    expect(line).not.toContain(card);
    expect(line).toContain(card.slice(-4));
  });

  it('its .d.ts files compile with skipLibCheck: false when only caregate is installed', async () => {
    const typed = SUBPATHS.filter((p) => !NEEDS_PEER[p]);
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, noEmit: true }, files: ['types.mts'] }),
    );
    writeFileSync(
      join(consumer, 'types.mts'),
      [
        ...typed.map((p, i) => `import * as m${i} from '${p}';`),
        `import { createRedactor, type RedactorConfig } from 'caregate';`,
        `const config: RedactorConfig = { masks: { CREDIT_CARD: { type: 'last4', style: 'compact' } }, disable: ['EMAIL'] };`,
        `export const text: string = createRedactor(config).redact('x').text;`,
        `export const modules = [${typed.map((_, i) => `m${i}`).join(', ')}];`,
        '',
      ].join('\n'),
    );
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer }).catch((err: { stdout: string }) => ({ stdout: err.stdout, failed: true }));
    expect(result.stdout).toBe('');
  }, 300_000);
});

describe('engines', () => {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean; os?: string[]; cpu?: string[] }> };

  it('every locked package allows the lowest Node caregate supports (npm ci prints no EBADENGINE)', () => {
    const lowest = semver.minVersion(pkg.engines.node)!.version;
    const refused = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && p.engines && !Array.isArray(p.engines) && p.engines.node)
      // Platform-specific optional binaries that npm skips on this machine are never installed.
      .filter(([, p]) => !(p.optional && (p.os || p.cpu)))
      .filter(([, p]) => !semver.satisfies(lowest, (p.engines as { node: string }).node))
      .map(([path, p]) => `${path}@${p.version} (node ${(p.engines as { node: string }).node})`);
    expect(refused).toEqual([]);
  });

  it('npm ci of the project prints no EBADENGINE warning on this Node (dry run of the lock file)', async () => {
    const dir = join(work, 'ci');
    await run('mkdir', ['-p', dir]);
    for (const f of ['package.json', 'package-lock.json']) writeFileSync(join(dir, f), readFileSync(join(ROOT, f)));
    const r = await run('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, maxBuffer: 16 << 20 });
    expect(r.stderr).not.toContain('EBADENGINE');
  }, 120_000);

  it('the running Node satisfies caregate’s own engines range', () => {
    expect(semver.satisfies(process.versions.node, pkg.engines.node)).toBe(true);
  });
});

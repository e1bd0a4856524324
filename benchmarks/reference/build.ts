/**
 * The reference engine: the build of a pinned commit, which the hot path must match byte for byte
 * (test/perf/differential.test.ts) and which the benchmarks can measure beside this tree (HOT_BASE).
 *
 *   npx tsx benchmarks/reference/build.ts [rev]    builds (or finds cached) and prints its dist/index.js
 *   npm run reference:pin [-- rev]                  pins rev (default HEAD) in benchmarks/reference/pin.json
 *
 * The commit's tree is taken with `git archive` (no checkout, no worktree to clean up), compiled with this
 * tree's TypeScript against this tree's node_modules, and cached by commit under the temp directory
 * (CAREGATE_REFERENCE_DIR overrides it), so a pin costs one build per machine.
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PIN_FILE = fileURLToPath(new URL('./pin.json', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BUILT = '.caregate-reference-built';

const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** The pinned commit (full hash). */
export function pinnedCommit(): string {
  return (JSON.parse(readFileSync(PIN_FILE, 'utf8')) as { commit: string }).commit;
}

/** Pins `rev` (default HEAD) as the reference; returns the full hash. */
export function pin(rev = 'HEAD'): string {
  const commit = resolve(rev);
  const file = JSON.parse(readFileSync(PIN_FILE, 'utf8')) as Record<string, unknown>;
  writeFileSync(PIN_FILE, `${JSON.stringify({ ...file, commit }, null, 2)}\n`);
  return commit;
}

function resolve(rev: string): string {
  try {
    return git('rev-parse', '--verify', `${rev}^{commit}`);
  } catch {
    throw new Error(`reference commit ${rev} is not in this clone (a shallow CI checkout needs fetch-depth 0, or git fetch of that commit)`);
  }
}

export function cacheDir(): string {
  return process.env.CAREGATE_REFERENCE_DIR ?? join(tmpdir(), 'caregate-reference');
}

/** Builds the engine of `rev` (default: the pinned commit) once per machine; returns its dist/index.js. */
export function referenceBuild(rev = pinnedCommit()): string {
  const commit = resolve(rev);
  const target = join(cacheDir(), commit);
  const entry = join(target, 'dist', 'index.js');
  if (existsSync(join(target, BUILT))) {
    // The cached build links the node_modules of the checkout that built it; that checkout may be gone.
    const modules = join(target, 'node_modules');
    if (!existsSync(join(modules, 'zod'))) {
      rmSync(modules, { force: true });
      symlinkSync(join(REPO, 'node_modules'), modules, 'dir');
    }
    return entry;
  }
  // Built aside and renamed into place, so that concurrent test workers never see half a build.
  const stage = `${target}.${process.pid}.tmp`;
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  try {
    execSync(`git archive --format=tar ${commit} | tar -x -C "${stage}"`, { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
    symlinkSync(join(REPO, 'node_modules'), join(stage, 'node_modules'), 'dir');
    const tsc = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: stage, stdio: ['ignore', 'pipe', 'pipe'] });
    execFileSync(process.execPath, ['dist/rules/pack-validator.js'], { cwd: stage, stdio: ['ignore', 'pipe', 'pipe'] });
    writeFileSync(join(stage, BUILT), `${commit}\n`);
    try {
      renameSync(stage, target);
    } catch (e) {
      // Another process built the same commit meanwhile: keep its build.
      if (!existsSync(join(target, BUILT))) throw e;
      rmSync(stage, { recursive: true, force: true });
    }
  } catch (e) {
    rmSync(stage, { recursive: true, force: true });
    throw e;
  }
  return entry;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [cmd, rev] = process.argv.slice(2);
  if (cmd === 'pin') {
    const commit = pin(rev);
    console.log(`pinned ${commit}; building it…`);
    console.log(referenceBuild(commit));
  } else {
    console.log(referenceBuild(cmd));
  }
}

import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { anyGlob, compileGlob } from './glob.js';

/** A file to process: where it is, and its path relative to the base of the run (with `/` separators). */
export interface InputFile {
  /** The path as given or as found under a given folder (what messages show). */
  path: string;
  /** Absolute, symlinks resolved. */
  abs: string;
  /** Relative to the base of the run, `/`-separated: what -o DIR mirrors and reports name. */
  rel: string;
  size: number;
}

/** An input that could not even be listed or opened (a broken link, a missing path, an unreadable folder). */
export interface WalkFailure {
  path: string;
  rel: string;
  message: string;
}

export interface WalkOptions {
  /** Globs a file under a folder must match (any of them); none means every file. */
  include?: readonly string[];
  /** Globs that leave a file out, or a whole folder when its path matches. */
  exclude?: readonly string[];
  /** Absolute folders never to descend into (the output folder). */
  skipDirs?: readonly string[];
}

export interface WalkResult {
  /** The folder every `rel` is relative to. */
  base: string;
  files: InputFile[];
  failures: WalkFailure[];
}

/** caregate's own temporary files (atomic outputs in progress) are never inputs. */
const TEMP_FILE = /^\..*\.caregate-\d+-[0-9a-f]+\.tmp$/;

const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

/**
 * Lists the files of a run. Folders are walked recursively (symbolic links to folders are not followed, so
 * there are no cycles; links to files are). Files named on the command line are always taken; the include
 * and exclude globs filter what is found under folders. Sorted by relative path; duplicates dropped.
 * The base is the folder given (one folder), the file's folder (one file), or the deepest folder holding
 * every path given (several).
 */
export async function walkInputs(paths: readonly string[], options: WalkOptions = {}): Promise<WalkResult> {
  const include = (options.include ?? []).map(compileGlob);
  const exclude = (options.exclude ?? []).map(compileGlob);
  const skip = new Set((options.skipDirs ?? []).map((d) => resolve(d)));
  const found: { path: string; abs: string; size: number }[] = [];
  const failures: { path: string; abs: string; message: string }[] = [];
  const roots: string[] = [];

  for (const p of paths) {
    const abs = resolve(p);
    let st;
    try {
      st = await stat(abs);
    } catch (err) {
      failures.push({ path: p, abs, message: `cannot read ${p}: ${describeFsError(err)}` });
      roots.push(dirname(abs));
      continue;
    }
    if (st.isDirectory()) {
      roots.push(abs);
      await walkDir(p, abs, abs);
    } else {
      roots.push(dirname(abs));
      found.push({ path: p, abs: await realpath(abs).catch(() => abs), size: st.size });
    }
  }

  async function walkDir(shown: string, dir: string, root: string): Promise<void> {
    if (skip.has(dir)) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      failures.push({ path: shown, abs: dir, message: `cannot read folder ${shown}: ${describeFsError(err)}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = join(dir, e.name);
      const shownChild = join(shown, e.name);
      const rel = toPosix(relative(root, abs));
      if (e.isDirectory()) {
        if (anyGlob(exclude, rel) || anyGlob(exclude, `${rel}/`)) continue;
        await walkDir(shownChild, abs, root);
        continue;
      }
      if (TEMP_FILE.test(e.name)) continue;
      if (include.length && !anyGlob(include, rel)) continue;
      if (anyGlob(exclude, rel)) continue;
      if (e.isFile()) {
        try {
          const st = await stat(abs);
          found.push({ path: shownChild, abs, size: st.size });
        } catch (err) {
          failures.push({ path: shownChild, abs, message: `cannot read ${shownChild}: ${describeFsError(err)}` });
        }
      } else if (e.isSymbolicLink()) {
        try {
          const st = await stat(abs);
          if (st.isFile()) found.push({ path: shownChild, abs: await realpath(abs), size: st.size });
          // links to folders are not followed
        } catch (err) {
          failures.push({ path: shownChild, abs, message: `cannot read ${shownChild}: ${describeFsError(err)}` });
        }
      }
      // sockets, FIFOs and devices are not text files: skipped
    }
  }

  const base = paths.length === 1 && roots.length === 1 ? roots[0]! : commonAncestor(roots);
  const seen = new Set<string>();
  const files: InputFile[] = [];
  for (const f of found) {
    if (seen.has(f.abs)) continue;
    seen.add(f.abs);
    files.push({ path: f.path, abs: f.abs, size: f.size, rel: relFor(base, f.path) });
  }
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return {
    base,
    files,
    failures: failures.map((f) => ({ path: f.path, rel: relFor(base, f.path), message: f.message })),
  };
}

/** The path relative to the base, from the path as found (not through links, so the tree mirrors what was given). */
function relFor(base: string, shown: string): string {
  const r = toPosix(relative(base, resolve(shown)));
  return r === '' ? basename(shown) : r;
}

export function commonAncestor(dirs: readonly string[]): string {
  if (dirs.length === 0) return process.cwd();
  let parts = dirs[0]!.split(sep);
  for (const d of dirs.slice(1)) {
    const q = d.split(sep);
    let i = 0;
    while (i < parts.length && i < q.length && parts[i] === q[i]) i++;
    parts = parts.slice(0, i);
  }
  const joined = parts.join(sep);
  return joined === '' ? sep : joined;
}

export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file (or a broken link)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return e.code ?? e.message;
  }
}

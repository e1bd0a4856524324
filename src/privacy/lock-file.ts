import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { PrivacyError } from './errors.js';

/**
 * One writer at a time: a lock file next to the ledger (`<ledger>.lock`) holding the owner's pid, host and
 * a random nonce. Every step that decides who holds it is a single atomic file-system operation:
 *
 * - Taking a free lock: the owner record is written and fsync'ed to a uniquely named file, which is then
 *   `link()`ed to `<ledger>.lock`; link fails when that name exists, so exactly one process gets it, and the
 *   lock is never seen half-written.
 * - Taking over a stale lock (its pid no longer runs on this host, e.g. after SIGKILL): only the holder of
 *   `<ledger>.lock.break` (taken the same way) may remove a lock, and it removes it by renaming it to a
 *   unique name and checking that what it renamed is the very file it judged stale (same inode, same
 *   record). Had it caught a fresh lock instead, it puts it back. A process that finds another one
 *   breaking the lock waits and tries again.
 */
export interface LockHandle {
  readonly path: string;
  release(): Promise<void>;
}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
  nonce: string;
}

/** A lock file as read: its owner record (undefined when unreadable) and its inode. */
interface Seen {
  owner: LockOwner | undefined;
  text: string;
  ino: number;
}

const ATTEMPTS = 50;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function code(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException).code;
}

async function look(path: string): Promise<Seen | undefined> {
  try {
    const [text, st] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    let owner: LockOwner | undefined;
    try {
      const o = JSON.parse(text) as LockOwner;
      owner = typeof o.pid === 'number' && typeof o.host === 'string' ? o : undefined;
    } catch {
      owner = undefined;
    }
    // readFile and stat are two steps: make sure they saw the same file.
    const again = await stat(path);
    if (again.ino !== st.ino) return look(path);
    return { owner, text, ino: st.ino };
  } catch (err) {
    if (code(err) === 'ENOENT') return undefined;
    throw err;
  }
}

/** Stale: written on this host by a process that no longer runs, or not a lock record at all. */
function isStale(seen: Seen, host: string): boolean {
  return !seen.owner || (seen.owner.host === host && !alive(seen.owner.pid));
}

const unique = (path: string, what: string) => `${path}.${what}.${process.pid}.${randomBytes(6).toString('hex')}`;

/** Writes the owner record to a unique file and links it to `path`; true when this process now holds `path`. */
async function tryLink(path: string, record: string): Promise<boolean> {
  const tmp = unique(path, 'new');
  const fh = await open(tmp, 'wx', 0o600);
  try {
    await fh.writeFile(record);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await link(tmp, path);
    return true;
  } catch (err) {
    if (code(err) === 'EEXIST') return false;
    throw err;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/**
 * Removes `path` if it still is the stale file `seen`: rename it away (atomic), then check what was moved.
 * A fresh lock caught in between is linked back. Returns true when the stale file is gone.
 */
async function removeIfSame(path: string, seen: Seen): Promise<boolean> {
  const grave = unique(path, 'stale');
  try {
    await rename(path, grave);
  } catch (err) {
    if (code(err) === 'ENOENT') return true;
    throw err;
  }
  const moved = await look(grave);
  if (moved && (moved.ino !== seen.ino || moved.text !== seen.text)) {
    // Not the one judged stale: give it back to its owner (link fails only if yet another appeared, which
    // cannot happen while we hold the break lock).
    await link(grave, path).catch(() => undefined);
    await unlink(grave).catch(() => undefined);
    return false;
  }
  await unlink(grave).catch(() => undefined);
  return true;
}

/** Holds `<lock>.break` while removing a stale lock; a stale break lock (its breaker died) is removed the same way. */
async function breakStale(path: string, seen: Seen, me: LockOwner): Promise<void> {
  const breakPath = `${path}.break`;
  if (!(await tryLink(breakPath, JSON.stringify({ ...me, nonce: randomBytes(12).toString('hex') })))) {
    const breaker = await look(breakPath);
    if (breaker && isStale(breaker, me.host)) await removeIfSame(breakPath, breaker);
    return; // someone else is breaking it: look again
  }
  try {
    const now = await look(path);
    if (now && now.ino === seen.ino && now.text === seen.text) await removeIfSame(path, now);
  } finally {
    await unlink(breakPath).catch(() => undefined);
  }
}

export async function acquireLock(ledgerPath: string): Promise<LockHandle> {
  const path = `${ledgerPath}.lock`;
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), nonce: randomBytes(12).toString('hex') };
  const record = JSON.stringify(me);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    let linked: boolean;
    try {
      linked = await tryLink(path, record);
    } catch (err) {
      throw new PrivacyError('DSAR_STORE', `cannot create the lock file ${path} (${code(err) ?? 'error'}); check the directory's permissions`);
    }
    if (linked) {
      return {
        path,
        async release() {
          const seen = await look(path).catch(() => undefined);
          if (seen?.text === record) await unlink(path).catch(() => undefined);
        },
      };
    }
    const seen = await look(path);
    if (!seen) continue; // released in between: try again
    if (!isStale(seen, me.host)) {
      const owner = seen.owner as LockOwner;
      throw new PrivacyError(
        'DSAR_LOCKED',
        `the ledger ${ledgerPath} is open for writing by process ${owner.pid} on ${owner.host} since ${owner.since}; only one writer at a time is allowed. Stop that writer, open this one read-only, or delete ${path} if that process is gone`,
      );
    }
    await breakStale(path, seen, me);
    // Spread the retries of processes that met at the same stale lock.
    await new Promise((r) => setTimeout(r, 5 + Math.floor(Math.random() * 20)));
  }
  throw new PrivacyError('DSAR_LOCKED', `could not take the lock ${path}; other writers kept taking it. Try again, or check which processes write to ${ledgerPath}`);
}

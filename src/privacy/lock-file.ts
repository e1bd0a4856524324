import { open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { PrivacyError } from './errors.js';

/**
 * One writer at a time: an exclusive lock file next to the ledger (`<ledger>.lock`, created with O_EXCL)
 * holding the owner's pid and host. A lock left by a process on this host that no longer runs (for example
 * one killed with SIGKILL) is stale and is taken over.
 */
export interface LockHandle {
  readonly path: string;
  release(): Promise<void>;
}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

export async function acquireLock(ledgerPath: string): Promise<LockHandle> {
  const path = `${ledgerPath}.lock`;
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(path, 'wx', 0o600);
      try {
        await fh.writeFile(JSON.stringify(me));
        await fh.sync();
      } finally {
        await fh.close();
      }
      return {
        path,
        async release() {
          const owner = await readOwner(path);
          if (owner && owner.pid === me.pid && owner.host === me.host) await unlink(path).catch(() => undefined);
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new PrivacyError('DSAR_STORE', `cannot create the lock file ${path} (${(err as NodeJS.ErrnoException).code}); check the directory's permissions`);
      }
    }
    let owner = await readOwner(path);
    if (!owner) {
      // Being written right now, or left empty by a crash: look again shortly.
      await new Promise((r) => setTimeout(r, 200));
      owner = await readOwner(path);
    }
    const stale = !owner || (owner.host === me.host && !alive(owner.pid));
    if (!stale) {
      const who = owner ? `process ${owner.pid} on ${owner.host} since ${owner.since}` : 'another process';
      throw new PrivacyError(
        'DSAR_LOCKED',
        `the ledger ${ledgerPath} is open for writing by ${who}; only one writer at a time is allowed. Stop that writer, open this one read-only, or delete ${path} if that process is gone`,
      );
    }
    await unlink(path).catch(() => undefined);
  }
  throw new PrivacyError('DSAR_LOCKED', `could not take the lock ${path}; another writer keeps taking it`);
}

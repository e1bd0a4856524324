import { closeSync, createWriteStream, fchmodSync, fsyncSync, openSync, renameSync, unlinkSync, writeFileSync, type WriteStream } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * An output file that appears whole or not at all: bytes go to a temporary file beside the target, which
 * is fsynced and renamed over the target only on commit(). abort() removes the temporary file.
 */
export interface AtomicOutput {
  stream: WriteStream;
  tempPath: string;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** A hidden temporary file beside the target (same folder, so the rename is atomic), unique per process and call. */
function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.caregate-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

export function openAtomicOutput(target: string): AtomicOutput {
  const tempPath = tempPathFor(target);
  const stream = createWriteStream(tempPath, { flags: 'wx', highWaterMark: 65536 });
  let done = false;
  const closed = () =>
    new Promise<void>((resolve, reject) => {
      if (stream.closed) return resolve();
      stream.once('close', resolve);
      stream.once('error', reject);
      if (!stream.writableEnded) stream.end();
    });
  return {
    stream,
    tempPath,
    async commit() {
      if (done) return;
      done = true;
      await closed();
      const fh = await open(tempPath, 'r');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tempPath, target);
    },
    async abort() {
      if (done) return;
      done = true;
      stream.destroy();
      await new Promise((r) => setImmediate(r));
      await unlink(tempPath).catch(() => undefined);
    },
  };
}

/** The synchronous twin of AtomicOutput, for a worker thread that does its own I/O (src/cli/bulk/process-file.ts). */
export interface AtomicFileSync {
  tempPath: string;
  /** Appends UTF-8 text. */
  write(text: string): void;
  /** Sets the mode of the file-to-be (--in-place keeps the input's). */
  chmod(mode: number): void;
  /** fsync, close, rename over the target. */
  commit(): void;
  /** Closes and removes the temporary file; the target is untouched. */
  abort(): void;
}

export function openAtomicFileSync(target: string): AtomicFileSync {
  const tempPath = tempPathFor(target);
  const fd = openSync(tempPath, 'wx');
  let open = true;
  const close = () => {
    if (open) {
      open = false;
      closeSync(fd);
    }
  };
  return {
    tempPath,
    write(text) {
      // writeFileSync on a descriptor writes all of it at the current position (it loops over short writes).
      if (text) writeFileSync(fd, text);
    },
    chmod(mode) {
      fchmodSync(fd, mode);
    },
    commit() {
      fsyncSync(fd);
      close();
      renameSync(tempPath, target);
    },
    abort() {
      try {
        close();
      } finally {
        try {
          unlinkSync(tempPath);
        } catch {
          // already gone
        }
      }
    },
  };
}

/** Writes a whole string atomically. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const out = openAtomicOutput(target);
  try {
    await new Promise<void>((resolve, reject) => {
      out.stream.once('error', reject);
      out.stream.end(data, () => resolve());
    });
    await out.commit();
  } catch (err) {
    await out.abort();
    throw err;
  }
}

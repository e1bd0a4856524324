import { createWriteStream, type WriteStream } from 'node:fs';
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

export function openAtomicOutput(target: string): AtomicOutput {
  const tempPath = join(dirname(target), `.${basename(target)}.caregate-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
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

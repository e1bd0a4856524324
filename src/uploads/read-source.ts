import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { CaregateError } from '../errors.js';

/** Where an upload comes from: a file path, bytes in memory, or a Node or web stream of bytes. */
export type UploadSource = string | Buffer | Uint8Array | NodeJS.ReadableStream | ReadableStream<Uint8Array>;

/** The upload's bytes, or, when it is larger than the limit, only its first bytes (enough to sniff). */
export type UploadBytes = { complete: true; bytes: Buffer } | { complete: false; head: Buffer; bytesRead: number };

/** Bytes kept of an oversized upload, so the verdict can still name its type. */
const HEAD_BYTES = 4100;

/**
 * Reads an upload, never holding more than maxBytes + one chunk: a stream is cancelled as soon as the limit is
 * passed, and a file larger than the limit is not read past its first bytes.
 */
export async function readUploadSource(source: UploadSource, maxBytes: number, name: string): Promise<UploadBytes> {
  if (typeof source === 'string') return readPath(source, maxBytes);
  if (Buffer.isBuffer(source)) return fromBytes(source, maxBytes);
  if (source instanceof Uint8Array) return fromBytes(Buffer.from(source.buffer, source.byteOffset, source.byteLength), maxBytes);
  if (isWebStream(source)) return readWebStream(source, maxBytes, name);
  if (isNodeStream(source)) return readNodeStream(source, maxBytes, name);
  throw new CaregateError(
    'E_INPUT',
    `inspectUpload() takes a file path, a Buffer or Uint8Array, or a readable stream; got ${source === null ? 'null' : typeof source}`,
  );
}

function fromBytes(bytes: Buffer, maxBytes: number): UploadBytes {
  if (bytes.length > maxBytes) return { complete: false, head: bytes.subarray(0, HEAD_BYTES), bytesRead: bytes.length };
  return { complete: true, bytes };
}

async function readPath(path: string, maxBytes: number): Promise<UploadBytes> {
  const st = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new CaregateError('E_INPUT', `cannot read ${path}: ${err.code === 'ENOENT' ? 'no such file' : (err.code ?? err.message)}`, { file: path }, { cause: err });
  });
  if (st.isDirectory()) throw new CaregateError('E_USAGE', `${path} is a directory; give a file`, { file: path });
  if (st.size > maxBytes) {
    const fh = await open(path, 'r');
    try {
      const head = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await fh.read(head, 0, HEAD_BYTES, 0);
      return { complete: false, head: head.subarray(0, bytesRead), bytesRead: st.size };
    } finally {
      await fh.close();
    }
  }
  // Read as a stream anyway: the file may grow between stat() and the read, and the limit must still hold.
  return readNodeStream(createReadStream(path, { highWaterMark: 65536 }), maxBytes, path);
}

async function readNodeStream(stream: NodeJS.ReadableStream, maxBytes: number, name: string): Promise<UploadBytes> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    // Leaving a for-await loop early destroys the stream, which is how an oversized upload is refused.
    for await (const chunk of stream as AsyncIterable<string | Uint8Array>) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      total += buf.length;
      if (total > maxBytes) return { complete: false, head: headOf(chunks, buf), bytesRead: total };
      chunks.push(buf);
    }
  } catch (err) {
    throw readFailed(name, err);
  }
  return { complete: true, bytes: Buffer.concat(chunks, total) };
}

async function readWebStream(stream: ReadableStream<Uint8Array>, maxBytes: number, name: string): Promise<UploadBytes> {
  const reader = stream.getReader();
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!(value instanceof Uint8Array)) throw new TypeError('the stream gave something other than bytes');
      const buf = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      total += buf.length;
      if (total > maxBytes) {
        await reader.cancel('caregate: upload larger than the limit').catch(() => undefined);
        return { complete: false, head: headOf(chunks, buf), bytesRead: total };
      }
      chunks.push(buf);
    }
  } catch (err) {
    throw readFailed(name, err);
  } finally {
    reader.releaseLock();
  }
  return { complete: true, bytes: Buffer.concat(chunks, total) };
}

function headOf(chunks: Buffer[], last: Buffer): Buffer {
  const parts: Buffer[] = [];
  let length = 0;
  for (const c of [...chunks, last]) {
    if (length >= HEAD_BYTES) break;
    parts.push(c);
    length += c.length;
  }
  return Buffer.concat(parts).subarray(0, HEAD_BYTES);
}

function readFailed(name: string, err: unknown): CaregateError {
  if (err instanceof CaregateError) return err;
  const detail = (err as NodeJS.ErrnoException)?.code ?? (err instanceof Error ? err.message : String(err));
  return new CaregateError('E_INPUT', `cannot read ${name}: ${detail}`, {}, { cause: err });
}

function isWebStream(x: unknown): x is ReadableStream<Uint8Array> {
  return typeof x === 'object' && x !== null && typeof (x as ReadableStream).getReader === 'function';
}

function isNodeStream(x: unknown): x is NodeJS.ReadableStream {
  return typeof x === 'object' && x !== null && typeof (x as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function' && typeof (x as NodeJS.ReadableStream).pipe === 'function';
}

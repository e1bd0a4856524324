import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { JetStreamClient, ObjectInfo, ObjectStore } from 'nats';
import { CaregateError } from '../errors.js';
import { createFormatStream, type FormatName, type FormatSummary } from '../formats/index.js';
import type { Redactor } from '../redactor.js';

export interface ObjectReference {
  bucket: string;
  name: string;
  size: number;
  digest: string;
  format: FormatName;
}

export interface RedactObjectOptions {
  js: JetStreamClient;
  rawBucket: string;
  raw: ObjectStore;
  clean: ObjectStore;
  cleanBucket: string;
  name: string;
  format: FormatName;
  redactor: Redactor;
  invalidUtf8: 'replace' | 'error';
  /** Chunks fetched at a time (memory bound: readAhead × chunk size, 128 KiB by default). */
  readAhead: number;
  /** Called as input bytes are read (progress, in-progress acks). */
  onBytes?: (n: number) => void;
}

export interface RedactedObject {
  ref: ObjectReference;
  inputBytes: number;
  summary: FormatSummary;
}

/**
 * Streams a raw object through the format's redaction stream into a new object of the same name in the clean
 * bucket. Memory stays bounded: the raw chunks are pulled a few at a time (the client's own get() subscribes
 * with an ordered push consumer that buffers as fast as the server sends), the format stream holds back only
 * what it must, and the put reads from it with backpressure. A digest mismatch or a malformed input fails the
 * put, which removes the partial object; nothing is referenced then.
 */
export async function redactObject(o: RedactObjectOptions): Promise<RedactedObject> {
  const info = await o.raw.info(o.name);
  if (!info || info.deleted) {
    throw new CaregateError('E_OBJECT', `object not found in bucket ${o.rawBucket}; put the object before publishing its reference`);
  }
  if (info.options?.link) throw new CaregateError('E_OBJECT', 'object links are not supported; reference the object itself');
  let inputBytes = 0;
  const source = Readable.from(readChunks(o, info, (n) => {
    inputBytes += n;
    o.onBytes?.(n);
  }), { objectMode: false, highWaterMark: 1 });
  const transform = createFormatStream(o.format, o.redactor, { invalidUtf8: o.invalidUtf8, source: 'object' });
  pipeline(source, transform, () => {
    /* errors reach the put through the transform (destroyed with the error) */
  });
  const web = Readable.toWeb(transform) as unknown as WebReadableStream<Uint8Array>;
  const put = await o.clean.put(
    { name: o.name, description: 'caregate: redacted transcript', metadata: { 'caregate-format': o.format, 'caregate-source-bucket': o.rawBucket } },
    web as unknown as ReadableStream<Uint8Array>,
  );
  return {
    ref: { bucket: o.cleanBucket, name: put.name, size: put.size, digest: put.digest, format: o.format },
    inputBytes,
    summary: transform.summary(),
  };
}

async function* readChunks(o: RedactObjectOptions, info: ObjectInfo, onBytes: (n: number) => void): AsyncGenerator<Uint8Array> {
  if (info.size === 0 || info.chunks === 0) return;
  const stream = `OBJ_${o.rawBucket}`;
  const consumer = await o.js.consumers.get(stream, { filterSubjects: `$O.${o.rawBucket}.C.${info.nuid}` });
  const sha = createHash('sha256');
  let received = 0;
  let size = 0;
  let idle = 0;
  try {
    while (received < info.chunks) {
      const batch = await consumer.fetch({ max_messages: Math.min(o.readAhead, info.chunks - received), expires: 2000 });
      let got = 0;
      for await (const m of batch) {
        got++;
        received++;
        sha.update(m.data);
        size += m.data.length;
        onBytes(m.data.length);
        yield m.data;
      }
      if (got === 0 && ++idle >= 5) throw new CaregateError('E_OBJECT_READ', `object chunks stopped arriving after ${received} of ${info.chunks}`);
      if (got > 0) idle = 0;
    }
  } finally {
    await consumer.delete().catch(() => undefined);
  }
  const digest = `SHA-256=${sha.digest('base64url')}`;
  if (size !== info.size || !sameDigest(digest, info.digest)) {
    throw new CaregateError('E_OBJECT', 'object digest or size does not match its metadata (corrupt or replaced while reading)');
  }
}

function sameDigest(computed: string, stored: string): boolean {
  // The client stores base64url with padding; compare without it.
  return computed.replace(/=+$/, '') === stored.replace(/=+$/, '') || computed.replace(/^SHA-256=/, '') === stored.replace(/^SHA-256=/, '').replace(/=+$/, '');
}

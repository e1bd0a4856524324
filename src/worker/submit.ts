import { Readable } from 'node:stream';
import { headers as natsHeaders, type NatsConnection, type PubAck } from 'nats';
import type { FormatName } from '../formats/index.js';
import { HEADERS, CONTENT_TYPES } from './process-message.js';

export interface SubmitOptions {
  /** Full input subject, e.g. "transcripts.raw.eu.call-42". */
  subject: string;
  /** The transcript: bytes or a string go inline when they fit a message; a stream always goes through the object store. */
  data: Uint8Array | string | Readable | AsyncIterable<Uint8Array>;
  format?: FormatName;
  /** Producer identity (Nats-Msg-Id): de-duplicates the input, and the worker reuses it for the output. */
  msgID?: string;
  /** Raw object store bucket (default "transcripts-raw"); must exist (caregate worker --init). */
  bucket?: string;
  /** Object name (default: msgID, else a unique name). */
  objectName?: string;
  /** Inline when at most this many bytes (default: the server's max_payload less 4 KiB for headers). */
  maxInlineBytes?: number;
}

/**
 * Producer helper: publishes a transcript to an input subject, putting it into the object store first and
 * publishing a Caregate-Object reference when it is larger than a message (or is a stream).
 */
export async function submitTranscript(nc: NatsConnection, s: SubmitOptions): Promise<PubAck> {
  const js = nc.jetstream();
  const h = natsHeaders();
  if (s.format) {
    h.set(HEADERS.format, s.format);
    h.set(HEADERS.contentType, CONTENT_TYPES[s.format]);
  }
  const maxInline = s.maxInlineBytes ?? Math.max(1024, (nc.info?.max_payload ?? 1024 * 1024) - 4096);
  const bytes = typeof s.data === 'string' ? Buffer.from(s.data, 'utf8') : s.data instanceof Uint8Array ? s.data : undefined;
  const opts = { headers: h, ...(s.msgID ? { msgID: s.msgID } : {}) };
  if (bytes && bytes.length <= maxInline) return js.publish(s.subject, bytes, opts);
  const bucket = s.bucket ?? 'transcripts-raw';
  const os = await js.views.os(bucket);
  const name = s.objectName ?? s.msgID ?? `transcript-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const source = bytes ? Readable.from([bytes]) : s.data instanceof Readable ? s.data : Readable.from(s.data as AsyncIterable<Uint8Array>);
  await os.put({ name }, Readable.toWeb(source) as unknown as ReadableStream<Uint8Array>);
  h.set(HEADERS.object, name);
  h.set(HEADERS.objectBucket, bucket);
  return js.publish(s.subject, new Uint8Array(0), opts);
}

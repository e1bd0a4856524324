import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import type { Transform } from 'node:stream';

/** PII of every entity type the default packs know, written and spoken, as agents and customers type it. */
export const PII_FRAGMENTS = [
  '4111 1111 1111 1111',
  '5555555555554444',
  '378282246310005',
  'card 4111-1111-1111-1111 exp 05/27',
  'jane.doe@example.com',
  'mail me at MARIA.LOPEZ+care@example.co.uk please',
  '(415) 555-2671',
  '+44 20 7946 0958',
  'SSN 536-22-1947',
  'CVV 123',
  'security code: 4321',
  'exp 05/27',
  'four one one one one one one one one one one one one one one one',
  'my card number is five five five five, five five five five, five five five five, four four four four',
  'the code is one two three',
  'DOB: 03/14/1985',
  'IBAN DE89 3704 0044 0532 0130 00',
  '203.0.113.42',
  '2001:db8::8a2e:370:7334',
  'my name is Maria Lopez',
  'Agent: this is Daniel Reyes speaking',
  '742 Evergreen Terrace, Springfield, IL 62704',
  'password: hunter2!',
] as const;

/** Hard negatives and filler: ids, amounts, versions, and text in several scripts (multi-byte in UTF-8). */
export const FILLER_FRAGMENTS = [
  'Order 782331',
  'case 2025-34177',
  'v4.2.1',
  'total $129.99',
  'tracking 1Z999AA10123456784',
  'the customer asked about a refund',
  'thanks, please hold',
  'café crème, señor, naïve',
  'Ünïcødé',
  '日本語のテキスト',
  '客户要求退款',
  '🙂👍🏽🇩🇪',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'Привет',
  '\u00a0',
] as const;

const SEPARATORS = [' ', ' ', ' ', '\n', ', ', '. ', '\t', '\r\n', ': '] as const;

/** One piece of care text: PII or filler, then a separator. */
const piece = fc.tuple(fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...PII_FRAGMENTS) }, { weight: 3, arbitrary: fc.constantFrom(...FILLER_FRAGMENTS) }), fc.constantFrom(...SEPARATORS)).map(([a, b]) => a + b);

/**
 * Care text with PII of every kind embedded: a run of pieces, repeated so that some texts cross the session's
 * 8,192-character step and 65,536-character slice (most stay small, so 1-byte chunking stays fast).
 */
export const careTextArb = fc
  .record({
    pieces: fc.array(piece, { minLength: 1, maxLength: 40 }),
    repeat: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 4, max: 120 }) }),
    tail: fc.constantFrom('', 'CVV 123', '4111 1111 1111 1111', 'four one one', '🙂', 'é'),
  })
  .map(({ pieces, repeat, tail }) => {
    const run = pieces.join('');
    return run.repeat(repeat) + tail;
  });

/** Chunk sizes from 1 byte to 64 KiB, biased to small; the list is cycled through to cut the whole input. */
export const chunkSizesArb = fc.array(
  fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: 1, max: 7 }) },
    { weight: 2, arbitrary: fc.integer({ min: 8, max: 1024 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1025, max: 65536 }) },
  ),
  { minLength: 1, maxLength: 24 },
);

/** Cuts bytes (or a string) into pieces of the given sizes, cycling through them. */
export function cut<T extends Uint8Array | string>(input: T, sizes: readonly number[]): T[] {
  const out: T[] = [];
  let at = 0;
  for (let k = 0; at < input.length; k++) {
    const n = sizes[k % sizes.length]!;
    out.push(input.slice(at, at + n) as T);
    at += n;
  }
  return out;
}

/** Feeds chunks through a Node Transform (with backpressure, as pipeline does) and collects the output bytes. */
export async function runNode(stream: Transform, chunks: readonly (Uint8Array | string)[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  await pipeline(
    Readable.from(chunks, { objectMode: true }),
    stream,
    new Writable({
      write(chunk: Buffer | string, _enc, cb) {
        parts.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
        cb();
      },
    }),
  );
  return Buffer.concat(parts);
}

/** Feeds chunks through a Web TransformStream and collects the output bytes (strings are UTF-8 encoded). */
export async function runWeb(stream: TransformStream<string | Uint8Array, string | Uint8Array>, chunks: readonly (Uint8Array | string)[]): Promise<Buffer> {
  let i = 0;
  const source = new ReadableStream<string | Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]!);
      else controller.close();
    },
  });
  const parts: Buffer[] = [];
  const reader = source.pipeThrough(stream).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value));
  }
  return Buffer.concat(parts);
}

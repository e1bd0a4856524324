import { TextDecoder } from 'node:util';
import { CaregateError } from '../errors.js';

export type InvalidUtf8Policy = 'replace' | 'error';

/** Index of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      // A sequence cut by the end of the chunk is not an error here: the decoder carries it over.
      if (i + k >= buf.length) return -1;
      const c = buf[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Decodes a byte stream chunk by chunk: a character split across chunks is joined, a UTF-8 BOM at the
 * start is dropped (as TextDecoder does), and invalid bytes follow the policy: 'replace' gives U+FFFD,
 * 'error' throws naming the byte offset from the start of the stream.
 */
export class Utf8ChunkDecoder {
  private readonly decoder: TextDecoder;
  private bytesSeen = 0;

  constructor(
    private readonly policy: InvalidUtf8Policy,
    private readonly source = 'input',
  ) {
    this.decoder = new TextDecoder('utf-8', { fatal: policy === 'error' });
  }

  /** Up to 3 bytes of a character the previous chunk ended in, which the decoder is holding. */
  private tail: Uint8Array = new Uint8Array(0);

  decode(chunk: Uint8Array): string {
    try {
      const s = this.decoder.decode(chunk, { stream: true });
      this.bytesSeen += chunk.length;
      this.tail = incompleteTail(this.tail.length && chunk.length < 4 ? concat(this.tail, chunk) : chunk);
      return s;
    } catch {
      throw this.invalid(chunk);
    }
  }

  end(): string {
    try {
      return this.decoder.decode();
    } catch {
      throw new CaregateError('E_UTF8', `${this.source} ends in the middle of a UTF-8 character (byte ${this.bytesSeen}); the file is truncated or not UTF-8`, { byte: this.bytesSeen });
    }
  }

  private invalid(chunk: Uint8Array): CaregateError {
    // The bad sequence may have begun in the bytes carried over from the previous chunk.
    const joined = concat(this.tail, chunk);
    const at = firstInvalidUtf8(joined);
    const byte = this.bytesSeen - this.tail.length + (at >= 0 ? at : 0);
    return new CaregateError(
      'E_UTF8',
      `${this.source} is not valid UTF-8 at byte ${byte}; convert it to UTF-8, or use the 'replace' policy (--invalid-utf8 replace) to substitute U+FFFD`,
      { byte },
    );
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The bytes at the end of `buf` that start a UTF-8 character not yet complete (what the decoder holds). */
function incompleteTail(buf: Uint8Array): Uint8Array {
  for (let k = 1; k <= 3 && k <= buf.length; k++) {
    const b = buf[buf.length - k]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > k ? buf.slice(buf.length - k) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

import { inflateRawSync } from 'node:zlib';

/** One file of a zip archive, as its central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** A zip that cannot be read safely; the message says why, for people. */
export class ZipError extends Error {
  constructor(
    message: string,
    readonly kind: 'malformed' | 'encrypted' | 'too-large',
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

/**
 * Lists a zip's entries from its central directory. Read here rather than trusting the unzip library inside
 * mammoth so that sizes can be checked before anything is unpacked (zip bombs).
 */
export function listZipEntries(buf: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw new ZipError('it is not a valid zip (no end of central directory)', 'malformed');
  const count = buf.readUInt16LE(eocd + 10);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === ZIP64_MARK) throw new ZipError('it is a zip64 archive, which no DOCX this size needs', 'malformed');
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw new ZipError('its zip directory is damaged', 'malformed');
    const nameLength = buf.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
    };
    if (entry.compressedSize === ZIP64_MARK || entry.uncompressedSize === ZIP64_MARK || entry.localHeaderOffset === ZIP64_MARK) {
      throw new ZipError('it is a zip64 archive, which no DOCX this size needs', 'malformed');
    }
    entries.push(entry);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/**
 * Unpacks one entry, refusing to produce more than it declares (a lying header is how zip bombs get past a
 * size check) or than `limit`.
 */
export function readZipEntry(buf: Buffer, entry: ZipEntry, limit: number): Buffer {
  if (entry.flags & 0x1) throw new ZipError(`it is encrypted (${entry.name})`, 'encrypted');
  const p = entry.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL_SIGNATURE) throw new ZipError(`its zip entry ${entry.name} is damaged`, 'malformed');
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipError(`its zip entry ${entry.name} is cut short`, 'malformed');
  const data = buf.subarray(start, end);
  const max = Math.min(entry.uncompressedSize, limit);
  if (entry.uncompressedSize > limit) throw new ZipError(`it would unpack to more than the limit (${entry.name})`, 'too-large');
  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize) throw new ZipError(`its zip entry ${entry.name} has the wrong size`, 'malformed');
    return data;
  }
  if (entry.method !== 8) throw new ZipError(`its zip entry ${entry.name} uses compression method ${entry.method}, which DOCX does not use`, 'malformed');
  let out: Buffer;
  try {
    // maxOutputLength 0 is not allowed; an empty entry inflates to nothing anyway.
    out = inflateRawSync(data, { maxOutputLength: Math.max(max, 1) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ZipError(`its zip entry ${entry.name} unpacks to more than it declares`, 'too-large');
    }
    throw new ZipError(`its zip entry ${entry.name} is not valid deflate data`, 'malformed');
  }
  if (out.length !== entry.uncompressedSize) throw new ZipError(`its zip entry ${entry.name} unpacks to a different size than it declares`, 'malformed');
  return out;
}

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65535 bytes, at the very end.
  const stop = Math.max(0, buf.length - 22 - 65535);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  return -1;
}

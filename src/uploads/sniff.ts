
/**
 * What an upload is, as far as the policy cares: text is redacted, PDF and DOCX are scanned, the rest is
 * blocked unless the policy allows its kind.
 */
export type UploadKind = 'empty' | 'text' | 'pdf' | 'docx' | 'image' | 'archive' | 'binary';

export interface SniffResult {
  kind: UploadKind;
  /** MIME type: file-type's, 'text/plain; charset=utf-8' for text it does not know, else application/octet-stream. */
  contentType: string;
  /** Why bytes that file-type does not know were taken for binary (for the verdict's reason). */
  note?: string;
}

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const TEXT_PLAIN = 'text/plain; charset=utf-8';

/** Text formats file-type recognises: redacted like plain text. */
const TEXT_MIMES = new Set(['application/xml', 'text/calendar', 'text/vcard', 'text/vtt']);

/**
 * Containers of other files. Zip-based office formats other than DOCX (xlsx, pptx, odt, docm, epub...) are
 * here too: caregate does not read inside them, so they carry the same risk as any zip.
 */
const ARCHIVE_EXTS = new Set([
  'zip', 'tar', 'tar.gz', 'rar', 'gz', 'bz2', '7z', 'xz', 'zst', 'lz', 'lz4', 'lzh', 'Z', 'cab', 'deb', 'rpm', 'ar', 'cpio',
  'arj', 'ace', 'dmg', 'asar', 'jar', 'apk', 'crx', 'xpi', 'epub', 'mobi', 'pst',
  'xlsx', 'xlsm', 'xltx', 'xltm', 'pptx', 'pptm', 'ppsx', 'ppsm', 'potx', 'potm', 'dotx', 'docm', 'dotm', 'vsdx',
  'odt', 'ods', 'odp', 'odg', 'ott', 'ots', 'otp', 'otg', '3mf',
]);

/** Binary types people upload expecting them to be read, with what to do instead. */
const BINARY_NOTES: Record<string, string> = {
  cfb: 'it is an OLE compound file (a legacy .doc, .xls or .msg, or a password-protected Office document), which caregate cannot read; save it as an unprotected DOCX or PDF',
  rtf: 'caregate does not read RTF; save it as DOCX, PDF or plain text',
};

/** Bytes of the start of a file looked at to tell text from binary. */
const TEXT_SAMPLE_BYTES = 65536;

/** Sniffs the type from the bytes themselves (magic numbers via file-type); the file name is never trusted. */
export async function sniffUpload(bytes: Uint8Array): Promise<SniffResult> {
  if (bytes.length === 0) return { kind: 'empty', contentType: TEXT_PLAIN };
  // Before file-type, which takes a UTF-16 LE byte order mark for an MP3 frame header. Blocked either way.
  const utf16 = utf16Note(bytes);
  if (utf16) return { kind: 'binary', contentType: 'application/octet-stream', note: utf16 };
  // file-type loads on the first upload inspected: most users of caregate never inspect one.
  const { fileTypeFromBuffer } = await import('file-type');
  const type = await fileTypeFromBuffer(bytes);
  if (type) {
    if (type.mime === PDF) return { kind: 'pdf', contentType: PDF };
    if (type.mime === DOCX) return { kind: 'docx', contentType: DOCX };
    if (TEXT_MIMES.has(type.mime)) return { kind: 'text', contentType: type.mime };
    if (type.mime.startsWith('image/')) return { kind: 'image', contentType: type.mime };
    if (ARCHIVE_EXTS.has(type.ext)) return { kind: 'archive', contentType: type.mime };
    const note = BINARY_NOTES[type.ext];
    return note ? { kind: 'binary', contentType: type.mime, note } : { kind: 'binary', contentType: type.mime };
  }
  const note = binaryNote(bytes.subarray(0, TEXT_SAMPLE_BYTES));
  if (note) return { kind: 'binary', contentType: 'application/octet-stream', note };
  return { kind: 'text', contentType: TEXT_PLAIN };
}

/**
 * Why a sample is not UTF-8 text, or undefined if it looks like text. A few invalid UTF-8 bytes (a Latin-1
 * "é") still count as text, handled by the invalidUtf8 policy; NULs, many control bytes or many invalid
 * sequences mean binary.
 */
export function binaryNote(sample: Uint8Array): string | undefined {
  const utf16 = utf16Note(sample);
  if (utf16) return utf16;
  if (sample.includes(0)) return 'it contains NUL bytes, so it is not text';
  let control = 0;
  for (const b of sample) {
    // Tab, LF, VT, FF, CR and ESC (terminal colours in logs) are normal in text.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) control++;
  }
  if (control > sample.length * 0.01) return 'it contains many control bytes, so it is not text';
  // A short Latin-1 note ("café") is mostly one bad byte: a floor keeps it text (the invalidUtf8 policy decides).
  const invalid = countInvalidUtf8(sample);
  if (invalid > 8 && invalid > sample.length * 0.1) return 'much of it is not UTF-8, so it is not text';
  return undefined;
}

function utf16Note(bytes: Uint8Array): string | undefined {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    return 'it starts like UTF-16 text, which caregate does not read; convert it to UTF-8';
  }
  return undefined;
}

/** Number of bytes that start no valid UTF-8 sequence; a sequence cut by the end of the sample is not counted. */
export function countInvalidUtf8(buf: Uint8Array): number {
  let invalid = 0;
  let i = 0;
  while (i < buf.length) {
    const n = utf8SequenceLength(buf, i);
    if (n === CUT) break;
    if (n === BAD) {
      invalid++;
      i++;
    } else i += n;
  }
  return invalid;
}

/** Offset of the first byte that is not valid UTF-8 (a sequence cut by the end counts), or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const n = utf8SequenceLength(buf, i);
    if (n === BAD || n === CUT) return i;
    i += n;
  }
  return -1;
}

const BAD = -1;
const CUT = -2;

/** Length of the valid UTF-8 sequence at buf[i], BAD if there is none, CUT if the buffer ends inside it. */
function utf8SequenceLength(buf: Uint8Array, i: number): number {
  const b = buf[i]!;
  if (b < 0x80) return 1;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b >= 0xe0 && b <= 0xef) {
    need = 2;
    if (b === 0xe0) lo = 0xa0; // overlong
    if (b === 0xed) hi = 0x9f; // surrogates
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3;
    if (b === 0xf0) lo = 0x90; // overlong
    if (b === 0xf4) hi = 0x8f; // past U+10FFFF
  } else return BAD;
  for (let k = 1; k <= need; k++) {
    if (i + k >= buf.length) return CUT;
    const c = buf[i + k]!;
    if (k === 1 ? c < lo || c > hi : (c & 0xc0) !== 0x80) return BAD;
  }
  return need + 1;
}

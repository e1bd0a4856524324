import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryNote, countInvalidUtf8, firstInvalidUtf8, sniffUpload } from '../../src/uploads/sniff.js';
import { makeDocx, makePdf, makeZip, PNG_1x1 } from './fixtures.js';

describe('sniffUpload', () => {
  it('names each kind from the bytes', async () => {
    expect(await sniffUpload(PNG_1x1)).toEqual({ kind: 'image', contentType: 'image/png' });
    expect(await sniffUpload(await makeZip({ 'a.txt': 'a' }))).toEqual({ kind: 'archive', contentType: 'application/zip' });
    expect(await sniffUpload(await makePdf([['x']]))).toEqual({ kind: 'pdf', contentType: 'application/pdf' });
    expect((await sniffUpload(await makeDocx(['x']))).kind).toBe('docx');
    expect(await sniffUpload(Buffer.from('plain words\n'))).toEqual({ kind: 'text', contentType: 'text/plain; charset=utf-8' });
    expect(await sniffUpload(Buffer.from('{"a": 1}'))).toEqual({ kind: 'text', contentType: 'text/plain; charset=utf-8' });
    expect(await sniffUpload(new Uint8Array())).toEqual({ kind: 'empty', contentType: 'text/plain; charset=utf-8' });
  });

  it('explains an OLE file (legacy Office or a password-protected DOCX)', async () => {
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    const s = await sniffUpload(cfb);
    expect(s.kind).toBe('binary');
    expect(s.note).toContain('password-protected Office document');
  });
});

describe('binaryNote', () => {
  it('takes text with a stray Latin-1 byte for text, and NULs, control bytes or non-UTF-8 for binary', () => {
    expect(binaryNote(Buffer.from('caf\xe9 au lait, merci\n', 'latin1'))).toBeUndefined();
    expect(binaryNote(Buffer.from('\x1b[31mred\x1b[0m log line\r\n\tindented\n'))).toBeUndefined();
    expect(binaryNote(Buffer.from([0x41, 0x00, 0x42]))).toBe('it contains NUL bytes, so it is not text');
    expect(binaryNote(Buffer.from('ab\x01\x02\x03cd'))).toBe('it contains many control bytes, so it is not text');
    expect(binaryNote(Buffer.from([0xc0, 0xc1, 0xf5, 0xff, 0x41, 0xfe, 0xfa, 0xc0, 0xc1, 0x80, 0x41, 0x41]))).toBe('much of it is not UTF-8, so it is not text');
    expect(binaryNote(Buffer.from('caf\xe9\n', 'latin1'))).toBeUndefined();
  });
});

describe('UTF-8 checks agree with Node', () => {
  // Bytes biased towards UTF-8 lead and continuation bytes so that valid and broken sequences both occur.
  const bytes = fc.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xbf }), fc.integer({ min: 0xc0, max: 0xff })), { maxLength: 40 });

  it('firstInvalidUtf8 is -1 exactly for valid UTF-8, and everything before it is valid', () => {
    fc.assert(
      fc.property(bytes, (arr) => {
        const buf = Buffer.from(arr);
        const at = firstInvalidUtf8(buf);
        expect(at === -1).toBe(isUtf8(buf));
        if (at >= 0) expect(isUtf8(buf.subarray(0, at))).toBe(true);
      }),
      { seed: 20240611, numRuns: 2000 },
    );
  });

  it('countInvalidUtf8 is 0 for valid UTF-8 and counts at most one per byte', () => {
    fc.assert(
      fc.property(bytes, (arr) => {
        const buf = Buffer.from(arr);
        const n = countInvalidUtf8(buf);
        if (isUtf8(buf)) expect(n).toBe(0);
        expect(n).toBeLessThanOrEqual(buf.length);
      }),
      { seed: 20240611, numRuns: 2000 },
    );
  });

  it('names the lead byte of a broken sequence, and a sequence cut by the end', () => {
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe9, 0x20]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
    expect(firstInvalidUtf8(Buffer.from('ok €'))).toBe(-1);
  });
});

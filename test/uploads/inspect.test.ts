import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaregateError } from '../../src/errors.js';
import { createRedactor } from '../../src/redactor.js';
import { inspectUpload, type UploadInspection } from '../../src/uploads/index.js';
import { leaksCard, makeDocx, makePasswordPdf, makePdf, makeZip, PNG_1x1, TEST_CARD, TEST_CARD_PLAIN } from './fixtures.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'caregate-uploads-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Everything a verdict says except the redacted bytes themselves: none of it may carry a raw value. */
function expectNoRawValues(r: UploadInspection): void {
  const { redacted: _r, output: _o, ...said } = r;
  expect(leaksCard(JSON.stringify(said))).toBe(false);
  expect(JSON.stringify(said)).not.toMatch(/jane@example\.com/);
}

describe('text uploads are redacted', () => {
  it('masks a card number and returns the redacted bytes', async () => {
    const r = await inspectUpload(Buffer.from(`Hi, my card is ${TEST_CARD} and mail jane@example.com\n`));
    expect(r).toMatchObject({ verdict: 'redacted', kind: 'text', contentType: 'text/plain; charset=utf-8', reasonCode: 'redacted' });
    expect(r.findings.map((f) => f.entity).sort()).toEqual(['CREDIT_CARD', 'EMAIL']);
    expect(r.reason).toBe('text: 2 findings (CREDIT_CARD ×1; EMAIL ×1) masked');
    const out = r.redacted!.toString('utf8');
    expect(leaksCard(out)).toBe(false);
    expect(out).toContain('1111');
    expect(out).not.toContain('jane@example.com');
    expect(r.output).toBe(r.redacted);
    expectNoRawValues(r);
  });

  it('passes text with nothing to redact as clean, bytes unchanged', async () => {
    const input = Buffer.from('Hello, where is my parcel?\n');
    const r = await inspectUpload(input);
    expect(r).toMatchObject({ verdict: 'clean', reasonCode: 'no-findings', reason: 'text: nothing to redact', findings: [] });
    expect(r.redacted!.equals(input)).toBe(true);
  });

  it('redacts text formats file-type recognises (XML)', async () => {
    const r = await inspectUpload(Buffer.from(`<?xml version="1.0"?><note><card>${TEST_CARD_PLAIN}</card></note>`));
    expect(r).toMatchObject({ verdict: 'redacted', kind: 'text', contentType: 'application/xml' });
    expect(r.redacted!.toString()).not.toContain(TEST_CARD_PLAIN);
  });

  it('passes an empty upload as clean', async () => {
    const r = await inspectUpload(Buffer.alloc(0));
    expect(r).toMatchObject({ verdict: 'clean', kind: 'empty', reason: 'the upload is empty', bytes: 0 });
  });
});

describe('invalid UTF-8', () => {
  // Latin-1 "café" then a card number: one byte (0xE9) that is not UTF-8.
  const latin1 = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from(` card ${TEST_CARD}`)]);

  it("is replaced with U+FFFD and the text still redacted under 'replace' (the default)", async () => {
    const r = await inspectUpload(latin1);
    expect(r.verdict).toBe('redacted');
    expect(r.reason).toBe('text: 1 finding (CREDIT_CARD ×1) masked; bytes that were not UTF-8 were replaced with U+FFFD');
    const out = r.redacted!.toString('utf8');
    expect(out.startsWith('caf\uFFFD card ')).toBe(true);
    expect(leaksCard(out)).toBe(false);
  });

  it("blocks the upload naming the byte under 'error'", async () => {
    const r = await inspectUpload(latin1, { policy: { invalidUtf8: 'error' } });
    expect(r).toMatchObject({ verdict: 'blocked', reasonCode: 'invalid-utf8', findings: [] });
    expect(r.reason).toBe("the text is not valid UTF-8 at byte 3; convert it to UTF-8, or use the invalidUtf8 'replace' policy to substitute U+FFFD");
    expect(r.redacted).toBeUndefined();
    expect(r.output).toBeUndefined();
  });

  it('names the start of a character cut off at the end of the file', async () => {
    const cut = Buffer.concat([Buffer.from('price 5 '), Buffer.from('€').subarray(0, 2)]);
    const r = await inspectUpload(cut, { policy: { invalidUtf8: 'error' } });
    expect(r.reason).toContain('not valid UTF-8 at byte 8;');
  });
});

describe('images, archives and binaries', () => {
  it('blocks a PNG, saying why and how to let it through', async () => {
    const r = await inspectUpload(PNG_1x1);
    expect(r).toMatchObject({ verdict: 'blocked', kind: 'image', contentType: 'image/png', reasonCode: 'image', findings: [] });
    expect(r.reason).toBe("it is an image (image/png); caregate cannot read text in images, so images are blocked unless the policy allows 'images' through unscanned");
    expect(r.output).toBeUndefined();
  });

  it('lets a PNG through unscanned when the policy allows images', async () => {
    const r = await inspectUpload(PNG_1x1, { policy: { allow: ['images'] } });
    expect(r).toMatchObject({ verdict: 'clean', reasonCode: 'allowed-by-policy', reason: 'the policy allows images through; it was not scanned' });
    expect(r.output!.equals(PNG_1x1)).toBe(true);
    expect(r.redacted).toBeUndefined();
  });

  it('blocks a zip, even one holding a card number in plain text', async () => {
    const zip = await makeZip({ 'card.txt': `card ${TEST_CARD}` });
    const r = await inspectUpload(zip);
    expect(r).toMatchObject({ verdict: 'blocked', kind: 'archive', contentType: 'application/zip', reasonCode: 'archive' });
    expect(r.reason).toBe("it is an archive (application/zip); the files inside are not scanned, so archives are blocked unless the policy allows 'archives' through unscanned");
    const allowed = await inspectUpload(zip, { policy: { allow: ['archives'] } });
    expect(allowed).toMatchObject({ verdict: 'clean', reasonCode: 'allowed-by-policy' });
  });

  it('blocks unknown binary data, saying what gave it away', async () => {
    const bin = Buffer.from([0x01, 0x02, 0x00, 0x03, 0x41, 0x42, 0x00, 0x00]);
    const r = await inspectUpload(bin);
    expect(r).toMatchObject({ verdict: 'blocked', kind: 'binary', contentType: 'application/octet-stream', reasonCode: 'binary' });
    expect(r.reason).toBe(
      "it is binary data (application/octet-stream: it contains NUL bytes, so it is not text) that caregate cannot scan, so it is blocked unless the policy allows 'binary' through unscanned",
    );
    expect((await inspectUpload(bin, { policy: { allow: ['binary'] } })).verdict).toBe('clean');
  });

  it('blocks UTF-16 text with advice to convert it', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`card ${TEST_CARD}`, 'utf16le')]);
    const r = await inspectUpload(utf16);
    expect(r.verdict).toBe('blocked');
    expect(r.reason).toContain('it starts like UTF-16 text, which caregate does not read; convert it to UTF-8');
  });
});

describe('PDF uploads', () => {
  it('blocks a PDF carrying a test card number, naming the page', async () => {
    const r = await inspectUpload(await makePdf([['Order 77'], [`Card ${TEST_CARD}`]]));
    expect(r).toMatchObject({ verdict: 'blocked', kind: 'pdf', contentType: 'application/pdf', reasonCode: 'blocked-entity' });
    expect(r.reason).toBe('the PDF carries 1 finding (CREDIT_CARD ×1 on page 2); a PDF cannot be rewritten safely, so it is refused: remove that data and upload it again');
    expect(r.findings).toEqual([{ ruleId: 'credit-card', entity: 'CREDIT_CARD', start: expect.any(Number), end: expect.any(Number), confidence: expect.any(Number), page: 2 }]);
    expect(r.output).toBeUndefined();
    expectNoRawValues(r);
  });

  it('blocks a card number typed into a form field', async () => {
    const r = await inspectUpload(await makePdf([['Payment form']], { formField: TEST_CARD }));
    expect(r).toMatchObject({ verdict: 'blocked', reasonCode: 'blocked-entity' });
    expect(r.findings.map((f) => [f.entity, f.page])).toEqual([['CREDIT_CARD', 1]]);
  });

  it('passes a PDF with other PII as clean, reporting the findings', async () => {
    const pdf = await makePdf([['Contact jane@example.com']]);
    const r = await inspectUpload(pdf);
    expect(r).toMatchObject({ verdict: 'clean', reasonCode: 'findings-reported' });
    expect(r.reason).toBe(
      'the PDF carries no blocked entity; 1 finding (EMAIL ×1 on page 1) reported but not removed (caregate does not rewrite a PDF; add the entity to blockEntities to refuse such uploads)',
    );
    expect(r.output!.equals(pdf)).toBe(true);
    expect(r.redacted).toBeUndefined();
    expectNoRawValues(r);
  });

  it('blocks such a PDF when the policy adds EMAIL to blockEntities', async () => {
    const r = await inspectUpload(await makePdf([['Contact jane@example.com']]), { policy: { blockEntities: ['EMAIL'] } });
    expect(r).toMatchObject({ verdict: 'blocked', reasonCode: 'blocked-entity' });
  });

  it('passes a PDF with nothing to report', async () => {
    const r = await inspectUpload(await makePdf([['Thank you for your help']]));
    expect(r).toMatchObject({ verdict: 'clean', reasonCode: 'no-findings', reason: "the PDF's text carries nothing to redact", findings: [] });
  });

  it('blocks a password-protected PDF with a clear reason', async () => {
    const r = await inspectUpload(await makePasswordPdf());
    expect(r).toMatchObject({ verdict: 'blocked', reasonCode: 'encrypted', findings: [] });
    expect(r.reason).toBe('the PDF is password-protected, so its text cannot be checked; upload it without the password');
  });

  it('blocks a malformed PDF without letting a pdf.js error escape', async () => {
    const garbage = await inspectUpload(Buffer.from('%PDF-1.7\nthis is not a PDF at all\n'));
    expect(garbage).toMatchObject({ verdict: 'blocked', kind: 'pdf', reasonCode: 'malformed' });
    expect(garbage.reason).toBe('the PDF is damaged or not really a PDF (pdf.js found no valid structure)');
    const whole = await makePdf([[`Card ${TEST_CARD}`]]);
    // Cut before its cross-reference table: pdf.js cannot rebuild the page tree, so the card text is unreachable.
    const truncated = await inspectUpload(whole.subarray(0, whole.length - 50));
    expect(truncated).toMatchObject({ verdict: 'blocked', reasonCode: 'malformed', findings: [] });
  });

  it('blocks a PDF with an attachment unless archives are allowed', async () => {
    const pdf = await makePdf([['See attached']], { attachment: true });
    const r = await inspectUpload(pdf);
    expect(r).toMatchObject({ verdict: 'blocked', reasonCode: 'embedded-files' });
    expect(r.reason).toContain('1 embedded file(s), which are not scanned');
    expect((await inspectUpload(pdf, { policy: { allow: ['archives'] } })).verdict).toBe('clean');
  });

  it('blocks a PDF page that is only an image (a scan) unless images are allowed', async () => {
    const pdf = await makePdf([['Cover letter']], { imageOnlyPage: true });
    const r = await inspectUpload(pdf);
    expect(r).toMatchObject({ verdict: 'blocked', reasonCode: 'image' });
    expect(r.reason).toContain('page(s) 2 of the PDF are images without text');
    expect((await inspectUpload(pdf, { policy: { allow: ['images'] } })).verdict).toBe('clean');
  });
});

describe('DOCX uploads', () => {
  it('blocks a DOCX carrying a test card number', async () => {
    const r = await inspectUpload(await makeDocx(['Dear team,', `my card is ${TEST_CARD}, CVV 123`]));
    expect(r).toMatchObject({
      verdict: 'blocked',
      kind: 'docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      reasonCode: 'blocked-entity',
    });
    expect(r.reason).toBe(
      'the DOCX carries 2 findings (CREDIT_CARD ×1 in word/document.xml; CARD_CVV ×1 in word/document.xml); a DOCX cannot be rewritten safely, so it is refused: remove that data and upload it again',
    );
    expectNoRawValues(r);
  });

  it('finds a card number in a footer, which mammoth does not read', async () => {
    const r = await inspectUpload(await makeDocx(['Hello'], { footer: [`Card ${TEST_CARD_PLAIN}`] }));
    expect(r).toMatchObject({ verdict: 'blocked', reasonCode: 'blocked-entity' });
    expect(r.findings.map((f) => [f.entity, f.part])).toEqual([['CREDIT_CARD', 'word/footer1.xml']]);
  });

  it('finds a card number in a tracked deletion, which is still in the file', async () => {
    const docx = await makeDocx(['Hello'], { deletedText: `card ${TEST_CARD}` });
    const r = await inspectUpload(docx);
    expect(r).toMatchObject({ verdict: 'blocked', reasonCode: 'blocked-entity' });
    expect(r.findings.map((f) => [f.entity, f.part])).toEqual([['CREDIT_CARD', 'word/document.xml (tracked deletions)']]);
  });

  it('passes a DOCX with other PII as clean, reporting the findings', async () => {
    const r = await inspectUpload(await makeDocx(['Write to jane@example.com']));
    expect(r).toMatchObject({ verdict: 'clean', reasonCode: 'findings-reported' });
    expect(r.findings.map((f) => [f.entity, f.part])).toEqual([['EMAIL', 'word/document.xml']]);
  });

  it('blocks a truncated DOCX as malformed', async () => {
    const docx = await makeDocx([`Card ${TEST_CARD}`]);
    const r = await inspectUpload(docx.subarray(0, docx.length - 30));
    expect(r).toMatchObject({ verdict: 'blocked', reasonCode: 'malformed' });
    expect(r.reason).toBe('the DOCX cannot be read safely: it is not a valid zip (no end of central directory)');
  });

  it('blocks a DOCX without a document body', async () => {
    const docx = await makeDocx(['x']);
    // Rename the body in both the local header and the central directory: still sniffed as DOCX, no body.
    const renamed = Buffer.from(docx.toString('latin1').replaceAll('word/document.xml', 'word/documenX.xml'), 'latin1');
    const r = await inspectUpload(renamed);
    expect(r.verdict).toBe('blocked');
    expect(r.reasonCode).toBe('malformed');
  });

  it('refuses a DOCX that would unpack past maxExpandedBytes before unpacking it', async () => {
    const docx = await makeDocx(['hi'], { extraFiles: { 'word/media/filler.bin': Buffer.alloc(2_000_000) } });
    expect(docx.length).toBeLessThan(50_000);
    const r = await inspectUpload(docx, { policy: { maxExpandedBytes: 1_000_000 } });
    expect(r).toMatchObject({ verdict: 'blocked', reasonCode: 'expands-too-much' });
    expect(r.reason).toMatch(/^the DOCX cannot be read safely: it would unpack to \d+ bytes, more than the limit of 1000000 \(maxExpandedBytes\)$/);
  });

  it('refuses a DOCX entry that unpacks to more than its header declares (a lying zip bomb)', async () => {
    const docx = await makeDocx(['hi'], { extraFiles: { 'word/media/filler.bin': Buffer.alloc(100_000) } });
    const forged = Buffer.from(docx);
    // Rewrite the declared uncompressed size of the filler entry in the central directory to 10 bytes.
    const name = Buffer.from('word/media/filler.bin');
    for (let p = forged.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = forged.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)) {
      if (forged.subarray(p + 46, p + 46 + name.length).equals(name)) forged.writeUInt32LE(10, p + 24);
    }
    const r = await inspectUpload(forged);
    expect(r).toMatchObject({ verdict: 'blocked', reasonCode: 'expands-too-much' });
    expect(r.reason).toBe('the DOCX cannot be read safely: its zip entry word/media/filler.bin unpacks to more than it declares');
  });

  it('blocks a DOCX with embedded files unless archives are allowed', async () => {
    const docx = await makeDocx(['See the sheet'], { extraFiles: { 'word/embeddings/sheet.xlsx': Buffer.from('PK...') } });
    const r = await inspectUpload(docx);
    expect(r).toMatchObject({ verdict: 'blocked', reasonCode: 'embedded-files' });
    expect((await inspectUpload(docx, { policy: { allow: ['archives'] } })).verdict).toBe('clean');
  });
});

describe('sources and the size limit', () => {
  const text = `card ${TEST_CARD}\n`;

  it('reads a path, a Uint8Array, a Node stream and a web stream alike', async () => {
    const path = join(dir, 'note.txt');
    await writeFile(path, text);
    const sources = [
      path,
      new Uint8Array(Buffer.from(text)),
      Readable.from([Buffer.from(text.slice(0, 7)), Buffer.from(text.slice(7))]),
      Readable.from(Buffer.from(text)).setEncoding('utf8'),
      new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(Buffer.from(text));
          c.close();
        },
      }),
    ];
    for (const source of sources) {
      const r = await inspectUpload(source);
      expect(r.verdict).toBe('redacted');
      expect(r.bytes).toBe(Buffer.byteLength(text));
      expect(leaksCard(r.redacted!.toString())).toBe(false);
    }
  });

  it('blocks a buffer over maxBytes', async () => {
    const r = await inspectUpload(Buffer.alloc(2000, 'a'), { policy: { maxBytes: 1000 } });
    expect(r).toMatchObject({ verdict: 'blocked', reasonCode: 'too-large', kind: 'text', bytes: 2000 });
    expect(r.reason).toBe('the upload is larger than the limit of 1000 bytes (maxBytes); reading stopped there');
  });

  it('stops reading a Node stream once it passes maxBytes', async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(1024, 'x'));
      },
    });
    const r = await inspectUpload(endless, { policy: { maxBytes: 10_000 } });
    expect(r).toMatchObject({ verdict: 'blocked', reasonCode: 'too-large' });
    expect(r.bytes).toBeLessThanOrEqual(10_000 + 1024);
    expect(pulled).toBeLessThan(40);
    expect(endless.destroyed).toBe(true);
  });

  it('cancels a web stream once it passes maxBytes', async () => {
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(new Uint8Array(1024));
      },
      cancel() {
        cancelled = true;
      },
    });
    const r = await inspectUpload(endless, { policy: { maxBytes: 5000 } });
    expect(r).toMatchObject({ verdict: 'blocked', reasonCode: 'too-large', kind: 'binary' });
    expect(cancelled).toBe(true);
  });

  it('refuses a large file by its size, sniffing only its first bytes', async () => {
    const path = join(dir, 'big.png');
    await writeFile(path, Buffer.concat([PNG_1x1, Buffer.alloc(5000)]));
    const r = await inspectUpload(path, { policy: { maxBytes: 1000 } });
    expect(r).toMatchObject({ verdict: 'blocked', reasonCode: 'too-large', contentType: 'image/png', bytes: 5068 });
  });

  it('throws a CaregateError for a missing file, a directory, a failing stream or a wrong source', async () => {
    await expect(inspectUpload(join(dir, 'nope.pdf'))).rejects.toMatchObject({ code: 'E_INPUT', message: `caregate: cannot read ${join(dir, 'nope.pdf')}: no such file` });
    await expect(inspectUpload(dir)).rejects.toMatchObject({ code: 'E_USAGE', message: `caregate: ${dir} is a directory; give a file` });
    const failing = new Readable({
      read() {
        this.destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
      },
    });
    await expect(inspectUpload(failing)).rejects.toMatchObject({ code: 'E_INPUT', message: 'caregate: cannot read the upload: ECONNRESET' });
    await expect(inspectUpload(42 as never)).rejects.toThrow(CaregateError);
    await expect(inspectUpload(42 as never)).rejects.toThrow(/takes a file path, a Buffer or Uint8Array, or a readable stream; got number/);
  });
});

describe('policy', () => {
  it('rejects unknown options, kinds and entities with the option named', async () => {
    await expect(inspectUpload(Buffer.from('x'), { policy: { allowed: ['images'] } as never })).rejects.toMatchObject({
      code: 'E_CONFIG',
      message: 'caregate: invalid upload policy: unknown option "allowed"; the options are: allow, maxBytes, maxExpandedBytes, blockEntities, invalidUtf8',
    });
    await expect(inspectUpload(Buffer.from('x'), { policy: { allow: ['videos' as never] } })).rejects.toMatchObject({
      code: 'E_CONFIG',
      message: expect.stringContaining('invalid upload policy option "allow.0"'),
    });
    await expect(inspectUpload(Buffer.from('x'), { policy: { maxBytes: -1 } })).rejects.toMatchObject({ code: 'E_CONFIG', location: { path: 'policy.maxBytes' } });
    await expect(inspectUpload(Buffer.from('x'), { policy: { blockEntities: ['CREDIT_CRAD'] } })).rejects.toMatchObject({
      code: 'E_CONFIG',
      message: expect.stringMatching(/^caregate: invalid upload policy option "blockEntities": unknown entity "CREDIT_CRAD"; the redactor's entities are: .*CREDIT_CARD/),
    });
  });

  it('scans with the redactor it is given', async () => {
    const redactor = createRedactor({ disable: ['EMAIL'] });
    const r = await inspectUpload(Buffer.from('mail jane@example.com'), { redactor });
    expect(r.verdict).toBe('clean');
  });
});

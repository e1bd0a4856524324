import JSZip from 'jszip';
import { PDFDocument, PDFHexString, PDFName, PDFNumber, StandardFonts } from 'pdf-lib';

/** Test card numbers only (see README). */
export const TEST_CARD = '4111 1111 1111 1111';
export const TEST_CARD_PLAIN = '5555555555554444';

/** A 1×1 PNG: signature, IHDR, IDAT, IEND with valid CRCs. */
export const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** A PDF with one page per entry of `pages`, each line drawn as text. */
export async function makePdf(pages: string[][], options: { formField?: string; attachment?: boolean; imageOnlyPage?: boolean } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage();
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 700 - i * 20, size: 12, font }));
  }
  if (options.formField !== undefined) {
    const page = doc.getPages()[0] ?? doc.addPage();
    const field = doc.getForm().createTextField('card');
    field.setText(options.formField);
    field.addToPage(page, { x: 50, y: 400, width: 300, height: 24 });
  }
  if (options.attachment) await doc.attach(Buffer.from('hello'), 'note.txt', { mimeType: 'text/plain' });
  if (options.imageOnlyPage) {
    const png = await doc.embedPng(PNG_1x1);
    doc.addPage().drawImage(png, { x: 50, y: 50, width: 200, height: 200 });
  }
  return Buffer.from(await doc.save());
}

/**
 * A PDF whose trailer names a standard security handler with a user password that is not empty: pdf.js asks
 * for a password, as it would for any password-protected PDF.
 */
export async function makePasswordPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('secret', { x: 50, y: 700 });
  const ctx = doc.context;
  const encrypt = ctx.obj({
    Filter: PDFName.of('Standard'),
    V: PDFNumber.of(1),
    R: PDFNumber.of(2),
    Length: PDFNumber.of(40),
    P: PDFNumber.of(-4),
    O: PDFHexString.of('11'.repeat(32)),
    U: PDFHexString.of('22'.repeat(32)),
  });
  ctx.trailerInfo.Encrypt = ctx.register(encrypt);
  ctx.trailerInfo.ID = ctx.obj([PDFHexString.of('33'.repeat(16)), PDFHexString.of('33'.repeat(16))]);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function wordXml(root: 'document' | 'ftr' | 'hdr', paragraphs: string[], deletedText?: string): string {
  let ps = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`).join('');
  if (deletedText !== undefined) {
    ps += `<w:p><w:del w:id="1" w:author="agent"><w:r><w:delText xml:space="preserve">${escapeXml(deletedText)}</w:delText></w:r></w:del></w:p>`;
  }
  const inner = root === 'document' ? `<w:body>${ps}</w:body>` : ps;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${root} xmlns:w="${W}">${inner}</w:${root}>`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A minimal DOCX: content types, package relationships and a body with one paragraph per entry. */
export async function makeDocx(paragraphs: string[], options: { footer?: string[]; deletedText?: string; extraFiles?: Record<string, Buffer | string> } = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', wordXml('document', paragraphs, options.deletedText));
  if (options.footer) zip.file('word/footer1.xml', wordXml('ftr', options.footer));
  for (const [name, data] of Object.entries(options.extraFiles ?? {})) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function makeZip(files: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Text that a test may look for in any verdict to prove no raw value leaked: the card's digit groups. */
export function leaksCard(s: string): boolean {
  return /4111\D?1111|5555\D?5555|1111\D?1111\D?1111/.test(s);
}

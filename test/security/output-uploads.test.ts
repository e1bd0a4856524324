import fc from 'fast-check';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { inspectUpload } from '../../src/uploads/index.js';
import { formatCard, validCard } from '../support/cards.js';
import { makeDocx } from '../uploads/fixtures.js';

/** A one-page PDF with the given text lines, and document information entries set as given. */
async function pdfWith(lines: string[], info: { title?: string; subject?: string; author?: string; keywords?: string[] } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage();
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 700 - i * 20, size: 12, font }));
  if (info.title !== undefined) doc.setTitle(info.title);
  if (info.subject !== undefined) doc.setSubject(info.subject);
  if (info.author !== undefined) doc.setAuthor(info.author);
  if (info.keywords !== undefined) doc.setKeywords(info.keywords);
  return Buffer.from(await doc.save());
}

const card = fc.record({ c: validCard, style: fc.constantFrom<'none' | 'space' | 'dash'>('none', 'space', 'dash') }).map(({ c, style }) => ({ digits: c.digits, text: formatCard(c.digits, style) }));

describe('PDF uploads: card numbers outside the page text (issue 15 item 10)', () => {
  it('a card number in the Title, Subject, Author or Keywords blocks the PDF, the finding marked as metadata', async () => {
    await fc.assert(
      fc.asyncProperty(card, fc.constantFrom<'title' | 'subject' | 'author' | 'keywords'>('title', 'subject', 'author', 'keywords'), async (c, field) => {
        const info = field === 'keywords' ? { keywords: ['refund', `card ${c.text}`] } : { [field]: `Refund for card ${c.text}` };
        const r = await inspectUpload(await pdfWith(['Thank you for your help'], info));
        expect(r).toMatchObject({ verdict: 'blocked', reasonCode: 'blocked-entity' });
        expect(r.findings.filter((f) => f.entity === 'CREDIT_CARD').map((f) => f.part)).toEqual(['metadata']);
        expect(r.reason).toContain('CREDIT_CARD ×1 in metadata');
        expect(JSON.stringify(r)).not.toContain(c.digits);
      }),
      { numRuns: 8 },
    );
  });

  it('a card number wrapped over two lines of a page blocks the PDF; the page is named', async () => {
    await fc.assert(
      fc.asyncProperty(card, fc.integer({ min: 4, max: 12 }), fc.constantFrom(' ', '-', ''), async (c, cut, sep) => {
        const grouped = c.digits.match(/.{1,4}/g)!.join(sep);
        const at = Math.min(cut + Math.floor(cut / 4) * sep.length, grouped.length - 2);
        const r = await inspectUpload(await pdfWith(['Card number on file:', grouped.slice(0, at), grouped.slice(at), 'Thanks']));
        expect(r).toMatchObject({ verdict: 'blocked', reasonCode: 'blocked-entity' });
        expect(r.findings.filter((f) => f.entity === 'CREDIT_CARD').map((f) => f.page)).toEqual([1]);
      }),
      { numRuns: 8, seed: 15 },
    );
  });

  it('two unrelated numbers on consecutive lines are not joined into one when each is a finding of its own', async () => {
    const c = fc.sample(validCard, { seed: 7, numRuns: 1 })[0]!;
    const r = await inspectUpload(await pdfWith([`Card ${formatCard(c.digits, 'space')}`, '1234', 'Thanks']));
    expect(r.findings.filter((f) => f.entity === 'CREDIT_CARD')).toHaveLength(1);
  });

  it('a DOCX part named with a card number ("word/footer<digits>.xml") is named masked in findings and reasons', async () => {
    await fc.assert(
      fc.asyncProperty(card, async (c) => {
        const footer = `<?xml version="1.0"?><w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>card ${c.text}</w:t></w:r></w:p></w:ftr>`;
        const r = await inspectUpload(await makeDocx(['Thanks'], { extraFiles: { [`word/footer${c.digits}.xml`]: footer } }));
        expect(r).toMatchObject({ verdict: 'blocked', reasonCode: 'blocked-entity' });
        expect(r.findings.some((f) => f.part?.startsWith('word/footer'))).toBe(true);
        expect(JSON.stringify(r)).not.toContain(c.digits);
      }),
      { numRuns: 5 },
    );
  });
});

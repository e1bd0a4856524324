import { UnreadableDocument } from './types.js';

export interface PdfPage {
  /** 1-based. */
  page: number;
  start: number;
  end: number;
}

export interface PdfText {
  /** The text of every page (then its form fields and notes), pages separated by a blank line. */
  text: string;
  pages: PdfPage[];
  /** Pages that paint images but have no text (scans): their content cannot be checked. */
  scannedPages: number[];
  /** Files attached to the PDF: not scanned. */
  attachments: number;
  /** Where the document's metadata (Title, Author, Subject, Keywords…, XMP) sits in `text`, after the pages. */
  metadata?: { start: number; end: number };
}

/**
 * Extracts a PDF's text with pdf.js (legacy build, the one for Node): page text plus the values of form
 * fields and the text of annotations, where a typed card number can also hide. Encrypted and damaged PDFs
 * become UnreadableDocument with a reason for people; pdf.js's own errors never reach the caller.
 */
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdf.js is loaded on the first PDF, not when caregate is imported: its legacy build (the one that runs on
 * Node 20) brings core-js polyfills that replace the global JSON.parse with one that, given a reviver,
 * accepts invalid JSON. The process's own JSON.parse is put back once the module has loaded.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const parse = JSON.parse;
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      JSON.parse = parse;
    }
  })();
  return pdfjs;
}

export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  const { getDocument, OPS, VerbosityLevel } = await loadPdfJs();
  // A copy: pdf.js may take over (transfer) the buffer it is given, and the caller's bytes must stay usable.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const pdf = await task.promise.catch((err: unknown) => {
      throw unreadable(err);
    });
    const pages: PdfPage[] = [];
    let text = '';
    const scannedPages: number[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let pageText = '';
      for (const item of content.items) {
        if ('str' in item) pageText += item.str + (item.hasEOL ? '\n' : '');
      }
      if (!pageText.trim() && paintsImages(OPS, (await page.getOperatorList()).fnArray)) scannedPages.push(n);
      for (const s of annotationTexts(await page.getAnnotations())) pageText += `\n${s}`;
      if (n > 1) text += '\n\n';
      pages.push({ page: n, start: text.length, end: text.length + pageText.length });
      text += pageText;
      page.cleanup();
    }
    const attachments = (await pdf.getAttachments()) as Record<string, unknown> | null;
    // A card number typed into the Title or Keywords is as much in the file as one on a page.
    const meta = metadataTexts(await pdf.getMetadata().catch(() => undefined));
    let metadata: PdfText['metadata'];
    if (meta.length) {
      text += '\n\n';
      metadata = { start: text.length, end: text.length };
      text += meta.join('\n');
      metadata.end = text.length;
    }
    return { text, pages, scannedPages, attachments: attachments ? Object.keys(attachments).length : 0, ...(metadata ? { metadata } : {}) };
  } catch (err) {
    throw err instanceof UnreadableDocument ? err : unreadable(err);
  } finally {
    await task.destroy();
  }
}

/** Whether a page's operators paint an image (a scanned page with no text layer). */
function paintsImages(OPS: PdfJs['OPS'], ops: number[]): boolean {
  const images = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintImageXObjectRepeat,
    OPS.paintImageMaskXObject,
    OPS.paintImageMaskXObjectGroup,
    OPS.paintImageMaskXObjectRepeat,
  ]);
  return ops.some((op) => images.has(op));
}

/** Form field values, comments and free-text notes of a page's annotations. */
function annotationTexts(annotations: unknown[]): string[] {
  const out: string[] = [];
  for (const a of annotations as Record<string, unknown>[]) {
    const value = a.fieldValue;
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) out.push(...value.filter((v): v is string => typeof v === 'string'));
    const contents = (a.contentsObj as { str?: unknown } | undefined)?.str;
    if (typeof contents === 'string') out.push(contents);
    if (Array.isArray(a.textContent)) out.push(...a.textContent.filter((v): v is string => typeof v === 'string'));
  }
  // A field's value can also come back as its appearance text: once is enough.
  return [...new Set(out)].filter((s) => s.trim() !== '');
}

/** Every string of the document information dictionary (custom entries included) and of the XMP metadata. */
function metadataTexts(meta: { info?: unknown; metadata?: unknown } | undefined): string[] {
  const out: string[] = [];
  const collect = (v: unknown, depth: number) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) for (const x of v) collect(x, depth + 1);
    else if (v && typeof v === 'object' && depth < 4) for (const x of Object.values(v)) collect(x, depth + 1);
  };
  collect(meta?.info, 0);
  const xmp = meta?.metadata as { getAll?: () => unknown } | null | undefined;
  if (xmp && typeof xmp.getAll === 'function') collect(xmp.getAll(), 0);
  return [...new Set(out)].filter((s) => s.trim() !== '');
}

function unreadable(err: unknown): UnreadableDocument {
  // pdf.js's messages are kept as the cause only: the reason is written for the person who uploaded.
  const name = (err as { name?: unknown })?.name;
  if (name === 'PasswordException') {
    return new UnreadableDocument('encrypted', 'the PDF is password-protected, so its text cannot be checked; upload it without the password', { cause: err });
  }
  if (name === 'InvalidPDFException') {
    return new UnreadableDocument('malformed', 'the PDF is damaged or not really a PDF (pdf.js found no valid structure)', { cause: err });
  }
  return new UnreadableDocument('malformed', 'the PDF cannot be read (pdf.js failed on it); it may be damaged', { cause: err });
}

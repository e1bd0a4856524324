import { UnreadableDocument } from './types.js';
import { listZipEntries, readZipEntry, ZipError, type ZipEntry } from './zip-entries.js';

export interface DocxPart {
  /** word/document.xml for the body, else the part's path in the package. */
  name: string;
  start: number;
  end: number;
}

export interface DocxText {
  text: string;
  parts: DocxPart[];
  /** Files embedded in the document (word/embeddings/...): not scanned. */
  embeddedFiles: number;
}

const BODY = 'word/document.xml';
const DELETED = 'word/document.xml (tracked deletions)';

/** Parts mammoth's raw text leaves out but that carry typed text: read here so card data there is not missed. */
const EXTRA_TEXT_PART = /^word\/(?:header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/;

/**
 * The text of a DOCX: the body through mammoth, then headers, footers, notes and comments read from their
 * XML. Every entry is unpacked once under the size limit first, so a zip bomb is refused before mammoth
 * (whose unzip has no limit) sees it.
 */
export async function extractDocxText(bytes: Buffer, maxExpandedBytes: number): Promise<DocxText> {
  let entries: ZipEntry[];
  const extra: { name: string; xml: string }[] = [];
  let deleted = '';
  try {
    entries = listZipEntries(bytes);
    const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > maxExpandedBytes) {
      throw new ZipError(`it would unpack to ${declared} bytes, more than the limit of ${maxExpandedBytes} (maxExpandedBytes)`, 'too-large');
    }
    let budget = maxExpandedBytes;
    for (const entry of entries) {
      const data = readZipEntry(bytes, entry, budget);
      budget -= data.length;
      if (EXTRA_TEXT_PART.test(entry.name)) extra.push({ name: entry.name, xml: data.toString('utf8') });
      // Tracked deletions stay in the file but not in mammoth's text: a card number "deleted" is still sent.
      if (entry.name === BODY) deleted = deletedText(data.toString('utf8'));
    }
  } catch (err) {
    if (err instanceof ZipError) {
      const code = err.kind === 'too-large' ? 'expands-too-much' : err.kind;
      throw new UnreadableDocument(code, `the DOCX cannot be read safely: ${err.message}`, { cause: err });
    }
    throw err;
  }
  if (!entries.some((e) => e.name === BODY)) {
    throw new UnreadableDocument('malformed', `the DOCX has no ${BODY}, so it is not a Word document caregate can read`);
  }

  let body: string;
  try {
    // mammoth loads on the first DOCX (it is large, and most users of caregate never inspect one).
    const mammoth = (await import('mammoth')).default;
    body = (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch (err) {
    // mammoth's messages can quote the document's XML, so they are kept as the cause, not shown.
    throw new UnreadableDocument('malformed', 'the DOCX cannot be read: mammoth could not parse its document (damaged or not really a DOCX)', { cause: err });
  }

  const parts: DocxPart[] = [{ name: BODY, start: 0, end: body.length }];
  let text = body;
  if (deleted.trim()) {
    text += '\n\n';
    parts.push({ name: DELETED, start: text.length, end: text.length + deleted.length });
    text += deleted;
  }
  extra.sort((a, b) => a.name.localeCompare(b.name));
  for (const part of extra) {
    const partText = wordXmlText(part.xml);
    if (!partText.trim()) continue;
    text += '\n\n';
    parts.push({ name: part.name, start: text.length, end: text.length + partText.length });
    text += partText;
  }
  return { text, parts, embeddedFiles: entries.filter((e) => e.name.startsWith('word/embeddings/') && !e.name.endsWith('/')).length };
}

/** Text runs of WordprocessingML: w:t (and w:delText, deleted but still in the file), paragraphs and tabs kept. */
export function wordXmlText(xml: string): string {
  let out = '';
  const token = /<w:(t|delText)(?:\s[^>]*)?>([^<]*)<\/w:\1>|<w:tab\/>|<w:br\/>|<\/w:p>/g;
  for (const m of xml.matchAll(token)) {
    if (m[2] !== undefined) out += decodeXmlEntities(m[2]);
    else if (m[0] === '<w:tab/>') out += '\t';
    else out += m[0] === '<w:br/>' ? '\n' : '\n\n';
  }
  return out;
}

/** Deleted runs (w:delText) of the body, one paragraph each. */
function deletedText(xml: string): string {
  const runs = [...xml.matchAll(/<w:delText(?:\s[^>]*)?>([^<]*)<\/w:delText>/g)].map((m) => decodeXmlEntities(m[1]!));
  return runs.join('\n\n');
}

function decodeXmlEntities(s: string): string {
  return s.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (all, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name] ?? all;
    const cp = hex ? parseInt(hex, 16) : parseInt(dec!, 10);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
  });
}

import { isUtf8 } from 'node:buffer';
import { CaregateError } from '../errors.js';
import { createRedactor, type Redactor } from '../redactor.js';
import { safeText } from '../safe-output.js';
import { extractDocxText } from './docx-text.js';
import { extractPdfText } from './pdf-text.js';
import { DEFAULT_BLOCK_ENTITIES, parseUploadPolicy, type ResolvedUploadPolicy, type UploadPolicy } from './policy.js';
import { readUploadSource, type UploadSource } from './read-source.js';
import { firstInvalidUtf8, sniffUpload, type SniffResult } from './sniff.js';
import { UnreadableDocument, type UploadFinding, type UploadInspection, type UploadReasonCode } from './types.js';

export interface InspectUploadOptions {
  policy?: UploadPolicy;
  /** The redactor to scan with (its packs, masks, modes); a default one otherwise. */
  redactor?: Redactor;
}

type Outcome = Omit<UploadInspection, 'contentType' | 'kind' | 'bytes'>;

let defaultRedactor: Redactor | undefined;

/**
 * Decides what may happen to an upload. The type is sniffed from the bytes; text is redacted; PDF and DOCX
 * are scanned and blocked if they carry a policy's block entity (card data), since they cannot be rewritten
 * safely; images, archives and other binaries are blocked unless the policy allows them through unscanned.
 * Problems with the upload itself (damaged, encrypted, too large, not UTF-8 under 'error') give a 'blocked'
 * verdict with the reason; only a bad call (bad policy, unreadable path, failing stream) throws CaregateError.
 */
export async function inspectUpload(source: UploadSource, options: InspectUploadOptions = {}): Promise<UploadInspection> {
  const policy = parseUploadPolicy(options.policy);
  const redactor = options.redactor ?? (defaultRedactor ??= createRedactor());
  checkBlockEntities(policy, redactor);
  const name = typeof source === 'string' ? source : 'the upload';

  const read = await readUploadSource(source, policy.maxBytes, name);
  if (!read.complete) {
    const sniffed = await sniffUpload(read.head);
    return {
      contentType: sniffed.contentType,
      kind: sniffed.kind,
      bytes: read.bytesRead,
      ...blocked('too-large', `the upload is larger than the limit of ${policy.maxBytes} bytes (maxBytes); reading stopped there`),
    };
  }
  const bytes = read.bytes;
  const sniffed = await sniffUpload(bytes);
  const outcome = await decide(bytes, sniffed, policy, redactor);
  const output = outcome.verdict === 'blocked' ? undefined : (outcome.redacted ?? bytes);
  return { contentType: sniffed.contentType, kind: sniffed.kind, bytes: bytes.length, ...outcome, ...(output ? { output } : {}) };
}

async function decide(bytes: Buffer, sniffed: SniffResult, policy: ResolvedUploadPolicy, redactor: Redactor): Promise<Outcome> {
  switch (sniffed.kind) {
    case 'empty':
      return { verdict: 'clean', reasonCode: 'no-findings', reason: 'the upload is empty', findings: [], redacted: Buffer.alloc(0) };
    case 'text':
      return redactText(bytes, policy, redactor);
    case 'pdf':
    case 'docx':
      return scanDocument(bytes, sniffed.kind, policy, redactor).catch((err: unknown) => {
        if (err instanceof UnreadableDocument) return blocked(err.code, err.reason);
        throw err;
      });
    case 'image':
      if (policy.allow.includes('images')) return allowed('images');
      return blocked('image', `it is an image (${sniffed.contentType}); caregate cannot read text in images, so images are blocked unless the policy allows 'images' through unscanned`);
    case 'archive':
      if (policy.allow.includes('archives')) return allowed('archives');
      return blocked('archive', `it is an archive (${sniffed.contentType}); the files inside are not scanned, so archives are blocked unless the policy allows 'archives' through unscanned`);
    case 'binary':
      if (policy.allow.includes('binary')) return allowed('binary');
      return blocked(
        'binary',
        `it is binary data (${sniffed.contentType}${sniffed.note ? `: ${sniffed.note}` : ''}) that caregate cannot scan, so it is blocked unless the policy allows 'binary' through unscanned`,
      );
  }
}

function redactText(bytes: Buffer, policy: ResolvedUploadPolicy, redactor: Redactor): Outcome {
  const valid = isUtf8(bytes);
  if (!valid && policy.invalidUtf8 === 'error') {
    const at = firstInvalidUtf8(bytes);
    return blocked('invalid-utf8', `the text is not valid UTF-8 at byte ${at}; convert it to UTF-8, or use the invalidUtf8 'replace' policy to substitute U+FFFD`);
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  const result = redactor.redact(text);
  const findings: UploadFinding[] = result.findings.map(toUploadFinding);
  const notes: string[] = [];
  if (!valid) notes.push('bytes that were not UTF-8 were replaced with U+FFFD');
  if (result.errors.length) notes.push(`${result.errors.length} region(s) where a detector failed were masked`);
  const changed = findings.length > 0 || result.errors.length > 0;
  const reason = changed ? `text: ${describeFindings(findings)} masked` : 'text: nothing to redact';
  return {
    verdict: changed ? 'redacted' : 'clean',
    reasonCode: changed ? 'redacted' : 'no-findings',
    reason: [reason, ...notes].join('; '),
    findings,
    redacted: Buffer.from(result.text, 'utf8'),
  };
}

async function scanDocument(bytes: Buffer, kind: 'pdf' | 'docx', policy: ResolvedUploadPolicy, redactor: Redactor): Promise<Outcome> {
  const label = kind === 'pdf' ? 'PDF' : 'DOCX';
  let findings: UploadFinding[];
  let embedded: number;
  let scannedPages: number[] = [];
  if (kind === 'pdf') {
    const pdf = await extractPdfText(bytes);
    findings = detectAcrossLines(redactor, pdf.text).map((f) => {
      const page = pdf.pages.find((p) => f.start >= p.start && f.start < p.end)?.page;
      if (page !== undefined) return { ...toUploadFinding(f), page };
      if (pdf.metadata && f.start >= pdf.metadata.start) return { ...toUploadFinding(f), part: 'metadata' };
      return toUploadFinding(f);
    });
    embedded = pdf.attachments;
    scannedPages = pdf.scannedPages;
  } else {
    const docx = await extractDocxText(bytes, policy.maxExpandedBytes);
    findings = detectAcrossLines(redactor, docx.text).map((f) => {
      const part = docx.parts.find((p) => f.start >= p.start && f.start < p.end)?.name;
      // Part names are zip entry names, which the uploader chose: through the output gate.
      return part === undefined ? toUploadFinding(f) : { ...toUploadFinding(f), part: safeText(part) };
    });
    embedded = docx.embeddedFiles;
  }

  const blocking = findings.filter((f) => policy.blockEntities.includes(f.entity));
  if (blocking.length) {
    return {
      ...blocked('blocked-entity', `the ${label} carries ${describeFindings(blocking)}; a ${label} cannot be rewritten safely, so it is refused: remove that data and upload it again`),
      findings,
    };
  }
  if (embedded > 0 && !policy.allow.includes('archives')) {
    return {
      ...blocked('embedded-files', `the ${label} carries ${embedded} embedded file(s), which are not scanned; they are blocked like archives unless the policy allows 'archives'`),
      findings,
    };
  }
  if (scannedPages.length && !policy.allow.includes('images')) {
    return {
      ...blocked('image', `page(s) ${scannedPages.join(', ')} of the PDF are images without text (scans?), which caregate cannot read; they are blocked like images unless the policy allows 'images'`),
      findings,
    };
  }
  if (findings.length) {
    return {
      verdict: 'clean',
      reasonCode: 'findings-reported',
      reason: `the ${label} carries no blocked entity; ${describeFindings(findings)} reported but not removed (caregate does not rewrite a ${label}; add the entity to blockEntities to refuse such uploads)`,
      findings,
    };
  }
  return { verdict: 'clean', reasonCode: 'no-findings', reason: `the ${label}'s text carries nothing to redact`, findings };
}

// A line break between two digits (with the group separator before or after it): where a layout wraps a number.
const BROKEN_NUMBER = /(\p{Nd}[ .-]?)[ \t]{0,8}\r?\n[ \t]{0,8}([.-]?)(?=\p{Nd})/gu;

/**
 * The text with each line break between digits replaced by `glue` (nothing after a group separator), and a
 * map back to offsets of the original text: pieces [joined offset, original offset], in order.
 */
function joinBrokenNumbers(text: string, glue: string): { joined: string; pieces: [number, number][] } {
  const pieces: [number, number][] = [[0, 0]];
  let joined = '';
  let from = 0;
  for (const m of text.matchAll(BROKEN_NUMBER)) {
    const head = m[1]!;
    const tail = m[2]!;
    const glued = head.length > 1 ? head : head + (tail || glue);
    joined += text.slice(from, m.index) + glued;
    from = m.index + m[0].length;
    pieces.push([joined.length, from]);
  }
  return { joined: joined + text.slice(from), pieces };
}

function originalOffset(pieces: [number, number][], at: number): number {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid]![0] <= at) lo = mid;
    else hi = mid - 1;
  }
  return pieces[lo]![1] + (at - pieces[lo]![0]);
}

/**
 * Findings of a document's extracted text, including numbers that its layout wrapped over two lines
 * ("4111 1111" / "1111 1111", or "41111111" / "11111111"): the text is scanned as it is, then with the
 * line breaks between digits taken out (joined by a space, then by nothing, as the group separators of the
 * number suggest); findings of those scans that overlap none already found are added, with offsets into
 * the original text.
 */
function detectAcrossLines(redactor: Redactor, text: string): ReturnType<Redactor['detect']> {
  const findings = redactor.detect(text);
  // (search: a test() on the global regex would move its lastIndex, where matchAll starts.)
  if (text.search(BROKEN_NUMBER) < 0) return findings;
  for (const glue of [' ', '']) {
    const { joined, pieces } = joinBrokenNumbers(text, glue);
    for (const f of redactor.detect(joined)) {
      const start = originalOffset(pieces, f.start);
      const end = originalOffset(pieces, f.end - 1) + 1;
      if (!findings.some((g) => start < g.end && g.start < end)) findings.push({ ...f, start, end });
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

function toUploadFinding(f: { ruleId: string; entity: string; start: number; end: number; confidence: number }): UploadFinding {
  // Copied field by field so nothing else a finding may carry (explanations) leaks into the verdict.
  return { ruleId: f.ruleId, entity: f.entity, start: f.start, end: f.end, confidence: f.confidence };
}

/** "2 findings (CREDIT_CARD ×1 on page 1; EMAIL ×1)": entity names and places only, never values. */
export function describeFindings(findings: readonly UploadFinding[]): string {
  const groups = new Map<string, { count: number; pages: Set<number>; parts: Set<string> }>();
  for (const f of findings) {
    const g = groups.get(f.entity) ?? { count: 0, pages: new Set<number>(), parts: new Set<string>() };
    g.count++;
    if (f.page !== undefined) g.pages.add(f.page);
    if (f.part !== undefined) g.parts.add(f.part);
    groups.set(f.entity, g);
  }
  const parts = [...groups].map(([entity, g]) => {
    const pages = g.pages.size ? ` on page${g.pages.size > 1 ? 's' : ''} ${[...g.pages].join(', ')}` : '';
    const inParts = g.parts.size ? ` in ${[...g.parts].join(', ')}` : '';
    return `${entity} ×${g.count}${pages}${inParts}`;
  });
  return `${findings.length} finding${findings.length === 1 ? '' : 's'} (${parts.join('; ')})`;
}

function blocked(reasonCode: UploadReasonCode, reason: string): Outcome {
  return { verdict: 'blocked', reasonCode, reason, findings: [] };
}

function allowed(kind: 'images' | 'archives' | 'binary'): Outcome {
  return { verdict: 'clean', reasonCode: 'allowed-by-policy', reason: `the policy allows ${kind} through; it was not scanned`, findings: [] };
}

/** A misspelt entity would silently never block, so names must be ones the redactor (or the defaults) know. */
function checkBlockEntities(policy: ResolvedUploadPolicy, redactor: Redactor): void {
  const known = new Set([...DEFAULT_BLOCK_ENTITIES, ...redactor.rules.map((r) => r.entity)]);
  const unknown = policy.blockEntities.filter((e) => !known.has(e));
  if (unknown.length) {
    throw new CaregateError(
      'E_CONFIG',
      `invalid upload policy option "blockEntities": unknown entity ${unknown.map((e) => `"${e}"`).join(', ')}; the redactor's entities are: ${[...known].sort().join(', ')}`,
      { path: 'policy.blockEntities' },
    );
  }
}

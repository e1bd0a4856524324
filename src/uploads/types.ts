import { safeText } from '../safe-output.js';
import type { UploadKind } from './sniff.js';

export type UploadVerdict = 'clean' | 'redacted' | 'blocked';

/** Stable, for programs; `reason` says the same for people. */
export type UploadReasonCode =
  | 'no-findings'
  | 'redacted'
  | 'findings-reported'
  | 'allowed-by-policy'
  | 'blocked-entity'
  | 'image'
  | 'archive'
  | 'binary'
  | 'embedded-files'
  | 'encrypted'
  | 'malformed'
  | 'too-large'
  | 'expands-too-much'
  | 'invalid-utf8';

/** A finding in an upload: where, which rule, how sure. Never the raw value. */
export interface UploadFinding {
  ruleId: string;
  entity: string;
  /** UTF-16 offsets into the decoded text (text uploads) or into the extracted text (PDF, DOCX). */
  start: number;
  end: number;
  confidence: number;
  /** PDF: the 1-based page the finding is on. */
  page?: number;
  /** DOCX: the part it is in (word/document.xml for the body, word/footer1.xml, word/comments.xml...). PDF: "metadata" for the Title, Author, Keywords… */
  part?: string;
}

export interface UploadInspection {
  verdict: UploadVerdict;
  /** Sniffed from the bytes, never taken from a file name or a client's header. */
  contentType: string;
  kind: UploadKind;
  /** What happened and why, for people; holds no scanned values. */
  reason: string;
  reasonCode: UploadReasonCode;
  findings: UploadFinding[];
  /** Bytes read (for an oversized upload: how far reading got before it stopped). */
  bytes: number;
  /** Text uploads that were not blocked: the redacted text as UTF-8 (the text as decoded, BOM dropped and invalid bytes replaced, if nothing was found). */
  redacted?: Buffer;
  /**
   * What may be passed on when the verdict is not 'blocked': `redacted` for text, the upload's own bytes for a
   * clean document or an allowed kind (a stream source is consumed, so this is the only copy).
   */
  output?: Buffer;
}

/** A PDF or DOCX that could not be read: becomes a 'blocked' verdict, never a raw library error. */
export class UnreadableDocument extends Error {
  readonly reason: string;

  constructor(
    readonly code: Extract<UploadReasonCode, 'encrypted' | 'malformed' | 'expands-too-much'>,
    reason: string,
    options?: { cause?: unknown },
  ) {
    // The reason reaches the verdict and may name a zip entry the uploader chose: through the output gate.
    const safe = safeText(reason);
    super(safe, options);
    this.reason = safe;
    this.name = 'UnreadableDocument';
  }
}

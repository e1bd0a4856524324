import type { ScanSession } from '../detect/session.js';
import type { Finding, ScanError } from '../detect/types.js';
import type { Redactor } from '../redactor.js';
import { FormatStream, type FormatOptions } from './base.js';

/**
 * Plain text: the whole input is one redaction session, exactly redactor.redact() of the whole text for any
 * chunking. Findings carry offsets (UTF-16 code units) from the start of the stream, after any BOM.
 */
export class TextFormatStream extends FormatStream {
  readonly format = 'text' as const;
  private readonly session: ScanSession;

  constructor(redactor: Redactor, options: FormatOptions = {}) {
    super(redactor, options);
    this.session = redactor.session({ explain: options.explain ?? false });
  }

  protected takeText(text: string): string {
    return this.forward(this.session.push(text));
  }

  protected finishText(): string {
    return this.forward(this.session.finish());
  }

  private forward(out: { text: string; findings: Finding[]; errors: ScanError[] }): string {
    for (const f of out.findings) this.found(f);
    for (const e of out.errors) this.scanError(e);
    return out.text;
  }
}

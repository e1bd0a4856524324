import type { MaskState } from '../mask/types.js';
import type { Redactor } from '../redactor.js';
import { normalizeKey } from '../value.js';

const CACHE_LIMIT = 4096;

/**
 * Which entity a key (a JSON key, a CSV header) hints at, by the redactor's own key hints (the defaults plus
 * config.keyHints, or only those with replaceKeyHints): the same lookup redactValue makes.
 */
export class KeyHints {
  constructor(private readonly redactor: Redactor) {}

  entityOf(key: string): string | undefined {
    return this.redactor.keyHint(key);
  }
}

export interface Hint {
  entity: string;
  key: string;
}

export interface ScanOutput {
  text: string;
  findings: { ruleId: string; entity: string; start: number; end: number; confidence: number }[];
}

/**
 * Redacts one string of a structured record the way redactValue() does: a value under a hinting key is masked
 * whole (a key-hint finding over all of it), any other string is scanned as text. Strings with no finding are
 * remembered (bounded), since keys and column values repeat a lot.
 */
export class StringRedactor {
  private readonly clean = new Set<string>();

  constructor(private readonly redactor: Redactor) {}

  scan(s: string, state: MaskState, onError: (e: { ruleId: string; start: number; end: number; message: string }) => void): ScanOutput {
    if (s.length === 0 || (s.length <= 64 && this.clean.has(s))) return { text: s, findings: [] };
    const session = this.redactor.session({ maskState: state });
    const a = session.push(s);
    const b = session.finish();
    for (const e of a.errors) onError(e);
    for (const e of b.errors) onError(e);
    const findings = b.findings.length ? [...a.findings, ...b.findings] : a.findings;
    if (findings.length === 0 && a.errors.length === 0 && b.errors.length === 0 && s.length <= 64) {
      if (this.clean.size >= CACHE_LIMIT) this.clear();
      this.clean.add(s);
    }
    return { text: a.text + b.text, findings };
  }

  /** Masked whole; a value that already is its entity's mask stays as it is, with no finding (idempotent). */
  masked(s: string, hint: Hint, state: MaskState): ScanOutput {
    const text = this.redactor.maskEntity(hint.entity, s, state);
    if (text === s) return { text, findings: [] };
    return { text, findings: [{ ruleId: `key-hint:${normalizeKey(hint.key)}`, entity: hint.entity, start: 0, end: s.length, confidence: 1 }] };
  }

  private clear(): void {
    this.clean.clear();
  }
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestLogOptions, TextRedactor } from '../../src/privacy/index.js';

/** 32-byte test keys (hex). */
export const PSEUDONYM_KEY = '6b'.repeat(32);
export const CHECKPOINT_SECRET = Buffer.from('c4'.repeat(32), 'hex');

/**
 * A stand-in redactor for tests that check the register's wiring, not detection: it masks digit runs of
 * 12–19 (with spaces or dashes) and reports them as card numbers, and counts calls.
 */
export function fakeRedactor(): TextRedactor & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    redact(text: string) {
      calls.push(text);
      const findings: Array<{ entity: string }> = [];
      const masked = text.replace(/\d(?:[ -]?\d){11,18}/g, () => {
        findings.push({ entity: 'card_number' });
        return '[REDACTED:card]';
      });
      return { text: masked, findings };
    },
  };
}

/** A clock the test moves by hand. */
export function manualClock(start: string): { now: () => Date; set(iso: string): void; advanceDays(days: number): void } {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    set(iso) {
      t = Date.parse(iso);
    },
    advanceDays(days) {
      t += days * 86_400_000;
    },
  };
}

export function tempDir(prefix = 'caregate-dsar-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Options every test register shares; tests add the store. */
export function baseOptions(clock: () => Date, extra: Partial<RequestLogOptions> = {}): RequestLogOptions {
  return {
    pseudonymKey: PSEUDONYM_KEY,
    timeZone: 'Europe/Berlin',
    calendars: { GDPR: 'de-nationwide' },
    redactor: fakeRedactor(),
    clock,
    actor: 'agent-7',
    ...extra,
  };
}

export const CONTACT = { via: 'email' as const, email: 'jane.doe@example.com', name: 'Jane Doe' };
export const SUBJECT = { identifier: 'jane.doe@example.com', contact: CONTACT };
export const VERIFIED = { allowed: true, level: 'reasonable', factorCategories: ['knowledge' as const, 'possession' as const], dataPointTypes: ['email', 'last_order_id'] };
export const FAILED = { allowed: false, level: 'none', factorCategories: ['knowledge' as const] };

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PrivacyError, openRequestLog } from '../../src/privacy/index.js';
import { PSEUDONYM_KEY, SUBJECT, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('with caregate\'s own redactor (createRedactor, loaded lazily)', () => {
  it('no card number, CVV or IBAN from free text lands in the register', async () => {
    const ledger = join(tmp.dir, 'real.jsonl');
    const log = await openRequestLog({ ledger, pseudonymKey: PSEUDONYM_KEY, timeZone: 'Europe/Berlin' });
    const r = await log.open({
      type: 'delete',
      jurisdiction: 'GDPR',
      channel: 'chat',
      subject: SUBJECT,
      description: 'Please delete everything. My card is 4111 1111 1111 1111, cvv is 123, IBAN DE89370400440532013000',
    });
    await log.transition(r.id, 'acknowledged', { reason: 'customer repeated card 5555555555554444 on the call' });
    await log.addNote(r.id, 'refund to card 4000 0566 5566 5556 pending');
    await log.close();
    const text = readFileSync(ledger, 'utf8');
    for (const secret of ['4111 1111 1111 1111', '5555555555554444', '4000 0566 5566 5556', 'DE89370400440532013000', 'cvv is 123']) expect(text).not.toContain(secret);
    expect(text).toContain('1111'); // the last four may stay (PCI DSS 3.4.1)
  });

  it('refuses a postal address holding a card number instead of storing it', async () => {
    const log = await openRequestLog({ ledger: join(tmp.dir, 'addr.jsonl'), pseudonymKey: PSEUDONYM_KEY, timeZone: 'Europe/Berlin' });
    const err = await log
      .open({ type: 'access', jurisdiction: 'GDPR', channel: 'postal_mail', subject: { identifier: 'p1', contact: { via: 'postal_mail', postalAddress: '1 Main Street, 4111 1111 1111 1111' } } })
      .catch((e: unknown) => e);
    expect((err as PrivacyError).code).toBe('DSAR_INPUT');
    const ok = await log.open({ type: 'access', jurisdiction: 'GDPR', channel: 'postal_mail', subject: { identifier: 'p2', contact: { via: 'postal_mail', postalAddress: '1 Main Street, Springfield' } } });
    expect(ok.contact.postalAddress).toBe('1 Main Street, Springfield');
    await log.close();
  });
});

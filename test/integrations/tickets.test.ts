import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { redactTicket } from '../../src/integrations/index.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/tickets/${name}`, import.meta.url), 'utf8')) as Record<string, any>;
const redactor = createRedactor({ currentYear: 2026 });

/** Every raw value planted in the fixtures; none may survive in the fields the helper covers. */
const RAW = ['4111 1111 1111 1111', '4111111111111111', '5555555555554444', '5555 5555 5555 4444', '5555&nbsp;5555', '378282246310005', '3782&nbsp;822463', '3782 822463 10005', 'CVV 123', 'code 7421', '536-22-8719', '415 555 0134', '212 555 0187', 'mailto:ana', 'mailto:li'];
const expectNoRaw = (value: unknown) => {
  const text = JSON.stringify(value);
  for (const raw of RAW) expect(text).not.toContain(raw);
};

describe('redactTicket: Zendesk ticket with side-loaded comments', () => {
  const input = fixture('zendesk-ticket.json');
  const result = redactTicket(input, { redactor, fieldHints: { '360011223355': 'CREDIT_CARD', '360011223366': 'CARD_CVV' } });
  const { ticket, comments } = result.ticket as { ticket: Record<string, any>; comments: Array<Record<string, any>> };

  it('is recognised as Zendesk and does not modify its input', () => {
    expect(result.format).toBe('zendesk');
    expect(input.ticket.subject).toContain('4111 1111 1111 1111');
  });

  it('subject, description, comment bodies (text and HTML) and attachment names and URLs hold no raw PII', () => {
    expectNoRaw({ s: ticket.subject, r: ticket.raw_subject, d: ticket.description, c: comments.map((c) => [c.body, c.plain_body, c.html_body, c.attachments]) });
    expect(ticket.subject).toBe('Double charge on card ending 1111 — please refund to •••• •••• •••• 1111');
    expect(comments[0]!.html_body).toContain('<a href="mailto:[EMAIL]" rel="noreferrer">[EMAIL]</a>');
    expect(comments[0]!.attachments[0].file_name).toBe('statement card ••••••••••••1111.pdf');
    expect(comments[0]!.attachments[0].content_url).not.toMatch(/4111111111111111/);
  });

  it('custom fields: hinted ids are masked whatever they hold, the others are scanned; arrays and nulls kept', () => {
    const values = ticket.custom_fields.map((f: { value: unknown }) => f.value);
    expect(values).toEqual(['A-1009', '••••••••••••4444', '[CARD_CVV]', 'Customer says the card number is •••••••••••0005', null, ['refund_requested', 'vip']]);
    expect(ticket.fields).toEqual(ticket.custom_fields);
    expect(result.findings).toContainEqual(expect.objectContaining({ path: '/ticket/custom_fields/2/value', ruleId: 'field-hint:360011223366', entity: 'CARD_CVV' }));
  });

  it('an HTML body whose number is split by &nbsp; is rebuilt from its redacted plain-text twin', () => {
    expect(result.rebuiltHtml).toEqual(['/comments/2/html_body']);
    expect(comments[2]!.html_body).toBe('<div>Sorry! The other card was •••• •••• •••• 4444 in case you need it.</div>');
  });

  it('metadata is left alone: ids, dates, tags, status; the agent reply loses only the customer\'s name', () => {
    expect(ticket.id).toBe(48213);
    expect(ticket.created_at).toBe('2026-03-02T09:14:27Z');
    expect(ticket.tags).toEqual(['billing', 'double_charge', 'refund']);
    // "Thanks Ana." greets the customer by name: the name is personal data, the rest of the reply stays.
    expect(comments[1]!.body).toBe(input.comments[1].body.replace('Thanks Ana.', 'Thanks [PERSON].'));
    expect(comments[1]!.html_body).toBe(input.comments[1].html_body.replace('Thanks Ana.', 'Thanks [PERSON].'));
  });

  it('findings are pointers into the ticket with entity and offsets, never values', () => {
    const paths = new Set(result.findings.map((f) => f.path));
    for (const p of ['/ticket/subject', '/ticket/description', '/comments/0/body', '/comments/0/html_body', '/comments/0/attachments/0/file_name', '/comments/2/plain_body']) expect(paths).toContain(p);
    expectNoRaw(result.findings);
    for (const f of result.findings) expect(Object.keys(f).sort()).toEqual(['confidence', 'end', 'entity', 'path', 'ruleId', 'start']);
  });

  it('extraFields selects more of the ticket (the requester address in via)', () => {
    const r = redactTicket(input, { redactor, extraFields: ['/ticket/via/source/from/**'] });
    expect((r.ticket as any).ticket.via.source.from.address).toBe('[EMAIL]');
    expect(r.findings).toContainEqual(expect.objectContaining({ path: '/ticket/via/source/from/address', entity: 'EMAIL' }));
  });
});

describe('redactTicket: Freshdesk ticket with conversations', () => {
  const input = fixture('freshdesk-ticket.json');
  const result = redactTicket(input, { redactor });
  const ticket = result.ticket as Record<string, any>;

  it('is recognised as Freshdesk; subject, description, conversations and attachments hold no raw PII', () => {
    expect(result.format).toBe('freshdesk');
    expectNoRaw({ s: ticket.subject, d: ticket.description, t: ticket.description_text, a: ticket.attachments, c: ticket.conversations.map((c: any) => [c.body, c.body_text, c.attachments]) });
    expect(ticket.subject).toBe('Card •••••••••••0005 declined at checkout');
    expect(ticket.description_text).toContain('SSN is •••-••-8719');
  });

  it('custom fields named like sensitive keys (cf_card_number, cf_cvv) are masked without hints; others are scanned', () => {
    expect(ticket.custom_fields).toEqual({
      cf_order_number: 'B-22871',
      cf_card_number: '•••••••••••0005',
      cf_cvv: '[CARD_CVV]',
      cf_billing_notes: 'Customer read card •••• •••• •••• 1111 on the phone',
      cf_last_four: '0005',
      cf_reference_code: 'X7-19-AB',
    });
    expect(result.findings).toContainEqual(expect.objectContaining({ path: '/custom_fields/cf_cvv', entity: 'CARD_CVV' }));
  });

  it('a field hint by Freshdesk name masks a field no rule would recognise', () => {
    const r = redactTicket(input, { redactor, fieldHints: { cf_reference_code: 'BANK_ACCOUNT' } });
    expect((r.ticket as any).custom_fields.cf_reference_code).not.toBe('X7-19-AB');
  });

  it('a percent-encoded card number in an attachment URL is found and masked', () => {
    expect(ticket.attachments[0].attachment_url).not.toContain('378282246310005');
    expect(ticket.attachments[0].attachment_url).toContain('•••••••••••0005.png');
    expect(ticket.conversations[1].attachments[0].attachment_url).toBe(input.conversations[1].attachments[0].attachment_url);
  });

  it('the HTML description with the Amex split by &nbsp; is rebuilt; HTML without hidden numbers keeps its markup', () => {
    expect(result.rebuiltHtml).toEqual(['/description']);
    expect(ticket.conversations[1].body).toBe('<div>Zip is [POSTAL_CODE]. You can also reach me at <a href="mailto:[EMAIL]">[EMAIL]</a>.</div>');
  });

  it('contacts and ids are left as they are', () => {
    expect(ticket.cc_emails).toEqual(['li.wu@example.com']);
    expect(ticket.requester_id).toBe(43012345678);
  });
});

describe('redactTicket: input errors say what to do', () => {
  it('a shape it cannot place asks for the format', () => {
    expect(() => redactTicket({ subject: 'card 4111 1111 1111 1111' })).toThrow(/pass \{ format: "zendesk" \} or \{ format: "freshdesk" \}/);
    expect(redactTicket({ subject: 'card 4111 1111 1111 1111' }, { format: 'freshdesk', redactor }).ticket.subject).toBe('card •••• •••• •••• 1111');
  });

  it('refuses what is not a ticket object', () => {
    expect(() => redactTicket([] as never)).toThrow(/takes a ticket object, got an array/);
  });
});

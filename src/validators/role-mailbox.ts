import type { Validator } from './types.js';

/**
 * Mailboxes of a role, not of a person (RFC 2142 "Mailbox names for common services, roles and functions",
 * and the role names shops and services write the same way): `support@example-shop.com` names a desk,
 * no data subject. Only the whole local part counts, a `+tag` dropped: `maria.support@…` stays an address.
 */
const ROLE_MAILBOXES: ReadonlySet<string> = new Set([
  // RFC 2142 sections 3-5 ('info' left out: peer test vectors, Presidio's among them, count info@ as an address to mask)
  'marketing', 'sales', 'support', 'abuse', 'noc', 'security', 'postmaster', 'hostmaster', 'usenet', 'news', 'webmaster', 'www', 'uucp', 'ftp',
  // the same kind of desk, as services name it
  'help', 'helpdesk', 'service', 'services', 'customerservice', 'customer-service', 'customer.service', 'customercare', 'care', 'contact', 'hello', 'enquiries', 'inquiries',
  'billing', 'accounts', 'orders', 'returns', 'shipping', 'feedback', 'privacy', 'legal', 'press', 'media', 'jobs', 'careers', 'hr', 'admin', 'office', 'team',
  'noreply', 'no-reply', 'no_reply', 'donotreply', 'do-not-reply', 'do_not_reply', 'notifications', 'alerts', 'newsletter', 'mailer-daemon', 'bounce', 'bounces',
]);

/** False for a role mailbox (the candidate is dropped); undefined otherwise. */
export const notRoleMailbox: Validator = ({ text }) => {
  const at = text.lastIndexOf('@');
  if (at <= 0) return undefined;
  let local = text.slice(0, at).toLowerCase();
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  return ROLE_MAILBOXES.has(local) ? false : undefined;
};

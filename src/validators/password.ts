import validator from 'validator';
import { isEmailFast } from './email-fast.js';
import type { Validator } from './types.js';

/** A host name's last label: a two- or three-letter domain, or a well-known longer one. */
const TLD = /\.(?:[a-z]{2,3}|info|online|shop|store|site)$/i;

/**
 * What a customer typed is a password when it holds a letter or a symbol and is no address of another
 * kind: not an e-mail address, web address, host name or IP address ("I typed john@example.com", "I
 * entered www.shop.com"), and not digits alone (order, card and tracking numbers have rules of their own).
 */
export const passwordShaped: Validator = ({ text }) => {
  if (/^[\d\s.-]*$/.test(text)) return false;
  if (isEmailFast(text) || validator.isIP(text) || /^(?:https?:|www\.)/i.test(text)) return false;
  return !(TLD.test(text) && validator.isFQDN(text, { require_tld: true }));
};

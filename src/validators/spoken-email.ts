import type { Validator } from './types.js';

/**
 * Closed-class words (pronouns, articles, prepositions, auxiliaries, contraction tails): no mailbox or
 * domain is read out as one of them, while they stand around "at" in much talk ("find us at the dot com
 * site", "I'm at the dot com page").
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'i', 'me', 'my', 'you', 'your', 'we', 'us', 'our', 'he', 'him', 'his', 'she', 'her', 'it', 'its', 'they', 'them', 'their',
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'some', 'any', 'no', 'all',
  'to', 'at', 'in', 'on', 'of', 'for', 'with', 'from', 'by', 'up', 'out', 'off', 'into', 'onto', 'over', 'about', 'back', 'here', 'there',
  'is', 'are', 'was', 'were', 'be', 'been', 'am', 'and', 'or', 'but', 'so', 'then', 'look', 'go', 'find', 'get',
  'm', 's', 're', 'll', 've', 'd', 't',
]);

/**
 * A spoken e-mail ("john dot smith at gmail dot com") names a mailbox before "at" and a domain after it:
 * a lone function word on either side ("us at the dot com") is talk around a web address, not an e-mail.
 */
export const spokenEmailParts: Validator = ({ text }) => {
  const m = /^(.*)\sat\s(\S+)/is.exec(text);
  if (!m) return undefined;
  const local = m[1]!.trim().toLowerCase().split(/\s+/);
  if (local.length === 1 && FUNCTION_WORDS.has(local[0]!)) return false;
  return FUNCTION_WORDS.has(m[2]!.toLowerCase()) ? false : undefined;
};

// Data that must never be used to verify identity, recognised by the name a policy or a caller gives it.
// Reasons: PCI DSS 3.3.1 (sensitive authentication data), CCPA 11 CCR 7060(c)(2) and 7024(d),
// NIST SP 800-63B 5.1.1.2 (no knowledge-based prompts), EDPB 01/2022 paras 77-78 (ID copies).

import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_KEY_HINTS } from '../config.js';

export type ForbiddenKind =
  | 'full_card_number'
  | 'card_security_code'
  | 'pin'
  | 'track_data'
  | 'full_ssn'
  | 'government_id'
  | 'password'
  | 'security_question'
  | 'biometric';

export interface ForbiddenMatch {
  kind: ForbiddenKind;
  why: string;
}

const WHY: Record<ForbiddenKind, string> = {
  full_card_number:
    'a full card number brings the verification system into PCI DSS scope; use the last four digits of the card instead',
  card_security_code:
    'a CVV/CVC/CID is sensitive authentication data that may not be captured outside a payment authorization (PCI DSS 3.3.1)',
  pin: 'a PIN is sensitive authentication data (PCI DSS 3.3.1)',
  track_data: 'card track data is sensitive authentication data (PCI DSS 3.3.1)',
  full_ssn:
    'a full Social Security number must not be collected for verification (CCPA 11 CCR 7060(c)(2); NIST SP 800-63A-4 draft: SSN knowledge is not evidence); the last four are possible only when the policy sets allowSsnLast4',
  government_id:
    'a government ID number or ID document must not be collected for verification (CCPA 11 CCR 7060(c)(2), 7024(d); EDPB 01/2022 paras 77-78)',
  password: 'an account password must never be disclosed to an agent or used as a data point (CCPA 11 CCR 7024(d))',
  security_question:
    'security questions and their answers must not be used (NIST SP 800-63B 5.1.1.2; CCPA 11 CCR 7024(d))',
  biometric: 'biometric data must not be collected for verification (CCPA 11 CCR 7060(c)(2), 7024(d))',
};

const KINDS = Object.keys(WHY) as [ForbiddenKind, ...ForbiddenKind[]];
const kind = z.enum(KINDS);
const tableSchema = z.strictObject({
  $comment: z.string().optional(),
  /** Entity of the redactor (key hints, findings in a value) → forbidden kind. */
  entities: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), kind),
  /** Whole normalized names. */
  names: z.record(z.string().regex(/^[a-z0-9_]+$/), kind),
  /** Word sequences anywhere in a normalized name. */
  phrases: z.record(z.string().regex(/^[a-z0-9_]+$/), kind),
  /** Single words anywhere in a normalized name. */
  words: z.record(z.string().regex(/^[a-z0-9]+$/), kind),
});
type Table = z.output<typeof tableSchema>;

/** The synonym table, rules/verification-forbidden-names.json (src/verify and dist/verify sit two levels down). */
export const FORBIDDEN_NAMES_URL = new URL('../../rules/verification-forbidden-names.json', import.meta.url);

let table: { data: Table; entities: Map<string, ForbiddenKind>; hints: Map<string, ForbiddenKind> } | undefined;

function loadTable() {
  if (table) return table;
  const data = tableSchema.parse(JSON.parse(readFileSync(FORBIDDEN_NAMES_URL, 'utf8')));
  const entities = new Map(Object.entries(data.entities));
  // The redactor's key hints (cardnum, ccnumber, creditcard, securitycode …) by the kind of their entity.
  const hints = new Map<string, ForbiddenKind>();
  for (const [hint, entity] of Object.entries(DEFAULT_KEY_HINTS)) {
    const k = entities.get(entity);
    if (k) hints.set(hint, k);
  }
  table = { data, entities, hints };
  return table;
}

/** The forbidden kind of an engine entity (CREDIT_CARD, CARD_CVV, US_SSN …), if it is one. */
export function forbiddenEntity(entity: string): ForbiddenMatch | undefined {
  const k = loadTable().entities.get(entity);
  return k ? { kind: k, why: WHY[k] } : undefined;
}

// Invisible format characters (zero-width space, soft hyphen, bidi marks) would split or hide a word.
const FORMAT = /[\p{Cf}\u034F]/gu;

/** snake_case words of a name: "cardNumber", "Card-Number", "ＣＡＲＤ_NUMBER" → "card_number"; "CCNumber" → "cc_number". */
export function nameWords(name: string): string {
  return name
    .normalize('NFKC')
    .replace(FORMAT, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function isLastFour(words: string): boolean {
  return /(^|_)(last_?4|last_?four|l4)(_|$)/.test(words);
}

/** True when the name is the last four digits of a Social Security number (off unless a policy enables it). */
export function isSsnLastFour(name: string): boolean {
  const words = nameWords(name);
  return isLastFour(words) && /(^|_)(ssn|social_security(_number)?)(_|$)/.test(words);
}

/** Key hints at least this long are also found inside a longer run of letters ("mycreditcard"). */
const MIN_INNER_HINT = 8;

/**
 * Says whether a data point name is forbidden, and why: by its normalized whole name, by the word
 * sequences and words in it, and by the redactor's key hints for any run of its words. The last four
 * digits of a card or of an SSN are not forbidden here (an SSN's last four need allowSsnLast4 in the
 * policy: see isSsnLastFour).
 */
export function forbiddenDataPoint(name: string): ForbiddenMatch | undefined {
  const { data, hints } = loadTable();
  const words = nameWords(name);
  const padded = `_${words}_`;
  const lastFour = isLastFour(words);
  const truncated = (k: ForbiddenKind) => lastFour && (k === 'full_card_number' || k === 'full_ssn');
  const candidates: ForbiddenKind[] = [];
  if (Object.hasOwn(data.names, words)) candidates.push(data.names[words] as ForbiddenKind);
  for (const [phrase, k] of Object.entries(data.phrases)) if (padded.includes(`_${phrase}_`)) candidates.push(k);
  const list = words.split('_').filter((w) => w !== '');
  for (const w of list) if (Object.hasOwn(data.words, w)) candidates.push(data.words[w] as ForbiddenKind);
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j <= list.length; j++) {
      const k = hints.get(list.slice(i, j).join(''));
      if (k) candidates.push(k);
    }
  }
  const compact = list.join('');
  for (const [hint, k] of hints) if (hint.length >= MIN_INNER_HINT && compact.includes(hint)) candidates.push(k);
  // "card_number_last4" and "ssn_last4" are truncations, not the full number.
  const hit = candidates.find((k) => !truncated(k));
  return hit ? { kind: hit, why: WHY[hit] } : undefined;
}

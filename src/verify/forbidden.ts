// Data that must never be used to verify identity, recognised by the name a policy or a caller gives it.
// Reasons: PCI DSS 3.3.1 (sensitive authentication data), CCPA 11 CCR 7060(c)(2) and 7024(d),
// NIST SP 800-63B 5.1.1.2 (no knowledge-based prompts), EDPB 01/2022 paras 77-78 (ID copies).

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

// Single words that mark a forbidden data point wherever they occur in its name.
const WORDS: ReadonlyArray<[string, ForbiddenKind]> = [
  ['pan', 'full_card_number'],
  ['cvv', 'card_security_code'],
  ['cvv2', 'card_security_code'],
  ['cvc', 'card_security_code'],
  ['cvc2', 'card_security_code'],
  ['cid', 'card_security_code'],
  ['csc', 'card_security_code'],
  ['pin', 'pin'],
  ['pinblock', 'pin'],
  ['magstripe', 'track_data'],
  ['ssn', 'full_ssn'],
  ['itin', 'full_ssn'],
  ['passport', 'government_id'],
  ['password', 'password'],
  ['passwd', 'password'],
  ['passcode', 'password'],
  ['passphrase', 'password'],
  ['biometric', 'biometric'],
  ['biometrics', 'biometric'],
  ['fingerprint', 'biometric'],
  ['voiceprint', 'biometric'],
  ['faceprint', 'biometric'],
  ['selfie', 'biometric'],
  ['iris', 'biometric'],
  ['retina', 'biometric'],
];

// Word sequences that mark a forbidden data point.
const PHRASES: ReadonlyArray<[string, ForbiddenKind]> = [
  ['card_number', 'full_card_number'],
  ['card_no', 'full_card_number'],
  ['cardnumber', 'full_card_number'],
  ['primary_account_number', 'full_card_number'],
  ['security_code', 'card_security_code'],
  ['card_verification', 'card_security_code'],
  ['track_data', 'track_data'],
  ['track_1', 'track_data'],
  ['track_2', 'track_data'],
  ['social_security', 'full_ssn'],
  ['tax_id', 'full_ssn'],
  ['government_id', 'government_id'],
  ['gov_id', 'government_id'],
  ['national_id', 'government_id'],
  ['state_id', 'government_id'],
  ['id_document', 'government_id'],
  ['id_card', 'government_id'],
  ['drivers_license', 'government_id'],
  ['driver_license', 'government_id'],
  ['driving_licence', 'government_id'],
  ['drivers_licence', 'government_id'],
  ['security_question', 'security_question'],
  ['security_answer', 'security_question'],
  ['secret_question', 'security_question'],
  ['secret_answer', 'security_question'],
  ['challenge_question', 'security_question'],
  ['maiden_name', 'security_question'],
  ['first_pet', 'security_question'],
  ['face_scan', 'biometric'],
  ['face_id', 'biometric'],
  ['voice_print', 'biometric'],
  ['finger_print', 'biometric'],
];

/** snake_case words of a name: "cardNumber" and "Card-Number" both give "card_number". */
export function nameWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
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

/**
 * Says whether a data point name is forbidden, and why. The last four digits of a card or of an SSN are
 * not forbidden here (an SSN's last four need allowSsnLast4 in the policy: see isSsnLastFour).
 */
export function forbiddenDataPoint(name: string): ForbiddenMatch | undefined {
  const words = nameWords(name);
  const padded = `_${words}_`;
  const found = (kind: ForbiddenKind): ForbiddenMatch => ({ kind, why: WHY[kind] });
  const lastFour = isLastFour(words);
  for (const [phrase, kind] of PHRASES) {
    if (!padded.includes(`_${phrase}_`)) continue;
    // "card_number_last4" and "ssn_last4" are truncations, not the full number.
    if (lastFour && (kind === 'full_card_number' || kind === 'full_ssn')) continue;
    return found(kind);
  }
  for (const word of words.split('_')) {
    for (const [w, kind] of WORDS) {
      if (word !== w) continue;
      if (lastFour && (kind === 'full_card_number' || kind === 'full_ssn')) continue;
      return found(kind);
    }
  }
  return undefined;
}

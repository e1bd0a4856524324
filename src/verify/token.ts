// Verification tokens: an HMAC-signed, expiring statement that a subject was verified for a set of actions
// on one channel. The subject appears only as its pseudonym.
import { randomBytes } from 'node:crypto';
import { digestsEqual } from './digest.js';
import type { VerificationKeys } from './digest.js';

export interface TokenClaims {
  /** Subject pseudonym. */
  sub: string;
  /** Actions the token allows. */
  act: string[];
  /** Channel the verification happened on (phone, chat, email …). */
  ch: string;
  /** Level reached. */
  lvl: string;
  /** Issued and expiry times, ms since the epoch. */
  iat: number;
  exp: number;
  /** Random token ID. */
  jti: string;
}

export type TokenCheck =
  | { valid: true; claims: TokenClaims }
  | {
      valid: false;
      reason: 'malformed' | 'bad_signature' | 'expired' | 'issued_in_future' | 'already_used' | 'wrong_subject' | 'wrong_action' | 'wrong_channel';
    };

const PREFIX = 'cgv1';
/** Clock difference tolerated between the process that issued a token and the one checking it. */
export const DEFAULT_MAX_SKEW_MS = 30_000;

function sign(keys: VerificationKeys, body: string): string {
  return keys.hmac('token', PREFIX, body).toString('base64url');
}

export function issueToken(
  keys: VerificationKeys,
  claims: { sub: string; act: string[]; ch: string; lvl: string; iat: number; ttlMs: number },
): { token: string; expiresAt: number; id: string } {
  const full: TokenClaims = {
    sub: claims.sub,
    act: [...new Set(claims.act)].sort(),
    ch: claims.ch,
    lvl: claims.lvl,
    iat: claims.iat,
    exp: claims.iat + claims.ttlMs,
    jti: randomBytes(12).toString('base64url'),
  };
  const body = `${PREFIX}.${Buffer.from(JSON.stringify(full)).toString('base64url')}`;
  return { token: `${body}.${sign(keys, body)}`, expiresAt: full.exp, id: full.jti };
}

function isClaims(v: unknown): v is TokenClaims {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return (
    typeof c['sub'] === 'string' &&
    Array.isArray(c['act']) &&
    c['act'].every((a) => typeof a === 'string') &&
    typeof c['ch'] === 'string' &&
    typeof c['lvl'] === 'string' &&
    typeof c['iat'] === 'number' &&
    typeof c['exp'] === 'number' &&
    typeof c['jti'] === 'string'
  );
}

/**
 * Checks signature, issue time, expiry and scope. `subject` is the pseudonym of the subject the action is
 * for; a token issued more than `maxSkewMs` after `now` is refused (clocks differ a little, not by hours).
 * Single use is checked by the verifier, which records used token IDs in its store.
 */
export function checkToken(
  keys: VerificationKeys,
  token: string,
  expect: { subject: string; action: string; channel: string; now: number; maxSkewMs?: number },
): TokenCheck {
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 3 || parts[0] !== PREFIX) return { valid: false, reason: 'malformed' };
  const body = `${parts[0]}.${parts[1]}`;
  const given = Buffer.from(parts[2] ?? '', 'base64url');
  const expected = Buffer.from(sign(keys, body), 'base64url');
  if (!digestsEqual(given, expected)) return { valid: false, reason: 'bad_signature' };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    return { valid: false, reason: 'malformed' };
  }
  if (!isClaims(claims)) return { valid: false, reason: 'malformed' };
  if (claims.exp <= claims.iat) return { valid: false, reason: 'malformed' };
  if (claims.iat > expect.now + (expect.maxSkewMs ?? DEFAULT_MAX_SKEW_MS)) return { valid: false, reason: 'issued_in_future' };
  if (expect.now >= claims.exp) return { valid: false, reason: 'expired' };
  if (!digestsEqual(Buffer.from(claims.sub, 'hex'), Buffer.from(expect.subject, 'hex'))) {
    return { valid: false, reason: 'wrong_subject' };
  }
  if (!claims.act.includes(expect.action)) return { valid: false, reason: 'wrong_action' };
  if (claims.ch !== expect.channel) return { valid: false, reason: 'wrong_channel' };
  return { valid: true, claims };
}

import { randomBytes } from 'node:crypto';
import type { KeyringInput } from '../../src/vault/index.js';

/** Fresh random keys for a test vault (never fixed bytes: nothing here may be a real key). */
export function testKeys(versions = [1], current = versions[versions.length - 1]!): KeyringInput & { keks: Record<string, string> } {
  const keks: Record<string, string> = {};
  for (const v of versions) keks[String(v)] = randomBytes(32).toString('base64');
  return { keks, current, indexKey: randomBytes(32).toString('base64') };
}

export const REVEAL_ALL = { purposes: { refund: { entities: ['*'] }, support: { entities: ['CREDIT_CARD'], reveal: 'last4' as const } }, rateLimit: { max: 1000, windowSeconds: 60 } };

/** The token ids in a redacted text: `[ENTITY:tok_…]` labels. */
export function labelTokens(text: string): { entity: string; token: string }[] {
  return [...text.matchAll(/\[([A-Z][A-Z0-9_]*):(tok_[A-Za-z0-9_-]{22})\]/g)].map((m) => ({ entity: m[1]!, token: m[2]! }));
}

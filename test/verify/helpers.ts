// Shared fixtures for the verification tests.
import { pino } from 'pino';
import type { Logger } from 'pino';
import { createVerifier, loadDefaultPolicy } from '../../src/verify/index.js';
import type { VerificationStore, Verifier } from '../../src/verify/index.js';

export const KEY = Buffer.alloc(32, 7);
export const T0 = Date.UTC(2030, 0, 15, 12, 0, 0);
export const MINUTE = 60_000;

/** A subject's record as the business holds it. */
export const ON_FILE = {
  order_id: 'A-100234',
  phone: '+1 (415) 555-2671',
  postal_code: '94105-1234',
  email: 'Jane.Roe@Example.com',
  date_of_birth: '1985-07-04',
  billing_name: 'José Roe',
  last_order_amount: '$1,234.50',
};

/** The same values as a caller might say them. */
export const GOOD = {
  order_id: 'a100234',
  phone_last4: '2671',
  postal_code: '94105',
  email: ' jane.roe@example.COM ',
  date_of_birth: 'July 4, 1985',
  billing_name: 'jose  ROE',
  last_order_amount: '1234.5',
};

export const BAD = {
  order_id: 'A-999999',
  phone_last4: '9999',
  postal_code: '10001',
  email: 'someone.else@example.com',
  date_of_birth: '1990-01-01',
  billing_name: 'John Smith',
  last_order_amount: '12.00',
};

export type DataPoint = keyof typeof GOOD;
export const DATA_POINTS = Object.keys(GOOD) as DataPoint[];

/** Picks good values for `good` and wrong ones for `bad`. */
export function supplied(good: DataPoint[], bad: DataPoint[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dp of good) out[dp] = GOOD[dp];
  for (const dp of bad) out[dp] = BAD[dp];
  return out;
}

/** A pino logger whose lines are kept in memory. */
export function captureLogger(): { logger: Logger; lines: string[]; events: () => Record<string, unknown>[] } {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  return { logger, lines, events: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

export function makeVerifier(
  options: { store?: VerificationStore; policy?: unknown } = {},
): { verifier: Verifier; lines: string[]; events: () => Record<string, unknown>[] } {
  const { logger, lines, events } = captureLogger();
  const verifier = createVerifier(options.policy ?? loadDefaultPolicy(), {
    key: KEY,
    logger,
    ...(options.store ? { store: options.store } : {}),
  });
  return { verifier, lines, events };
}

/** A send callback that remembers the last message. */
export function outbox() {
  const sent: { to: string; code: string; via: string; restricted: boolean; expiresAt: Date }[] = [];
  return {
    sent,
    send: (m: { to: string; code: string; via: string; restricted: boolean; expiresAt: Date }) => {
      sent.push(m);
    },
    last: () => {
      const m = sent[sent.length - 1];
      if (!m) throw new Error('nothing sent');
      return m;
    },
  };
}

/** A deep copy of the default policy as plain JSON, for tests that change it. */
export function defaultPolicyJson(): Record<string, any> {
  return JSON.parse(JSON.stringify(loadDefaultPolicy())) as Record<string, any>;
}

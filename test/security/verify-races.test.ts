// Issue 15 item 3: lockout and one-time-code limits hold under parallel requests. An attempt is counted
// before anything is compared, so N parallel wrong attempts never get more than the limit compared, and a
// right answer that arrives after the limit is refused. Run against the memory store and the real Redis
// server (several clients sharing one prefix, as several helpdesk processes would).
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore, createRedisStore } from '../../src/verify/index.js';
import type { VerificationStore, Verifier } from '../../src/verify/index.js';
import { createKeys, pseudonym } from '../../src/verify/digest.js';
import type { VerificationKeys } from '../../src/verify/digest.js';
import { createOtpService } from '../../src/verify/otp.js';
import { ensureService } from '../support/services.js';
import { BAD, GOOD, MINUTE, ON_FILE, T0, makeVerifier } from '../verify/helpers.js';

const PREFIX = `caregate-test:races:${process.pid}:${randomBytes(4).toString('hex')}:`;
const SUBJECT_LIMIT = 5; // the default policy's lockout.subject.maxFailures
const AGENT_LIMIT = 20;
const PARALLEL = 100;
const clients: Redis[] = [];

beforeAll(async () => {
  await ensureService(6379);
});

afterAll(async () => {
  if (clients.length === 0) return;
  const c = clients[0]!;
  let cursor = '0';
  do {
    const [next, keys] = await c.scan(cursor, 'MATCH', `${PREFIX}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await c.del(...keys);
  } while (cursor !== '0');
  await Promise.all(clients.map((x) => x.quit()));
});

interface Backend {
  name: string;
  /** `n` stores that share their data (one memory store, or n Redis clients on one prefix). */
  stores(n: number): VerificationStore[];
}

let run = 0;
const BACKENDS: Backend[] = [
  {
    name: 'memory store',
    stores: (n) => {
      const s = createMemoryStore();
      return Array.from({ length: n }, () => s);
    },
  },
  {
    name: 'Redis store (real server, 4 clients)',
    stores: (n) => {
      const prefix = `${PREFIX}${++run}:`;
      return Array.from({ length: n }, () => {
        const client = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: 2 });
        clients.push(client);
        return createRedisStore({ client, keyPrefix: prefix });
      });
    },
  },
];

type Verifiers = Array<ReturnType<typeof makeVerifier>>;
const verifiersOn = (stores: VerificationStore[]): Verifiers => stores.map((store) => makeVerifier({ store }));
/** Checks that reached the comparison: each writes one audit event with outcome allowed or denied. */
const compared = (vs: Verifiers) => vs.flatMap((v) => v.events()).filter((e) => e['outcome'] === 'allowed' || e['outcome'] === 'denied').length;
const wrong = { order_id: BAD.order_id, postal_code: BAD.postal_code };
const right = { order_id: GOOD.order_id, postal_code: GOOD.postal_code };
const attempt = (verifier: Verifier, subjectId: string, provided: Record<string, string>, agentId?: string) =>
  verifier.check({ action: 'order_status', subjectId, onFile: ON_FILE, provided, now: T0, channel: 'phone', ...(agentId ? { agentId } : {}) });

/** Resolves once at least `n` of the promises have settled. */
function settled(promises: Promise<unknown>[], n: number): Promise<void> {
  let done = 0;
  return new Promise((resolve) => {
    for (const p of promises) void p.finally(() => ++done >= n && resolve());
  });
}

describe.each(BACKENDS)('lockout under concurrency: $name', (backend) => {
  it(`${PARALLEL} parallel wrong checks of one subject: at most ${SUBJECT_LIMIT} compared, the rest locked`, async () => {
    const vs = verifiersOn(backend.stores(4));
    const results = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => attempt(vs[i % vs.length]!.verifier, 'cust-race-1', wrong)));
    expect(compared(vs)).toBeLessThanOrEqual(SUBJECT_LIMIT);
    expect(compared(vs)).toBeGreaterThan(0);
    expect(results.filter((r) => r.allowed)).toHaveLength(0);
    expect(results.filter((r) => r.lockedUntil !== undefined).length).toBeGreaterThanOrEqual(PARALLEL - SUBJECT_LIMIT);
  });

  it('a right answer sent while wrong ones are in flight, after the limit was used up, is refused', async () => {
    const vs = verifiersOn(backend.stores(4));
    const wrongs = Array.from({ length: PARALLEL }, (_, i) => attempt(vs[i % vs.length]!.verifier, 'cust-race-2', wrong));
    await settled(wrongs, SUBJECT_LIMIT + 1);
    const late = await attempt(vs[0]!.verifier, 'cust-race-2', right);
    await Promise.all(wrongs);
    expect(late.allowed).toBe(false);
    expect(late.lockedUntil).toBeInstanceOf(Date);
    expect(compared(vs)).toBeLessThanOrEqual(SUBJECT_LIMIT);
  });

  it('a right answer launched in the same burst, behind the wrong ones, is refused', async () => {
    const vs = verifiersOn(backend.stores(1));
    const burst = [...Array.from({ length: PARALLEL - 1 }, () => wrong), right].map((p) => attempt(vs[0]!.verifier, 'cust-race-3', p));
    const results = await Promise.all(burst);
    expect(results[PARALLEL - 1]!.allowed).toBe(false);
    expect(compared(vs)).toBeLessThanOrEqual(SUBJECT_LIMIT);
  });

  it(`${PARALLEL} parallel wrong checks by one agent on ${PARALLEL} subjects: at most ${AGENT_LIMIT} compared`, async () => {
    const vs = verifiersOn(backend.stores(4));
    await Promise.all(Array.from({ length: PARALLEL }, (_, i) => attempt(vs[i % vs.length]!.verifier, `cust-agent-${i}`, wrong, 'agent-race')));
    expect(compared(vs)).toBeLessThanOrEqual(AGENT_LIMIT);
    expect(compared(vs)).toBeGreaterThan(0);
  });
});

/** Keys whose OTP digests are counted: one digest at issue, then one per code compared. */
function countingKeys(): { keys: VerificationKeys; otpDigests: () => number } {
  const base = createKeys(Buffer.alloc(32, 9));
  let otp = 0;
  return {
    keys: { hmac: (purpose, label, value) => (purpose === 'otp' && ++otp, base.hmac(purpose, label, value)) },
    otpDigests: () => otp,
  };
}

describe.each(BACKENDS)('one-time codes under concurrency: $name', (backend) => {
  const MAX = 3;
  const GUESSES = 31;
  const wrongOf = (code: string, k: number) => String((Number(code) + k) % 1_000_000).padStart(6, '0');

  it(`${GUESSES} parallel guesses with maxAttempts ${MAX}: at most ${MAX} compared; the right code behind them is refused (10 trials)`, async () => {
    for (let trial = 0; trial < 10; trial++) {
      const { keys, otpDigests } = countingKeys();
      const stores = backend.stores(4);
      const services = stores.map((s) => createOtpService(s, keys, { digits: 6, ttlMs: 10 * MINUTE, maxAttempts: MAX }));
      const subject = pseudonym(keys, 'subject', `otp-race-${trial}`);
      const { challengeId, code } = await services[0]!.issue({ subject, via: 'sms', restricted: true, now: T0 });
      // The right code is sent last, behind seven wrong ones on its own client (one connection is served in order).
      const guesses = [...Array.from({ length: GUESSES - 1 }, (_, k) => wrongOf(code, k + 1)), code];
      const results = await Promise.all(guesses.map((g, i) => services[i % services.length]!.verify({ challengeId, code: g, subject, now: T0 + MINUTE })));
      expect(otpDigests() - 1, `trial ${trial}`).toBeLessThanOrEqual(MAX);
      expect(results.filter((r) => r.ok), `trial ${trial}`).toHaveLength(0);
    }
  });
});

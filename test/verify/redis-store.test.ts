import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createRedisStore, VerificationConfigError } from '../../src/verify/index.js';
import type { RedisStore } from '../../src/verify/index.js';
import { ensureService } from '../support/services.js';
import { MINUTE, ON_FILE, T0, makeVerifier, outbox, supplied } from './helpers.js';
import { storeContract } from './store-contract.js';

// One prefix per run, removed at the end, so runs and other users of the server do not meet.
const PREFIX = `caregate-test:${process.pid}:${randomBytes(4).toString('hex')}:`;
let client: Redis;
let store: RedisStore;
let n = 0;

async function keysUnderPrefix(): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await client.scan(cursor, 'MATCH', `${PREFIX}*`, 'COUNT', 500);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}

beforeAll(async () => {
  await ensureService(6379);
  client = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: 2 });
  store = createRedisStore({ client, keyPrefix: PREFIX });
});

afterAll(async () => {
  if (!client) return;
  const keys = await keysUnderPrefix();
  if (keys.length > 0) await client.del(...keys);
  await client.quit();
});

describe('Redis store contract (real server at 127.0.0.1:6379)', () => {
  storeContract(() => store, () => `k${++n}`);
});

describe('Redis store', () => {
  it('needs a client or a URL', () => {
    expect(() => createRedisStore({})).toThrow(VerificationConfigError);
    expect(() => createRedisStore({})).toThrow(/needs \{ client \}/);
  });

  it('a challenge stored before tries were counted as attempts keeps its count of wrong tries', async () => {
    const id = `legacy-${++n}`;
    await client.hset(`${PREFIX}otp:${id}`, { subject: 'ab'.repeat(32), codeDigest: 'cd'.repeat(32), via: 'sms', restricted: '1', issuedAt: String(T0), expiresAt: String(T0 + 10 * MINUTE), maxAttempts: '3', failures: '2' });
    expect((await store.getChallenge(id))?.attempts).toBe(2);
    expect(await store.addChallengeAttempt(id)).toBe(3);
    await client.del(`${PREFIX}otp:${id}`); // written here by hand, without the TTL the store sets
  });

  it('shares lockouts between two helpdesk processes (two clients)', async () => {
    const other = createRedisStore({ url: 'redis://127.0.0.1:6379', keyPrefix: PREFIX });
    try {
      const a = makeVerifier({ store }).verifier;
      const b = makeVerifier({ store: other }).verifier;
      const base = { action: 'order_status', subjectId: 'shared-1', onFile: ON_FILE, channel: 'phone' };
      // Failures alternate between the two processes; together they reach the limit.
      for (let i = 0; i < 5; i++) {
        const v = i % 2 === 0 ? a : b;
        await v.check({ ...base, provided: supplied([], ['postal_code']), now: T0 + i });
      }
      const locked = await b.check({ ...base, provided: supplied(['postal_code', 'email']), now: T0 + 10 });
      expect(locked.allowed).toBe(false);
      expect(locked.lockedUntil).toEqual(new Date(T0 + 4 + 30 * MINUTE));
      const released = await a.check({ ...base, provided: supplied(['postal_code', 'email']), now: T0 + 4 + 30 * MINUTE });
      expect(released.allowed).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('a code issued by one process is checked, once, by another', async () => {
    const other = createRedisStore({ url: 'redis://127.0.0.1:6379', keyPrefix: PREFIX });
    try {
      const a = makeVerifier({ store }).verifier;
      const b = makeVerifier({ store: other }).verifier;
      const box = outbox();
      const issued = await a.issueOtp({ subjectId: 'shared-2', via: 'sms', onFile: ON_FILE, now: T0, send: box.send });
      if (!issued.issued) throw new Error('not issued');
      const input = {
        action: 'change_address',
        subjectId: 'shared-2',
        onFile: ON_FILE,
        channel: 'phone',
        provided: supplied(['postal_code', 'email']),
        otp: { challengeId: issued.challengeId, code: box.last().code },
        now: T0 + MINUTE,
      };
      const [first, second] = await Promise.all([b.check(input), a.check(input)]);
      expect([first?.allowed, second?.allowed].filter(Boolean)).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('keeps only pseudonyms, counters and code digests', async () => {
    const { verifier } = makeVerifier({ store });
    const box = outbox();
    await verifier.issueOtp({ subjectId: 'cust-redis-9', via: 'email', onFile: ON_FILE, now: T0, send: box.send });
    await verifier.check({
      action: 'order_status', subjectId: 'cust-redis-9', onFile: ON_FILE, channel: 'phone', now: T0,
      provided: { postal_code: 'Z9Z 9Z9', billing_name: 'Quentin Marchetti' }, origin: '+14155550177', agentId: 'agent-x',
    });
    const keys = await keysUnderPrefix();
    expect(keys.length).toBeGreaterThan(0);
    const dump: string[] = [...keys];
    for (const key of keys) {
      const type = await client.type(key);
      dump.push(type === 'hash' ? JSON.stringify(await client.hgetall(key)) : String(await client.get(key)));
    }
    const text = dump.join('\n');
    for (const secret of ['Z9Z', 'Quentin', 'cust-redis-9', '4155550177', 'agent-x', box.last().code, ON_FILE.email]) {
      expect(text).not.toContain(secret);
    }
  });

  it('sets a TTL on every key it writes', async () => {
    const keys = await keysUnderPrefix();
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const ttl = await client.pttl(key);
      if (ttl === -2) continue; // removed since the scan
      expect(ttl).toBeGreaterThan(0);
    }
  });
});

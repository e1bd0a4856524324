// Redis store, so that several helpdesk processes share attempt counters, locks, code challenges and used tokens.
// Every read-modify-write is one Lua script (atomic on the server). Times come from the caller's clock;
// Redis TTLs only clean up keys after they can no longer matter.
import { createRequire } from 'node:module';
import type { Redis, RedisOptions } from 'ioredis';
import { VerificationConfigError } from './errors.js';
import type { StoredChallenge, VerificationStore } from './store.js';

export interface RedisStoreOptions {
  /** An ioredis client the caller owns (not closed by close()). */
  client?: Redis;
  /** Or a redis:// URL (or options) for a client this store creates and closes. */
  url?: string;
  redisOptions?: RedisOptions;
  /** Prefix of every key (default "caregate:verify:"). */
  keyPrefix?: string;
}

export interface RedisStore extends VerificationStore {
  readonly client: Redis;
  readonly keyPrefix: string;
  /** Closes the client if this store created it. */
  close(): Promise<void>;
}

// Reserves one attempt: nothing is counted while the key is locked; else one more attempt in a window that
// starts with the first one. KEYS[1] counter hash, KEYS[2] lock key; ARGV now, windowMs.
// Returns {0, lockedUntil} when locked, {1, count} otherwise.
const RESERVE_ATTEMPT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local lockedUntil = tonumber(redis.call('GET', KEYS[2]))
if lockedUntil and lockedUntil > now then
  return {0, tostring(lockedUntil)}
end
local start = tonumber(redis.call('HGET', KEYS[1], 's'))
local count
if (not start) or (now - start >= window) or (now < start) then
  redis.call('HSET', KEYS[1], 's', now, 'n', 1)
  count = 1
else
  count = redis.call('HINCRBY', KEYS[1], 'n', 1)
end
redis.call('PEXPIRE', KEYS[1], window)
return {1, tostring(count)}
`;

// Gives back one reserved attempt, never below zero. KEYS[1] counter hash.
const RELEASE_ATTEMPT = `
local n = tonumber(redis.call('HGET', KEYS[1], 'n'))
if n and n > 0 then redis.call('HINCRBY', KEYS[1], 'n', -1) end
return 1
`;

// Raises a lock's end time, never lowers it, and clears the attempt count (the cooldown ends the series).
// KEYS[1] lock key, KEYS[2] counter hash; ARGV until, ttlMs.
const LOCK = `
local current = tonumber(redis.call('GET', KEYS[1]))
if (not current) or tonumber(ARGV[1]) > current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
end
redis.call('DEL', KEYS[2])
return 1
`;

// Counts one try of a code only while the challenge exists. KEYS[1] challenge hash. A challenge stored by
// an earlier version counted wrong tries in 'failures': its count carries over.
const ADD_CHALLENGE_ATTEMPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('HEXISTS', KEYS[1], 'attempts') == 0 then
  redis.call('HSET', KEYS[1], 'attempts', tonumber(redis.call('HGET', KEYS[1], 'failures')) or 0)
end
return redis.call('HINCRBY', KEYS[1], 'attempts', 1)
`;

/** Keeps a cleanup TTL from ever being zero, negative or absurdly small. */
const ttl = (ms: number) => Math.max(1000, Math.ceil(ms));

export function createRedisStore(options: RedisStoreOptions): RedisStore {
  if (!options || (options.client === undefined && options.url === undefined)) {
    throw new VerificationConfigError(
      'missing_redis',
      '/store',
      'caregate: createRedisStore needs { client } (an ioredis client) or { url } (such as "redis://127.0.0.1:6379")',
    );
  }
  const owned = options.client === undefined;
  // ioredis is required here, on first use: `import 'caregate'` should not load a Redis client it may never open.
  const client =
    options.client ??
    new (createRequire(import.meta.url)('ioredis') as typeof import('ioredis')).Redis(options.url ?? '', { lazyConnect: false, maxRetriesPerRequest: 2, ...options.redisOptions });
  const keyPrefix = options.keyPrefix ?? 'caregate:verify:';
  const counterKey = (key: string) => `${keyPrefix}fail:${key}`;
  const lockKey = (key: string) => `${keyPrefix}lock:${key}`;
  const challengeKey = (id: string) => `${keyPrefix}otp:${id}`;
  const tokenKey = (id: string) => `${keyPrefix}token:${id}`;

  return {
    client,
    keyPrefix,

    async reserveAttempt(key, now, windowMs) {
      const [free, value] = (await client.eval(RESERVE_ATTEMPT, 2, counterKey(key), lockKey(key), String(now), String(ttl(windowMs)))) as [number, string];
      return Number(free) === 1 ? { count: Number(value) } : { lockedUntil: Number(value) };
    },

    async releaseAttempt(key) {
      await client.eval(RELEASE_ATTEMPT, 1, counterKey(key));
    },

    async failures(key, now, windowMs) {
      const [start, count] = await client.hmget(counterKey(key), 's', 'n');
      if (start === null || count === null) return 0;
      const s = Number(start);
      return now - s >= windowMs || now < s ? 0 : Number(count);
    },

    async resetFailures(key) {
      await client.del(counterKey(key));
    },

    async lock(key, until, now) {
      await client.eval(LOCK, 2, lockKey(key), counterKey(key), String(until), String(ttl(until - now)));
    },

    async lockedUntil(key, now) {
      const value = await client.get(lockKey(key));
      if (value === null) return undefined;
      const until = Number(value);
      return until > now ? until : undefined;
    },

    async putChallenge(id, challenge, now) {
      const k = challengeKey(id);
      await client
        .multi()
        .hset(k, {
          subject: challenge.subject,
          codeDigest: challenge.codeDigest,
          via: challenge.via,
          restricted: challenge.restricted ? '1' : '0',
          issuedAt: String(challenge.issuedAt),
          expiresAt: String(challenge.expiresAt),
          maxAttempts: String(challenge.maxAttempts),
          attempts: '0',
        })
        .pexpire(k, ttl(challenge.expiresAt - now))
        .exec();
    },

    async getChallenge(id) {
      const h = await client.hgetall(challengeKey(id));
      if (h['subject'] === undefined || h['codeDigest'] === undefined) return undefined;
      const challenge: StoredChallenge = {
        subject: h['subject'],
        codeDigest: h['codeDigest'],
        via: h['via'] ?? '',
        restricted: h['restricted'] === '1',
        issuedAt: Number(h['issuedAt']),
        expiresAt: Number(h['expiresAt']),
        maxAttempts: Number(h['maxAttempts']),
      };
      return { challenge, attempts: Number(h['attempts'] ?? h['failures'] ?? '0') };
    },

    async addChallengeAttempt(id) {
      const count = Number(await client.eval(ADD_CHALLENGE_ATTEMPT, 1, challengeKey(id)));
      return count < 0 ? undefined : count;
    },

    async consumeChallenge(id) {
      return (await client.del(challengeKey(id))) === 1;
    },

    async markTokenUsed(tokenId, expiresAt, now) {
      // SET NX: only the first caller creates the key; it lives as long as the token could still be presented.
      return (await client.set(tokenKey(tokenId), '1', 'PX', ttl(expiresAt - now), 'NX')) === 'OK';
    },

    async close() {
      if (owned) await client.quit();
    },
  };
}

import type { DataKeyRecord, TokenEntry, VaultStore } from './store.js';

/** A vault store in memory, for tests and short-lived tools: the same contract as PostgreSQL's, nothing durable. */
export function createMemoryVaultStore(): VaultStore {
  const keys = new Map<string, DataKeyRecord>();
  const entries = new Map<string, TokenEntry>();
  const counts = new Map<string, number>();
  const destroyed = new Set<string>();
  const copy = <T extends { wrapped?: Buffer; ciphertext?: Buffer }>(r: T): T => ({ ...r });
  return {
    description: 'memory',
    async write(newKeys, newEntries) {
      const destroyedKeys = newKeys.filter((k) => destroyed.has(k.keyId)).map((k) => k.keyId);
      for (const k of newKeys) if (!keys.has(k.keyId) && !destroyed.has(k.keyId)) keys.set(k.keyId, copy(k));
      const collisions: string[] = [];
      for (const e of newEntries) {
        const had = entries.get(e.token);
        if (!had || (!keys.has(had.keyId) && keys.has(e.keyId))) entries.set(e.token, copy(e));
        else if (had.indexId !== e.indexId || (e.indexId === null && !had.ciphertext.equals(e.ciphertext))) collisions.push(e.token);
      }
      return { collisions, destroyedKeys };
    },
    async entry(token) {
      const e = entries.get(token);
      return e && copy(e);
    },
    async dataKey(keyId) {
      const k = keys.get(keyId);
      return k && copy(k);
    },
    async keysNotUnder(version) {
      return [...keys.values()].filter((k) => k.kekVersion !== version).map(copy);
    },
    async rewrap(keyId, fromVersion, toVersion, wrapped) {
      const k = keys.get(keyId);
      if (!k || k.kekVersion !== fromVersion) return false;
      keys.set(keyId, { ...k, kekVersion: toVersion, wrapped });
      return true;
    },
    async kekUse() {
      const use = new Map<number, number>();
      for (const k of keys.values()) use.set(k.kekVersion, (use.get(k.kekVersion) ?? 0) + 1);
      return use;
    },
    async shred(subjectId) {
      const gone = [...keys.values()].filter((k) => k.subjectId === subjectId).map((k) => k.keyId);
      for (const id of gone) (keys.delete(id), destroyed.add(id));
      const locked = [...entries.values()].filter((e) => gone.includes(e.keyId)).length;
      return { keys: gone.length, entries: locked };
    },
    async countReveal(actorId, windowStart) {
      const key = `${actorId}\0${windowStart}`;
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      return n;
    },
    async close() {},
  };
}

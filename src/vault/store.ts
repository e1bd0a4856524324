/**
 * Where a vault keeps its wrapped data keys, encrypted entries and reveal counters: PostgreSQL
 * (pg-store.ts) in production, memory (memory-store.ts) in tests. Nothing a store holds is a raw value:
 * subjects and scopes are keyed ids, values are AES-256-GCM ciphertext under data keys that are themselves
 * wrapped by a key-encryption key the store never sees.
 */

export interface DataKeyRecord {
  keyId: string;
  /** Keyed id of the data subject whose values this key encrypts; null for unscoped keys. */
  subjectId: string | null;
  kekVersion: number;
  wrapped: Buffer;
}

export interface TokenEntry {
  token: string;
  entity: string;
  /** Keyed id of the scope the token was made in. */
  scopeId: string;
  /** Keyed index of (entity, scope, value) for deterministic tokens; null for random ones. */
  indexId: string | null;
  keyId: string;
  subjectId: string | null;
  ciphertext: Buffer;
}

export interface VaultStore {
  readonly description: string;
  /**
   * Writes data keys and entries together, durably, before it resolves. An entry whose token is stored
   * already is left as it is, unless the stored one's key was destroyed and the new one's was not (the
   * value was tokenized again after an erasure). Returns the tokens whose stored entry has a different
   * index (two values met in one format-preserving token), and the keys that were destroyed meanwhile
   * (never written again: their subject was erased while this writer still held them).
   */
  write(keys: DataKeyRecord[], entries: TokenEntry[]): Promise<{ collisions: string[]; destroyedKeys: string[] }>;
  entry(token: string): Promise<TokenEntry | undefined>;
  dataKey(keyId: string): Promise<DataKeyRecord | undefined>;
  /** Data keys not wrapped under `version`. */
  keysNotUnder(version: number): Promise<DataKeyRecord[]>;
  /** Replaces a key's wrapping if it is still wrapped under `fromVersion`; false when another rotation got there first. */
  rewrap(keyId: string, fromVersion: number, toVersion: number, wrapped: Buffer): Promise<boolean>;
  /** How many data keys each KEK version still wraps. */
  kekUse(): Promise<Map<number, number>>;
  /**
   * Destroys a subject's data keys (crypto-shredding) and remembers their ids, so that no writer puts them
   * back; the entries stay as ciphertext nobody can open. Returns how many keys went and entries they locked.
   */
  shred(subjectId: string): Promise<{ keys: number; entries: number }>;
  /** Counts one reveal attempt of an actor in a window and returns the count including it (atomic). */
  countReveal(actorId: string, windowStart: number): Promise<number>;
  close(): Promise<void>;
}

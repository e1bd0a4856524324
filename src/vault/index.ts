// caregate/vault: reversible tokens with scoped, audited reveal, key rotation and erasure by crypto-shredding.
export { openVault, VaultRefusal } from './vault.js';
export type { Vault, VaultOptions, TokenSink, TokenRequest, TokenScope, RevealRequest, RevealResult, RevealRefusal, EraseRequestLink } from './vault.js';
export { createMemoryVaultStore } from './memory-store.js';
export { openPgVaultStore } from './pg-store.js';
export type { PgVaultStoreOptions } from './pg-store.js';
export type { VaultStore, TokenEntry, DataKeyRecord } from './store.js';
export { parseKeyring, keyringFromEnv } from './keyring.js';
export type { KeyringInput, Keyring } from './keyring.js';
export { parseRevealPolicy } from './reveal-policy.js';
export type { RevealPolicyInput, RevealPolicy } from './reveal-policy.js';

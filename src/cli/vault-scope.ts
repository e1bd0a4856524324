import type { Command } from 'commander';
import { CaregateError } from '../errors.js';
import type { TokenSink } from '../mask/types.js';
import { keyringFromEnv } from '../vault/keyring.js';
import { openPgVaultStore } from '../vault/pg-store.js';
import { openVault, type Vault } from '../vault/vault.js';

/**
 * Where `--mask ENTITY=token` writes its tokens on the command line: a scope of the PostgreSQL vault named
 * by CAREGATE_VAULT_PG (or --vault-pg), keys from CAREGATE_VAULT_KEKS / _KEK_CURRENT / _INDEX_KEY. Plain
 * data, so that bulk tasks can carry it to their worker threads, each of which opens the vault itself.
 */
export interface VaultSpec {
  connectionString: string;
  schema: string;
  scope: string;
  subject?: string;
  mode: 'deterministic' | 'random';
}

export interface VaultCliOptions {
  vaultScope?: string;
  vaultSubject?: string;
  vaultSchema?: string;
  vaultPg?: string;
  vaultMode?: 'deterministic' | 'random';
}

export function addVaultOptions(cmd: Command): Command {
  return cmd
    .option('--vault-scope <scope>', 'token vault scope for --mask ENTITY=token (keys from CAREGATE_VAULT_KEKS and CAREGATE_VAULT_INDEX_KEY)')
    .option('--vault-subject <id>', 'data subject the tokens belong to (erasing the subject makes them unrecoverable)')
    .option('--vault-mode <mode>', 'deterministic (same value, same token in the scope) or random', 'deterministic')
    .option('--vault-schema <name>', 'schema of the vault tables', 'caregate_vault')
    .option('--vault-pg <url>', 'PostgreSQL connection string of the vault (default: CAREGATE_VAULT_PG)');
}

export function vaultSpecFrom(o: VaultCliOptions): VaultSpec | undefined {
  if (!o.vaultScope) return undefined;
  const connectionString = o.vaultPg ?? process.env.CAREGATE_VAULT_PG;
  if (!connectionString) throw new CaregateError('E_VAULT_CONFIG', '--vault-scope needs the vault database: give --vault-pg <url> or set CAREGATE_VAULT_PG');
  if (o.vaultMode !== undefined && o.vaultMode !== 'deterministic' && o.vaultMode !== 'random') {
    throw new CaregateError('E_USAGE', `--vault-mode takes deterministic or random, got "${o.vaultMode}"`);
  }
  return { connectionString, schema: o.vaultSchema ?? 'caregate_vault', scope: o.vaultScope, ...(o.vaultSubject ? { subject: o.vaultSubject } : {}), mode: o.vaultMode ?? 'deterministic' };
}

/** Opens the vault a spec names and the scope the token mask writes to; close() flushes and closes. */
export async function openVaultSink(spec: VaultSpec): Promise<{ sink: TokenSink; vault: Vault }> {
  const vault = await openVault({ store: await openPgVaultStore({ connectionString: spec.connectionString, schema: spec.schema }), keys: keyringFromEnv(process.env) });
  return { vault, sink: vault.scope({ scope: spec.scope, ...(spec.subject ? { subject: spec.subject } : {}), mode: spec.mode }) };
}

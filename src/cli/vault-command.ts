import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CaregateError } from '../errors.js';
import { openFileLedger } from '../privacy/ledger-file.js';
import { openPgLedger } from '../privacy/ledger-pg.js';
import type { LedgerStore } from '../privacy/ledger-store.js';
import { keyringFromEnv } from '../vault/keyring.js';
import { openPgVaultStore } from '../vault/pg-store.js';
import { openVault, VaultRefusal, type Vault } from '../vault/vault.js';
import { EXIT } from './exit-codes.js';
import type { CliIO } from './redact-command.js';

interface VaultCliOptions {
  pg?: string;
  schema?: string;
  policy?: string;
  auditLedger?: string;
  auditPg?: boolean;
  actor: string;
}

/**
 * `caregate vault …` for operators: reveal a token with a purpose on record, rotate and retire key
 * versions, erase a data subject. Keys come from the environment (CAREGATE_VAULT_KEKS,
 * CAREGATE_VAULT_KEK_CURRENT, CAREGATE_VAULT_INDEX_KEY), never from argv, where `ps` would show them.
 */
export function registerVaultCommand(program: Command, cli: CliIO): void {
  const vault = program.command('vault').description('operate the token vault: reveal, rotate, retire, erase (keys from CAREGATE_VAULT_* variables)');
  const common = (c: Command) =>
    c
      .option('--pg <url>', 'PostgreSQL connection string of the vault (default: CAREGATE_VAULT_PG)')
      .option('--schema <name>', 'schema of the vault tables', 'caregate_vault')
      .option('--audit-ledger <path>', 'JSONL ledger the audit entries go to (hash-chained, as the register\'s)')
      .option('--audit-pg', 'write the audit entries to the PostgreSQL ledger in the vault\'s database (schema caregate)')
      .requiredOption('--actor <id>', 'who is acting (recorded in the audit log)');

  const withVault = async (o: VaultCliOptions, fn: (v: Vault) => Promise<void>) => {
    const connectionString = o.pg ?? process.env.CAREGATE_VAULT_PG;
    if (!connectionString) throw new CaregateError('E_VAULT_CONFIG', 'no vault database: give --pg <url> or set CAREGATE_VAULT_PG');
    let audit: LedgerStore | undefined;
    if (o.auditLedger) audit = await openFileLedger({ path: o.auditLedger });
    else if (o.auditPg) audit = await openPgLedger({ connectionString });
    if (audit) await audit.load();
    const policy = o.policy ? JSON.parse(readFileSync(o.policy, 'utf8')) : undefined;
    const v = await openVault({ store: await openPgVaultStore({ connectionString, schema: o.schema }), keys: keyringFromEnv(process.env), policy, ...(audit ? { audit } : {}) });
    try {
      await fn(v);
    } finally {
      await v.close();
      await audit?.close();
    }
  };

  common(vault.command('reveal <token>').description('reveal a token for a purpose the reveal policy allows (refused reveals exit 1)'))
    .requiredOption('--purpose <name>', 'why (a purpose of the reveal policy)')
    .requiredOption('--policy <file>', 'reveal policy (JSON): purposes, entities, rate limit')
    .action(async (token: string, o: VaultCliOptions & { purpose: string }) => {
      await withVault(o, async (v) => {
        try {
          const r = await v.reveal(token, { actor: o.actor, purpose: o.purpose });
          cli.stdout.write(`${JSON.stringify(r)}\n`);
        } catch (err) {
          if (!(err instanceof VaultRefusal)) throw err;
          cli.stderr.write(`${err.message}\n`);
          cli.exitCode = EXIT.FINDINGS;
        }
      });
    });

  common(vault.command('rotate').description('re-wrap every data key under the current key version (CAREGATE_VAULT_KEK_CURRENT)')).action(async (o: VaultCliOptions) => {
    await withVault(o, async (v) => {
      const { rewrapped } = await v.rotate({ actor: o.actor });
      cli.stdout.write(`caregate vault: ${rewrapped} data key(s) re-wrapped\n`);
    });
  });

  common(vault.command('retire <version>').description('check that no data key is wrapped under a key version any more, and record its retirement')).action(
    async (version: string, o: VaultCliOptions) => {
      if (!/^[1-9][0-9]{0,8}$/.test(version)) throw new CaregateError('E_VAULT_CONFIG', 'retire: the version is a number (1, 2, …)');
      await withVault(o, async (v) => {
        await v.retire(Number(version), { actor: o.actor });
        cli.stdout.write(`caregate vault: key version ${version} wraps nothing; it may be destroyed\n`);
      });
    },
  );

  common(vault.command('erase').description("destroy a data subject's keys: every token of the subject becomes unrecoverable"))
    .requiredOption('--subject <id>', 'the data subject (as given to vault.scope({ subject }))')
    .action(async (o: VaultCliOptions & { subject: string }) => {
      await withVault(o, async (v) => {
        const r = await v.eraseSubject(o.subject, { actor: o.actor });
        cli.stdout.write(`caregate vault: ${r.keys} data key(s) destroyed; ${r.entries} token(s) can no longer be revealed\n`);
      });
    });
}

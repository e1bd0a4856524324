import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { openFileLedger } from '../../src/privacy/ledger-file.js';
import { createMemoryVaultStore, openVault, VaultRefusal, type VaultStore } from '../../src/vault/index.js';
import { formatCard, separatorStyle, validCard } from '../support/cards.js';
import { labelTokens, REVEAL_ALL, testKeys } from './helpers.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const luhnOk = (digits: string) => {
  let sum = 0;
  for (let i = digits.length - 1, dbl = false; i >= 0; i--, dbl = !dbl) {
    let d = Number(digits[i]);
    if (dbl) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
};

async function vaultWith(store: VaultStore = createMemoryVaultStore(), extra: Partial<Parameters<typeof openVault>[0]> = {}) {
  return openVault({ store, keys: testKeys(), policy: REVEAL_ALL, ...extra });
}

describe('token mask and reveal (memory store)', () => {
  it('reveal(tokenize(v)) gives v, as written, for every finding whatever its entity and writing', async () => {
    const vault = await vaultWith();
    const redactor = createRedactor({ vault: vault.scope({ scope: 'desk-1' }), masks: { CREDIT_CARD: 'token', PHONE_NUMBER: 'token', EMAIL: 'token', US_SSN: 'token' } });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(validCard, separatorStyle, fc.stringMatching(/^[a-z][a-z0-9]{0,12}$/).map((l) => `${l}@example.com`), async (card, style, email) => {
        const input = `card ${formatCard(card.digits, style)} mail ${email} ssn 536-22-${String(1000 + (card.digits.charCodeAt(3) % 9000))}`;
        // A scope of its own per run: within one deterministic scope a value keeps the writing it was first
        // stored with (4111-… and 4111 … are one token), and generated runs repeat values.
        const out = redactor.redact(input, { tokens: vault.scope({ scope: `desk-${++run}` }) });
        await vault.flush();
        const tokens = labelTokens(out.text);
        const tokenized = out.findings.filter((f) => ['CREDIT_CARD', 'PHONE_NUMBER', 'EMAIL', 'US_SSN'].includes(f.entity));
        expect(tokens.map((t) => t.entity)).toEqual(tokenized.map((f) => f.entity));
        for (const [i, f] of tokenized.entries()) {
          const revealed = await vault.reveal(tokens[i]!.token, { actor: 'agent-1', purpose: 'refund' });
          expect(revealed).toEqual({ entity: f.entity, value: input.slice(f.start, f.end), reveal: 'whole' });
        }
        expect(tokens.some((t) => t.entity === 'EMAIL')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('deterministic scopes: equal values give equal tokens within a scope, different tokens across scopes; random mode never repeats', async () => {
    const vault = await vaultWith();
    const masks = { CREDIT_CARD: 'token' as const };
    const a = createRedactor({ vault: vault.scope({ scope: 'tenant-a' }), masks });
    const b = createRedactor({ vault: vault.scope({ scope: 'tenant-b' }), masks });
    const r = createRedactor({ vault: vault.scope({ scope: 'tenant-a', mode: 'random' }), masks });
    fc.assert(
      fc.property(validCard, separatorStyle, separatorStyle, (card, s1, s2) => {
        const t1 = labelTokens(a.redact(`card ${formatCard(card.digits, s1)}`).text);
        const t2 = labelTokens(a.redact(`card number ${formatCard(card.digits, s2)}`).text);
        const t3 = labelTokens(b.redact(`card ${formatCard(card.digits, s1)}`).text);
        if (t1.length === 0) return;
        expect(t2).toEqual(t1);
        expect(t3[0]!.token).not.toBe(t1[0]!.token);
        const r1 = labelTokens(r.redact(`card ${formatCard(card.digits, s1)}`).text);
        const r2 = labelTokens(r.redact(`card ${formatCard(card.digits, s1)}`).text);
        expect(r1[0]!.token).not.toBe(r2[0]!.token);
      }),
      { numRuns: 80 },
    );
  });

  it('format-preserving tokens keep exactly the allowed digits and the separators, and fail the Luhn check', async () => {
    const vault = await vaultWith();
    for (const keep of ['last4', 'bin-last4'] as const) {
      const redactor = createRedactor({ vault: vault.scope({ scope: 's' }), masks: { CREDIT_CARD: { type: 'token', form: 'format-preserving', keep } } });
      await fc.assert(
        fc.asyncProperty(validCard, separatorStyle, async (card, style) => {
          const written = formatCard(card.digits, style);
          const out = redactor.redact(`card ${written} thanks`).text;
          if (out === `card ${written} thanks`) return; // not a card to the default rules
          const token = out.slice(5, out.length - 7);
          expect(token.replace(/\d/g, '0')).toBe(written.replace(/\d/g, '0'));
          const digits = token.replace(/\D/g, '');
          const n = digits.length;
          const tail = Math.min(4, Math.floor(n / 2));
          const head = keep === 'bin-last4' ? Math.min(6, Math.max(0, n - tail - 5)) : 0;
          expect(digits.slice(0, head)).toBe(card.digits.slice(0, head));
          expect(digits.slice(n - tail)).toBe(card.digits.slice(n - tail));
          expect(luhnOk(digits)).toBe(false);
          await vault.flush();
          expect((await vault.reveal(token, { actor: 'a', purpose: 'refund' })).value).toBe(written);
        }),
        { numRuns: 60 },
      );
    }
  });

  it('CVV, PIN, passwords and track data can never be tokenized (configuration error)', async () => {
    const vault = await vaultWith();
    for (const entity of ['CARD_CVV', 'PIN', 'PASSWORD', 'CARD_TRACK_DATA']) {
      expect(() => createRedactor({ vault: vault.scope({ scope: 's' }), masks: { [entity]: 'token' } })).toThrow(/may keep nothing/);
    }
    expect(() => createRedactor({ masks: { CREDIT_CARD: 'token' } })).toThrow(/needs a token vault/);
  });

  it('refuses reveals (purpose, entity, actor, rate, unknown token, erased subject) and audits each without the value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caregate-vault-'));
    const audit = await openFileLedger({ path: join(dir, 'audit.jsonl') });
    const policy = {
      purposes: { refund: { entities: ['CREDIT_CARD'] }, fraud: { entities: ['PHONE_NUMBER'], actors: ['analyst-1'] } },
      rateLimit: { max: 6, windowSeconds: 3600 },
    };
    const vault = await openVault({ store: createMemoryVaultStore(), keys: testKeys(), policy, audit });
    const subject = `cust-${Math.random().toString(36).slice(2)}`;
    const redactor = createRedactor({ masks: { CREDIT_CARD: 'token', PHONE_NUMBER: 'token' }, vault: vault.scope({ scope: 's', subject }) });
    const card = fc.sample(validCard.filter((c) => c.digits.length === 16 && c.digits.startsWith('4')), 1)[0]!.digits;
    const out = redactor.redact(`card ${card} callback 415-555-0132`);
    await vault.flush();
    const [cardTok, phoneTok] = labelTokens(out.text);
    const reason = async (p: Promise<unknown>) => p.then(() => 'allowed', (e: unknown) => (e instanceof VaultRefusal ? e.reason : `error ${(e as Error).message}`));
    expect(await reason(vault.reveal(cardTok!.token, { actor: 'agent-2', purpose: 'marketing' }))).toBe('purpose');
    expect(await reason(vault.reveal(phoneTok!.token, { actor: 'agent-2', purpose: 'refund' }))).toBe('entity');
    expect(await reason(vault.reveal(phoneTok!.token, { actor: 'agent-2', purpose: 'fraud' }))).toBe('actor');
    expect(await reason(vault.reveal('tok_AAAAAAAAAAAAAAAAAAAAAA', { actor: 'agent-2', purpose: 'refund' }))).toBe('unknown');
    expect(await reason(vault.reveal(cardTok!.token, { actor: 'agent-2', purpose: 'refund' }))).toBe('allowed');
    await vault.eraseSubject(subject, { actor: 'dpo' });
    expect(await reason(vault.reveal(cardTok!.token, { actor: 'agent-3', purpose: 'refund' }))).toBe('erased');
    expect(await reason(vault.reveal(cardTok!.token, { actor: 'agent-2', purpose: 'refund' }))).toBe('erased');
    expect(await reason(vault.reveal(cardTok!.token, { actor: 'agent-2', purpose: 'refund' }))).toBe('rate');
    const log = readFileSync(join(dir, 'audit.jsonl'), 'utf8');
    expect(log).not.toContain(card);
    expect(log).not.toContain(card.slice(0, 12));
    expect(log).not.toContain('555-0132');
    expect(log).not.toContain(subject);
    const entries = log.trim().split('\n').map((l) => JSON.parse(l));
    const reveals = entries.filter((e) => e.kind === 'vault_reveal');
    expect(reveals.map((e) => e.data.reason ?? e.data.outcome)).toEqual(['purpose', 'entity', 'actor', 'unknown', 'allowed', 'erased', 'erased', 'rate']);
    expect(entries.some((e) => e.kind === 'vault_shredded')).toBe(true);
    await audit.close();
  });

  it('the rate limit holds under parallel reveals: reserve, then compare', async () => {
    const vault = await openVault({ store: createMemoryVaultStore(), keys: testKeys(), policy: { purposes: { refund: { entities: ['*'] } }, rateLimit: { max: 5, windowSeconds: 3600 } } });
    const redactor = createRedactor({ masks: { EMAIL: 'token' }, vault: vault.scope({ scope: 's' }) });
    const [tok] = labelTokens(redactor.redact('mail a.b@example.com').text);
    await vault.flush();
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => vault.reveal(tok!.token, { actor: 'agent-9', purpose: 'refund' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
  });

  it('rotation re-wraps data keys under the new version; the old version is needed until then and can be retired after', async () => {
    const store = createMemoryVaultStore();
    const keys = testKeys([1]);
    const v1 = await openVault({ store, keys, policy: REVEAL_ALL });
    const [tok] = labelTokens(createRedactor({ masks: { EMAIL: 'token' }, vault: v1.scope({ scope: 's' }) }).redact('mail x.y@example.org').text);
    await v1.flush();
    const keys2 = { ...keys, keks: { ...keys.keks, '2': testKeys().keks['1']! }, current: 2 };
    const v2 = await openVault({ store, keys: keys2, policy: REVEAL_ALL });
    await expect(v2.retire(1, { actor: 'ops' })).rejects.toThrow(/still wraps 1 data key/);
    expect((await v2.rotate({ actor: 'ops' })).rewrapped).toBe(1);
    await v2.retire(1, { actor: 'ops' });
    const only2 = await openVault({ store, keys: { keks: { '2': keys2.keks['2'] }, current: 2, indexKey: keys.indexKey }, policy: REVEAL_ALL });
    expect((await only2.reveal(tok!.token, { actor: 'a', purpose: 'refund' })).value).toBe('x.y@example.org');
    const only1 = await openVault({ store, keys, policy: REVEAL_ALL });
    await expect(only1.reveal(tok!.token, { actor: 'a', purpose: 'refund' })).rejects.toThrow(/KEK version 2/);
  });

  it('keys are validated without echoing key material', async () => {
    const secret = 'c2VjcmV0LWJ1dC10b28tc2hvcnQ=';
    await expect(openVault({ store: createMemoryVaultStore(), keys: { keks: { '1': secret }, current: 1, indexKey: secret } })).rejects.toThrow(/keys\.keks\.1/);
    await expect(openVault({ store: createMemoryVaultStore(), keys: { keks: { '1': secret }, current: 1, indexKey: secret } })).rejects.not.toThrow(secret);
  });

  it('streams flush the vault before they end: every token in the output is revealable at "finish"', async () => {
    const vault = await vaultWith();
    const redactor = createRedactor({ masks: { EMAIL: 'token' }, vault: vault.scope({ scope: 's' }) });
    const stream = redactor.createStream();
    let out = '';
    stream.on('data', (d: string) => (out += d));
    const done = new Promise((resolve) => stream.on('finish', resolve));
    for (let i = 0; i < 50; i++) stream.write(`mail user${i}@example.net\n`);
    stream.end();
    await done;
    expect(vault.pending).toBe(0);
    const tokens = labelTokens(out);
    expect(tokens).toHaveLength(50);
    for (const t of tokens.slice(0, 5)) expect((await vault.reveal(t.token, { actor: 'a', purpose: 'refund' })).value).toMatch(/^user\d+@example\.net$/);
  });
});

/**
 * `npx tsx benchmarks/vault.ts`: the cost of the `token` mask per finding, against the `label` mask, on the
 * same generated care text in the same run (rounds interleaved, medians). Tokens are deterministic (a keyed
 * HMAC per finding, AES-256-GCM for each new value) and random; the flush to a memory store is timed
 * apart, and once to PostgreSQL when it is up (BENCH_PG=0 skips it).
 */
import { randomBytes } from 'node:crypto';
import { createRedactor } from '../src/index.js';
import { createMemoryVaultStore, openPgVaultStore, openVault } from '../src/vault/index.js';
import { careText } from './corpus.js';

const DOC = 64_000;
const DOCS = Number(process.env.BENCH_DOCS ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ENTITIES = ['CREDIT_CARD', 'PHONE_NUMBER', 'EMAIL', 'US_SSN', 'IBAN', 'PERSON', 'STREET_ADDRESS'];
const docs = Array.from({ length: DOCS }, (_, i) => careText(DOC, 5000 + i).slice(0, DOC));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const keys = { keks: { '1': randomBytes(32).toString('base64') }, current: 1, indexKey: randomBytes(32).toString('base64') };

const vault = await openVault({ store: createMemoryVaultStore(), keys });
const masksOf = (mask: 'label' | 'token') => Object.fromEntries(ENTITIES.map((e) => [e, mask]));
const label = createRedactor({ masks: masksOf('label') });
const tokenDet = createRedactor({ masks: masksOf('token'), vault: vault.scope({ scope: 'bench' }) });
const tokenRnd = createRedactor({ masks: masksOf('token'), vault: vault.scope({ scope: 'bench', mode: 'random' }) });
const findings = docs.reduce((n, d) => n + label.detect(d).filter((f) => ENTITIES.includes(f.entity)).length, 0);

const runs: Record<string, number[]> = { label: [], 'token (deterministic)': [], 'token (random)': [] };
const fns: Record<string, () => void> = {
  label: () => docs.forEach((d) => label.redact(d)),
  'token (deterministic)': () => docs.forEach((d) => tokenDet.redact(d)),
  'token (random)': () => docs.forEach((d) => tokenRnd.redact(d)),
};
for (const fn of Object.values(fns)) fn(); // warm-up
let flushMs: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, fn] of Object.entries(fns)) {
    const t0 = process.hrtime.bigint();
    fn();
    runs[name]!.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const t0 = process.hrtime.bigint();
  await vault.flush();
  flushMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const base = median(runs.label!);
console.log(`${DOCS} documents of ${DOC} chars, ${findings} tokenizable findings per round; node ${process.version}; ${ROUNDS} rounds (median)`);
for (const [name, ms] of Object.entries(runs)) {
  const m = median(ms);
  console.log(`${name.padEnd(22)} ${m.toFixed(0).padStart(6)} ms  ${(m / base).toFixed(2)}x label  ${(((m - base) * 1000) / findings).toFixed(2)} µs/finding over label`);
}
console.log(`flush to memory store   ${median(flushMs).toFixed(1)} ms per round (random tokens: ${findings} new entries each)`);

if (process.env.BENCH_PG !== '0') {
  try {
    const schema = `vault_bench_${process.pid}`;
    const store = await openPgVaultStore({ connectionString: 'postgres://postgres@127.0.0.1:5432/test', schema });
    const pgVault = await openVault({ store, keys });
    const r = createRedactor({ masks: masksOf('token'), vault: pgVault.scope({ scope: 'bench', mode: 'random' }) });
    flushMs = [];
    for (let i = 0; i < 3; i++) {
      docs.forEach((d) => r.redact(d));
      const t0 = process.hrtime.bigint();
      await pgVault.flush();
      flushMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    console.log(`flush to PostgreSQL     ${median(flushMs).toFixed(0)} ms per ${findings} entries (${((median(flushMs) * 1000) / findings).toFixed(1)} µs/entry, one transaction)`);
    const pg = await import('pg');
    const admin = new pg.default.Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/test', max: 1 });
    await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
    await admin.end();
    await pgVault.close();
  } catch (err) {
    console.log(`PostgreSQL flush not measured: ${(err as Error).message}`);
  }
}

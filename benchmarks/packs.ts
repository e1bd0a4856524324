/**
 * `npx tsx benchmarks/packs.ts`: what turning every identifier pack on costs, measured in one run against
 * the default set: (1) time to load and compile every shipped pack (cold in fresh processes, then the
 * median of warm rebuilds), and the first use of the lazily required checksum modules; (2) throughput of redact() on the
 * same generated care text (careDocs), rounds interleaved, medians; (3) recall and hard-negative damage on
 * the labelled corpus (benchmarks/corpus.ts, as bench:accuracy scores it), for the default set, every pack,
 * and safe-harbor mode.
 *
 * Env: PACKS_MB (throughput text, default 4), ROUNDS (default 5), COLD_RUNS (fresh processes per load figure,
 * default 5), ACC_KB / ACC_SEED (corpus, 300 / 42). Run `npm run build` first for the load figures of the
 * package as installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { careDocs, labelledCorpus, splitDocs, type DocKind } from './corpus.js';
import { pct, score } from './peers/score.js';
import { createFormatStream, createRedactor, type Redactor } from '../src/index.js';
import { shippedPackNames } from '../src/rules/load.js';

const TOTAL = Number(process.env.PACKS_MB ?? 4) * 1_000_000;
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const ACC_BYTES = Number(process.env.ACC_KB ?? 300) * 1000;
const ACC_SEED = Number(process.env.ACC_SEED ?? 42);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

// (1) Loading, cold: a fresh process per measurement (modules imported first, not timed), then the first
// createRedactor, which reads, validates and compiles the packs; the default set in the same way for
// comparison. Medians of COLD_RUNS processes each.
const ALL = shippedPackNames();
const COLD_RUNS = Number(process.env.COLD_RUNS ?? 5);
// The built package when there is one (as installed: the pack schema's standalone validator code exists
// only in dist/), else the sources through tsx (which compile the schema at start-up, slower).
const DIST = new URL('../dist/', import.meta.url);
const BUILT = existsSync(new URL('index.js', DIST)) && existsSync(new URL('rules/pack-schema.validate.cjs', DIST));
function coldLoad(packs: 'default' | 'all'): number {
  const src = BUILT ? DIST.href : new URL('../src/', import.meta.url).href;
  const code = `const { createRedactor } = await import('${src}index.js'); const { shippedPackNames } = await import('${src}rules/load.js');
    const t = performance.now(); createRedactor(${packs === 'all' ? '{ packs: shippedPackNames() }' : ''}); console.log(performance.now() - t);`;
  const out = spawnSync(process.execPath, [...(BUILT ? [] : ['--import', 'tsx']), '--input-type=module', '-e', code], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  return Number(out.stdout.trim());
}
const cold = { default: [] as number[], all: [] as number[] };
for (let i = 0; i < COLD_RUNS; i++) {
  cold.default.push(coldLoad('default'));
  cold.all.push(coldLoad('all'));
}
let t0 = process.hrtime.bigint();
const all = createRedactor({ packs: ALL, currentYear: 2026 });
const warmAll = median(Array.from({ length: 7 }, () => ((t0 = process.hrtime.bigint()), createRedactor({ packs: ALL }), ms(t0))));
const warmDefault = median(Array.from({ length: 7 }, () => ((t0 = process.hrtime.bigint()), createRedactor(), ms(t0))));
// Every checksum module required once (stdnum modules, bs58check, bech32, keccak): one text that reaches each validator.
const everyValidator = all.rules.length;
t0 = process.hrtime.bigint();
all.redact('NHS number 943 476 5919, Aadhaar 2341 2341 2346, PAN ACUPA7085R, GSTIN 27AAPFU0939F1ZV, voter id WKH1186253, DNI 54362315-K, NIE X-2482300W, CF RCCMNL83S18D969H, partita IVA 00743110157, PESEL 44051401359, NRIC S1234567D, UEN 197401143C, ABN 83 914 571 673, ACN 004 085 616, TFN 123 456 782, Medicare 2123 45670 1, HETU 131052-308T, RRN 971013-9019902, BRN 116-82-00276, Thai ID 3101700230704, SIN 046 454 286, CPF 390.533.447-05, CNPJ 16.727.230/0001-97, CURP BOXW310820HNERXN09, RFC GODE561231GR8, Steuer-ID 36 574 261 809, NIR 2 95 10 99 126 111 93, BSN 111222333, rijksregisternummer 85.07.30-033.28, personnummer 880320-0016, CPR 010180-1234, PPS 6433435F, NIF 501 964 843, My Number 1234 5678 9018, ID card 11010519491231002X, ID number 7503305044089, CUIL 20-05536168-2, VAT DE136695976, 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa, 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed, VIN 1M8GDM9AXKP042788, NPI 1234567893, DEA AB1234563, MBI 1EG4-TE5-MK73');
const firstUse = ms(t0);

// (2) Throughput on the same documents, default set and every pack, rounds interleaved.
const docs = [...careDocs(TOTAL, 1000)];
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
const def = createRedactor({ currentYear: 2026 });
const timed = (r: Redactor) => {
  const s = process.hrtime.bigint();
  for (const d of docs) r.redact(d);
  return Number(process.hrtime.bigint() - s) / 1e9;
};
timed(def);
timed(all);
const secs: Record<'default' | 'all', number[]> = { default: [], all: [] };
for (let i = 0; i < ROUNDS; i++) {
  secs.default.push(timed(def));
  secs.all.push(timed(all));
}
const mbps = (k: 'default' | 'all') => bytes / 1e6 / median(secs[k]);

// (3) Recall and damage on the labelled corpus, documents redacted as bench:accuracy does (CSV and JSON
// tickets through their format streams).
const corpus = labelledCorpus({ bytes: ACC_BYTES, seed: ACC_SEED });
const formatOf: Partial<Record<DocKind, 'csv' | 'json'>> = { csv: 'csv', 'json-ticket': 'json' };
async function redactDoc(r: Redactor, d: string, kind: DocKind): Promise<string> {
  const format = formatOf[kind];
  if (!format) return r.redact(d).text;
  let out = '';
  await pipeline(Readable.from([Buffer.from(d)]), createFormatStream(format, r), new Writable({ write(chunk: Buffer | string, _e, cb) { out += chunk.toString(); cb(); } }));
  return out;
}
const safeHarbor = createRedactor({ modes: ['safe-harbor'], currentYear: 2026 });
const rows: string[] = [];
for (const [label, r] of [['default packs', def], ['every pack', all], ['safe-harbor mode', safeHarbor]] as const) {
  const outputs = await Promise.all(splitDocs(corpus).map((d) => redactDoc(r, d.text, d.kind)));
  const s = score(corpus, outputs);
  const damaged = Object.entries(s.byNegative).filter(([, t]) => t.caught > 0).map(([k, t]) => `${k} ${t.caught}/${t.total}`).join(', ') || 'none';
  rows.push(`| ${label} | ${pct(s.recall).toFixed(1)} % | ${s.damage.caught} / ${s.damage.total} (${pct(s.damage).toFixed(2)} %) | ${damaged} |`);
}

console.log(`Loading, first createRedactor of a fresh process (${BUILT ? 'dist/' : 'src/ through tsx'}, median of ${COLD_RUNS}): every pack (${ALL.length} packs, ${everyValidator} rules) ${median(cold.all).toFixed(0)} ms, default set ${median(cold.default).toFixed(0)} ms; warm rebuild median ${warmAll.toFixed(1)} ms (default set ${warmDefault.toFixed(1)} ms); first redact reaching every checksum module ${firstUse.toFixed(0)} ms.`);
console.log('');
console.log(`Throughput, redact() on ${(bytes / 1e6).toFixed(1)} MB of careDocs, ${ROUNDS} interleaved rounds (median):`);
console.log('| packs | MB/s | ratio |');
console.log('|---|---:|---:|');
console.log(`| default (${def.rules.length} rules) | ${mbps('default').toFixed(2)} | 1.00 |`);
console.log(`| every pack (${all.rules.length} rules) | ${mbps('all').toFixed(2)} | ${(mbps('all') / mbps('default')).toFixed(2)} |`);
console.log('');
console.log(`Labelled corpus (labelledCorpus({ bytes: ${ACC_BYTES}, seed: ${ACC_SEED} }), ${corpus.spans.length} values, ${corpus.negatives.length} hard negatives):`);
console.log('| packs | recall | hard negatives damaged | damaged kinds |');
console.log('|---|---:|---:|---|');
for (const row of rows) console.log(row);

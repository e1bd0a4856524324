// What the output gate costs on structured input: redactValue and the JSON/NDJSON streams, on records whose
// member names are clean (the usual case: the pointer token of a clean name is remembered) and on records
// whose member names hold card numbers (every pointer goes through the engine once more).
//
// Run: npx tsx benchmarks/output-gate.ts [other-checkout/src]
// With another checkout's src/ (e.g. the commit before the gate, unpacked with `git archive`), both trees
// are timed in the same process, rounds alternating, and the ratio this/other is printed. Medians of 7.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FormatStream } from '../src/formats/base.js';
import { luhnComplete } from './corpus.js';

interface Tree {
  name: string;
  redactValue(v: unknown): unknown;
  stream(format: 'json' | 'ndjson'): FormatStream;
}

async function load(srcDir: string, name: string): Promise<Tree> {
  const url = (f: string) => pathToFileURL(resolve(srcDir, f)).href;
  const { createRedactor } = (await import(url('redactor.ts'))) as typeof import('../src/redactor.js');
  const { createFormatStream } = (await import(url('formats/index.ts'))) as typeof import('../src/formats/index.js');
  const redactor = createRedactor({ currentYear: 2026 });
  return { name, redactValue: (v) => redactor.redactValue(v), stream: (f) => createFormatStream(f, redactor) as FormatStream };
}

function card(i: number): string {
  return luhnComplete(`4${String(100_000_000_000_000 + i * 7919).slice(0, 14)}`);
}

const cleanRecord = (i: number) => ({
  id: `T-${i}`,
  status: 'open',
  customer: { tier: 'gold', region: 'eu-west' },
  notes: `customer asked about a refund for order ${i}, card ${card(i)} on file`,
  tags: ['billing', 'refund'],
  card_number: card(i + 1),
  cvv: 123,
  amount: 42.5,
});
const dirtyKeyRecord = (i: number) => ({ id: `T-${i}`, [`card ${card(i)}`]: 'x', nested: { [card(i + 2)]: { ok: true } }, notes: 'nothing to see' });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median ms of each tree over 7 rounds, the trees alternating within a round. */
function timeAll(trees: Tree[], fn: (t: Tree) => void): number[] {
  for (const t of trees) fn(t); // warm-up
  const ms: number[][] = trees.map(() => []);
  for (let r = 0; r < 7; r++) {
    trees.forEach((t, k) => {
      const start = performance.now();
      fn(t);
      ms[k]!.push(performance.now() - start);
    });
  }
  return ms.map(median);
}

const trees = [await load(new URL('../src/', import.meta.url).pathname, 'this')];
if (process.argv[2]) trees.push(await load(process.argv[2], 'other'));

const N = 2_000;
const clean = Array.from({ length: N }, (_, i) => cleanRecord(i));
const dirty = Array.from({ length: N }, (_, i) => dirtyKeyRecord(i));

function report(label: string, medians: number[], unit: (ms: number) => string): void {
  const ratio = medians.length > 1 ? `   this/other time: ${(medians[0]! / medians[1]!).toFixed(2)}` : '';
  console.log(`${label.padEnd(44)} ${medians.map((m, k) => `${trees[k]!.name} ${unit(m)}`).join('   ')}${ratio}`);
}

const perRecord = (ms: number) => `${((ms / N) * 1000).toFixed(1)} µs/record`;
report('redactValue, clean member names', timeAll(trees, (t) => clean.forEach((r) => t.redactValue(r))), perRecord);
report('redactValue, card numbers in member names', timeAll(trees, (t) => dirty.forEach((r) => t.redactValue(r))), perRecord);

function run(t: Tree, format: 'json' | 'ndjson', text: string): void {
  const s = t.stream(format);
  for (let i = 0; i < text.length; i += 65536) s.redactChunk(text.slice(i, i + 65536));
  s.redactEnd();
}
for (const [label, records] of [
  ['clean member names', clean],
  ['card numbers in member names', dirty],
] as const) {
  const json = JSON.stringify(records, null, 2);
  const ndjson = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  for (const [format, text] of [
    ['json', json],
    ['ndjson', ndjson],
  ] as const) {
    const mb = Buffer.byteLength(text) / 1e6;
    report(`${format} stream, ${label}`, timeAll(trees, (t) => run(t, format, text)), (ms) => `${(mb / (ms / 1000)).toFixed(2)} MB/s`);
  }
}

/**
 * `npm run bench:accuracy`: per-entity recall and hard-negative damage of caregate and the npm peers on the
 * same labelled corpus (benchmarks/corpus.ts), as Markdown tables. Each redactor runs in its own child
 * process (benchmarks/peers/runner.ts) and redacts the corpus document by document.
 *
 * A value is leaked when its text, or for numbers its digit string, survives in the output; a hard negative
 * is damaged when its text does not survive (benchmarks/peers/score.ts).
 *
 * Env: ACC_KB (corpus size, default 300), ACC_SEED (default 42), BENCH_DEBUG=1 (leaked and damaged
 * examples; the corpus is generated test data), BENCH_DEBUG=all (also for the peers).
 */
import { ENTITIES, NEGATIVE_KINDS, labelledCorpus } from './corpus.js';
import { spawnEngine } from './peers/child.js';
import { PEERS, type EngineName } from './peers/engines.js';
import { pct, score, type Score } from './peers/score.js';

export const ACC_BYTES = Number(process.env.ACC_KB ?? 300) * 1000;
export const ACC_SEED = Number(process.env.ACC_SEED ?? 42);
const DEBUG = process.env.BENCH_DEBUG ?? '';

/** Redacts the accuracy corpus in a child per engine (two at a time: the machine has two cores). */
export async function runAccuracy(engines: readonly EngineName[]): Promise<Map<EngineName, { score: Score; seconds: number }>> {
  const corpus = labelledCorpus({ bytes: ACC_BYTES, seed: ACC_SEED });
  const results = new Map<EngineName, { score: Score; seconds: number }>();
  const queue = [...engines];
  const worker = async () => {
    for (let e = queue.shift(); e; e = queue.shift()) {
      const child = await spawnEngine(e);
      try {
        const { outputs, seconds } = await child.ask<{ outputs: string[]; seconds: number }>({ cmd: 'accuracy', bytes: ACC_BYTES, seed: ACC_SEED });
        results.set(e, { score: score(corpus, outputs), seconds });
      } finally {
        await child.close();
      }
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

const f1 = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(1));

export function accuracyTables(results: Map<EngineName, { score: Score; seconds: number }>, engines: readonly EngineName[]): string {
  const cg = results.get('caregate')!.score;
  const out: string[] = [];
  const corpus = labelledCorpus({ bytes: ACC_BYTES, seed: ACC_SEED });
  out.push(`Corpus: labelledCorpus({ bytes: ${ACC_BYTES}, seed: ${ACC_SEED} }) — ${corpus.text.length} chars, ${corpus.docs.length} documents (notes, transcripts, e-mails, chats, CSV, JSON tickets), ${corpus.spans.length} labelled values, ${corpus.negatives.length} hard negatives.`);
  out.push('');
  out.push(`| entity | n | ${engines.join(' | ')} |`);
  out.push(`|---|---:|${engines.map(() => '---:').join('|')}|`);
  for (const e of ENTITIES) {
    const n = cg.byEntity[e]?.total ?? 0;
    const best = Math.max(...engines.map((x) => pct(results.get(x)!.score.byEntity[e]) || 0));
    out.push(`| ${e} | ${n} | ${engines.map((x) => { const v = pct(results.get(x)!.score.byEntity[e]); return x === 'caregate' && v < best ? `**${f1(v)}** ✗` : f1(v); }).join(' | ')} |`);
  }
  out.push(`| **overall recall** | ${cg.recall.total} | ${engines.map((x) => `**${f1(pct(results.get(x)!.score.recall))}**`).join(' | ')} |`);
  out.push('');
  out.push('Recall in % (values whose text and digit string are both gone from the output). ✗: caregate below a peer.');
  out.push('');
  out.push(`| hard negative | n | ${engines.map((x) => `${x} damage`).join(' | ')} |`);
  out.push(`|---|---:|${engines.map(() => '---:').join('|')}|`);
  for (const k of NEGATIVE_KINDS) out.push(`| ${k} | ${cg.byNegative[k]?.total ?? 0} | ${engines.map((x) => f1(pct(results.get(x)!.score.byNegative[k]))).join(' | ')} |`);
  out.push(`| **overall damage** | ${cg.damage.total} | ${engines.map((x) => `**${f1(pct(results.get(x)!.score.damage))}**`).join(' | ')} |`);
  out.push('');
  out.push('Damage in % (negatives whose text does not survive).');
  return out.join('\n');
}

/** The targets of issue 3 that concern accuracy, and what misses them. */
export function accuracyTargets(results: Map<EngineName, { score: Score; seconds: number }>): string[] {
  const cg = results.get('caregate')!.score;
  const lines: string[] = [];
  for (const e of ENTITIES) {
    const mine = pct(cg.byEntity[e]);
    for (const p of PEERS) {
      const theirs = pct(results.get(p)?.score.byEntity[e]);
      if (theirs > mine) lines.push(`MISS recall ${e}: caregate ${f1(mine)}% < ${p} ${f1(theirs)}%`);
    }
  }
  const dmg = pct(cg.damage);
  lines.push(`${dmg <= 0.5 ? 'MET ' : 'MISS'} hard-negative damage ${dmg.toFixed(2)}% (target ≤ 0.5%)`);
  if (lines.length === 1 && dmg <= 0.5) lines.unshift('MET  recall ≥ every peer on every entity');
  return lines;
}

function debug(name: string, s: Score): void {
  console.log(`\n--- ${name}: leaked formats (caught/total) ---`);
  for (const [k, t] of Object.entries(s.byFormat).sort()) {
    if (t.caught === t.total) continue;
    console.log(`${k}: ${t.caught}/${t.total}`);
    for (const ex of s.leakedExamples[k] ?? []) console.log(`    ${ex}`);
  }
  console.log(`--- ${name}: damaged negatives ---`);
  for (const [k, exs] of Object.entries(s.damagedExamples)) {
    console.log(`${k}: ${s.byNegative[k]!.caught}/${s.byNegative[k]!.total}`);
    for (const ex of exs) console.log(`    ${ex}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const engines: EngineName[] = ['caregate', ...PEERS];
  const results = await runAccuracy(engines);
  console.log(`node ${process.version}, ${(await import('node:os')).availableParallelism()} cores, ${new Date().toISOString().slice(0, 10)}\n`);
  console.log(accuracyTables(results, engines));
  console.log(`\nSeconds to redact the corpus: ${engines.map((e) => `${e} ${results.get(e)!.seconds.toFixed(2)}`).join(', ')}`);
  console.log('\nTargets:');
  for (const l of accuracyTargets(results)) console.log(`  ${l}`);
  if (DEBUG) for (const e of DEBUG === 'all' ? engines : (['caregate'] as const)) debug(e, results.get(e)!.score);
}

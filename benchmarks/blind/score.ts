/**
 * Scores caregate's default redactor on the blind corpus.
 *
 *   npx tsx benchmarks/blind/score.ts --seeds 1-20 --docs 2000          # tuning seeds
 *   npx tsx benchmarks/blind/score.ts --seeds 1001-1020 --docs 2000     # held-out seeds
 *   npx tsx benchmarks/blind/score.ts --seeds 1-20 --vs 1001-1020       # both, side by side, with the gap
 *   add --json out.json to also write every figure (per entity, form, document kind, negative kind)
 *   add --stream to score the Node stream's output instead (and count outputs unlike one-shot)
 */
import { writeFileSync } from 'node:fs';
import { createRedactor } from '../../src/index.js';
import { generateDocument } from './corpus.js';
import { ENTITIES, type LabelledDocument } from './doc.js';
import { documentSeed, Rng } from './rng.js';
import { align, isAltered, isMasked, isTyped, unlabelledWords, type FindingLike } from './scoring.js';
import { redactStreamed } from './streamed.js';

interface Tally {
  n: number;
  masked: number;
  typed: number;
}

export interface Score {
  seeds: number[];
  docs: number;
  labels: number;
  negatives: number;
  redactorErrors: number;
  alignmentFailures: number;
  entities: Record<string, Tally>;
  forms: Record<string, Tally>;
  kinds: Record<string, Tally>;
  languages: Record<string, Tally>;
  negativeKinds: Record<string, { n: number; damaged: number }>;
  negativesDamaged: number;
  unlabelledWords: number;
  wordsAltered: number;
  overall: Tally;
  /**
   * Standard error of each entity's recall, in points, counting documents as the unit drawn: values of
   * one document (the rows of one CSV, one caller's card) are masked or missed together.
   */
  standardErrors: Record<string, number>;
}

export function parseSeeds(spec: string): number[] {
  const seeds: number[] = [];
  for (const part of spec.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
    if (!m) throw new Error(`--seeds: cannot read "${part}"; write a range like 1-20 or a list like 1,2,5`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) throw new Error(`--seeds: range "${part}" ends before it starts; write the smaller seed first`);
    for (let s = from; s <= to; s++) seeds.push(s);
  }
  return seeds;
}

/** `docs` documents spread evenly over the seeds (document i of seed s for i < docs/seeds). */
export function corpusFor(seeds: number[], docs: number): LabelledDocument[] {
  const perSeed = Math.max(1, Math.round(docs / seeds.length));
  return seeds.flatMap((s) => Array.from({ length: perSeed }, (_, i) => generateDocument(s, i)));
}

/** Counts one value under `key` of a tally table. */
export const bump = (t: Record<string, Tally>, key: string, masked: boolean, typed: boolean) => {
  const x = (t[key] ??= { n: 0, masked: 0, typed: 0 });
  x.n++;
  if (masked) x.masked++;
  if (typed) x.typed++;
};

function emptyScore(seeds: number[], docs: number): Score {
  return {
    seeds, docs, labels: 0, negatives: 0, redactorErrors: 0, alignmentFailures: 0, entities: {}, forms: {}, kinds: {}, languages: {},
    negativeKinds: {}, negativesDamaged: 0, unlabelledWords: 0, wordsAltered: 0, overall: { n: 0, masked: 0, typed: 0 },
    standardErrors: {},
  };
}

/** Per entity, per document: [values, masked]. */
type DocumentTallies = Map<string, [number, number][]>;

function recordDocument(perDoc: DocumentTallies, doc: LabelledDocument, maskedFlags: boolean[]): void {
  const here = new Map<string, [number, number]>();
  doc.labels.forEach((l, i) => {
    for (const key of [l.entity, 'all']) {
      const t = here.get(key) ?? [0, 0];
      t[0]++;
      if (maskedFlags[i]) t[1]++;
      here.set(key, t);
    }
  });
  for (const [key, t] of here) perDoc.set(key, [...(perDoc.get(key) ?? []), t]);
}

/** Cluster-robust standard error of a share (documents as clusters), in points. */
function clusteredStandardError(tallies: [number, number][]): number {
  const n = tallies.reduce((a, [x]) => a + x, 0);
  const d = tallies.length;
  if (n === 0 || d < 2) return 0;
  const p = tallies.reduce((a, [, m]) => a + m, 0) / n;
  const sum = tallies.reduce((a, [x, m]) => a + (m - p * x) ** 2, 0);
  return 100 * Math.sqrt((d / (d - 1)) * sum) / n;
}

function finish(s: Score, perDoc: DocumentTallies): void {
  for (const [key, tallies] of perDoc) s.standardErrors[key] = Number(clusteredStandardError(tallies).toFixed(2));
}

/** Counts one labelled value, masked (nothing informative left) and typed (under its own entity) or not. */
export function tallyLabel(s: Score, doc: { kind: string; language: string }, label: { entity: string; form: string }, masked: boolean, typed: boolean): void {
  s.labels++;
  bump(s.entities, label.entity, masked, typed);
  bump(s.forms, `${label.entity} ${label.form}`, masked, typed);
  bump(s.kinds, doc.kind, masked, typed);
  bump(s.languages, doc.language, masked, typed);
  s.overall.n++;
  if (masked) s.overall.masked++;
  if (typed) s.overall.typed++;
}

/** Adds one document's figures, given what the redactor wrote and the findings it reported. */
function addDocument(s: Score, doc: LabelledDocument, output: string, findings: FindingLike[], perDoc: DocumentTallies): void {
  let map;
  try {
    map = align(doc.text, output, findings);
  } catch {
    // An output we cannot map is scored as if nothing was masked, and counted.
    s.alignmentFailures++;
    map = [...doc.text];
  }
  const flags: boolean[] = [];
  for (const label of doc.labels) {
    const masked = isMasked(doc, label, map);
    flags.push(masked);
    tallyLabel(s, doc, label, masked, isTyped(label, findings));
  }
  for (const n of doc.negatives) {
    const damaged = isAltered(map, n.span, doc.text);
    s.negatives++;
    const k = (s.negativeKinds[n.kind] ??= { n: 0, damaged: 0 });
    k.n++;
    if (damaged) {
      k.damaged++;
      s.negativesDamaged++;
    }
  }
  recordDocument(perDoc, doc, flags);
  const w = unlabelledWords(doc, map);
  s.unlabelledWords += w.words;
  s.wordsAltered += w.altered;
}

/** Scores `redact()` (one shot) on the documents. */
export function scoreCorpus(seeds: number[], docs: LabelledDocument[]): Score {
  const redactor = createRedactor();
  const s = emptyScore(seeds, docs.length);
  const perDoc: DocumentTallies = new Map();
  for (const doc of docs) {
    const res = redactor.redact(doc.text);
    s.redactorErrors += res.errors.length;
    addDocument(s, doc, res.text, res.findings, perDoc);
  }
  finish(s, perDoc);
  return s;
}

/** Scores the Node stream, each document written in 2–6 pieces cut at seeded places; counts outputs unlike one-shot. */
export async function scoreStreamed(seeds: number[], docs: LabelledDocument[]): Promise<Score & { differsFromOneShot: number }> {
  const redactor = createRedactor();
  const s = { ...emptyScore(seeds, docs.length), differsFromOneShot: 0 };
  const perDoc: DocumentTallies = new Map();
  for (const doc of docs) {
    const streamed = await redactStreamed(redactor, doc.text, new Rng(documentSeed(doc.seed, doc.index) ^ 0x5eed));
    if (streamed.text !== redactor.redact(doc.text).text) s.differsFromOneShot++;
    addDocument(s, doc, streamed.text, streamed.findings, perDoc);
  }
  finish(s, perDoc);
  return s;
}

const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`);

/** Half-width, in points, of the 95% interval of the gap between two seed sets of this generator. */
const gapMargin = (a: Score, b: Score, key: string) => {
  const x = a.standardErrors[key];
  const y = b.standardErrors[key];
  return x === undefined || y === undefined ? '–' : `±${(1.96 * Math.sqrt(x * x + y * y)).toFixed(1)}`;
};

export function entityTable(a: Score, b?: Score): string {
  const head = b
    ? '| entity | tuning n | tuning recall | held-out n | held-out recall | gap (points) | chance margin of the gap | held-out typed |\n|---|---:|---:|---:|---:|---:|---:|---:|'
    : '| entity | n | recall (span) | typed recall |\n|---|---:|---:|---:|';
  const mean = (x: Score) => {
    const shares = ENTITIES.map((e) => x.entities[e]).filter((t): t is Tally => !!t && t.n > 0).map((t) => t.masked / t.n);
    return `${((100 * shares.reduce((p, q) => p + q, 0)) / shares.length).toFixed(1)}%`;
  };
  const rows = [...ENTITIES, 'all'].map((e) => {
    const x = e === 'all' ? a.overall : a.entities[e];
    if (!b) return `| ${e} | ${x?.n ?? 0} | ${pct(x?.masked ?? 0, x?.n ?? 0)} | ${pct(x?.typed ?? 0, x?.n ?? 0)} |`;
    const y = e === 'all' ? b.overall : b.entities[e];
    const gap = x && y && x.n && y.n ? ((100 * x.masked) / x.n - (100 * y.masked) / y.n).toFixed(1) : '–';
    return `| ${e} | ${x?.n ?? 0} | ${pct(x?.masked ?? 0, x?.n ?? 0)} | ${y?.n ?? 0} | ${pct(y?.masked ?? 0, y?.n ?? 0)} | ${gap} | ${gapMargin(a, b, e)} | ${pct(y?.typed ?? 0, y?.n ?? 0)} |`;
  });
  rows.push(b ? `| mean of entities | | ${mean(a)} | | ${mean(b)} | | | |` : `| mean of entities | | ${mean(a)} | |`);
  const damage = (x: Score) => `${pct(x.negativesDamaged, x.negatives)} of ${x.negatives}`;
  const words = (x: Score) => `${pct(x.wordsAltered, x.unlabelledWords)} of ${x.unlabelledWords}`;
  const tail = b
    ? [`| hard negatives damaged | | ${damage(a)} | | ${damage(b)} | | | |`, `| unlabelled words altered | | ${words(a)} | | ${words(b)} | | | |`]
    : [`| hard negatives damaged | ${a.negatives} | ${damage(a)} | |`, `| unlabelled words altered | ${a.unlabelledWords} | ${words(a)} | |`];
  return [head, ...rows, ...tail].join('\n');
}

/** The forms with the lowest recall (at least `min` values), for finding what to look at. */
export function weakestForms(s: Score, limit = 25, min = 10): string {
  const rows = Object.entries(s.forms)
    .filter(([, t]) => t.n >= min)
    .sort(([, x], [, y]) => x.masked / x.n - y.masked / y.n)
    .slice(0, limit)
    .map(([k, t]) => `| ${k} | ${t.n} | ${pct(t.masked, t.n)} |`);
  return ['| entity form | n | recall |', '|---|---:|---:|', ...rows].join('\n');
}

function kindTable(s: Score): string {
  const rows = Object.entries(s.kinds).map(([k, t]) => `| ${k} | ${t.n} | ${pct(t.masked, t.n)} |`);
  const langs = Object.entries(s.languages).map(([k, t]) => `| ${k} | ${t.n} | ${pct(t.masked, t.n)} |`);
  const negs = Object.entries(s.negativeKinds)
    .sort(([, x], [, y]) => y.damaged / y.n - x.damaged / x.n)
    .map(([k, t]) => `| ${k} | ${t.n} | ${pct(t.damaged, t.n)} |`);
  return ['| document kind | values | recall |', '|---|---:|---:|', ...rows, '', '| language | values | recall |', '|---|---:|---:|', ...langs, '', '| hard negative kind | n | damaged |', '|---|---:|---:|', ...negs].join('\n');
}

/** The value after `--name` on the command line, if given. */
export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** `--docs`, the number of documents per seed set. */
export function docsArg(fallback: number): number {
  const docs = Number(arg('docs') ?? fallback);
  if (!Number.isInteger(docs) || docs < 1) throw new Error(`--docs: "${arg('docs')}" is not a positive whole number of documents`);
  return docs;
}

async function main(): Promise<void> {
  const seeds = parseSeeds(arg('seeds') ?? '1-20');
  const docs = docsArg(2000);
  const vs = arg('vs');
  const streamed = process.argv.includes('--stream');
  const score = async (ss: number[]) => (streamed ? scoreStreamed(ss, corpusFor(ss, docs)) : scoreCorpus(ss, corpusFor(ss, docs)));
  const a = await score(seeds);
  const b = vs ? await score(parseSeeds(vs)) : undefined;
  if (streamed) console.log('Streamed output (Node stream, 2–6 pieces per document)');
  const describe = (x: Score) => {
    const differs = 'differsFromOneShot' in x ? `, ${String(x.differsFromOneShot)} streamed outputs unlike one-shot` : '';
    return `seeds ${x.seeds[0]}–${x.seeds[x.seeds.length - 1]}: ${x.docs} documents, ${x.labels} labelled values, ${x.negatives} hard negatives, ${x.redactorErrors} redactor errors, ${x.alignmentFailures} outputs not alignable${differs}`;
  };
  console.log(describe(a));
  if (b) console.log(describe(b));
  console.log('\n' + entityTable(a, b));
  const last = b ?? a;
  console.log(`\nWeakest forms (${b ? 'held-out' : 'these'} seeds):\n\n${weakestForms(last)}`);
  console.log(`\n${kindTable(last)}`);
  const out = arg('json');
  if (out) writeFileSync(out, JSON.stringify(b ? { tuning: a, heldOut: b } : a, null, 2));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}

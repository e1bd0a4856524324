/**
 * Scores a caregate build on the narrative corpus, with the blind corpus's span scoring.
 *
 *   npx tsx benchmarks/narrative/score.ts --seeds 1-20 --docs 300                      # tuning seeds
 *   npx tsx benchmarks/narrative/score.ts --seeds 1-20 --vs 1001-1020 --docs 1500      # with held-out seeds
 *   add --engine /work/wt/other/dist/index.js to score another build's createRedactor
 *   add --json out.json to write every figure
 *   add --misses 40 to print 40 missed values and damaged negatives (tuning seeds only)
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LabelledDocument } from '../blind/doc.js';
import { arg, bump, docsArg, entityTable, parseSeeds, tallyLabel, weakestForms, type Score } from '../blind/score.js';
import { align, isAltered, isMasked, isTyped, labelText, survivingText, unlabelledWords, type FindingLike } from '../blind/scoring.js';
import { generateDocument, type NarrativeDocument } from './corpus.js';
import { nameScript } from './people.js';

interface Tally {
  n: number;
  masked: number;
  typed: number;
}

/** What the scorer needs of a redactor; any caregate build's `createRedactor()` gives it. */
export interface RedactorLike {
  redact(text: string): { text: string; findings: FindingLike[]; errors: unknown[] };
}
export type CreateRedactor = () => RedactorLike;

export interface NarrativeScore extends Score {
  /** PERSON recall per script of the name (`latin-ascii`, `latin-extended`, `cyrillic`…). */
  personScripts: Record<string, Tally>;
  /** PERSON and STREET_ADDRESS recall per document language. */
  entityLanguages: Record<string, Tally>;
  /** Unlabelled words and how many were altered, per genre (`plain` documents included). */
  wordsByKind: Record<string, { words: number; altered: number }>;
}

export function corpusFor(seeds: number[], docs: number): NarrativeDocument[] {
  const perSeed = Math.max(1, Math.round(docs / seeds.length));
  return seeds.flatMap((s) => Array.from({ length: perSeed }, (_, i) => generateDocument(s, i)));
}

/** The scoring functions read a document's text, labels and negatives only; its kind here is a genre. */
const scorable = (doc: NarrativeDocument) => doc as unknown as LabelledDocument;

/** Cluster-robust standard error of a share in points, documents as clusters (as in ../blind/score.ts). */
function clusteredError(tallies: [number, number][]): number {
  const n = tallies.reduce((a, [x]) => a + x, 0);
  const d = tallies.length;
  if (n === 0 || d < 2) return 0;
  const p = tallies.reduce((a, [, m]) => a + m, 0) / n;
  const sum = tallies.reduce((a, [x, m]) => a + (m - p * x) ** 2, 0);
  return Number(((100 * Math.sqrt((d / (d - 1)) * sum)) / n).toFixed(2));
}

/** What went wrong in one document, for looking at tuning seeds (`--misses`). */
export interface Miss {
  seed: number;
  index: number;
  entity: string;
  form: string;
  /** The value as written, and what the redactor left of it. */
  value: string;
  left: string;
}

export function scoreCorpus(createRedactor: CreateRedactor, seeds: number[], docs: NarrativeDocument[], misses?: Miss[], altered?: string[]): NarrativeScore {
  const redactor = createRedactor();
  const s: NarrativeScore = {
    seeds, docs: docs.length, labels: 0, negatives: 0, redactorErrors: 0, alignmentFailures: 0, entities: {}, forms: {}, kinds: {},
    languages: {}, negativeKinds: {}, negativesDamaged: 0, unlabelledWords: 0, wordsAltered: 0, overall: { n: 0, masked: 0, typed: 0 },
    standardErrors: {}, personScripts: {}, entityLanguages: {}, wordsByKind: {},
  };
  const perDoc = new Map<string, [number, number][]>();
  for (const narrative of docs) {
    const doc = scorable(narrative);
    const res = redactor.redact(doc.text);
    s.redactorErrors += res.errors.length;
    let map;
    try {
      map = align(doc.text, res.text, res.findings);
    } catch {
      s.alignmentFailures++;
      map = [...doc.text];
    }
    const here = new Map<string, [number, number]>();
    for (const label of doc.labels) {
      const masked = isMasked(doc, label, map);
      if (!masked && misses) misses.push({ seed: doc.seed, index: doc.index, entity: label.entity, form: label.form, value: labelText(doc, label), left: survivingText(map, label.parts) });
      const typed = masked && isTyped(label, res.findings);
      tallyLabel(s, doc, label, masked, typed);
      if (label.entity === 'PERSON') bump(s.personScripts, nameScript(labelText(doc, label)), masked, typed);
      if (label.entity === 'PERSON' || label.entity === 'STREET_ADDRESS') bump(s.entityLanguages, `${label.entity} ${doc.language}`, masked, typed);
      for (const key of [label.entity, 'all']) {
        const t = here.get(key) ?? [0, 0];
        t[0]++;
        if (masked) t[1]++;
        here.set(key, t);
      }
    }
    for (const [key, t] of here) perDoc.set(key, [...(perDoc.get(key) ?? []), t]);
    for (const n of doc.negatives) {
      const damaged = isAltered(map, n.span, doc.text);
      const k = (s.negativeKinds[n.kind] ??= { n: 0, damaged: 0 });
      s.negatives++;
      k.n++;
      if (damaged) {
        k.damaged++;
        s.negativesDamaged++;
        altered?.push(`${n.kind}: ${doc.text.slice(n.span.start, n.span.end)}`);
      }
    }
    const w = unlabelledWords(doc, map);
    s.unlabelledWords += w.words;
    s.wordsAltered += w.altered;
    const k = (s.wordsByKind[doc.kind] ??= { words: 0, altered: 0 });
    k.words += w.words;
    k.altered += w.altered;
  }
  for (const [key, tallies] of perDoc) s.standardErrors[key] = clusteredError(tallies);
  return s;
}

const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`);

/** Rows of `pick(score)` for one or two scores side by side. */
function breakdown(title: string, a: NarrativeScore, b: NarrativeScore | undefined, pick: (s: NarrativeScore) => Record<string, Tally>): string {
  const keys = [...new Set([...Object.keys(pick(a)), ...(b ? Object.keys(pick(b)) : [])])].sort();
  const cell = (t: Tally | undefined) => `${t?.n ?? 0} | ${pct(t?.masked ?? 0, t?.n ?? 0)}`;
  const head = b ? `| ${title} | tuning n | tuning recall | held-out n | held-out recall |\n|---|---:|---:|---:|---:|` : `| ${title} | n | recall |\n|---|---:|---:|`;
  return [head, ...keys.map((k) => `| ${k} | ${cell(pick(a)[k])}${b ? ` | ${cell(pick(b)[k])}` : ''} |`)].join('\n');
}

function wordsTable(s: NarrativeScore): string {
  const rows = Object.entries(s.wordsByKind).sort(([x], [y]) => x.localeCompare(y)).map(([k, t]) => `| ${k} | ${t.words} | ${pct(t.altered, t.words)} |`);
  return ['| genre | unlabelled words | altered |', '|---|---:|---:|', ...rows].join('\n');
}

/** PERSON recall of names holding a non-ASCII letter against all-ASCII ones. */
function asciiSplit(s: NarrativeScore): { ascii: Tally; nonAscii: Tally } {
  const ascii = s.personScripts['latin-ascii'] ?? { n: 0, masked: 0, typed: 0 };
  const all = s.entities.PERSON ?? { n: 0, masked: 0, typed: 0 };
  return { ascii, nonAscii: { n: all.n - ascii.n, masked: all.masked - ascii.masked, typed: all.typed - ascii.typed } };
}

export function report(a: NarrativeScore, b?: NarrativeScore): string {
  const describe = (x: NarrativeScore) =>
    `seeds ${x.seeds[0]}–${x.seeds[x.seeds.length - 1]}: ${x.docs} documents, ${x.labels} labelled values, ${x.negatives} hard negatives, ${x.redactorErrors} redactor errors, ${x.alignmentFailures} outputs not alignable`;
  const split = (x: NarrativeScore, name: string) => {
    const { ascii, nonAscii } = asciiSplit(x);
    return `PERSON recall (${name}): ASCII names ${pct(ascii.masked, ascii.n)} of ${ascii.n}, names with a non-ASCII letter ${pct(nonAscii.masked, nonAscii.n)} of ${nonAscii.n}`;
  };
  const last = b ?? a;
  const negs = Object.entries(last.negativeKinds)
    .sort(([, x], [, y]) => y.damaged / y.n - x.damaged / x.n)
    .map(([k, t]) => `| ${k} | ${t.n} | ${pct(t.damaged, t.n)} |`);
  return [
    describe(a), ...(b ? [describe(b)] : []), '',
    // Entities this corpus never writes (CVVs, routing numbers…) are left out of the blind corpus's table.
    entityTable(a, b).split('\n').filter((row) => !/^\| [A-Z_]+ \| 0 \| – \|( 0 \| – \|)?/.test(row)).join('\n'), '',
    split(a, 'tuning'), ...(b ? [split(b, 'held-out')] : []), '',
    breakdown('PERSON by script', a, b, (x) => x.personScripts), '',
    breakdown('entity, language', a, b, (x) => x.entityLanguages), '',
    breakdown('genre (all values)', a, b, (x) => x.kinds), '',
    wordsTable(last), '',
    `Weakest forms (${b ? 'held-out' : 'these'} seeds):`, '', weakestForms(last, 30), '',
    '| hard negative kind | n | damaged |', '|---|---:|---:|', ...negs,
  ].join('\n');
}

/** `createRedactor` of the build at `path` (a JS or TS module), or of this worktree's source by default. */
export async function loadEngine(path: string | undefined): Promise<CreateRedactor> {
  const url = path ? pathToFileURL(resolve(path)).href : new URL('../../src/index.js', import.meta.url).href;
  const mod = (await import(url)) as { createRedactor?: CreateRedactor };
  if (typeof mod.createRedactor !== 'function') throw new Error(`--engine: ${path ?? url} exports no createRedactor; pass a caregate build's index.js`);
  return mod.createRedactor;
}

async function main(): Promise<void> {
  const seeds = parseSeeds(arg('seeds') ?? '1-20');
  const docs = docsArg(1500);
  const engine = await loadEngine(arg('engine'));
  const vs = arg('vs');
  const show = arg('misses') === undefined ? 0 : Number(arg('misses'));
  // Held-out seeds are for reporting only: their misses are never printed.
  if (show > 0 && seeds.some((x) => x > 1000)) throw new Error('--misses: only for tuning seeds (1–1000); held-out seeds are for reporting figures');
  const misses: Miss[] = [];
  const damaged: string[] = [];
  const a = scoreCorpus(engine, seeds, corpusFor(seeds, docs), show > 0 ? misses : undefined, show > 0 ? damaged : undefined);
  const b = vs ? scoreCorpus(engine, parseSeeds(vs), corpusFor(parseSeeds(vs), docs)) : undefined;
  console.log(`engine: ${arg('engine') ?? 'this worktree (src/index.ts)'}`);
  console.log(report(a, b));
  if (show > 0) {
    const pick = <T>(xs: T[]) => xs.filter((_, i) => i % Math.max(1, Math.floor(xs.length / show)) === 0).slice(0, show);
    console.log(`\nMissed values (tuning seeds, ${show} of ${misses.length}, spread evenly):`);
    for (const m of pick(misses)) console.log(`  seed ${m.seed} doc ${m.index} ${m.entity} ${m.form}: ${JSON.stringify(m.value)} -> left ${JSON.stringify(m.left)}`);
    console.log(`\nDamaged hard negatives (tuning seeds, ${show} of ${damaged.length}):`);
    for (const d of pick(damaged)) console.log(`  ${d}`);
  }
  const out = arg('json');
  if (out) writeFileSync(out, JSON.stringify(b ? { tuning: a, heldOut: b } : a, null, 2));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}

/**
 * Work at the scanner's hits (issue 20): the form each was read with before beside the form that reads it now,
 * on the hits redact() meets in held-out sparse and dense care text (benchmarks/blind-text.ts), in one run:
 *   npm run build && npx tsx benchmarks/keyword-hits.ts          (HITS_MB=1 per corpus, HITS_ROUNDS=5 by default)
 *
 * - keyword phrases: at every word whose first word starts a shipped phrase, each phrase of its entry tried
 *   as keywordAt tries them, by its sticky regex (before) and by character code (src/detect/phrase-literal.ts);
 * - speaker labels: speakerLabelAt at every line start, with a regex per character (before, kept here) and
 *   by character code for ASCII (src/detect/turn-label.ts); both call today's turnLabelEnd;
 * - card cells: the cells of every line split on commas, the cell pattern first (before) and its bounds by
 *   character code first (src/detect/table/cell-shapes.ts isCardCell).
 * Each round runs both forms once each (interleaved); figures are medians of ns per hit by CPU time. Both forms
 * must agree on every hit, or the run stops.
 */
import { createRedactor } from 'caregate';
// The build as published (dist/, npm run build first), as the other benchmarks measure it.
import type { ScanPlan, KeywordPhrase } from '../dist/detect/plan.js';
import { phraseLiteralEnd } from '../dist/detect/phrase-literal.js';
import { turnLabelEnd } from '../dist/detect/boundaries.js';
import { speakerLabelAt } from '../dist/detect/turn-label.js';
import { digitsOf, isCardCell } from '../dist/detect/table/cell-shapes.js';
import luhn from 'luhn';
import { hashRange } from '../dist/detect/word-table.js';
import { denseText, sparseText } from './blind-text.js';
import { speakerLabelByRegex } from '../test/support/speaker-label-oracle.js';

const TOTAL = Number(process.env.HITS_MB ?? 1) * 1_000_000;
const ROUNDS = Number(process.env.HITS_ROUNDS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpuNs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
};

const plan = (createRedactor().session() as unknown as { plan: ScanPlan }).plan;
const isLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;

/** Every word start of the text whose word starts keyword phrases, with those phrases. */
function phraseHits(text: string): { at: number; phrases: KeywordPhrase[] }[] {
  const out: { at: number; phrases: KeywordPhrase[] }[] = [];
  for (let s = 0; s < text.length; s++) {
    if (!isLetter(text.charCodeAt(s)) || (s > 0 && isLetter(text.charCodeAt(s - 1)))) continue;
    let e = s;
    while (e < text.length && isLetter(text.charCodeAt(e))) e++;
    const entry = plan.words.lookup(text, s, e, hashRange(text, s, e));
    if (entry && entry.phrases.length) out.push({ at: s, phrases: entry.phrases });
    if (entry && entry.phrasesCs.length) out.push({ at: s, phrases: entry.phrasesCs });
    s = e - 1;
  }
  return out;
}

/** The regex form keywordAt used: the first phrase whose sticky regex matches at the hit. */
function byRegex(text: string, at: number, phrases: KeywordPhrase[]): number {
  for (const p of phrases) {
    p.re.lastIndex = at;
    if (p.re.test(text)) return p.re.lastIndex;
  }
  return -1;
}

function byCode(text: string, at: number, phrases: KeywordPhrase[]): number {
  for (const p of phrases) {
    if (p.lit === null) {
      p.re.lastIndex = at;
      if (p.re.test(text)) return p.re.lastIndex;
      continue;
    }
    const e = phraseLiteralEnd(p.lit, text, at);
    if (e >= 0) return e;
  }
  return -1;
}

/** speakerLabelAt as it read before: a regex per character (test/support/speaker-label-oracle.ts). */
function labelByRegex(text: string, i: number): { label: string; end: number } | null {
  return speakerLabelByRegex(text, i, turnLabelEnd);
}

/** isCardCell as it read before: the pattern first. */
const CARD_CELL = /^\d[\d -]{10,40}\d$/;
function cardCellByRegex(value: string): boolean {
  if (!CARD_CELL.test(value)) return false;
  const d = digitsOf(value);
  return d.length >= 12 && d.length <= 19 && luhn.validate(d);
}

type Case = { name: string; count: number; before: () => number; after: () => number };

function cases(label: string, text: string): Case[] {
  const hits = phraseHits(text);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const cells = text.split('\n').flatMap((l) => (l.includes(',') ? l.split(',').map((c) => c.trim()) : []));
  for (const h of hits) if (byRegex(text, h.at, h.phrases) !== byCode(text, h.at, h.phrases)) throw new Error(`phrases differ at ${h.at}`);
  for (const i of lineStarts) if (JSON.stringify(labelByRegex(text, i)) !== JSON.stringify(speakerLabelAt(text, i))) throw new Error(`labels differ at ${i}`);
  for (const c of cells) if (cardCellByRegex(c) !== isCardCell(c)) throw new Error('card cells differ');
  return [
    { name: `${label}: keyword phrases at word hits`, count: hits.length, before: () => hits.reduce((n, h) => n + byRegex(text, h.at, h.phrases), 0), after: () => hits.reduce((n, h) => n + byCode(text, h.at, h.phrases), 0) },
    { name: `${label}: speaker labels at line starts`, count: lineStarts.length, before: () => lineStarts.reduce((n, i) => n + (labelByRegex(text, i)?.end ?? 0), 0), after: () => lineStarts.reduce((n, i) => n + (speakerLabelAt(text, i)?.end ?? 0), 0) },
    { name: `${label}: card cells of comma lines`, count: cells.length, before: () => cells.reduce((n, c) => n + (cardCellByRegex(c) ? 1 : 0), 0), after: () => cells.reduce((n, c) => n + (isCardCell(c) ? 1 : 0), 0) },
  ];
}

const all = [...cases('sparse', sparseText(TOTAL).docs.join('\n')), ...cases('dense', denseText(TOTAL).docs.join('\n'))];
let sink = 0;
const times = all.map(() => ({ before: [] as number[], after: [] as number[] }));
for (let r = 0; r < ROUNDS + 1; r++) {
  all.forEach((c, k) => {
    for (const form of r % 2 ? (['after', 'before'] as const) : (['before', 'after'] as const)) {
      const t0 = cpuNs();
      sink += c[form]();
      if (r > 0) times[k]![form].push((cpuNs() - t0) / c.count);
    }
  });
}
console.log(`node ${process.version}; ${ROUNDS} interleaved rounds after a warm-up, medians of ns per hit by CPU time (sink ${sink % 10})\n`);
console.log('| hits | count | before (ns/hit) | now (ns/hit) | speed-up |\n|---|---:|---:|---:|---:|');
all.forEach((c, k) => {
  const b = median(times[k]!.before);
  const a = median(times[k]!.after);
  console.log(`| ${c.name} | ${c.count} | ${b.toFixed(0)} | ${a.toFixed(0)} | ${(b / a).toFixed(2)}× |`);
});

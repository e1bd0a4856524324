/**
 * Scoring of redacted output against the labelled corpus, from the output text alone (peers report no
 * offsets). Per document: a labelled value is leaked when its text, or for numbers its digit string (any
 * separators between the digits), survives in the output; a hard negative is damaged when its text does not
 * survive. Counts, not presence: an equal value written elsewhere in the same document, unlabelled, is
 * discounted, so a coincidence ("077" in an amount) is not taken for a leak.
 */
import { splitDocs, type DocKind, type LabelledCorpus, type LabelledSpan, type NegativeSpan } from '../corpus.js';

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Occurrences of `needle` not glued to letters or digits on either side (when its ends are alphanumeric). */
export function countText(hay: string, needle: string): number {
  if (needle.length === 0) return 0;
  const checkL = isWordChar(needle.charCodeAt(0));
  const checkR = isWordChar(needle.charCodeAt(needle.length - 1));
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    if (checkL && i > 0 && isWordChar(hay.charCodeAt(i - 1))) continue;
    const j = i + needle.length;
    if (checkR && j < hay.length && isWordChar(hay.charCodeAt(j))) continue;
    n++;
  }
  return n;
}

const digitRes = new Map<string, RegExp>();
/** Occurrences of the digit string with any separators (space, NBSP, . - / , ( )) between its digits. */
export function countDigits(hay: string, digits: string): number {
  let re = digitRes.get(digits);
  if (!re) {
    re = new RegExp(`(?<![0-9])${digits.split('').join('[\\s.\\-/,()]{0,3}')}(?![0-9])`, 'g');
    if (digitRes.size > 10_000) digitRes.clear();
    digitRes.set(digits, re);
  }
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(hay)) n++;
  return n;
}

export interface DocResult {
  kind: DocKind;
  leaked: LabelledSpan[];
  caught: LabelledSpan[];
  damaged: NegativeSpan[];
  kept: NegativeSpan[];
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const g = m.get(k);
    if (g) g.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/** Scores one document's output. */
export function scoreDoc(doc: { kind: DocKind; text: string; spans: LabelledSpan[]; negatives: NegativeSpan[] }, output: string): DocResult {
  const res: DocResult = { kind: doc.kind, leaked: [], caught: [], damaged: [], kept: [] };
  for (const group of groupBy(doc.spans, (s) => `${s.value}\u0000${s.digits ?? ''}`).values()) {
    const { value, digits } = group[0]!;
    const k = group.length;
    const leaksOf = (count: (h: string) => number) => Math.max(0, count(output) - Math.max(0, count(doc.text) - k));
    let leaks = leaksOf((h) => countText(h, value));
    if (digits !== undefined && digits.length >= 3) leaks = Math.max(leaks, leaksOf((h) => countDigits(h, digits)));
    leaks = Math.min(k, leaks);
    group.forEach((s, i) => (i < leaks ? res.leaked : res.caught).push(s));
  }
  for (const group of groupBy(doc.negatives, (n) => n.value).values()) {
    const v = group[0]!.value;
    const lost = Math.min(group.length, Math.max(0, countText(doc.text, v) - countText(output, v)));
    group.forEach((n, i) => (i < lost ? res.damaged : res.kept).push(n));
  }
  return res;
}

export interface Tally { caught: number; total: number }
export interface Score {
  byEntity: Record<string, Tally>;
  byFormat: Record<string, Tally>;
  byNegative: Record<string, Tally>;
  recall: Tally;
  damage: Tally;
  leakedExamples: Record<string, string[]>;
  damagedExamples: Record<string, string[]>;
}

const bump = (m: Record<string, Tally>, k: string, hit: boolean) => {
  const t = (m[k] ??= { caught: 0, total: 0 });
  t.total++;
  if (hit) t.caught++;
};

/** Scores outputs (one per document of the corpus, in order). */
export function score(corpus: LabelledCorpus, outputs: readonly string[]): Score {
  const docs = splitDocs(corpus);
  if (docs.length !== outputs.length) throw new Error(`expected ${docs.length} outputs, got ${outputs.length}`);
  const s: Score = { byEntity: {}, byFormat: {}, byNegative: {}, recall: { caught: 0, total: 0 }, damage: { caught: 0, total: 0 }, leakedExamples: {}, damagedExamples: {} };
  docs.forEach((d, i) => {
    const r = scoreDoc(d, outputs[i]!);
    for (const [list, hit] of [[r.caught, true], [r.leaked, false]] as const) {
      for (const sp of list) {
        bump(s.byEntity, sp.entity, hit);
        bump(s.byFormat, `${sp.entity} ${sp.format} (${d.kind})`, hit);
        s.recall.total++;
        if (hit) s.recall.caught++;
        if (!hit) ((s.leakedExamples[`${sp.entity} ${sp.format} (${d.kind})`] ??= []).length < 3) && s.leakedExamples[`${sp.entity} ${sp.format} (${d.kind})`]!.push(context(d.text, sp.start, sp.end));
      }
    }
    // For negatives `caught` counts the damaged ones.
    for (const [list, hit] of [[r.damaged, true], [r.kept, false]] as const) {
      for (const n of list) {
        bump(s.byNegative, n.kind, hit);
        s.damage.total++;
        if (hit) {
          s.damage.caught++;
          const ex = (s.damagedExamples[n.kind] ??= []);
          if (ex.length < 3) ex.push(`${context(d.text, n.start, n.end)}  →  ${outputs[i]!.slice(Math.max(0, n.start - 40), n.end + 40).replace(/\n/g, '⏎')}`);
        }
      }
    }
  });
  return s;
}

function context(text: string, start: number, end: number): string {
  return `${text.slice(Math.max(0, start - 40), start)}[[${text.slice(start, end)}]]${text.slice(end, end + 20)}`.replace(/\n/g, '⏎');
}

export const pct = (t: Tally | undefined) => (t && t.total > 0 ? (100 * t.caught) / t.total : NaN);

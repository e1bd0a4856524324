/**
 * Sparse and dense care text for the throughput benchmarks, made by the blind corpus's generator
 * (benchmarks/blind/corpus.ts) from HELD-OUT seeds: text nobody tuned the rules on. Only the generator's
 * output is used (text and label spans), never its templates or value lists.
 *
 * - dense: the documents as generated (chats, transcripts, notes, e-mails, CSV, JSON), about 17,000
 *   labelled values per MB;
 * - sparse: the same documents' lines, keeping every line that holds no labelled value and one line with
 *   values per SPARSE_GAP characters (about one value per 2 kB, as real chats, transcripts and notes run).
 *
 * Both are cut into documents of `docChars` characters at line ends.
 */
import { generateDocument } from './blind/corpus.js';
import type { LabelledDocument } from './blind/doc.js';

export const HELD_OUT_SEED = 1001;
const SPARSE_GAP = 2000;

export interface BlindText {
  docs: string[];
  values: number;
  chars: number;
}

function* documents(seed: number): Generator<LabelledDocument> {
  for (let i = 0; ; i++) yield generateDocument(seed + (i % 20), Math.floor(i / 20));
}

function cut(lines: Iterable<string>, total: number, docChars: number): string[] {
  const docs: string[] = [];
  let cur = '';
  let size = 0;
  for (const line of lines) {
    if (cur.length + line.length + 1 > docChars && cur) {
      docs.push(cur);
      size += cur.length;
      cur = '';
      if (size >= total) break;
    }
    cur += line + '\n';
  }
  if (cur && size < total) docs.push(cur);
  return docs;
}

/** Lines of a document, each with the number of labelled values that start on it. */
function linesOf(d: LabelledDocument): { line: string; values: number }[] {
  const out: { line: string; values: number }[] = [];
  let from = 0;
  for (const line of d.text.split('\n')) {
    const to = from + line.length;
    let values = 0;
    for (const l of d.labels) for (const p of l.parts) if (p.start < to && p.end > from) values++;
    out.push({ line, values });
    from = to + 1;
  }
  return out;
}

export function denseText(total: number, docChars = 64_000, seed = HELD_OUT_SEED): BlindText {
  let values = 0;
  function* lines() {
    for (const d of documents(seed)) {
      values += d.labels.length;
      yield* d.text.split('\n');
      yield '';
    }
  }
  const docs = cut(lines(), total, docChars);
  return { docs, values, chars: docs.reduce((n, d) => n + d.length, 0) };
}

export function sparseText(total: number, docChars = 64_000, seed = HELD_OUT_SEED): BlindText {
  let values = 0;
  let clean = 0;
  function* lines() {
    for (const d of documents(seed)) {
      for (const { line, values: v } of linesOf(d)) {
        if (v === 0) {
          clean += line.length + 1;
          yield line;
        } else if (clean >= SPARSE_GAP * v) {
          clean = 0;
          values += v;
          yield line;
        }
      }
    }
  }
  const docs = cut(lines(), total, docChars);
  return { docs, values, chars: docs.reduce((n, d) => n + d.length, 0) };
}

/** Lines of 50–500 characters (log lines, form and ticket fields), with and without values, in text order. */
export function shortLines(count: number, seed = HELD_OUT_SEED): string[] {
  const out: string[] = [];
  for (const d of documents(seed)) {
    for (const { line } of linesOf(d)) if (line.length >= 50 && line.length <= 500) out.push(line);
    if (out.length >= count) break;
  }
  return out.slice(0, count);
}

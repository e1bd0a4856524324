import { extname } from 'node:path';
import type { FormatName } from './base.js';

const BY_EXTENSION: Record<string, FormatName> = {
  '.txt': 'text',
  '.log': 'text',
  '.text': 'text',
  '.md': 'text',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.json': 'json',
  '.csv': 'csv',
};

/** The format a file name says (.txt/.log → text, .ndjson/.jsonl → ndjson, .json → json, .csv → csv), if any. */
export function formatFromExtension(file: string): FormatName | undefined {
  return BY_EXTENSION[extname(file).toLowerCase()];
}

/** How many bytes sniffing wants to see (less is fine when the input is shorter). */
export const SNIFF_BYTES = 64 * 1024;

/**
 * Guesses the format from the first bytes. JSON: starts with '[' or '{' (after a BOM and whitespace); it is
 * NDJSON when the first line is a whole JSON value and the next non-blank line starts a value too. CSV: the
 * first lines all have the same number (≥ 1) of commas outside quotes, most commas are not followed by a space
 * (prose), and the first line looks like a header (short names). Anything else is text — the safe default, since text redaction scans everything.
 */
export function sniffFormat(head: Uint8Array): FormatName {
  let text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(head.subarray(0, SNIFF_BYTES));
  const complete = head.length < SNIFF_BYTES;
  text = text.replace(/^\s+/, '');
  if (!text) return 'text';
  const c = text[0];
  if (c === '{' || c === '[') {
    const lines = text.split('\n');
    const first = lines[0]!.trim();
    const rest = lines.slice(1, complete ? undefined : -1).map((l) => l.trim()).filter(Boolean);
    if (isJson(first) && rest.length > 0 && /^[[{]/.test(rest[0]!)) return 'ndjson';
    return 'json';
  }
  if (looksLikeCsv(text, complete)) return 'csv';
  return 'text';
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

function looksLikeCsv(text: string, complete: boolean): boolean {
  const lines = text.split(/\r?\n/);
  if (!complete) lines.pop(); // the last line may be cut
  const sample = lines.filter((l) => l.length > 0).slice(0, 20);
  if (sample.length < 2) return false;
  const counts = sample.map(commasOutsideQuotes);
  if (counts.some((n) => n < 0)) return false; // a quoted field spans lines: give up unless the rest agree
  const n = counts[0]!;
  if (n < 1 || counts.some((k) => k !== n)) return false;
  // Prose puts a space after its commas; CSV rarely does.
  const spaced = sample.reduce((k, l) => k + (l.match(/, /g)?.length ?? 0), 0);
  if (spaced * 2 > counts.reduce((a, b) => a + b, 0)) return false;
  const header = sample[0]!.split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
  return header.every((h) => h.length > 0 && h.length <= 64 && !/[.!?]\s/.test(h));
}

/** Commas outside double quotes on one line, or -1 when a quote stays open at the end of the line. */
function commasOutsideQuotes(line: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) n++;
  }
  return quoted ? -1 : n;
}

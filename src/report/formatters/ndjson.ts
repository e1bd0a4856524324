import type { ReportContext, RunResults } from '../model.js';

/** `caregate scan --format ndjson`: one line per finding ({"type":"finding",…}) and per failed file ({"type":"failure",…}). */
export function formatScanNdjson(results: RunResults, _context: ReportContext): string {
  const lines: string[] = [];
  for (const f of results.files) {
    if (!f.ok) lines.push(JSON.stringify({ type: 'failure', file: f.rel, error: f.error }));
    for (const i of f.items ?? []) lines.push(JSON.stringify({ type: 'finding', file: f.rel, ...i }));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

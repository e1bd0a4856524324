import { reportData, type ReportData } from './json.js';
import type { ReportContext, RunResults } from '../model.js';

/** Escapes text for HTML content and attribute values. */
export function esc(v: unknown): string {
  return String(v).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const fmtBytes = (n: number) => (n < 1000 ? `${n} B` : n < 1e6 ? `${(n / 1e3).toFixed(1)} kB` : n < 1e9 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e9).toFixed(2)} GB`);

/**
 * A horizontal bar chart as inline SVG (no script, no network). Each bar is a <rect class="bar"> with its
 * value in data-value; labels and values are text nodes.
 */
export function barChart(id: string, title: string, data: readonly [string, number][]): string {
  const rowH = 26;
  const labelW = 260;
  const barW = 420;
  const valueW = 70;
  const width = labelW + barW + valueW;
  const height = Math.max(1, data.length) * rowH + 8;
  const max = Math.max(1, ...data.map(([, v]) => v));
  const bars = data
    .map(([label, v], i) => {
      const y = 4 + i * rowH;
      const w = Math.max(v > 0 ? 2 : 0, Math.round((v / max) * barW));
      const shown = label.length > 38 ? `…${label.slice(-37)}` : label;
      return (
        `<g class="row"><title>${esc(label)}: ${v}</title>` +
        `<text x="${labelW - 8}" y="${y + 17}" text-anchor="end" class="label">${esc(shown)}</text>` +
        `<rect class="bar" x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 8}" rx="3" data-label="${esc(label)}" data-value="${v}"></rect>` +
        `<text x="${labelW + w + 6}" y="${y + 17}" class="value">${v}</text></g>`
      );
    })
    .join('');
  const empty = data.length ? '' : `<text x="${width / 2}" y="20" text-anchor="middle" class="label">nothing found</text>`;
  return (
    `<figure><figcaption>${esc(title)}</figcaption>` +
    `<svg class="chart" data-chart="${esc(id)}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg" ` +
    `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${bars}${empty}</svg></figure>`
  );
}

function table(headers: string[], rows: string[][], cls = ''): string {
  return (
    `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.join('')}</tr>`).join('') || `<tr><td colspan="${headers.length}">none</td></tr>`}</tbody></table>`
  );
}
const td = (v: unknown, attrs = '') => `<td${attrs}>${esc(v)}</td>`;
const num = (v: number, key: string) => `<td class="num" data-count="${esc(key)}">${v}</td>`;

/**
 * The audit report: one self-contained HTML file (inline CSS and SVG, no script, no external resource):
 * run facts (version, time, input-set hash), configuration, charts, findings per entity, rule and file, the
 * rule catalogue in use, and failures. Everything is escaped; it holds counts and rule metadata only, never a
 * scanned value. Counts carry data-count="entity:X" / "rule:X" / "file:PATH" and data-total="…".
 */
export function formatReportHtml(results: RunResults, context: ReportContext): string {
  return renderReportHtml(reportData(results, context));
}

export function renderReportHtml(d: ReportData): string {
  const entities = Object.entries(d.totals.byEntity);
  const topFiles = d.files
    .filter((f) => f.findings > 0)
    .sort((a, b) => b.findings - a.findings || (a.path < b.path ? -1 : 1))
    .slice(0, 10)
    .map((f) => [f.path, f.findings] as [string, number]);
  const fileEntities = [...new Set(d.files.flatMap((f) => Object.keys(f.byEntity)))].sort();
  const facts: [string, string, string?][] = [
    ['caregate version', d.tool.version, 'version'],
    ['time of the run', d.generatedAt, 'generated-at'],
    ['inputs', d.inputs.paths.join(' '), 'paths'],
    ['files scanned', String(d.inputs.files - d.inputs.failed), 'files'],
    ['files failed', String(d.inputs.failed), 'failed'],
    ['bytes', `${d.inputs.bytes} (${fmtBytes(d.inputs.bytes)})`, 'bytes'],
    ['findings', String(d.totals.findings), 'findings'],
    ['input set SHA-256', d.inputs.sha256, 'input-hash'],
  ];
  const css = `
:root{--fg:#1d2330;--muted:#5b6475;--line:#dde2ea;--bar:#3566c8;--bad:#b3261e;--bg:#fff;--soft:#f5f7fa}
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
p.lead{color:var(--muted);margin:0 0 16px}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--soft);font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;word-break:break-all}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
figure{margin:12px 0}figcaption{font-weight:600;margin-bottom:4px}
svg.chart .bar{fill:var(--bar)}svg.chart text{font:12px system-ui,sans-serif;fill:var(--fg)}svg.chart .value{fill:var(--muted)}
.charts{display:grid;grid-template-columns:1fr;gap:8px}
.failed{color:var(--bad)}pre{background:var(--soft);padding:8px;overflow:auto}
footer{color:var(--muted);margin-top:32px;font-size:12px}
@media print{main{padding:0}h2{break-after:avoid}}`;
  const out: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>caregate report ${esc(d.generatedAt)}</title>`,
    `<style>${css}</style></head><body><main>`,
    '<h1>caregate redaction audit report</h1>',
    `<p class="lead">Findings of card numbers, CVVs and personal data in ${esc(d.inputs.files)} input file(s). ` +
      'This report holds counts and rule metadata only: no scanned value appears in it.</p>',
    '<section id="run"><h2>Run</h2><dl class="facts">',
    ...facts.map(([k, v, id]) => `<dt>${esc(k)}</dt><dd${id ? ` data-fact="${esc(id)}"` : ''}${id === 'input-hash' ? ' class="mono"' : ''}>${esc(v)}</dd>`),
    '</dl>',
    `<p class="lead">Input set hash: ${esc(d.inputs.hashMethod)}.</p></section>`,
    '<section id="charts"><h2>Charts</h2><div class="charts">',
    barChart('entities', 'Findings per entity', entities),
    barChart('top-files', 'Top files by findings', topFiles),
    '</div></section>',
    '<section id="by-entity"><h2>Findings per entity</h2>',
    table(
      ['entity', 'findings'],
      entities.map(([e, n]) => [td(e), num(n, `entity:${e}`)]),
    ),
    `<p>Total: <strong data-total="findings">${d.totals.findings}</strong> finding(s)${d.totals.scanErrors ? `; ${d.totals.scanErrors} detector error(s), their regions masked` : ''}.</p></section>`,
    '<section id="by-rule"><h2>Findings per rule</h2>',
    table(
      ['rule', 'entity', 'pack', 'findings'],
      Object.entries(d.totals.byRule).map(([id, n]) => {
        const r = d.rules.find((x) => x.id === id);
        return [td(id, ' class="mono"'), td(r?.entity ?? '—'), td(r?.pack ?? '—'), num(n, `rule:${id}`)];
      }),
    ),
    '</section>',
    '<section id="by-file"><h2>Findings per file</h2>',
    table(
      ['file', 'format', 'bytes', ...fileEntities, 'findings', 'status'],
      d.files.map((f) => [
        td(f.path, ' class="mono"'),
        td(f.format ?? '—'),
        `<td class="num">${f.bytes}</td>`,
        ...fileEntities.map((e) => `<td class="num">${f.byEntity[e] ?? 0}</td>`),
        num(f.findings, `file:${f.path}`),
        f.ok ? td('ok') : td('failed', ' class="failed"'),
      ]),
    ),
    '</section>',
  ];
  const failed = d.files.filter((f) => !f.ok);
  if (failed.length) {
    out.push(
      '<section id="failures"><h2 class="failed">Files that failed</h2>',
      table(
        ['file', 'code', 'reason'],
        failed.map((f) => [td(f.path, ' class="mono"'), td(f.error?.code ?? ''), td(f.error?.message ?? '')]),
      ),
      '</section>',
    );
  }
  out.push(
    '<section id="rules"><h2>Rule catalogue in use</h2>',
    table(
      ['rule', 'entity', 'description', 'regulations', 'mask', 'findings'],
      d.rules.map((r) => [
        td(r.id, ' class="mono"'),
        td(r.entity),
        td(r.description),
        `<td>${r.regulations.map((x) => esc(x)).join('<br>') || '—'}</td>`,
        td(r.mask, ' class="mono"'),
        `<td class="num">${r.findings}</td>`,
      ]),
    ),
    '</section>',
    '<section id="configuration"><h2>Configuration</h2>',
    `<pre class="mono" data-fact="configuration">${esc(JSON.stringify(d.configuration, null, 2))}</pre></section>`,
    `<footer>Generated by caregate ${esc(d.tool.version)} at ${esc(d.generatedAt)}. Self-contained: no script and no network access.</footer>`,
    '</main></body></html>',
    '',
  );
  return out.join('\n');
}

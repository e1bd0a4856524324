import { createHash } from 'node:crypto';
import { reportData, type ReportData } from './json.js';
import { REPORT_SCRIPT } from './html-script.js';
import type { ReportContext, RunResults } from '../model.js';
import { SEVERITIES, severityRank } from '../policy.js';

/** Escapes text for HTML content and attribute values. */
export function esc(v: unknown): string {
  return String(v).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const fmtBytes = (n: number) => (n < 1000 ? `${n} B` : n < 1e6 ? `${(n / 1e3).toFixed(1)} kB` : n < 1e9 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e9).toFixed(2)} GB`);

/** Findings the page's explorer holds; the rest (least severe first to go) are in the JSON report. */
export const MAX_EMBEDDED_FINDINGS = 20_000;

/**
 * A horizontal bar chart as inline SVG that scales to its column (no script, no network). Each bar is a
 * <rect class="bar"> with its value in data-value; labels and values are text nodes.
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
    `viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMinYMin meet">${bars}${empty}</svg></figure>`
  );
}

function table(headers: string[], rows: string[][], cls = '', caption = ''): string {
  return (
    `<table${cls ? ` class="${cls}"` : ''}>${caption ? `<caption>${esc(caption)}</caption>` : ''}<thead><tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.join('')}</tr>`).join('') || `<tr><td colspan="${headers.length}">none</td></tr>`}</tbody></table>`
  );
}
const td = (v: unknown, attrs = '') => `<td${attrs}>${esc(v)}</td>`;
const num = (v: number, key: string) => `<td class="num" data-count="${esc(key)}">${v}</td>`;
const badge = (s: string) => `<span class="sev sev-${esc(s)}">${esc(s)}</span>`;
const sortable = (label: string, key: string) => `<th scope="col" aria-sort="none"><button type="button" class="sort" data-sort="${esc(key)}">${esc(label)}</button></th>`;

const CSS = `
:root{--fg:#1d2330;--muted:#5b6475;--line:#d5dbe4;--bar:#3566c8;--bad:#9b1c1c;--bg:#fff;--soft:#f5f7fa;--link:#1d4ed8}
*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:15px;margin:16px 0 4px}
p.lead{color:var(--muted);margin:0 0 16px}
a{color:var(--link)}
table{border-collapse:collapse;width:100%;margin:8px 0;table-layout:fixed}caption{text-align:left;color:var(--muted);padding:4px 0}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:anywhere}
th{background:var(--soft);font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
dl.facts{display:grid;grid-template-columns:minmax(8em,max-content) minmax(0,1fr);gap:4px 16px;margin:0}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
figure{margin:12px 0}figcaption{font-weight:600;margin-bottom:4px}
svg.chart{width:100%;max-width:750px;height:auto;display:block}svg.chart .bar{fill:var(--bar)}svg.chart text{font:12px system-ui,sans-serif;fill:var(--fg)}svg.chart .value{fill:var(--muted)}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:16px}
.failed{color:var(--bad)}pre{background:var(--soft);padding:8px;white-space:pre-wrap;overflow-wrap:anywhere}
.verdict{border-radius:8px;padding:16px 20px;margin:16px 0;border:2px solid}
.verdict h2{border:0;margin:0 0 8px;font-size:22px}
.verdict.pass{background:#e9f7ee;border-color:#2f7a46;color:#14532d}.verdict.fail{background:#fdeceb;border-color:#9b1c1c;color:#6b1111}
.verdict ul{margin:4px 0 0;padding-left:20px}.verdict li{margin:2px 0}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:8px;margin:8px 0}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 12px;background:var(--soft);text-align:left;font:inherit;color:var(--fg)}
button.card{cursor:pointer}.card .n{display:block;font-size:22px;font-weight:700;font-variant-numeric:tabular-nums}
.sev{display:inline-block;border-radius:4px;padding:0 6px;color:#fff;font-size:12px;font-weight:600;line-height:18px}
.sev-critical{background:#7f1d1d}.sev-high{background:#b42318}.sev-medium{background:#8a4b00}.sev-low{background:#1f5f8b}
.tag-new{display:inline-block;margin-left:4px;border-radius:4px;padding:0 5px;background:#312e81;color:#fff;font-size:11px;line-height:18px}
.controls{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;margin:8px 0}
.controls label{display:flex;gap:6px;align-items:center}
input,select,button{font:inherit;color:var(--fg)}select,input[type=search]{border:1px solid #8a93a3;border-radius:4px;padding:3px 6px;background:#fff;max-width:100%}
button.sort,button.link{background:none;border:0;padding:0;font:inherit;font-weight:inherit;color:var(--link);cursor:pointer;text-align:left;overflow-wrap:anywhere}
button.filter{background:none;border:0;padding:0;color:var(--link);cursor:pointer;font:inherit;text-decoration:underline}
.pager{display:flex;gap:8px;align-items:center;margin:4px 0}.pager button{border:1px solid #8a93a3;background:#fff;border-radius:4px;padding:2px 10px;cursor:pointer}
.pager button:disabled{color:#6b7280;cursor:default}
td.excerpt{white-space:pre-wrap}
.nojs{color:var(--muted)}.js .nojs{display:none}
footer{color:var(--muted);margin-top:32px;font-size:12px}
@media (max-width:900px){main{padding:12px}}
@media print{main{padding:0;max-width:none}h2{break-after:avoid}.controls,.pager,.nojs{display:none}.verdict{break-inside:avoid}tr{break-inside:avoid}a{color:inherit}}`;

/**
 * The audit report: one self-contained HTML file (inline CSS, SVG and one script admitted by its hash; no
 * network). It opens with the policy's verdict, then findings by severity and by regulation, what changed
 * since a baseline, a findings explorer and a file list (paged, sortable, filterable), the rule catalogue
 * and the configuration. Everything is escaped; it holds counts, rule metadata and masked excerpts only,
 * never a scanned value. Counts carry data-count="entity:X" / "rule:X" / "file:PATH" and data-total="…".
 */
export function formatReportHtml(results: RunResults, context: ReportContext): string {
  return renderReportHtml(reportData(results, context));
}

/** JSON inside a <script> block: "<" escaped so that no text can close the block. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

export function renderReportHtml(d: ReportData): string {
  const entities = Object.entries(d.totals.byEntity);
  const topFiles = d.files
    .filter((f) => f.findings > 0)
    .sort((a, b) => b.findings - a.findings || (a.path < b.path ? -1 : 1))
    .slice(0, 10)
    .map((f) => [f.path, f.findings] as [string, number]);
  const severityOfEntity = new Map(d.rules.map((r) => [r.entity, r.severity]));
  const embedded = [...d.findings]
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .slice(0, MAX_EMBEDDED_FINDINGS);
  const pageData = {
    files: d.files.map((f) => ({ path: f.path, format: f.format, bytes: f.bytes, findings: f.findings, severity: f.severity, ok: f.ok })),
    findings: embedded,
  };
  const scriptHash = createHash('sha256').update(REPORT_SCRIPT, 'utf8').digest('base64');
  const facts: [string, string, string?][] = [
    ['caregate version', d.tool.version, 'version'],
    ['time of the run', d.generatedAt, 'generated-at'],
    ['inputs', d.inputs.paths.join(' '), 'paths'],
    ['files scanned', String(d.inputs.files - d.inputs.failed), 'files'],
    ['files failed', String(d.inputs.failed), 'failed'],
    ['bytes', `${d.inputs.bytes} (${fmtBytes(d.inputs.bytes)})`, 'bytes'],
    ['findings', String(d.totals.findings), 'findings'],
    ['policy', d.verdict.policy, 'policy'],
    ['input set SHA-256', d.inputs.sha256, 'input-hash'],
  ];
  const v = d.verdict;
  const failedRules = v.rules.filter((r) => !r.passed);
  const verdict = [
    `<section id="verdict" class="verdict ${v.result === 'PASS' ? 'pass' : 'fail'}" data-verdict="${v.result}" aria-labelledby="verdict-title">`,
    `<h2 id="verdict-title">${v.result === 'PASS' ? 'PASS' : 'FAIL'} — policy “${esc(v.policy)}”</h2>`,
    v.result === 'PASS'
      ? `<p>None of the policy's ${v.rules.length} rule(s) was broken: ${v.rules.map((r) => esc(r.requirement)).join('; ')}.</p>`
      : `<p>${failedRules.length} of ${v.rules.length} rule(s) broken:</p><ul>${failedRules
          .map(
            (r) =>
              `<li data-failed-rule="${esc(r.id)}"><strong>${esc(r.requirement)}</strong> — ${esc(r.description)} Found ${r.found} (${esc(r.entities.join(', '))}) in ${r.files} file(s), allowed ${r.maxFindings}${
                r.where.length ? `: ${r.where.map((w) => `<span class="mono">${esc(w.path)}</span> (${w.findings})`).join(', ')}${r.files > r.where.length ? ', …' : ''}` : ''
              }.</li>`,
          )
          .join('')}</ul>`,
    '</section>',
  ].join('');
  const severityCards = `<div class="cards" id="severity-cards">${SEVERITIES.map(
    (s) => `<button type="button" class="card" data-filter-severity="${s}"><span class="n" data-total="severity:${s}">${d.totals.bySeverity[s]}</span>${badge(s)} findings</button>`,
  ).join('')}<div class="card"><span class="n">${d.inputs.files}</span>files (${d.inputs.failed} failed)</div></div>`;

  const diff = d.diff;
  const changes = diff
    ? [
        '<section id="changes"><h2>What changed</h2>',
        `<p class="lead">Compared with the report of ${esc(diff.baseline.generatedAt)} (${esc(diff.baseline.source)}).</p>`,
        `<div class="cards"><div class="card"><span class="n" data-diff="new">${diff.newFindings}</span>new findings</div>` +
          `<div class="card"><span class="n" data-diff="fixed">${diff.fixedFindings}</span>fixed findings</div>` +
          `<div class="card"><span class="n" data-diff="unchanged">${diff.unchangedFindings}</span>unchanged</div>` +
          `<div class="card"><span class="n" data-diff="files-added">${diff.filesAdded.length}</span>files added</div>` +
          `<div class="card"><span class="n" data-diff="files-gone">${diff.filesGone.length}</span>files gone</div></div>`,
        diff.fixed.length
          ? table(['file', 'line', 'entity', 'rule', 'severity'], diff.fixed.slice(0, 200).map((f) => [td(f.file, ' class="mono"'), td(f.line ?? '—', ' class="num"'), td(f.entity), td(f.ruleId, ' class="mono"'), `<td>${f.severity ? badge(f.severity) : '—'}</td>`]), 'fixed', `Fixed findings${diff.fixed.length > 200 ? ` (first 200 of ${diff.fixed.length})` : ''}`)
          : '',
        diff.filesAdded.length ? `<h3>Files added</h3><p class="mono">${diff.filesAdded.slice(0, 200).map(esc).join('<br>')}</p>` : '',
        diff.filesGone.length ? `<h3>Files gone</h3><p class="mono">${diff.filesGone.slice(0, 200).map(esc).join('<br>')}</p>` : '',
        d.trend
          ? table(
              ['report', 'time', 'findings', ...SEVERITIES, 'verdict'],
              d.trend.map((t) => [td(t.source, ' class="mono"'), td(t.generatedAt), `<td class="num">${t.findings}</td>`, ...SEVERITIES.map((s) => `<td class="num">${t.bySeverity[s] ?? '—'}</td>`), td(t.verdict ?? '—')]),
              'trend',
              'Trend over the reports given',
            )
          : '',
        '</section>',
      ].join('')
    : '';

  const regulations = [
    '<section id="by-regulation"><h2>Findings by regulation</h2>',
    d.byRegulation.length
      ? d.byRegulation
          .map(
            (g) =>
              `<h3 data-regulation="${esc(g.regulation)}">${esc(g.regulation)} — ${g.findings} finding(s)</h3>` +
              table(
                ['requirement', 'severity', 'entities', 'rules', 'findings'],
                g.requirements.map((q) => [
                  `<td>${q.url ? `<a href="${esc(q.url)}" rel="noreferrer noopener">${esc(q.ref)}</a>` : esc(q.ref)}</td>`,
                  `<td>${badge(q.severity)}</td>`,
                  td(q.entities.join(', ')),
                  td(q.rules.join(', '), ' class="mono"'),
                  `<td class="num">${q.findings}</td>`,
                ]),
                'regulation',
              ),
          )
          .join('')
      : '<p>Nothing found.</p>',
    '</section>',
  ].join('');

  const explorer = [
    '<section id="findings"><h2>Findings</h2>',
    `<p class="lead">Each finding with its place, rule, confidence and a masked excerpt (never the value).${d.findings.length > embedded.length ? ` This page holds the ${embedded.length} most severe of ${d.findings.length}; the JSON report has them all.` : ''}</p>`,
    '<p class="nojs">The explorer needs the page\'s script; the JSON report holds every finding.</p>',
    '<div class="controls">',
    `<label>entity <select id="f-entity"><option value="">all</option>${entities.map(([e]) => `<option value="${esc(e)}">${esc(e)}</option>`).join('')}</select></label>`,
    `<label>severity <select id="f-severity"><option value="">all</option>${SEVERITIES.map((s) => `<option value="${s}">${s}</option>`).join('')}</select></label>`,
    '<label>file <input type="search" id="f-file" placeholder="part of a path"></label>',
    diff ? '<label><input type="checkbox" id="f-new"> new since the baseline only</label>' : '',
    '</div>',
    '<table id="findings-table" class="findings"><colgroup><col style="width:22%"><col style="width:7%"><col style="width:12%"><col style="width:14%"><col style="width:10%"><col style="width:7%"><col style="width:28%"></colgroup>',
    `<thead><tr>${sortable('file', 'file')}${sortable('line', 'line')}${sortable('entity', 'entity')}${sortable('rule', 'ruleId')}${sortable('severity', 'severity')}${sortable('confidence', 'confidence')}<th scope="col">excerpt (masked)</th></tr></thead><tbody></tbody></table>`,
    '<div class="pager"><button type="button" id="findings-prev">previous</button><button type="button" id="findings-next">next</button><span id="findings-status" aria-live="polite"></span></div>',
    '</section>',
  ].join('');

  const fileList = [
    '<section id="by-file"><h2>Files</h2>',
    '<div class="controls"><label>filter <input type="search" id="files-filter" placeholder="part of a path"></label></div>',
    '<table id="files-table"><colgroup><col style="width:46%"><col style="width:10%"><col style="width:12%"><col style="width:10%"><col style="width:12%"><col style="width:10%"></colgroup>',
    `<thead><tr>${sortable('file', 'path')}${sortable('format', 'format')}${sortable('bytes', 'bytes')}${sortable('findings', 'findings')}${sortable('severity', 'severity')}<th scope="col">status</th></tr></thead><tbody></tbody></table>`,
    '<div class="pager"><button type="button" id="files-prev">previous</button><button type="button" id="files-next">next</button><span id="files-status" aria-live="polite"></span></div>',
    '</section>',
  ].join('');

  const out: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${scriptHash}'">`,
    `<title>caregate report ${esc(d.generatedAt)}</title>`,
    `<style>${CSS}</style></head><body><main>`,
    '<h1>caregate redaction audit report</h1>',
    `<p class="lead">Findings of card numbers, CVVs and personal data in ${esc(d.inputs.files)} input file(s). ` +
      'This report holds counts, rule metadata and masked excerpts only: no scanned value appears in it.</p>',
    verdict,
    severityCards,
    changes,
    regulations,
    '<section id="charts"><h2>Charts</h2><div class="charts">',
    barChart('entities', 'Findings per entity', entities),
    barChart('top-files', 'Top files by findings', topFiles),
    '</div></section>',
    '<section id="by-entity"><h2>Findings per entity</h2>',
    table(
      ['entity', 'severity', 'findings'],
      entities.map(([e, n]) => [`<td><button type="button" class="filter" data-filter-entity="${esc(e)}">${esc(e)}</button></td>`, `<td>${badge(severityOfEntity.get(e) ?? 'medium')}</td>`, num(n, `entity:${e}`)]),
    ),
    `<p>Total: <strong data-total="findings">${d.totals.findings}</strong> finding(s)${d.totals.scanErrors ? `; ${d.totals.scanErrors} detector error(s), their regions masked` : ''}.</p></section>`,
    '<section id="by-rule"><h2>Findings per rule</h2>',
    table(
      ['rule', 'entity', 'pack', 'severity', 'findings'],
      Object.entries(d.totals.byRule).map(([id, n]) => {
        const r = d.rules.find((x) => x.id === id);
        return [td(id, ' class="mono"'), td(r?.entity ?? '—'), td(r?.pack ?? '—'), `<td>${r ? badge(r.severity) : '—'}</td>`, num(n, `rule:${id}`)];
      }),
    ),
    '</section>',
    explorer,
    fileList,
  ];
  const failed = d.files.filter((f) => !f.ok);
  if (failed.length) {
    out.push(
      '<section id="failures"><h2 class="failed">Files that failed</h2>',
      table(
        ['file', 'code', 'reason'],
        failed.slice(0, 500).map((f) => [td(f.path, ' class="mono"'), td(f.error?.code ?? ''), td(f.error?.message ?? '')]),
      ),
      failed.length > 500 ? `<p>${failed.length - 500} more in the JSON report.</p>` : '',
      '</section>',
    );
  }
  out.push(
    '<section id="rules"><h2>Rule catalogue in use</h2>',
    table(
      ['rule', 'entity', 'severity', 'description', 'regulations', 'mask', 'findings'],
      d.rules.map((r) => [
        td(r.id, ' class="mono"'),
        td(r.entity),
        `<td>${badge(r.severity)}</td>`,
        td(r.description),
        `<td>${r.references.map((x) => (x.url ? `<a href="${esc(x.url)}" rel="noreferrer noopener">${esc(x.ref)}</a>` : esc(x.ref))).join('<br>') || '—'}</td>`,
        td(r.mask, ' class="mono"'),
        `<td class="num">${r.findings}</td>`,
      ]),
    ),
    '</section>',
    '<section id="run"><h2>Run</h2><dl class="facts">',
    ...facts.map(([k, val, id]) => `<dt>${esc(k)}</dt><dd${id ? ` data-fact="${esc(id)}"` : ''}${id === 'input-hash' ? ' class="mono"' : ''}>${esc(val)}</dd>`),
    '</dl>',
    `<p class="lead">Input set hash: ${esc(d.inputs.hashMethod)}.</p></section>`,
    '<section id="configuration"><h2>Configuration</h2>',
    `<pre class="mono" data-fact="configuration">${esc(JSON.stringify(d.configuration, null, 2))}</pre></section>`,
    `<footer>Generated by caregate ${esc(d.tool.version)} at ${esc(d.generatedAt)}. Self-contained: no network access; one inline script, admitted by its hash.</footer>`,
    '</main>',
    `<script type="application/json" id="caregate-data">${scriptJson(pageData)}</script>`,
    `<script>${REPORT_SCRIPT}</script>`,
    '</body></html>',
    '',
  );
  return out.join('\n');
}

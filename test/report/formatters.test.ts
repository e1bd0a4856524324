import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatReportCsv, formatReportHtml, formatSarif } from '../../src/report/formatters/index.js';
import { barChart, esc } from '../../src/report/formatters/html.js';
import { inputSetHash, type ReportContext, type RunResults } from '../../src/report/model.js';

const context: ReportContext = { version: '9.9.9', generatedAt: new Date('2026-01-02T03:04:05Z'), configuration: { masks: {} }, paths: ['in'] };
const results: RunResults = {
  base: '/tmp/in',
  rules: [{ id: 'credit-card', entity: 'CREDIT_CARD', pack: 'pci', description: 'Card <b>numbers</b> & "more"', regulations: ['PCI DSS 4.0.1 3.3.1'], detector: 'digits', mask: 'last4' }],
  files: [
    { rel: '<script>alert(1)</script>.txt', ok: true, format: 'text', bytes: 10, findings: 1, byEntity: { CREDIT_CARD: 1 }, byRule: { 'credit-card': 1 }, scanErrors: 0, records: 0, sha256: 'a'.repeat(64) },
    { rel: '=cmd|calc.csv', ok: false, bytes: 0, findings: 0, byEntity: {}, byRule: {}, scanErrors: 0, records: 0, error: { code: 'E_CSV', message: 'line 3: bad "quote"' } },
  ],
};

describe('report formatters', () => {
  it('HTML escapes every name and message; its one script is admitted by hash; nothing is loaded', () => {
    const html = formatReportHtml(results, context);
    // The only <script> elements: the data block and the page script, whose SHA-256 the CSP names.
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="application/json" id="caregate-data">', '<script>']);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;.txt');
    expect(html).toContain('Card &#60;b&#62;numbers&#60;/b&#62; &#38; &#34;more&#34;');
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!;
    expect(html).toContain(`script-src 'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);
    // A file name cannot close the data block: "<" is escaped inside it.
    const block = /<script type="application\/json" id="caregate-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(block).not.toContain('<');
    expect(JSON.parse(block).files.map((f: { path: string }) => f.path)).toContain('<script>alert(1)</script>.txt');
    const withoutScripts = html.replace(/<script\b[\s\S]*?<\/script>/g, '');
    expect(withoutScripts).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).not.toMatch(/\bsrc=/i);
    // Links only to the public texts of regulations, opened without a referrer.
    for (const m of html.matchAll(/<a href="([^"]*)"([^>]*)>/g)) {
      expect(m[1]).toMatch(/^https:\/\//);
      expect(m[2]).toContain('rel="noreferrer noopener"');
    }
    expect(html).toContain(`default-src 'none'`);
    expect(esc(`'\`&`)).toBe('&#39;&#96;&#38;');
  });

  it('bar charts scale to the largest value and keep every bar visible', () => {
    const svg = barChart('x', 'T', [
      ['a', 10],
      ['b', 1],
    ]);
    const widths = [...svg.matchAll(/<rect class="bar"[^>]* width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBe(420);
    expect(widths[1]).toBe(42);
    expect(barChart('y', 'T', [])).toContain('nothing found');
  });

  it('CSV quotes what needs quoting and neutralises formula-like cells', () => {
    const csv = formatReportCsv(results, context);
    expect(csv).toContain(`file,'=cmd|calc.csv,,0,failed,,,,0,,,,,,"line 3: bad ""quote"""`);
    expect(csv.split('\r\n')[1]).toBe('verdict,,,,,,,,1,,caregate-default,,FAIL,,');
  });

  it('SARIF points at percent-encoded relative URIs under INPUTROOT and reports failures as notifications', () => {
    const sarif = JSON.parse(formatSarif(results, context)) as {
      runs: { originalUriBaseIds: { INPUTROOT: { uri: string } }; artifacts: { location: { uri: string } }[]; invocations: { executionSuccessful: boolean }[] }[];
    };
    expect(sarif.runs[0]!.originalUriBaseIds.INPUTROOT.uri).toBe('file:///tmp/in/');
    expect(sarif.runs[0]!.artifacts[0]!.location.uri).toBe('%3Cscript%3Ealert(1)%3C/script%3E.txt') // '/' separates folders;
    expect(sarif.runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
  });

  it('the input-set hash depends on paths and contents, not on order', () => {
    const a = { rel: 'a.txt', sha256: '1'.repeat(64) };
    const b = { rel: 'b.txt', sha256: '2'.repeat(64) };
    expect(inputSetHash([a, b])).toBe(inputSetHash([b, a]));
    expect(inputSetHash([a, b])).not.toBe(inputSetHash([a, { ...b, sha256: '3'.repeat(64) }]));
    expect(inputSetHash([a, b])).not.toBe(inputSetHash([a, { ...b, rel: 'c.txt' }]));
    expect(inputSetHash([a, { rel: 'x' }])).toMatch(/^[0-9a-f]{64}$/);
  });
});

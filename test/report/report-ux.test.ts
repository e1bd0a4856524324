import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/report/formatters/json.js';
import { formatReportHtml } from '../../src/report/formatters/index.js';
import type { RunResults } from '../../src/report/model.js';
import { validCard, withLuhn } from '../support/cards.js';
import { assertNoRaw, cli, ensureBuilt, makeTree, ROOT } from './support.js';

const CHROMIUM = '/usr/bin/chromium';
let browser: Browser;

beforeAll(async () => {
  ensureBuilt();
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

/** A tree whose files hold generated card numbers, a CVV and e-mails: the default policy fails on it. */
function failingTree(): { dir: string; root: string; raw: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'caregate-ux-'));
  const root = join(dir, 'in');
  const cards = fc.sample(validCard.filter((c) => c.digits.length === 16 && c.digits.startsWith('4')), { numRuns: 3, seed: 7 }).map((c) => c.digits);
  const w = (rel: string, s: string) => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), s);
  };
  w('a-very-long-folder-name-that-would-overflow-a-narrow-table/and-another-long-subfolder-name/notes-with-a-long-name.txt', `card ${cards[0]} cvv 123 for the refund\nmail pat.kay@example.org\n`);
  w('tickets/t1.txt', `card number ${cards[1]} declined\n`);
  w('tickets/t2.txt', 'contact lee.ray@example.net or (415) 555-0148\n');
  w('clean.txt', 'order 12345 shipped\n');
  return { dir, root, raw: [...cards, 'pat.kay@example.org', 'lee.ray@example.net', '555-0148'] };
}

async function open(html: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(pathToFileURL(html).href);
  return page;
}

// Code that runs in the page is given as source text: the test project's types have no DOM.
const noHorizontalOverflow = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth');

/** WCAG 2.x contrast of every element holding text against its effective background (AA: 4.5, 3 for large text). */
const CONTRAST_FAILURES = `(() => {
  const lum = (c) => {
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const bgOf = (e) => {
    for (; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c;
    }
    return [255, 255, 255];
  };
  const bad = [];
  for (const e of Array.from(document.querySelectorAll('body *'))) {
    if (e.closest('svg') || e.tagName === 'SCRIPT' || e.tagName === 'STYLE') continue;
    const own = Array.from(e.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
    const st = getComputedStyle(e);
    if (!own || st.display === 'none' || st.visibility === 'hidden') continue;
    const a = lum(rgb(st.color));
    const b = lum(bgOf(e));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const large = parseFloat(st.fontSize) >= 24 || (parseFloat(st.fontSize) >= 18.66 && Number(st.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) bad.push(e.tagName + '.' + e.className + ' ' + ratio.toFixed(2));
  }
  return bad;
})()`;
const contrastFailures = (page: Page) => page.evaluate<string[]>(CONTRAST_FAILURES);

describe('the auditor report in headless Chromium', () => {
  it('opens with the verdict, fits 1,400 and 800 px, passes AA contrast, filters by clicks, and holds no raw value', async () => {
    const { dir, root, raw } = failingTree();
    const html = join(dir, 'report.html');
    const r = await cli(['report', root, '-o', html, '--concurrency', '1', '--fail-on-policy']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/policy caregate-default: FAIL/);
    const source = readFileSync(html, 'utf8');
    for (const v of raw) expect(source).not.toContain(v);
    const out = join(ROOT, 'test-output/report');
    mkdirSync(out, { recursive: true });
    for (const width of [1400, 800]) {
      const page = await open(html, width);
      expect(await noHorizontalOverflow(page)).toBe(true);
      const verdict = page.locator('#verdict');
      expect(await verdict.getAttribute('data-verdict')).toBe('FAIL');
      const box = await verdict.boundingBox();
      expect(box!.y + box!.height).toBeLessThan(900); // in the first screen
      expect(await page.locator('[data-failed-rule="no-sensitive-authentication-data"]').count()).toBe(1);
      expect(await page.locator('[data-failed-rule="no-full-pan"]').innerText()).toMatch(/PCI DSS 4\.0\.1 3\.4\.1/);
      expect(await contrastFailures(page)).toEqual([]);
      await page.screenshot({ path: join(out, `report-${width}.png`) });
      assertNoRaw(await page.locator('body').innerText(), 'rendered page');
      for (const v of raw) expect(await page.locator('body').innerText()).not.toContain(v);
      await page.close();
    }
    const page = await open(html, 1400);
    const rows = () => page.locator('#findings-table tbody tr[data-entity]');
    const total = Number(await page.locator('#findings-status').getAttribute('data-rows'));
    expect(total).toBeGreaterThanOrEqual(6);
    // a click on an entity filters the explorer to it
    await page.locator('[data-filter-entity="EMAIL"]').click();
    expect(await rows().count()).toBe(2);
    for (const e of await rows().evaluateAll((els) => els.map((x) => x.getAttribute('data-entity')))) expect(e).toBe('EMAIL');
    // a click on a severity card filters by severity
    await page.locator('[data-filter-severity="critical"]').click();
    const critical = await rows().evaluateAll((els) => els.map((x) => x.getAttribute('data-severity')));
    expect(critical.length).toBeGreaterThan(0);
    expect(new Set(critical)).toEqual(new Set(['critical']));
    // sorting by a header orders the rows
    await page.locator('#f-severity').selectOption('');
    await page.locator('#findings-table button[data-sort="entity"]').click();
    const entities = await rows().evaluateAll((els) => els.map((x) => x.getAttribute('data-entity')!));
    expect(entities).toEqual([...entities].sort());
    await page.close();
  }, 120_000);

  it('against a baseline: new and fixed findings, files added and gone, the trend; JSON and CSV carry the same', async () => {
    const { dir, root } = makeTree();
    const before = join(dir, 'before.json');
    expect((await cli(['report', root, '-o', before, '--concurrency', '1', '--exclude', 'broken'])).code).toBe(0);
    // fix one file, add one with a new finding, remove one
    writeFileSync(join(root, 'notes/call.txt'), 'Customer called about the refund.\nReach me at jane.doe@example.com.\n');
    writeFileSync(join(root, 'notes/new.txt'), 'new contact: sam.poe@example.com\n');
    const { rmSync } = await import('node:fs');
    rmSync(join(root, 'clean.txt'));
    const json = join(dir, 'after.json');
    const html = join(dir, 'after.html');
    const csv = join(dir, 'after.csv');
    for (const o of [json, html, csv]) expect((await cli(['report', root, '-o', o, '--concurrency', '1', '--exclude', 'broken', '--baseline', before])).code).toBe(0);
    const d = JSON.parse(readFileSync(json, 'utf8')) as ReportData;
    expect(d.diff!.fixedFindings).toBe(1);
    expect(d.diff!.fixed[0]).toMatchObject({ file: 'notes/call.txt', entity: 'CREDIT_CARD' });
    expect(d.diff!.newFindings).toBe(1);
    expect(d.findings.filter((f) => 'new' in f && f.new).map((f) => f.file)).toEqual(['notes/new.txt']);
    expect(d.diff!.filesAdded).toEqual(['notes/new.txt']);
    expect(d.diff!.filesGone).toEqual(['clean.txt']);
    expect(d.trend!.map((t) => t.findings)).toEqual([8, 8]);
    // one of the two card numbers was removed; the NDJSON export still holds the other
    expect(d.verdict.result).toBe('FAIL');
    expect(d.verdict.rules.find((r) => r.id === 'no-full-pan')).toMatchObject({ found: 1, files: 1, where: [{ path: 'tickets/export.ndjson', findings: 1 }] });
    const rowsCsv = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(rowsCsv[1]).toBe('verdict,,,,,,,,8,,caregate-default,,FAIL,,');
    expect(rowsCsv.filter((l) => l.startsWith('fixed,notes/call.txt,,,,credit-card,CREDIT_CARD,high,1'))).toHaveLength(1);
    expect(rowsCsv).toContain('file-added,notes/new.txt,,,,,,,,,,,,,');
    expect(rowsCsv).toContain('file-gone,clean.txt,,,,,,,,,,,,,');
    const page = await open(html, 1400);
    expect(await page.locator('#verdict').getAttribute('data-verdict')).toBe('FAIL');
    expect(await page.locator('[data-diff="new"]').innerText()).toBe('1');
    expect(await page.locator('[data-diff="fixed"]').innerText()).toBe('1');
    expect(await page.locator('[data-diff="files-gone"]').innerText()).toBe('1');
    expect(await page.locator('table.trend tbody tr').count()).toBe(2);
    await page.locator('#f-new').check();
    expect(await page.locator('#findings-table tbody tr[data-entity]').count()).toBe(1);
    expect(await noHorizontalOverflow(page)).toBe(true);
    await page.close();
  }, 120_000);

  it('10,000 files: the page stays bounded (100 file rows, 50 finding rows in the DOM) and pages through them', async () => {
    const files: RunResults['files'][number][] = [];
    for (let i = 0; i < 10_000; i++) {
      const n = i % 7 === 0 ? 2 : 0;
      files.push({
        rel: `exports/batch-${Math.floor(i / 100)}/ticket-${i}.txt`, ok: true, format: 'text', bytes: 100 + i, findings: n,
        byEntity: n ? { EMAIL: n } : {}, byRule: n ? { email: n } : {}, scanErrors: 0, records: 0, sha256: 'b'.repeat(64),
        items: n ? [{ ruleId: 'email', entity: 'EMAIL', confidence: 0.9, line: 1, column: 6, excerpt: 'mail [EMAIL] and [EMAIL]' }, { ruleId: 'email', entity: 'EMAIL', confidence: 0.9, line: 1, column: 20, excerpt: 'mail [EMAIL] and [EMAIL]' }] : [],
      });
    }
    const rules = [{ id: 'email', entity: 'EMAIL', pack: 'pii-core', description: 'E-mail addresses', regulations: ['GDPR Art. 4(1)'], detector: 'email', mask: 'label' }];
    const htmlText = formatReportHtml({ base: '/x', files, rules }, { version: '0', generatedAt: new Date('2026-12-01T00:00:00Z'), configuration: {}, paths: ['/x'] });
    expect(htmlText.length).toBeLessThan(6_000_000);
    const dir = mkdtempSync(join(tmpdir(), 'caregate-big-'));
    const html = join(dir, 'big.html');
    writeFileSync(html, htmlText);
    const page = await open(html, 1400);
    expect(await page.locator('#verdict').getAttribute('data-verdict')).toBe('PASS');
    expect(await page.locator('#files-table tbody tr').count()).toBe(100);
    expect(await page.locator('#findings-table tbody tr').count()).toBe(50);
    expect(await page.locator('#files-status').getAttribute('data-rows')).toBe('10000');
    expect(await page.evaluate<number>("document.getElementsByTagName('*').length")).toBeLessThan(3000);
    await page.locator('#files-next').click();
    expect(await page.locator('#files-status').innerText()).toMatch(/^rows 101–200 of 10000/);
    await page.locator('#files-filter').fill('ticket-9996');
    expect(await page.locator('#files-table tbody tr').count()).toBe(1);
    expect(await noHorizontalOverflow(page)).toBe(true);
    await page.close();
  }, 120_000);
});

describe('policy verdicts on generated trees', () => {
  it('PASS and FAIL by the default and a custom policy, with the exit code of --fail-on-policy (report and scan)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ cvv: fc.boolean(), card: fc.boolean(), emails: fc.integer({ min: 0, max: 3 }) }), async (t) => {
        const dir = mkdtempSync(join(tmpdir(), 'caregate-policy-'));
        const root = join(dir, 'in');
        mkdirSync(root, { recursive: true });
        const card = withLuhn('411111' + '123456789');
        writeFileSync(join(root, 'a.txt'), `${t.card ? `card ${card} ` : ''}${t.cvv ? 'cvv 913 ' : ''}note\n`);
        for (let i = 0; i < t.emails; i++) writeFileSync(join(root, `m${i}.txt`), `mail person${i}@example.com\n`);
        const fails = t.cvv || t.card;
        const report = await cli(['report', root, '--format', 'json', '--concurrency', '1', '--fail-on-policy']);
        expect(report.code).toBe(fails ? 1 : 0);
        expect((JSON.parse(report.stdout) as ReportData).verdict.result).toBe(fails ? 'FAIL' : 'PASS');
        const scan = await cli(['scan', root, '--concurrency', '1', '--fail-on-policy']);
        expect(scan.code).toBe(fails ? 1 : 0);
        // without the flag the verdict is reported but the run passes
        expect((await cli(['report', root, '--format', 'json', '--concurrency', '1'])).code).toBe(0);
        // a policy allowing at most one e-mail file
        const policy = join(dir, 'policy.json');
        writeFileSync(policy, JSON.stringify({ policy: 'emails', rules: [{ id: 'few-emails', description: 'at most one file with e-mails', requirement: 'GDPR Art. 5(1)(c)', entities: ['EMAIL'], maxFindings: 99, maxFiles: 1 }] }));
        const custom = await cli(['scan', root, '--concurrency', '1', '--fail-on-policy', '--policy', policy]);
        expect(custom.code).toBe(t.emails > 1 ? 1 : 0);
      }),
      { numRuns: 8, seed: 23 },
    );
  }, 240_000);

  it('a broken policy or baseline is a usage error naming the file and the field (exit 2)', async () => {
    const { dir, root } = makeTree();
    const policy = join(dir, 'p.json');
    writeFileSync(policy, JSON.stringify({ policy: 'x', rules: [{ id: 'Bad Id', description: 'd', requirement: 'r', entities: ['EMAIL'] }] }));
    const r = await cli(['report', root, '--policy', policy]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rules.0.id');
    const base = join(dir, 'b.json');
    writeFileSync(base, '{"not":"a report"}');
    const b = await cli(['report', root, '--baseline', base]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/not a caregate JSON report/);
  }, 60_000);
});

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/report/formatters/json.js';
import { findChromium } from '../../.ci/find-chromium.mjs';
import { assertNoRaw, cli, ensureBuilt, makeTree, RAW, ROOT } from './support.js';

let browser: Browser;

beforeAll(async () => {
  ensureBuilt();
  // npm test's pretest (.ci/test-prerequisites.mjs) installs it or says what to install.
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error('no Chromium found: run `npm test` (its pretest installs it as root), or apt-get install chromium, or set CAREGATE_CHROMIUM');
  }
  browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('caregate report: the HTML report in headless Chromium', () => {
  it('renders offline, draws its charts, shows the counts of the JSON report, and holds no raw value', async () => {
    const { dir, root } = makeTree();
    const html = join(dir, 'report.html');
    const json = join(dir, 'report.json');
    const a = await cli(['report', root, '-o', html, '--concurrency', '1']);
    const b = await cli(['report', root, '-o', json, '--concurrency', '1']);
    expect(a.code).toBe(3); // the malformed and the unreadable file
    expect(b.code).toBe(3);
    const data = JSON.parse(readFileSync(json, 'utf8')) as ReportData;
    const source = readFileSync(html, 'utf8');
    assertNoRaw(source, 'report.html');
    for (const raw of RAW) expect(source).not.toContain(raw.replace(/\D/g, '').slice(0, 12) || raw);

    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(html).href);
    expect(requests).toEqual([pathToFileURL(html).href]); // nothing fetched but the file itself

    expect(await page.title()).toMatch(/^caregate report /);
    // charts: two inline SVGs, bars drawn with a width, one bar per entity
    expect(await page.locator('svg.chart').count()).toBe(2);
    const entityBars = page.locator('svg[data-chart="entities"] rect.bar');
    expect(await entityBars.count()).toBe(Object.keys(data.totals.byEntity).length);
    for (const box of await entityBars.evaluateAll((els) => els.map((e) => (e as unknown as { getBBox(): { width: number } }).getBBox().width))) expect(box).toBeGreaterThan(0);
    const drawn = await page.locator('svg[data-chart="entities"]').boundingBox();
    expect(drawn!.width).toBeGreaterThan(100);
    expect(await page.locator('svg[data-chart="top-files"] rect.bar').count()).toBe(data.files.filter((f) => f.findings > 0).length);
    const barValues = Object.fromEntries(
      await entityBars.evaluateAll((els) => els.map((e) => [e.getAttribute('data-label'), Number(e.getAttribute('data-value'))])),
    );
    expect(barValues).toEqual(data.totals.byEntity);

    // the counts on the page equal those of the JSON report
    const count = async (key: string) => Number(await page.locator(`[data-count="${key}"]`).innerText());
    expect(Number(await page.locator('[data-total="findings"]').innerText())).toBe(data.totals.findings);
    for (const [entity, n] of Object.entries(data.totals.byEntity)) expect(await count(`entity:${entity}`)).toBe(n);
    for (const [rule, n] of Object.entries(data.totals.byRule)) expect(await count(`rule:${rule}`)).toBe(n);
    for (const f of data.files) expect(await count(`file:${f.path}`)).toBe(f.findings);
    expect(await page.locator('[data-fact="input-hash"]').innerText()).toBe(data.inputs.sha256);
    expect(await page.locator('[data-fact="version"]').innerText()).toBe(data.tool.version);
    expect(await page.locator('[data-fact="failed"]').innerText()).toBe(String(data.inputs.failed));
    expect(await page.locator('#rules tbody tr').count()).toBe(data.rules.length);
    expect(data.totals.findings).toBe(8);

    // nothing raw in what the page shows either
    assertNoRaw(await page.locator('body').innerText(), 'rendered page');
    const out = join(ROOT, 'test-output/report');
    mkdirSync(out, { recursive: true });
    await page.screenshot({ path: join(out, 'report.png'), fullPage: true });
    expect(existsSync(join(out, 'report.png'))).toBe(true);
    await page.close();
  });
});

// The auditor portal in a real browser: Debian's Chromium opens the sample package's portal/index.html
// from disk (file://, no server, network off), and the test reads it as an auditor would: counts
// against results.json, a filter, a finding followed to its evidence record, search, print view.
// Screenshots go to test-output/ (git-ignored).
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINDING_STATUS_LABELS, FRAMEWORK_NAMES, REQUIREMENT_STATUS_LABELS } from '../../src/render/view-model/labels.ts';
import type { RunResults } from '../../src/results/run-results.ts';
import { samplePackage, type BuiltPackage } from '../package/package-fixture.ts';
import { withPackageFolder } from '../../src/package/open-package-zip.ts';
import { launchChromium, type Browser } from './chromium.ts';

const OUTPUT = fileURLToPath(new URL('../../test-output/', import.meta.url));

let pkg: BuiltPackage;
let results: RunResults;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  pkg = await samplePackage();
  results = JSON.parse(await readFile(join(pkg.dir, 'results.json'), 'utf8')) as RunResults;
  await mkdir(OUTPUT, { recursive: true });
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
});
afterAll(async () => {
  await browser?.close();
  await pkg?.cleanup();
});

const portalUrl = (hash = '') => `${pathToFileURL(join(pkg.dir, 'portal', 'index.html')).href}${hash}`;

async function open(hash = ''): Promise<void> {
  await page.goto(portalUrl(hash));
  await page.waitForSelector('body[data-portal-ready]');
}

const heading = () => page.locator('main h1').textContent();

/** "113 of 279 findings, showing the first 100." -> 113 */
async function shownCount(): Promise<number> {
  const text = (await page.locator('.results .count').first().textContent()) ?? '';
  if (/^No /.test(text)) return 0;
  const m = /^([\d,]+) of ([\d,]+)/.exec(text);
  if (!m) throw new Error(`unexpected count line: ${text}`);
  return Number(m[1].replace(/,/g, ''));
}

/** { label: count } read from a card's legend. */
async function legendCounts(cardHeading: string): Promise<Record<string, number>> {
  const card = page.locator('section.card', { has: page.getByRole('heading', { name: cardHeading, exact: true }) });
  const items = await card.locator('.legend-item').allTextContents();
  return Object.fromEntries(items.map((t) => /^([\d,]+)\s+(.+)$/.exec(t.trim())!).map((m) => [m[2], Number(m[1].replace(/,/g, ''))]));
}

describe('auditor portal in Chromium', () => {
  it('opens from the package folder with no network and no CSP violation, and its overview counts match results.json', async () => {
    await open();
    await expect.poll(heading).toBe('Evidence overview');
    // Findings by status, recounted from results.json's findings (not its summary).
    const expected: Record<string, number> = {};
    for (const f of results.findings) expected[FINDING_STATUS_LABELS[f.status]] = (expected[FINDING_STATUS_LABELS[f.status]] ?? 0) + 1;
    expect(await legendCounts('Findings')).toEqual(expected);
    // Requirements by status, per framework.
    for (const fw of results.run.frameworks) {
      const byStatus: Record<string, number> = {};
      for (const r of results.requirements[fw]!) byStatus[REQUIREMENT_STATUS_LABELS[r.status]] = (byStatus[REQUIREMENT_STATUS_LABELS[r.status]] ?? 0) + 1;
      expect(await legendCounts(FRAMEWORK_NAMES[fw])).toEqual(byStatus);
    }
    await page.screenshot({ path: join(OUTPUT, 'portal.png'), fullPage: true });
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('filters findings by status, account, region and service, with counts equal to results.json', async () => {
    await open();
    // Click the "Fail" entry of the findings card: the findings page, filtered.
    await page.locator('section.card', { has: page.getByRole('heading', { name: 'Findings', exact: true }) }).getByRole('link', { name: /Fail$/ }).click();
    await expect.poll(heading).toBe('Findings');
    const failing = results.findings.filter((f) => f.status === 'fail');
    expect(await shownCount()).toBe(failing.length);
    expect(page.url()).toContain('#/findings?status=fail');

    await page.getByLabel('Region').selectOption('us-east-1');
    expect(await shownCount()).toBe(failing.filter((f) => f.region === 'us-east-1').length);
    await page.getByLabel('Account').selectOption(results.run.scope.accounts[0]);
    expect(await shownCount()).toBe(failing.filter((f) => f.region === 'us-east-1' && f.account === results.run.scope.accounts[0]).length);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    expect(await shownCount()).toBe(results.findings.length);
    const s3Controls = new Set(results.controls.filter((c) => c.services.includes('s3')).map((c) => c.id));
    await page.getByLabel('Service').selectOption('s3');
    expect(await shownCount()).toBe(results.findings.filter((f) => s3Controls.has(f.controlId)).length);
    const critical = new Set(results.controls.filter((c) => c.severity === 'critical').map((c) => c.id));
    await page.getByLabel('Severity').selectOption('critical');
    expect(await shownCount()).toBe(results.findings.filter((f) => s3Controls.has(f.controlId) && critical.has(f.controlId)).length);
    expect(problems).toEqual([]);
  });

  it('filters by framework and requirement: the findings of exactly the controls mapped to it', async () => {
    const req = results.requirements.hipaa!.find((r) => r.controls.filter((c) => c.status === 'fail').length >= 2)!;
    await open('#/findings');
    await page.getByLabel('Framework').selectOption('hipaa');
    await page.getByLabel('Requirement').selectOption(`hipaa:${req.id}`);
    const mapped = new Set(req.controls.map((c) => c.id));
    expect(await shownCount()).toBe(results.findings.filter((f) => mapped.has(f.controlId)).length);
    await page.getByLabel('Status').selectOption('fail');
    expect(await shownCount()).toBe(results.findings.filter((f) => mapped.has(f.controlId) && f.status === 'fail').length);
  });

  it('walks requirement -> control -> finding -> evidence record, showing its SHA-256 and request id', async () => {
    const req = results.requirements.hipaa!.find((r) => r.status === 'not_met')!;
    await open(`#/requirement/hipaa/${encodeURIComponent(req.id)}`);
    await expect.poll(heading).toBe(`HIPAA ${req.id}`);
    const controlRows = page.locator('table.data tbody tr');
    await expect.poll(() => controlRows.count()).toBe(req.controls.length);

    const controlId = req.controls.find((c) => c.status === 'fail')!.id;
    await page.getByRole('link', { name: controlId, exact: true }).first().click();
    await expect.poll(heading).toBe(results.controls.find((c) => c.id === controlId)!.title);
    const finding = results.findings.find((f) => f.controlId === controlId && f.status === 'fail')!;
    await page.getByRole('link', { name: new RegExp(`^${finding.resource.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first().click();
    await expect.poll(heading).toBe(finding.resource.id);
    await expect.poll(() => page.locator('.facts').textContent()).toContain(finding.reason);

    const evidence = results.evidence.find((e) => e.id === finding.evidence[0])!;
    await page.getByRole('link', { name: evidence.key }).first().click();
    await expect.poll(heading).toBe(evidence.key);
    const facts = page.locator('.facts');
    expect(await facts.textContent()).toContain(evidence.sha256);
    expect(evidence.requestId).toBeTruthy();
    expect(await facts.textContent()).toContain(evidence.requestId);
    // The record body, loaded from its evidence chunk by a script element, hashed by the browser.
    await expect.poll(() => page.locator('.integrity').getAttribute('class')).toBe('integrity ok');
    expect(await page.locator('.integrity').textContent()).toContain(evidence.sha256);
    const stored = await readFile(join(pkg.dir, evidence.file), 'utf8');
    expect(await page.locator('pre.json-view').textContent()).toBe(stored);
    await page.screenshot({ path: join(OUTPUT, 'portal-evidence.png'), fullPage: true });
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('text search narrows findings to the matching resources', async () => {
    const target = results.findings.find((f) => f.status === 'fail' && f.resource.type !== 'AWS::::Account')!;
    await open('#/findings');
    await page.getByLabel('Search resource, ARN, reason').fill(target.resource.id);
    const needle = target.resource.id.toLowerCase();
    const expected = results.findings.filter((f) => [f.id, f.resource.id, f.resource.arn ?? '', f.resource.type, f.reason, results.controls.find((c) => c.id === f.controlId)?.title ?? ''].join(' ').toLowerCase().includes(needle)).length;
    await expect.poll(shownCount).toBe(expected);
    expect(page.url()).toContain(`q=${encodeURIComponent(target.resource.id).replace(/%20/g, '+')}`);
  });

  it('states the scope and limitations: services examined and not examined, with the requirements that limits', async () => {
    await open('#/scope');
    await expect.poll(heading).toBe('Scope and limitations');
    const tables = page.locator('table.data');
    expect(await tables.nth(0).locator('tbody tr').count()).toBe(results.scope.examined.length);
    expect(await tables.nth(1).locator('tbody tr').count()).toBe(results.scope.notExamined.length);
    expect(await page.locator('.facts').first().textContent()).toContain('Replayed from a recording');
  });

  it('opens from the unzipped archive the same way, evidence and digests included', async () => {
    await withPackageFolder(pkg.zip, async (dir) => {
      const evidence = results.evidence.find((e) => e.outcome === 'error')!;
      await page.goto(`${pathToFileURL(join(dir, 'portal', 'index.html')).href}#/evidence/${encodeURIComponent(evidence.id)}`);
      await page.waitForSelector('body[data-portal-ready]');
      await expect.poll(() => page.locator('.integrity').getAttribute('class')).toBe('integrity ok');
      expect(await page.locator('.facts').textContent()).toContain(evidence.error!.message);
    });
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('is labelled and keyboard-operable: every form control has a label, one h1 per page, the skip link reaches main', async () => {
    for (const route of ['#/', '#/findings', '#/requirements', '#/controls', '#/evidence', '#/scope']) {
      await open(route);
      expect(await page.locator('h1').count(), route).toBe(1);
      const unlabelled = await page.evaluate(() => [...document.querySelectorAll('select, input')].filter((el) => !(el as HTMLInputElement).labels?.length).map((el) => el.outerHTML));
      expect(unlabelled, route).toEqual([]);
      expect(await page.locator('nav.tabs a[aria-current="page"]').count(), route).toBe(1);
    }
    await page.goto('about:blank'); // a fresh load: focus starts at the top of the page
    await open('#/findings');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // The route survives the in-page jump: the findings table is still there.
    expect(await shownCount()).toBe(results.findings.length);
  });

  it('prints the current view without navigation or filters', async () => {
    await open('#/findings?status=unknown');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.masthead').isHidden()).toBe(true);
    expect(await page.locator('.filters').isHidden()).toBe(true);
    expect(await page.locator('.print-banner').isVisible()).toBe(true);
    expect(await page.locator('table.data tbody tr').count()).toBe(results.findings.filter((f) => f.status === 'unknown').length);
    await page.screenshot({ path: join(OUTPUT, 'portal-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });
});

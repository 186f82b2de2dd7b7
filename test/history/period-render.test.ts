import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { PeriodReport } from '../../src/history/build-period-report.ts';
import { periodStats } from '../../src/history/period-stats.ts';
import { renderPeriodPdf } from '../../src/history/render-period-pdf.ts';
import { renderPeriodXlsx } from '../../src/history/render-period-xlsx.ts';
import { developmentIdentity } from '../../src/sign/dev-identity.ts';
import type { FindingStatus } from '../../src/evaluate/finding.ts';
import { fakeResults } from './fake-results.ts';

const statuses: FindingStatus[] = ['pass', 'fail', 'fail', 'pass'];
const runs = statuses.map((status, i) => fakeResults(`run-${i}`, `2026-11-0${i + 1}T02:00:00.000Z`, [{ control: 'c1', resource: 'r', status }, { control: 'c2', resource: 'r', status: 'pass' }]));
const report: PeriodReport = {
  schema: 'proofline-period-report',
  schemaVersion: 2,
  generatedAt: '2026-12-01T00:00:00.000Z',
  organization: 'Test',
  ...periodStats({ name: 'Q4', from: '2026-11-01', to: '2026-11-30' }, runs),
  historyVerification: { ok: true, runs: 4, checkedPackages: 0, problems: [], notes: [] },
  interim: false,
  tool: { name: 'proofline', version: 'test' },
  scope: { accounts: [], regions: [], frameworks: ['soc2'], sources: [], tools: [], catalogDigests: [] },
  coverage: { expected: null, missed: null, succeeded: 4, failed: 0, daysBeforeFirstRun: 0, weeks: [] },
  runRegister: [],
};

describe('period report renderings', () => {
  it('XLSX has the run history, controls and requirements sheets, in the words of the PDF', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'proofline-period-xlsx-'));
    await renderPeriodXlsx(join(dir, 'p.xlsx'), report);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'p.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Coverage', 'Run register', 'Run history', 'Controls', 'Requirements', 'Exceptions']);
    const history = wb.getWorksheet('Run history')!;
    expect(history.rowCount).toBe(5);
    const headers = (history.getRow(1).values as unknown[]).slice(1);
    const col = headers.indexOf('SOC 2 Not met') + 1;
    expect([2, 3, 4, 5].map((r) => history.getRow(r).getCell(col).value)).toEqual([0, 1, 1, 0]);
    const controls = wb.getWorksheet('Controls')!;
    const header = (controls.getRow(1).values as unknown[]).slice(1);
    const c1 = controls.getRow(2);
    const cell = (name: string) => c1.getCell(header.indexOf(name) + 1).value;
    expect(cell('Control')).toBe('c1');
    expect(cell('Over the window')).toBe('Failed in some run');
    expect(cell('Rank among failed')).toBe(1);
    expect(cell('Share met')).toBe(0.5);
    expect(cell('Status changes')).toBe('2026-11-02 Pass -> Fail; 2026-11-04 Fail -> Pass');
    expect(String(cell('Failures (fixed after)'))).toBe('2026-11-02 to 2026-11-04 (48 h)');
    expect(controls.getRow(3).getCell(header.indexOf('Rank among failed') + 1).value).toBe(null); // c2 never failed: not ranked
  });

  it('PDF is signed and carries the window', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'proofline-period-pdf-'));
    const identity = await developmentIdentity(dir, 'Test');
    await renderPeriodPdf(join(dir, 'p.pdf'), report, identity, new Date('2026-12-01T00:00:00Z'));
    const pdf = await readFile(join(dir, 'p.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/SubFilter \/adbe\.pkcs7\.detached/);
    expect(pdf.toString('latin1')).toContain('Proofline period report 2026-11-01 to 2026-11-30');
  });

  it('PDF on Letter when asked (config report.pageSize), fonts embedded, signature valid', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'proofline-period-letter-'));
    const identity = await developmentIdentity(dir, 'Test');
    await renderPeriodPdf(join(dir, 'p.pdf'), { ...report, organization: '株式会社アクメ' }, identity, new Date('2026-12-01T00:00:00Z'), { pageSize: 'Letter' });
    const path = join(dir, 'p.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
    const sizes = [...execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), path], { encoding: 'utf8' }).matchAll(/Page\s+\d+ size:\s+(.*)/g)].map((m) => m[1].trim());
    expect(new Set(sizes)).toEqual(new Set(['612 x 792 pts (letter)']));
    for (const row of execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2)) expect(row.split(/\s+/).slice(-5, -4)[0], row).toBe('yes');
    expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })).toContain('株式会社アクメ');
    expect(execFileSync('pdfsig', [path], { encoding: 'utf8' })).toContain('Signature Validation: Signature is Valid.');
  });
});

// The remediation tracker across two scheduled runs of the sample: Owner / Due date typed into the first
// run's Gaps and PBC sheets (through exceljs, as a person would in Excel) come back in the second run's
// workbook and PDF, matched by finding id; a finding fixed in between moves to Resolved with the run that
// fixed it and its team columns; first seen comes from the run history.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.ts';
import { HistoryStore } from '../../src/history/history-store.ts';
import { renderReportsStep } from '../../src/package/render-package.ts';
import { signPackageStep } from '../../src/package/sign-package.ts';
import type { RunResults } from '../../src/results/run-results.ts';
import { evidenceJob } from '../../src/schedule/evidence-job.ts';
import { memoryLogger } from '../../src/schedule/json-logger.ts';
import { resolveSigningIdentity } from '../../src/sign/resolve-identity.ts';
import { SHEETS } from '../../src/render/xlsx/render-xlsx.ts';
import { TEST_HISTORY_KEY } from '../helpers/history-key.ts';
import { sampleRun } from '../package/package-fixture.ts';

const OWNER = 'Dana Ito (platform team)';
const DUE = new Date('2026-12-15T00:00:00Z');
const PBC_OWNER = 'Legal: M. Okafor';

let dir: string;
let store: HistoryStore;
const packages: string[] = [];
const runs: RunResults[] = [];
let fixedId: string;
let keptId: string;

function headerIndex(ws: ExcelJS.Worksheet): Map<string, number> {
  return new Map((ws.getRow(1).values as string[]).map((h, i) => [h, i] as const).filter(([h]) => h));
}

function rowsById(ws: ExcelJS.Worksheet): Map<string, ExcelJS.Row> {
  const rows = new Map<string, ExcelJS.Row>();
  ws.eachRow((row, n) => {
    if (n > 1) rows.set(String(row.getCell(1).value), row);
  });
  return rows;
}

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'proofline-tracker-'));
  store = await HistoryStore.open(dir, TEST_HISTORY_KEY);
  const config = parseConfig({ dataDir: dir, schedule: { cron: '0 2 * * *' } }, 'test.yaml');
  const identity = await resolveSigningIdentity(config, { env: { PROOFLINE_HOME: join(dir, 'home') } });
  let n = 0;
  const { job } = evidenceJob({
    config,
    store,
    packagesDir: join(dir, 'packages'),
    log: memoryLogger(),
    collect: async () => {
      const { results, records } = await sampleRun();
      const failing = results.findings.filter((f) => f.status === 'fail');
      fixedId = failing[0].id;
      keptId = failing[1].id;
      // Between the runs the team fixes one finding: the second run sees it pass.
      if (++n === 2) Object.assign(failing[0], { status: 'pass', reason: 'Fixed by the platform team.' });
      runs.push(results);
      return { results, records };
    },
    packageSteps: (previous, context) => [renderReportsStep({ identity, extras: { tracker: context.tracker } }), signPackageStep({ identity, previousManifestSha256: previous ?? null })],
  });
  const signal = new AbortController().signal;
  packages.push(String((await job(signal, 'schedule')).package));
  // The team types into the first run's workbook, as they would in Excel.
  const first = join(packages[0], 'control-gaps.xlsx');
  const wb = await workbook(first);
  for (const name of [SHEETS.gaps, SHEETS.pbc]) {
    const ws = wb.getWorksheet(name)!;
    const col = headerIndex(ws);
    const rows = rowsById(ws);
    const targets = name === SHEETS.gaps ? [rows.get(fixedId)!, rows.get(keptId)!] : [ws.getRow(2)];
    for (const row of targets) {
      row.getCell(col.get('Owner')!).value = name === SHEETS.gaps ? OWNER : PBC_OWNER;
      row.getCell(col.get('Due date')!).value = DUE;
      row.getCell(col.get('Status')!).value = 'In progress';
      row.getCell(col.get('Comments')!).value = '=HYPERLINK("http://evil")'; // typed text that looks like a formula
    }
    if (name === SHEETS.gaps) targets[1].getCell(col.get('Ticket')!).value = { text: 'SEC-42', hyperlink: 'https://tickets.example.com/SEC-42' };
  }
  await wb.xlsx.writeFile(first);
  packages.push(String((await job(signal, 'schedule')).package));
}, 240_000);

afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('remediation tracker across two scheduled runs', () => {
  let gaps: ExcelJS.Worksheet;
  let resolved: ExcelJS.Worksheet;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await workbook(join(packages[1], 'control-gaps.xlsx'));
    gaps = wb.getWorksheet(SHEETS.gaps)!;
    resolved = wb.getWorksheet(SHEETS.resolved)!;
  });

  it("carries Owner, Due date, Ticket, Status and Comments into the second run's Gaps sheet by finding id", () => {
    const col = headerIndex(gaps);
    const row = rowsById(gaps).get(keptId)!;
    expect(row.getCell(col.get('Owner')!).value).toBe(OWNER);
    expect((row.getCell(col.get('Due date')!).value as Date).toISOString()).toBe(DUE.toISOString());
    expect(row.getCell(col.get('Ticket')!).value).toBe('SEC-42');
    expect(row.getCell(col.get('Status')!).value).toBe('In progress');
    // Carried text is sanitised again: never a formula.
    expect(row.getCell(col.get('Comments')!).value).toBe(`'=HYPERLINK("http://evil")`);
    // Rows nobody typed into stay empty.
    const others = [...rowsById(gaps).entries()].filter(([id]) => id !== keptId);
    expect(others.length).toBeGreaterThan(50);
    for (const [, r] of others) expect(r.getCell(col.get('Owner')!).value).toBeNull();
    expect(rowsById(gaps).has(fixedId)).toBe(false);
  });

  it('moves the fixed finding to Resolved with the run that fixed it and its team columns', () => {
    const col = headerIndex(resolved);
    const rows = rowsById(resolved);
    expect([...rows.keys()]).toEqual([fixedId]);
    const row = rows.get(fixedId)!;
    expect(row.getCell(col.get('Resolved by run')!).value).toBe(runs[1].run.id);
    expect((row.getCell(col.get('Resolved at (UTC)')!).value as Date).toISOString()).toBe(runs[1].run.startedAt);
    expect(row.getCell(col.get('Resolution')!).value).toBe('Passes in this run');
    expect(row.getCell(col.get('Owner')!).value).toBe(OWNER);
    expect(row.getCell(col.get('Control')!).value).toBe(fixedId.split(':')[0]);
  });

  it('dates first seen from the run history (results.json and the sheet), and says where the columns came from', async () => {
    const second = JSON.parse(await readFile(join(packages[1], 'results.json'), 'utf8')) as RunResults;
    const kept = second.findings.find((f) => f.id === keptId)!;
    expect(kept.firstSeen).toBe(runs[0].run.startedAt);
    expect(second.findings.find((f) => f.id === fixedId)!.firstSeen).toBeUndefined();
    const first = JSON.parse(await readFile(join(packages[0], 'results.json'), 'utf8')) as RunResults;
    expect(first.findings.find((f) => f.id === keptId)!.firstSeen).toBe(runs[0].run.startedAt);
    const col = headerIndex(gaps);
    expect((rowsById(gaps).get(keptId)!.getCell(col.get('First seen')!).value as Date).toISOString()).toBe(runs[0].run.startedAt);
    const summary = wb.getWorksheet(SHEETS.summary)!;
    let carried: unknown;
    summary.eachRow((row) => {
      if (row.getCell(1).value === 'Team columns carried from') carried = row.getCell(2).value;
    });
    expect(carried).toBe(join(packages[0], 'control-gaps.xlsx'));
  });

  it("shows the PBC owner and due date in the second run's PBC sheet and report", () => {
    const pbc = wb.getWorksheet(SHEETS.pbc)!;
    const col = headerIndex(pbc);
    expect(pbc.getRow(2).getCell(col.get('Owner')!).value).toBe(PBC_OWNER);
    expect(pbc.getRow(3).getCell(col.get('Owner')!).value).toBeNull();
    const text = execFileSync('pdftotext', ['-layout', join(packages[1], 'report.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(text).toContain('Evidence requested: PBC list');
    expect(text).toContain(PBC_OWNER);
    expect(text).toContain('2026-12-15');
    expect(text).toContain('to be assigned');
  });
});

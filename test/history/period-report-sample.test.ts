// The period report of the sample window (issue 16, item 3): scheduled runs of the sample account into
// a history, one night missed and one run failed, then period-report.pdf read back with pdftotext (cover
// facts, coverage table with its gap, run register with the manifest digests, "not evaluated", page X of
// Y) and period-report.xlsx through exceljs (the PDF's labels, no raw status values).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPeriodReport, type PeriodReport } from '../../src/history/build-period-report.ts';
import { HistoryStore } from '../../src/history/history-store.ts';
import { resolvePeriod } from '../../src/history/period-window.ts';
import { renderPeriodPdf } from '../../src/history/render-period-pdf.ts';
import { renderPeriodXlsx } from '../../src/history/render-period-xlsx.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { signPackageStep } from '../../src/package/sign-package.ts';
import { evidenceJob } from '../../src/schedule/evidence-job.ts';
import { memoryLogger } from '../../src/schedule/json-logger.ts';
import { developmentIdentity } from '../../src/sign/dev-identity.ts';
import { TEST_HISTORY_KEY } from '../helpers/history-key.ts';
import { sampleRun } from '../package/package-fixture.ts';

let dir: string;
let report: PeriodReport;
let text: string;
let pages: number;
let store: HistoryStore;
const RENDERED_AT = new Date('2026-11-28T12:00:00Z');
/** Nights of the schedule (02:00 Europe/Dublin = 02:00 UTC in November): the 26th fails, the 28th never runs. */
const NIGHTS = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'proofline-period-sample-'));
  const config = { ...(await loadConfig('samples/scheduled.config.yaml')), dataDir: join(dir, 'data') };
  store = await HistoryStore.open(config.dataDir, TEST_HISTORY_KEY);
  const identity = await developmentIdentity(join(dir, 'home'), config.organization);
  // The sample is evaluated once through the real pipeline; each scheduled run carries it under its own id and time
  // (its own copy of the records array: a package takes the array it is handed and empties it as it writes).
  const sample = await sampleRun({ frameworks: config.frameworks });
  let clock = 0;
  const { job, onFailure } = evidenceJob({
    config,
    store,
    packagesDir: join(config.dataDir, 'packages'),
    log: memoryLogger(),
    now: () => new Date((clock += 1000)),
    collect: async (_inputs, at) => {
      if (at.toISOString().startsWith('2026-11-26')) throw new Error('throttled out');
      const stamp = at.toISOString();
      return { results: { ...sample.results, run: { ...sample.results.run, id: randomUUID(), startedAt: stamp, finishedAt: stamp, evaluatedAt: stamp } }, records: [...sample.records] };
    },
    packageSteps: (previous) => [signPackageStep({ identity, previousManifestSha256: previous ?? null })],
  });
  for (const night of NIGHTS) {
    clock = Date.parse(`${night}T02:00:05Z`);
    await job(new AbortController().signal, 'schedule').catch(onFailure);
  }
  const period = resolvePeriod({ window: 'SOC 2 Type II 2026-27' }, config.observationWindows);
  report = await buildPeriodReport(store, period, RENDERED_AT, { schedule: config.schedule });
  await renderPeriodPdf(join(dir, 'period-report.pdf'), report, identity, RENDERED_AT);
  await renderPeriodXlsx(join(dir, 'period-report.xlsx'), report);
  text = execFileSync('pdftotext', ['-layout', join(dir, 'period-report.pdf'), '-'], { encoding: 'utf8' });
  pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'period-report.pdf')], { encoding: 'utf8' }))?.[1]);
}, 240_000);

afterAll(async () => {
  await store?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const flat = () => text.replace(/\s+/g, ' ');

describe('period report of the sample window', () => {
  it('the cover names the organization, window, interim state, sources, schedule, chain and signer', () => {
    const t = flat();
    for (const fact of [
      'Acme Health AI (sample)',
      'SOC 2 Type II 2026-27: 2026-10-01 to 2027-03-31',
      'INTERIM — WINDOW STILL OPEN',
      'Interim: the window is still open (it ends 2027-03-31); this report covers the runs up to 2026-11-28 12:00:00 UTC',
      'GDPR, HIPAA Security Rule, SOC 2 (TSC 2017)',
      '4 succeeded, 1 failed',
      'cron "0 2 * * *" in Europe/Dublin',
      'Intact: all 5 runs of the history verified',
      '55 SCHEDULED RUNS MISSED',
      'The window opened on 2026-10-01; the first run came on 2026-11-23, 53 days later: no evidence covers 2026-10-01 to 2026-11-22.',
      'Signed by CN=Proofline development signer',
    ]) expect(t).toContain(fact);
    expect(t).toMatch(/Evidence sources snapshot \(\S*samples\/sample-account\) \(4 runs\)/);
    expect(report.interim).toBe(true);
  });

  it('the coverage table spans the window week by week and shows the gaps', () => {
    expect(report.coverage.weeks[0].from).toBe('2026-10-01');
    expect(report.coverage.weeks.at(-1)!.to).toBe('2027-03-31');
    const row = (from: string) => text.split('\n').find((l) => l.trimStart().startsWith(from))?.replace(/\s+/g, ' ').trim();
    // 19..25 Nov: 7 nights due, 3 runs; 26 Nov..2 Dec: 26, 27, 28 due, 27 ran, 26 failed, 28 never ran.
    // (the missed times may wrap onto a second line of the row)
    expect(row('2026-11-19 to 2026-11-25')).toMatch(/^2026-11-19 to 2026-11-25 7 3 0 4 Gap 11-19 02:00, 11-20 02:00/);
    expect(flat()).toMatch(/2026-11-19 to 2026-11-25 7 3 0 4 Gap 11-19 02:00, 11-20 02:00, 11-21 ?02:00, 11-22 02:00 2026-11-26/);
    expect(row('2026-11-26 to 2026-12-02')).toBe('2026-11-26 to 2026-12-02 3 (+4 later) 1 1 2 Gap 11-26 02:00, 11-28 02:00');
    expect(row('2026-10-01 to 2026-10-07')).toBe('2026-10-01 to 2026-10-07 7 0 0 7 Gap all 7 scheduled runs');
    expect(row('2027-01-07 to 2027-01-13')).toBe('2027-01-07 to 2027-01-13 0 (+7 later) 0 0 - Not yet due -');
    expect(flat()).toContain('59 scheduled runs due, 4 covered by a run, 55 missed');
  });

  it('the run register lists every run with its manifest digest, the failed one too', async () => {
    const runs = await store.runs();
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'failed', 'succeeded']);
    const register = text.slice(text.indexOf('Run register'));
    for (const r of runs) {
      expect(register).toContain(r.id);
      expect(register).toContain(r.entrySha256);
      if (r.status === 'succeeded') expect(register).toContain(r.manifestSha256!);
    }
    expect(register.replace(/\s+/g, ' ')).toContain('#4 Failed');
    expect(register.replace(/\s+/g, ' ')).toContain('error: throttled out');
  });

  it('controls are ranked among the failed only; unknown and manual ones are listed apart as not evaluated', () => {
    // Long ids wrap inside their cell: compare without white space.
    const ranked = text.slice(text.indexOf('Controls that failed during the window'), text.indexOf('Not evaluated (')).replace(/\s+/g, '');
    const apart = text.slice(text.indexOf('Not evaluated ('), text.indexOf('Run register')).replace(/\s+/g, '');
    const notEvaluated = report.controls.filter((c) => c.evaluation === 'not_evaluated');
    expect(notEvaluated.length).toBeGreaterThan(0);
    for (const c of notEvaluated) {
      expect(apart).toContain(c.id);
      expect(ranked).not.toContain(c.id);
    }
    for (const c of report.controls.filter((x) => x.evaluation === 'failed')) expect(ranked).toContain(c.id);
    expect(apart).toMatch(/4of4runs0runsManual/);
    expect(text).not.toMatch(/0% · 0 failures/);
  });

  it('every page is numbered "Page X of Y", the cover too; no raw status value reaches the PDF', () => {
    expect(pages).toBeGreaterThan(5);
    for (let p = 1; p <= pages; p++) expect(text).toContain(`Page ${p} of ${pages}`);
    expect(text).not.toMatch(/\b(not_met|not_evaluated|not_applicable|not_due|inherited_no_evidence|out_of_scope)\b/);
  });

  it('the XLSX uses the same labels: sheets, coverage states, evaluations, statuses', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'period-report.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Coverage', 'Run register', 'Run history', 'Controls', 'Requirements', 'Exceptions']);
    const column = (sheet: string, header: string) => {
      const ws = wb.getWorksheet(sheet)!;
      const col = (ws.getRow(1).values as unknown[]).indexOf(header);
      expect(col, `${sheet}: ${header}`).toBeGreaterThan(0);
      return Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2).getCell(col).value);
    };
    expect(new Set(column('Coverage', 'Coverage'))).toEqual(new Set(['Gap', 'Not yet due']));
    expect(new Set(column('Controls', 'Over the window'))).toEqual(new Set(['Failed in some run', 'Not evaluated', 'Met in every run']));
    expect(column('Run register', 'Manifest SHA-256').filter(Boolean)).toEqual(report.runRegister.flatMap((r) => (r.manifestSha256 ? [r.manifestSha256] : [])));
    expect(column('Run register', 'Outcome')).toEqual(['Succeeded', 'Succeeded', 'Succeeded', 'Failed', 'Succeeded']);
    expect(new Set(column('Requirements', 'Status at the end'))).toContain('Not met');
    expect((wb.getWorksheet('Run history')!.getRow(1).values as unknown[]).slice(1)).toContain('SOC 2 Not met');
    const summary = Object.fromEntries(Array.from({ length: wb.getWorksheet('Summary')!.rowCount - 1 }, (_, i) => (wb.getWorksheet('Summary')!.getRow(i + 2).values as unknown[]).slice(1, 3)));
    expect(summary['Schedule']).toBe('cron "0 2 * * *" in Europe/Dublin');
    expect(String(summary['Report status'])).toMatch(/^Interim/);
    // No snake_case status value anywhere in the workbook.
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => expect(String(cell.value), `${ws.name}!${cell.address}`).not.toMatch(/\b(not_met|not_evaluated|not_applicable|not_due|inherited_no_evidence|out_of_scope)\b/)));
  });
});

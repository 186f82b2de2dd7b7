// period-report.xlsx, in control-gaps.xlsx's sheet style (src/render/xlsx) and with the PDF's words
// (period-labels.ts): Summary (the report's provenance), Coverage (scheduled against actual runs per
// week), Run register, Run history (requirement status counts per run), Controls and Requirements
// (evaluation, rank among the failed, runs met / failed / not evaluated, changes, failures), Exceptions.
import ExcelJS from 'exceljs';
import { CHART_STATUSES } from '../render/pdf/pdf-charts.ts';
import { COVERAGE_LABELS, FRAMEWORK_SHORT, REQUIREMENT_STATUS_LABELS, SEVERITY_LABELS } from '../render/view-model/labels.ts';
import { addRow, addSheet, type Sheet, type Workbook } from '../render/xlsx/xlsx-sheet.ts';
import type { FrameworkId } from '../catalog/catalog-schema.ts';
import type { PeriodReport } from './build-period-report.ts';
import { changesText, EVALUATION_LABELS, failuresText, firstRunText, periodFacts, RUN_STATUS_LABELS, runSourceText, statusLabel, WEEK_STATE_LABELS, type ItemKind } from './period-labels.ts';
import type { ItemHistory } from './period-stats.ts';
import { rankFailedControls } from './period-pdf-controls.ts';

export const PERIOD_SHEETS = { summary: 'Summary', coverage: 'Coverage', register: 'Run register', history: 'Run history', controls: 'Controls', requirements: 'Requirements', exceptions: 'Exceptions' } as const;

function percentColumn(ws: Sheet, column: number): void {
  ws.getColumn(column).numFmt = '0%';
}

const itemCells = (kind: ItemKind, x: ItemHistory) => [EVALUATION_LABELS[x.evaluation], x.metRuns, x.failedRuns, x.notEvaluatedRuns, x.shareMet, statusLabel(kind, x.lastStatus), changesText(kind, x), failuresText(x)];
const itemColumns = [
  { header: 'Over the window', width: 18 },
  { header: 'Runs met', width: 10 },
  { header: 'Runs failed', width: 11 },
  { header: 'Runs not evaluated', width: 12 },
  { header: 'Share met', width: 10 },
  { header: 'Status at the end', width: 16 },
  { header: 'Status changes', width: 50 },
  { header: 'Failures (fixed after)', width: 50 },
];

function summary(wb: Workbook, r: PeriodReport): void {
  const ws = addSheet(wb, PERIOD_SHEETS.summary, [{ header: 'Item', width: 22 }, { header: 'Value', width: 110 }]);
  ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  const late = firstRunText(r);
  for (const row of [...periodFacts(r), ...(late ? [['Before the first run', late]] : [])]) addRow(ws, row);
  ws.commit();
}

function coverage(wb: Workbook, r: PeriodReport): void {
  const ws = addSheet(wb, PERIOD_SHEETS.coverage, [
    { header: 'Week from (UTC)', width: 14 },
    { header: 'Week to (UTC)', width: 14 },
    { header: 'Scheduled (due)', width: 12 },
    { header: 'Scheduled, not yet due', width: 14 },
    { header: 'Succeeded', width: 11 },
    { header: 'Failed', width: 9 },
    { header: 'Missed', width: 9 },
    { header: 'Coverage', width: 13 },
    { header: 'Missed runs (scheduled, UTC)', width: 60 },
  ]);
  for (const w of r.coverage.weeks) addRow(ws, [w.from, w.to, w.expected, w.notYetDue, w.succeeded, w.failed, w.state === 'not_due' ? null : w.missed, WEEK_STATE_LABELS[w.state], w.missedAt.join(', ')]);
  ws.commit();
}

function register(wb: Workbook, r: PeriodReport): void {
  const ws = addSheet(wb, PERIOD_SHEETS.register, [
    { header: 'Run #', width: 7 },
    { header: 'Run id', width: 38 },
    { header: 'Started (UTC)', width: 25 },
    { header: 'Finished (UTC)', width: 25 },
    { header: 'Outcome', width: 11 },
    { header: 'Evidence source', width: 50 },
    { header: 'Manifest SHA-256', width: 68 },
    { header: 'Chain entry SHA-256', width: 68 },
    { header: 'Package removed by retention', width: 25 },
    { header: 'Error', width: 40 },
  ]);
  for (const run of r.runRegister) addRow(ws, [run.seq, run.runId, run.startedAt, run.finishedAt, RUN_STATUS_LABELS[run.status], runSourceText(run), run.manifestSha256, run.entrySha256, run.prunedAt, run.error]);
  ws.commit();
}

function history(wb: Workbook, r: PeriodReport): void {
  const frameworks = Object.keys(r.trend) as FrameworkId[];
  const ws = addSheet(wb, PERIOD_SHEETS.history, [
    { header: 'Run started (UTC)', width: 25 },
    { header: 'Run id', width: 38 },
    ...frameworks.flatMap((fw) => CHART_STATUSES.map((s) => ({ header: `${FRAMEWORK_SHORT[fw]} ${REQUIREMENT_STATUS_LABELS[s]}`, width: 13 }))),
  ]);
  r.runs.ids.forEach((runId, i) => {
    const at = r.trend[frameworks[0]]?.[i]?.at ?? null;
    addRow(ws, [at, runId, ...frameworks.flatMap((fw) => CHART_STATUSES.map((s) => r.trend[fw]?.[i]?.counts[s] ?? 0))]);
  });
  ws.commit();
}

function controls(wb: Workbook, r: PeriodReport): void {
  const ws = addSheet(wb, PERIOD_SHEETS.controls, [{ header: 'Control', width: 48 }, { header: 'Title', width: 50 }, { header: 'Severity', width: 10 }, { header: 'Rank among failed', width: 10 }, ...itemColumns]);
  percentColumn(ws, 9);
  const rank = new Map(rankFailedControls(r.controls).map((c) => [c.id, c.rank]));
  for (const c of r.controls) addRow(ws, [c.id, c.title, SEVERITY_LABELS[c.severity], rank.get(c.id), ...itemCells('control', c)]);
  ws.commit();
}

function requirements(wb: Workbook, r: PeriodReport): void {
  const ws = addSheet(wb, PERIOD_SHEETS.requirements, [{ header: 'Framework', width: 11 }, { header: 'Requirement', width: 20 }, { header: 'Title', width: 50 }, { header: 'Coverage', width: 12 }, ...itemColumns]);
  percentColumn(ws, 9);
  for (const fw of Object.keys(r.requirements) as FrameworkId[]) for (const q of r.requirements[fw] ?? []) addRow(ws, [FRAMEWORK_SHORT[fw], q.id, q.title, COVERAGE_LABELS[q.coverage], ...itemCells('requirement', q)]);
  ws.commit();
}

function exceptions(wb: Workbook, r: PeriodReport): void {
  const ws = addSheet(wb, PERIOD_SHEETS.exceptions, [
    { header: 'Exception', width: 12 },
    { header: 'Control', width: 40 },
    { header: 'Resource', width: 50 },
    { header: 'Approved by', width: 24 },
    { header: 'Approved on', width: 12 },
    { header: 'Expires on', width: 12 },
    { header: 'At its last run', width: 14 },
    { header: 'Justification', width: 70 },
  ]);
  for (const e of r.exceptions) addRow(ws, [e.id, e.controlId, e.resource, e.approver, e.approvedOn, e.expiresOn, e.status === 'active' ? 'In force' : 'Expired', e.justification]);
  ws.commit();
}

export async function renderPeriodXlsx(path: string, r: PeriodReport): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  wb.creator = `${r.tool.name} ${r.tool.version}`;
  wb.created = new Date(r.generatedAt);
  wb.modified = new Date(r.generatedAt);
  summary(wb, r);
  coverage(wb, r);
  register(wb, r);
  history(wb, r);
  controls(wb, r);
  requirements(wb, r);
  exceptions(wb, r);
  await wb.commit();
}

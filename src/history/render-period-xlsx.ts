// period-report.xlsx: Run history (one row per run: requirement status counts per framework), Controls
// and Requirements (share of runs met, state changes, failures and time to remediate).
import ExcelJS from 'exceljs';
import { safeCellValue, type CellValue } from '../render/xlsx/xlsx-cell.ts';
import type { PeriodReport } from './build-period-report.ts';

const STATUSES = ['met', 'not_met', 'partial', 'unknown', 'manual'] as const;

function header(ws: ExcelJS.Worksheet, columns: { header: string; key: string; width: number }[]): void {
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/** Every row goes through the one cell-sanitising function. */
function addRow(ws: ExcelJS.Worksheet, row: Record<string, CellValue>): void {
  ws.addRow(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, safeCellValue(v)])));
}

const changes = (c: { changes: { at: string; from: string; to: string }[] }) => c.changes.map((x) => `${x.at.slice(0, 10)} ${x.from}->${x.to}`).join('; ');
const failures = (c: { failures: { failedAt: string; remediatedAt?: string; hoursToRemediate?: number }[] }) =>
  c.failures.map((f) => `${f.failedAt.slice(0, 10)}..${f.remediatedAt ? `${f.remediatedAt.slice(0, 10)} (${f.hoursToRemediate} h)` : 'open'}`).join('; ');

export async function renderPeriodXlsx(path: string, r: PeriodReport): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Proofline';
  wb.created = new Date(r.generatedAt);
  const frameworks = Object.keys(r.trend) as (keyof PeriodReport['trend'])[];

  const history = wb.addWorksheet('Run history') // "History" is a name Excel reserves;
  header(history, [
    { header: 'run started (UTC)', key: 'at', width: 24 },
    { header: 'run id', key: 'runId', width: 38 },
    ...frameworks.flatMap((fw) => STATUSES.map((s) => ({ header: `${fw} ${s.replace('_', ' ')}`, key: `${fw}.${s}`, width: 12 }))),
  ]);
  r.runs.ids.forEach((runId, i) => {
    const row: Record<string, CellValue> = { at: r.trend[frameworks[0]]?.[i]?.at ?? '', runId };
    for (const fw of frameworks) for (const s of STATUSES) row[`${fw}.${s}`] = r.trend[fw]?.[i]?.counts[s] ?? 0;
    addRow(history, row);
  });

  const controls = wb.addWorksheet('Controls');
  header(controls, [
    { header: 'control', key: 'id', width: 50 },
    { header: 'severity', key: 'severity', width: 10 },
    { header: 'runs judged', key: 'judged', width: 12 },
    { header: 'runs met', key: 'met', width: 10 },
    { header: 'share met', key: 'share', width: 10 },
    { header: 'status at end', key: 'last', width: 14 },
    { header: 'state changes', key: 'changes', width: 60 },
    { header: 'failures (fixed after)', key: 'failures', width: 60 },
  ]);
  for (const c of r.controls) addRow(controls, { id: c.id, severity: c.severity, judged: c.judgedRuns, met: c.metRuns, share: c.shareMet, last: c.lastStatus, changes: changes(c), failures: failures(c) });
  controls.getColumn('share').numFmt = '0%';

  const requirements = wb.addWorksheet('Requirements');
  header(requirements, [
    { header: 'framework', key: 'fw', width: 10 },
    { header: 'requirement', key: 'id', width: 20 },
    { header: 'title', key: 'title', width: 50 },
    { header: 'coverage', key: 'coverage', width: 12 },
    { header: 'runs judged', key: 'judged', width: 12 },
    { header: 'share met', key: 'share', width: 10 },
    { header: 'status at end', key: 'last', width: 14 },
    { header: 'state changes', key: 'changes', width: 60 },
    { header: 'failures (fixed after)', key: 'failures', width: 60 },
  ]);
  for (const fw of frameworks) for (const q of r.requirements[fw] ?? []) addRow(requirements, { fw, id: q.id, title: q.title, coverage: q.coverage, judged: q.judgedRuns, share: q.shareMet, last: q.lastStatus, changes: changes(q), failures: failures(q) });
  requirements.getColumn('share').numFmt = '0%';

  await wb.xlsx.writeFile(path);
}

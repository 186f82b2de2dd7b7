// The remediation tracker's sheets of control-gaps.xlsx: Gaps (one row per open finding, keyed by its
// stable id, with the team's columns carried over), Resolved (findings fixed since, with the fixing run)
// and PBC (what the organization must supply), each with the team's columns validated.
import { crosswalk, crosswalkCell } from '../../catalog/crosswalk.ts';
import type { IterableResults, ResultFinding } from '../../results/run-results.ts';
import { FINDING_STATUS_LABELS, FRAMEWORK_SHORT, SEVERITY_LABELS } from '../view-model/labels.ts';
import type { ViewModel } from '../view-model/view-model.ts';
import { notEvaluatedId } from '../tracker/carry-over.ts';
import type { CarriedValue, TeamValues } from '../tracker/team-columns.ts';
import { FINDING_ID, PBC_ID, RESOLVED_HEADERS } from '../tracker/tracker-sheets.ts';
import { GAP_STATUSES, PBC_STATUSES, SHEETS } from './xlsx-sheet-names.ts';
import { addRow, addSheet, columnRange, letWriterDrain, type Sheet, type SheetColumn, type Workbook } from './xlsx-sheet.ts';

const DAY_MS = 86_400_000;

/** An ISO time carried as text (from the history) is written as a date, like one read from a workbook. */
function asDate(v: CarriedValue | undefined): CarriedValue {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(v)) return new Date(v);
  return v ?? null;
}

function daysOpen(firstSeen: string, runStart: string): number {
  return Math.max(0, Math.floor((Date.parse(runStart) - Date.parse(firstSeen)) / DAY_MS));
}

const TEAM_COLUMNS: SheetColumn[] = [
  { header: 'Owner', width: 18, wrap: true },
  { header: 'Due date', width: 12, date: 'day' },
  { header: 'Ticket', width: 16, wrap: true },
  { header: 'Status', width: 14 },
  { header: 'Comments', width: 40, wrap: true },
];
const TRACKED_COLUMNS: SheetColumn[] = [
  { header: FINDING_ID, width: 44, wrap: true },
  { header: 'Control', width: 34, wrap: true },
  { header: 'Title', width: 40, wrap: true },
  { header: 'Severity', width: 10 },
];
const WHERE_COLUMNS: SheetColumn[] = [
  { header: 'Account', width: 14 },
  { header: 'Region', width: 12 },
  { header: 'Resource type', width: 24, wrap: true },
  { header: 'Resource', width: 44, wrap: true },
];

function teamCells(team: TeamValues | undefined): CarriedValue[] {
  return TEAM_COLUMNS.map((c) => asDate(team?.[c.header as keyof TeamValues]));
}

/** Data validation on the team columns (first at column `at`): prompts, a date, the status list. */
function validateTeamColumns(ws: Sheet, at: number, lastRow: number, statuses: string[], withTicket: boolean): void {
  const prompt = { showInputMessage: true, showErrorMessage: true, allowBlank: true };
  const last = Math.max(lastRow, 2);
  let col = at;
  ws.dataValidations.add(columnRange(col++, 2, last), { type: 'textLength', operator: 'lessThanOrEqual', formulae: [100], ...prompt, prompt: 'Person or team that owns it', error: 'At most 100 characters' });
  ws.dataValidations.add(columnRange(col++, 2, last), { type: 'date', operator: 'greaterThan', formulae: [new Date('2000-01-01T00:00:00Z')], ...prompt, prompt: 'Date it is due (YYYY-MM-DD)', error: 'Enter a date' });
  if (withTicket) ws.dataValidations.add(columnRange(col++, 2, last), { type: 'textLength', operator: 'lessThanOrEqual', formulae: [200], ...prompt, prompt: 'Ticket id or URL', error: 'At most 200 characters' });
  ws.dataValidations.add(columnRange(col++, 2, last), { type: 'list', formulae: [`"${statuses.join(',')}"`], ...prompt, prompt: 'Where it stands', error: `One of: ${statuses.join(', ')}` });
  ws.dataValidations.add(columnRange(col, 2, last), { type: 'textLength', operator: 'lessThanOrEqual', formulae: [2000], ...prompt, prompt: 'Notes for the team', error: 'At most 2,000 characters' });
}

export async function gapsSheet(wb: Workbook, vm: ViewModel, results: IterableResults): Promise<number> {
  const frameworks = vm.frameworks.map((fw) => fw.id);
  const ws = addSheet(wb, SHEETS.gaps, [
    ...TRACKED_COLUMNS,
    { header: 'Result', width: 10 },
    ...WHERE_COLUMNS,
    ...TEAM_COLUMNS,
    { header: 'First seen', width: 17, date: 'time' },
    { header: 'Days open', width: 9 },
    ...frameworks.map((fw) => ({ header: `${FRAMEWORK_SHORT[fw]} requirements`, width: 30, wrap: true })),
    { header: 'Reason', width: 60, wrap: true },
    { header: 'Remediation', width: 60, wrap: true },
    { header: 'Exception', width: 40, wrap: true },
  ]);
  const teamAt = TRACKED_COLUMNS.length + 1 + WHERE_COLUMNS.length + 1;
  const references = new Map(crosswalk(results.controls, frameworks).map((row) => [row.id, frameworks.map((fw) => crosswalkCell(row.frameworks[fw]))]));
  const start = vm.run.startedAt;
  let rows = 0;
  for (const c of vm.controls) {
    const refs = references.get(c.id) ?? frameworks.map(() => '');
    const head = [c.title, SEVERITY_LABELS[c.severity]];
    const add = (f: ResultFinding) => {
      const exception = f.exception ? `${f.exception.id} (${f.exception.status}, ${f.exception.approver}, until ${f.exception.expiresOn})` : null;
      const firstSeen = f.firstSeen ?? start;
      addRow(ws, [f.id, c.id, ...head, FINDING_STATUS_LABELS[f.status], f.account, f.region, f.resource.type, f.resource.arn ?? f.resource.id, ...teamCells(vm.tracker.team.get(f.id)), new Date(firstSeen), daysOpen(firstSeen, start), ...refs, f.reason, c.remediation, exception]);
      rows++;
    };
    for (const f of [...c.failing, ...c.unknown]) {
      add(f);
      await letWriterDrain();
    }
    // Fail closed: a control with no finding at all was never evaluated; it is a gap too.
    if (c.status === 'unknown' && c.failing.length + c.unknown.length === 0) {
      const id = notEvaluatedId(c.id);
      addRow(ws, [id, c.id, ...head, 'Unknown', '', '', '', '(no resource evaluated)', ...teamCells(vm.tracker.team.get(id)), new Date(start), 0, ...refs, 'The control produced no finding: nothing was checked.', c.remediation, null]);
      rows++;
    }
  }
  validateTeamColumns(ws, teamAt, rows + 1, GAP_STATUSES, true);
  ws.commit();
  return rows;
}

export async function resolvedSheet(wb: Workbook, vm: ViewModel): Promise<void> {
  const ws = addSheet(wb, SHEETS.resolved, [
    ...TRACKED_COLUMNS,
    ...WHERE_COLUMNS,
    ...TEAM_COLUMNS,
    { header: 'First seen', width: 17, date: 'time' },
    { header: RESOLVED_HEADERS.run, width: 38, wrap: true },
    { header: RESOLVED_HEADERS.at, width: 17, date: 'time' },
    { header: RESOLVED_HEADERS.how, width: 40, wrap: true },
  ]);
  for (const r of vm.tracker.resolved) {
    const c = r.cells;
    addRow(ws, [r.id, c.Control, c.Title, c.Severity, c.Account, c.Region, c['Resource type'], c.Resource, ...teamCells(r.team), asDate(c['First seen']), r.resolved.run, asDate(r.resolved.at), r.resolved.how].map((v) => asDate(v as CarriedValue)));
    await letWriterDrain();
  }
  ws.commit();
}

export function pbcSheet(wb: Workbook, vm: ViewModel): void {
  const ws = addSheet(wb, SHEETS.pbc, [
    { header: PBC_ID, width: 24, wrap: true },
    { header: 'Requirement', width: 22, wrap: true },
    { header: 'Title', width: 50, wrap: true },
    { header: 'What to supply', width: 70, wrap: true },
    ...TEAM_COLUMNS.filter((c) => c.header !== 'Ticket'),
  ]);
  for (const p of vm.pbc) addRow(ws, [p.id, p.requirement, p.title, p.supply, p.team.Owner, asDate(p.team['Due date']), p.team.Status, p.team.Comments]);
  validateTeamColumns(ws, 5, vm.pbc.length + 1, PBC_STATUSES, false);
  ws.commit();
}

// control-gaps.xlsx with exceljs's streaming writer: Summary, Gaps (the team's working list, with
// Owner / Due date / Ticket / Status columns to fill), Controls, Crosswalk (each control's requirements per
// framework side by side), one Requirements sheet per framework,
// Findings (everything) and Evidence.
import { requirementControlLines } from '../view-model/requirement-text.ts';
import ExcelJS from 'exceljs';
import { crosswalk, crosswalkCell } from '../../catalog/crosswalk.ts';
import type { ResultFinding, RunResults } from '../../results/run-results.ts';
import { CONTROL_STATUS_LABELS, FINDING_STATUS_LABELS, FRAMEWORK_SHORT, REQUIREMENT_STATUS_LABELS, SEVERITY_LABELS, STATUS_COLORS } from '../view-model/labels.ts';
import type { ViewModel } from '../view-model/view-model.ts';
import { CHART_STATUSES } from '../pdf/pdf-charts.ts';
import { addRow, addSheet, columnRange, letWriterDrain, type Workbook } from './xlsx-sheet.ts';

export const GAP_STATUSES = ['Open', 'In progress', 'Risk accepted', 'Resolved'];
export const SHEETS = { summary: 'Summary', gaps: 'Gaps', controls: 'Controls', crosswalk: 'Crosswalk', findings: 'Findings', evidence: 'Evidence' } as const;
export function requirementsSheetName(framework: keyof typeof FRAMEWORK_SHORT): string {
  return `Requirements ${FRAMEWORK_SHORT[framework]}`;
}

function fill(hex: string) {
  return { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: `FF${hex}` }, fgColor: { argb: `FF${hex}` } };
}

function summarySheet(wb: Workbook, vm: ViewModel): void {
  const ws = addSheet(wb, SHEETS.summary, [{ header: 'Framework', width: 24 }, ...CHART_STATUSES.map((s) => ({ header: REQUIREMENT_STATUS_LABELS[s], width: 13 })), { header: 'Total', width: 10 }]);
  for (const fw of vm.frameworks) addRow(ws, [fw.name, ...CHART_STATUSES.map((s) => fw.counts[s]), CHART_STATUSES.reduce((n, s) => n + fw.counts[s], 0)]);
  const last = vm.frameworks.length + 1;
  // Highlight any requirement not met / unknown / inherited without provider evidence, and met in green.
  CHART_STATUSES.forEach((s, i) => {
    if (!['met', 'not_met', 'unknown', 'inherited_no_evidence'].includes(s) || last < 2) return;
    ws.addConditionalFormatting({
      ref: columnRange(i + 2, 2, last),
      rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: ['0'], priority: i + 1, style: { fill: fill(STATUS_COLORS[s]), font: { color: { argb: 'FFFFFFFF' }, bold: true } } }],
    });
  });
  ws.commit();
}

async function gapsSheet(wb: Workbook, vm: ViewModel, remediation: Map<string, string>): Promise<number> {
  const ws = addSheet(wb, SHEETS.gaps, [
    { header: 'Control', width: 40 },
    { header: 'Severity', width: 10 },
    { header: 'Result', width: 10 },
    { header: 'Resource type', width: 30 },
    { header: 'Resource', width: 50 },
    { header: 'Account', width: 14 },
    { header: 'Region', width: 14 },
    { header: 'Reason', width: 60 },
    { header: 'Remediation', width: 60 },
    { header: 'Exception', width: 40 },
    { header: 'Owner', width: 20 },
    { header: 'Due date', width: 12 },
    { header: 'Ticket', width: 16 },
    { header: 'Status', width: 14 },
  ]);
  let rows = 0;
  for (const c of vm.controls) {
    const add = (f: ResultFinding) => {
      const exception = f.exception ? `${f.exception.id} (${f.exception.status}, ${f.exception.approver}, until ${f.exception.expiresOn})` : null;
      addRow(ws, [c.id, SEVERITY_LABELS[c.severity], FINDING_STATUS_LABELS[f.status], f.resource.type, f.resource.arn ?? f.resource.id, f.account, f.region, f.reason, remediation.get(c.id), exception, null, null, null, null]);
      rows++;
    };
    for (const f of [...c.failing, ...c.unknown]) {
      add(f);
      await letWriterDrain();
    }
    // Fail closed: a control with no finding at all was never evaluated; it is a gap too.
    if (c.status === 'unknown' && c.failing.length + c.unknown.length === 0) {
      addRow(ws, [c.id, SEVERITY_LABELS[c.severity], 'Unknown', '', '(no resource evaluated)', '', '', 'The control produced no finding: nothing was checked.', remediation.get(c.id), null, null, null, null, null]);
      rows++;
    }
  }
  const last = Math.max(rows + 1, 2);
  const prompt = { showInputMessage: true, showErrorMessage: true, allowBlank: true };
  ws.dataValidations.add(columnRange(11, 2, last), { type: 'textLength', operator: 'lessThanOrEqual', formulae: [100], ...prompt, prompt: 'Person or team that owns the fix', error: 'At most 100 characters' });
  ws.dataValidations.add(columnRange(12, 2, last), { type: 'date', operator: 'greaterThan', formulae: [new Date('2000-01-01T00:00:00Z')], ...prompt, prompt: 'Date the fix is due (YYYY-MM-DD)', error: 'Enter a date' });
  ws.dataValidations.add(columnRange(13, 2, last), { type: 'textLength', operator: 'lessThanOrEqual', formulae: [200], ...prompt, prompt: 'Ticket id or URL', error: 'At most 200 characters' });
  ws.dataValidations.add(columnRange(14, 2, last), { type: 'list', formulae: [`"${GAP_STATUSES.join(',')}"`], ...prompt, prompt: 'Where the fix stands', error: `One of: ${GAP_STATUSES.join(', ')}` });
  ws.commit();
  return rows;
}

function controlsSheet(wb: Workbook, vm: ViewModel): void {
  const ws = addSheet(wb, SHEETS.controls, [
    { header: 'Control', width: 40 },
    { header: 'Title', width: 50 },
    { header: 'Severity', width: 10 },
    { header: 'Automation', width: 11 },
    { header: 'Status', width: 12 },
    { header: 'Failing', width: 9 },
    { header: 'Unknown', width: 9 },
    { header: 'Passing', width: 9 },
    { header: 'Not applicable', width: 9 },
    { header: 'Requirements', width: 50 },
    { header: 'What is checked', width: 60 },
    { header: 'Remediation', width: 60 },
  ]);
  for (const c of vm.controls) addRow(ws, [c.id, c.title, SEVERITY_LABELS[c.severity], c.automation, CONTROL_STATUS_LABELS[c.status], c.counts.fail, c.counts.unknown, c.counts.pass, c.counts.not_applicable, c.requirements.join(', '), c.check, c.remediation]);
  ws.commit();
}

/** Per control, its requirements in each reported framework side by side (strength in brackets). */
function crosswalkSheet(wb: Workbook, vm: ViewModel, results: RunResults): void {
  const frameworks = vm.frameworks.map((fw) => fw.id);
  const ws = addSheet(wb, SHEETS.crosswalk, [
    { header: 'Control', width: 40 },
    { header: 'Title', width: 50 },
    { header: 'Automation', width: 11 },
    ...frameworks.map((fw) => ({ header: FRAMEWORK_SHORT[fw], width: 40 })),
  ]);
  for (const row of crosswalk(results.controls, frameworks)) addRow(ws, [row.id, row.title, row.automation, ...frameworks.map((fw) => crosswalkCell(row.frameworks[fw]))]);
  ws.commit();
}

function requirementSheets(wb: Workbook, vm: ViewModel): void {
  for (const fw of vm.frameworks) {
    const ws = addSheet(wb, requirementsSheetName(fw.id), [
      { header: 'Requirement', width: 18 },
      { header: 'Title', width: 50 },
      { header: 'Kind', width: 12 },
      { header: 'Coverage', width: 12 },
      { header: 'Status', width: 14 },
      { header: 'Primary controls passing', width: 12 },
      { header: 'Why', width: 50 },
      { header: 'Mapped controls (status, strength: justification)', width: 90 },
    ]);
    for (const r of fw.requirements) addRow(ws, [r.id, r.title, r.kind, r.coverage, REQUIREMENT_STATUS_LABELS[r.status], r.primaryTotal ? `${r.primaryPassed} of ${r.primaryTotal}` : '-', r.reason, requirementControlLines(r).join('\n')]);
    ws.commit();
  }
}

async function findingsSheet(wb: Workbook, results: RunResults): Promise<void> {
  const ws = addSheet(wb, SHEETS.findings, [
    { header: 'Control', width: 40 },
    { header: 'Result', width: 10 },
    { header: 'Resource type', width: 30 },
    { header: 'Resource', width: 40 },
    { header: 'ARN', width: 60 },
    { header: 'Account', width: 14 },
    { header: 'Region', width: 14 },
    { header: 'Reason', width: 60 },
    { header: 'Evidence', width: 60 },
  ]);
  for (const f of results.findings) {
    addRow(ws, [f.controlId, FINDING_STATUS_LABELS[f.status], f.resource.type, f.resource.id, f.resource.arn, f.account, f.region, f.reason, f.evidence.join('\n')]);
    await letWriterDrain();
  }
  ws.commit();
}

async function evidenceSheet(wb: Workbook, vm: ViewModel): Promise<void> {
  const ws = addSheet(wb, SHEETS.evidence, [
    { header: 'File', width: 70 },
    { header: 'Key', width: 36 },
    { header: 'Account', width: 14 },
    { header: 'Region', width: 14 },
    { header: 'Collected at (UTC)', width: 22 },
    { header: 'Request id', width: 38 },
    { header: 'Outcome', width: 14 },
    { header: 'Error', width: 40 },
    { header: 'SHA-256', width: 68 },
  ]);
  for (const e of vm.evidence) {
    addRow(ws, [e.file, e.key, e.account, e.region, e.collectedAt, e.requestId, e.outcome, e.error ? `${e.error.code ?? e.error.name}: ${e.error.message}` : null, e.sha256]);
    await letWriterDrain();
  }
  ws.commit();
}

/** Writes the workbook; returns the number of Gaps rows. */
export async function renderXlsx(path: string, vm: ViewModel, results: RunResults): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  wb.creator = `${vm.run.toolName} ${vm.run.toolVersion}`;
  wb.created = new Date(vm.run.finishedAt);
  wb.modified = new Date(vm.run.finishedAt);
  // Each sheet is committed as soon as it is complete: the zip writes its entries one after another, so
  // a sheet left open would hold back, in memory, every sheet written after it.
  summarySheet(wb, vm);
  const gaps = await gapsSheet(wb, vm, new Map(vm.controls.map((c) => [c.id, c.remediation])));
  controlsSheet(wb, vm);
  crosswalkSheet(wb, vm, results);
  requirementSheets(wb, vm);
  await findingsSheet(wb, results);
  await evidenceSheet(wb, vm);
  await wb.commit();
  return gaps;
}

// control-gaps.xlsx with exceljs's streaming writer: Summary (the run's provenance, then requirement
// counts), Gaps (the remediation tracker: one row per open finding, keyed by its stable id, with the
// team's columns carried over from the previous tracker), Resolved (findings fixed since, with the run
// that fixed them), PBC (what the organization must supply), Controls, Crosswalk, one Requirements sheet
// per framework, Findings (everything) and Evidence. The tracker's sheets are in xlsx-tracker-sheets.ts.

export { GAP_STATUSES, PBC_STATUSES, SHEETS, requirementsSheetName } from './xlsx-sheet-names.ts';
import { requirementControlLines } from '../view-model/requirement-text.ts';
import ExcelJS from 'exceljs';
import { crosswalk, crosswalkCell } from '../../catalog/crosswalk.ts';
import type { IterableResults } from '../../results/run-results.ts';
import { CONTROL_STATUS_LABELS, COVERAGE_LABELS, FINDING_STATUS_LABELS, FRAMEWORK_SHORT, REQUIREMENT_STATUS_LABELS, SEVERITY_LABELS, STATUS_COLORS } from '../view-model/labels.ts';
import type { ViewModel } from '../view-model/view-model.ts';
import { CHART_STATUSES } from '../pdf/pdf-charts.ts';
import { gapsSheet, pbcSheet, resolvedSheet } from './xlsx-tracker-sheets.ts';
import { SHEETS, requirementsSheetName } from './xlsx-sheet-names.ts';
import { addRow, addSheet, columnLetter, columnRange, commitHeaderRow, letWriterDrain, type Sheet, type Workbook } from './xlsx-sheet.ts';

function fill(hex: string) {
  return { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: `FF${hex}` }, fgColor: { argb: `FF${hex}` } };
}

/** The run's provenance: who, when, from what evidence, with which tool and catalog, signed by whom. */
function provenance(vm: ViewModel): [string, string][] {
  const t = vm.tracker;
  return [
    ['Organization', vm.run.organization],
    ['Run id', vm.run.id],
    ['Evaluated at (UTC)', vm.run.evaluatedAt],
    ['Run started / finished (UTC)', `${vm.run.startedAt} / ${vm.run.finishedAt}`],
    ['Evidence source', vm.run.source],
    ['Scope', `accounts ${vm.run.accounts.join(', ') || '(none)'}; regions ${vm.run.regions.join(', ') || '(none)'}`],
    ['Frameworks', vm.run.frameworkNames.join('; ')],
    ['Tool', `${vm.run.toolName} ${vm.run.toolVersion}`],
    ['Catalog digest (SHA-256)', vm.run.catalogDigest],
    ['Signer', `${vm.signer.subject} (issuer ${vm.signer.issuer}; certificate SHA-256 ${vm.signer.fingerprintSha256})`],
    ['Team columns carried from', t.source ?? (t.note ? `nothing: ${t.note}` : 'nothing (no earlier tracker: first run)')],
  ];
}

function summarySheet(wb: Workbook, vm: ViewModel): void {
  const ws = <Sheet>wb.addWorksheet(SHEETS.summary, { views: [{ state: 'frozen', xSplit: 1, ySplit: 0 }] });
  const counts = ['Framework', ...CHART_STATUSES.map((s) => REQUIREMENT_STATUS_LABELS[s]), 'Total'];
  ws.columns = counts.map((_, i) => ({ width: i === 0 ? 30 : 13, style: { alignment: { vertical: 'top', wrapText: true } } }));
  const lastColumn = counts.length;
  let r = 0;
  for (const [label, value] of provenance(vm)) {
    r++;
    const row = ws.getRow(r);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = value;
    ws.mergeCells(r, 2, r, lastColumn);
    // Merged cells do not grow with wrapped text: give long values the lines they need.
    row.height = 15 * Math.max(1, Math.ceil(value.length / 110));
    row.commit();
  }
  r += 2;
  const header = ws.getRow(r);
  header.values = counts;
  commitHeaderRow(header);
  const first = r + 1;
  ws.autoFilter = `A${r}:${columnLetter(lastColumn)}${r}`;
  for (const fw of vm.frameworks) {
    const row = ws.getRow(++r);
    row.values = [fw.name, ...CHART_STATUSES.map((s) => fw.counts[s]), CHART_STATUSES.reduce((n, s) => n + fw.counts[s], 0)];
    row.commit();
  }
  // Highlight any requirement not met / unknown / inherited without provider evidence, and met in green.
  CHART_STATUSES.forEach((s, i) => {
    if (!['met', 'not_met', 'unknown', 'inherited_no_evidence'].includes(s) || r < first) return;
    ws.addConditionalFormatting({
      ref: columnRange(i + 2, first, r),
      rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: ['0'], priority: i + 1, style: { fill: fill(STATUS_COLORS[s]), font: { color: { argb: 'FFFFFFFF' }, bold: true } } }],
    });
  });
  ws.commit();
}

function controlsSheet(wb: Workbook, vm: ViewModel): void {
  const ws = addSheet(wb, SHEETS.controls, [
    { header: 'Control', width: 40, wrap: true },
    { header: 'Title', width: 50, wrap: true },
    { header: 'Severity', width: 10 },
    { header: 'Automation', width: 11 },
    { header: 'Status', width: 12 },
    { header: 'Failing', width: 9 },
    { header: 'Unknown', width: 9 },
    { header: 'Passing', width: 9 },
    { header: 'Not applicable', width: 9 },
    { header: 'Requirements', width: 50, wrap: true },
    { header: 'What is checked', width: 60, wrap: true },
    { header: 'Remediation', width: 60, wrap: true },
  ]);
  for (const c of vm.controls) addRow(ws, [c.id, c.title, SEVERITY_LABELS[c.severity], c.automation, CONTROL_STATUS_LABELS[c.status], c.counts.fail, c.counts.unknown, c.counts.pass, c.counts.not_applicable, c.requirements.join(', '), c.check, c.remediation]);
  ws.commit();
}

/** Per control, its requirements in each reported framework side by side (strength in brackets). */
function crosswalkSheet(wb: Workbook, vm: ViewModel, results: IterableResults): void {
  const frameworks = vm.frameworks.map((fw) => fw.id);
  const ws = addSheet(wb, SHEETS.crosswalk, [
    { header: 'Control', width: 40, wrap: true },
    { header: 'Title', width: 50, wrap: true },
    { header: 'Automation', width: 11 },
    ...frameworks.map((fw) => ({ header: FRAMEWORK_SHORT[fw], width: 40, wrap: true })),
  ]);
  for (const row of crosswalk(results.controls, frameworks)) addRow(ws, [row.id, row.title, row.automation, ...frameworks.map((fw) => crosswalkCell(row.frameworks[fw]))]);
  ws.commit();
}

function requirementSheets(wb: Workbook, vm: ViewModel): void {
  for (const fw of vm.frameworks) {
    const ws = addSheet(wb, requirementsSheetName(fw.id), [
      { header: 'Requirement', width: 18 },
      { header: 'Title', width: 50, wrap: true },
      { header: 'Kind', width: 12 },
      { header: 'Coverage', width: 12 },
      { header: 'Status', width: 14 },
      { header: 'Primary controls passing', width: 12 },
      { header: 'Why', width: 50, wrap: true },
      { header: 'Mapped controls (status, strength: justification)', width: 90, wrap: true },
    ]);
    for (const r of fw.requirements) addRow(ws, [r.id, r.title, r.kind, COVERAGE_LABELS[r.coverage], REQUIREMENT_STATUS_LABELS[r.status], r.primaryTotal ? `${r.primaryPassed} of ${r.primaryTotal}` : 'none mapped', r.reason, requirementControlLines(r).join('\n')]);
    ws.commit();
  }
}

async function findingsSheet(wb: Workbook, results: IterableResults): Promise<void> {
  const ws = addSheet(wb, SHEETS.findings, [
    { header: 'Control', width: 40, wrap: true },
    { header: 'Result', width: 10 },
    { header: 'Resource type', width: 30 },
    { header: 'Resource', width: 40, wrap: true },
    { header: 'ARN', width: 60, wrap: true },
    { header: 'Account', width: 14 },
    { header: 'Region', width: 14 },
    { header: 'Reason', width: 60, wrap: true },
    { header: 'Evidence', width: 60, wrap: true },
  ]);
  for (const f of results.findings) {
    addRow(ws, [f.controlId, FINDING_STATUS_LABELS[f.status], f.resource.type, f.resource.id, f.resource.arn, f.account, f.region, f.reason, f.evidence.join('\n')]);
    await letWriterDrain();
  }
  ws.commit();
}

async function evidenceSheet(wb: Workbook, vm: ViewModel): Promise<void> {
  const ws = addSheet(wb, SHEETS.evidence, [
    { header: 'File', width: 70, wrap: true },
    { header: 'Key', width: 36 },
    { header: 'Account', width: 14 },
    { header: 'Region', width: 14 },
    { header: 'Collected at (UTC)', width: 22 },
    { header: 'Request id', width: 38 },
    { header: 'Outcome', width: 14 },
    { header: 'Error', width: 40, wrap: true },
    { header: 'SHA-256', width: 68 },
  ]);
  for (const e of vm.evidence) {
    addRow(ws, [e.file, e.key, e.account, e.region, e.collectedAt, e.requestId, e.outcome, e.error ? `${e.error.code ?? e.error.name}: ${e.error.message}` : null, e.sha256]);
    await letWriterDrain();
  }
  ws.commit();
}

/** Writes the workbook; returns the number of Gaps rows. */
export async function renderXlsx(path: string, vm: ViewModel, results: IterableResults): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  wb.creator = `${vm.run.toolName} ${vm.run.toolVersion}`;
  wb.created = new Date(vm.run.finishedAt);
  wb.modified = new Date(vm.run.finishedAt);
  // Each sheet is committed as soon as it is complete: the zip writes its entries one after another, so
  // a sheet left open would hold back, in memory, every sheet written after it.
  summarySheet(wb, vm);
  const gaps = await gapsSheet(wb, vm, results);
  await resolvedSheet(wb, vm);
  pbcSheet(wb, vm);
  controlsSheet(wb, vm);
  crosswalkSheet(wb, vm, results);
  requirementSheets(wb, vm);
  await findingsSheet(wb, results);
  await evidenceSheet(wb, vm);
  await wb.commit();
  return gaps;
}

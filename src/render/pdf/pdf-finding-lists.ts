// A control's failing and unknown resources and its evidence records. Short lists are tables with a
// column per field. Long lists (an Organization's thousands of resources) are compact: one mono line
// per resource (account, region, ARN or id) under its reason, and evidence files by folder (account,
// region, service, operation), several names a line, with the outcome of any record not ok (the key,
// times, request id and SHA-256 of each record are in the evidence appendix). Nothing is
// left out: every failing and unknown resource is listed, and a line too long for the page wraps.
import type { EvidenceEntry, ResultFinding } from '../../results/run-results.ts';
import { paragraphs, type Doc } from './pdf-blocks.ts';
import { resourceText } from './pdf-format.ts';
import { table, type Column } from './pdf-table.ts';
import { FONT, SIZE } from './pdf-theme.ts';
import type { Rows } from '../../util/json-rows.ts';

/** Lists longer than this are printed compactly. */
export const COMPACT_FROM = 40;

export function reasonText(f: ResultFinding): string {
  if (!f.exception) return f.reason;
  const e = f.exception;
  return `${f.reason}\n${e.status === 'accepted' ? 'Accepted risk' : 'Expired exception (no longer applies)'}: ${e.id}, approved by ${e.approver}, until ${e.expiresOn}`;
}

const findingColumns: Column<ResultFinding>[] = [
  { header: 'Resource', width: 0.38, value: (f) => resourceText(f.resource), mono: true },
  { header: 'Account', width: 0.13, value: (f) => f.account },
  { header: 'Region', width: 0.11, value: (f) => f.region },
  { header: 'Reason', width: 0.38, value: reasonText },
];

const evidenceColumns: Column<EvidenceEntry>[] = [
  { header: 'Evidence record', width: 0.3, value: (e) => `${e.key}\n${e.account} / ${e.region}` },
  { header: 'Outcome', width: 0.12, value: outcomeText },
  { header: 'File and SHA-256', width: 0.58, value: (e) => `${e.file}\n${e.sha256}`, mono: true },
];

const REGION_WIDTH = 15;

/** Account, region and the resource's ARN (its id when it has none) on one aligned mono line. */
function resourceLine(f: ResultFinding): string {
  return `${f.account.padEnd(12)}  ${f.region.padEnd(REGION_WIDTH)} ${f.resource.arn ?? f.resource.id}`;
}

const compactFindingColumns: Column<ResultFinding>[] = [{ header: `${'Account'.padEnd(12)}  ${'Region'.padEnd(REGION_WIDTH)} Resource (ARN, or id)`, width: 1, value: resourceLine, mono: true }];

/** With the reason on a line of its own below each resource: for lists whose reasons seldom repeat. */
const compactFindingWithReasonColumns: Column<ResultFinding>[] = [{ ...compactFindingColumns[0], header: `${compactFindingColumns[0].header} / reason`, value: (f) => `${resourceLine(f)}\n    ${reasonText(f)}` }];

/** Evidence files in one folder (account, region, service and operation) per row, several names per line. */
const compactEvidenceColumns: Column<string>[] = [{ header: 'Evidence files by folder (record key, times and SHA-256 in the appendix); outcome when not ok', width: 1, value: (row) => row, mono: true }];
const NAMES_PER_LINE = 4;
const LINES_PER_ROW = 8;

export function outcomeText(e: EvidenceEntry): string {
  return e.error ? `${e.outcome}: ${e.error.code ?? e.error.name}` : e.outcome;
}

/** Rows of the compact evidence list: a folder, then its files' names (with the outcome of any not ok). */
export function evidenceFolderRows(entries: Rows<EvidenceEntry>): string[] {
  const folders = new Map<string, EvidenceEntry[]>();
  for (const e of entries) {
    const folder = e.file.slice(0, e.file.lastIndexOf('/') + 1);
    const list = folders.get(folder);
    if (list) list.push(e);
    else folders.set(folder, [e]);
  }
  const rows: string[] = [];
  for (const [folder, list] of folders) {
    const notOk = list.filter((e) => e.outcome !== 'ok').length;
    const names = list.map((e) => e.file.slice(folder.length) + (e.outcome === 'ok' ? '' : ` (${outcomeText(e)})`));
    const lines: string[] = [];
    for (let i = 0; i < names.length; i += NAMES_PER_LINE) lines.push(`  ${names.slice(i, i + NAMES_PER_LINE).join('  ')}`);
    for (let i = 0; i < lines.length; i += LINES_PER_ROW) {
      const title = i === 0 ? `${folder} (${list.length} record${list.length === 1 ? "" : "s"}${notOk ? `, ${notOk} not ok` : ', all ok'})` : `${folder} (continued)`;
      rows.push([title, ...lines.slice(i, i + LINES_PER_ROW)].join('\n'));
    }
  }
  return rows;
}

function byReason(findings: Rows<ResultFinding>): Map<string, ResultFinding[]> {
  const groups = new Map<string, ResultFinding[]>();
  for (const f of findings) {
    const reason = reasonText(f);
    const group = groups.get(reason);
    if (group) group.push(f);
    else groups.set(reason, [f]);
  }
  return groups;
}

export function findingList(doc: Doc, findings: Rows<ResultFinding>, emptyText?: string): void {
  if (findings.length <= COMPACT_FROM) {
    table(doc, findingColumns, findings, { emptyText });
    return;
  }
  const groups = byReason(findings);
  // Grouping pays when reasons repeat; a list of mostly distinct reasons gets each under its resource.
  if (groups.size * 4 > findings.length) {
    table(doc, compactFindingWithReasonColumns, findings, { compact: true });
    return;
  }
  for (const [reason, group] of groups) {
    paragraphs(doc, `${reason} (${group.length})`, { font: FONT.bold, size: SIZE.table, keepLines: true });
    table(doc, compactFindingColumns, group, { compact: true });
  }
}

export function evidenceList(doc: Doc, entries: Rows<EvidenceEntry>, emptyText?: string): void {
  if (entries.length <= COMPACT_FROM) table(doc, evidenceColumns, entries, { emptyText });
  else table(doc, compactEvidenceColumns, evidenceFolderRows(entries), { compact: true });
}

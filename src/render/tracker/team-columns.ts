// The tracker's team columns: what people type into control-gaps.xlsx (Gaps, Resolved, PBC) and each
// run carries over, matched by finding id (or PBC request id). Values read back from a workbook are
// reduced to plain text, numbers and dates: a formula keeps its last result, never the formula.
import type ExcelJS from 'exceljs';

export const FINDING_TEAM_COLUMNS = ['Owner', 'Due date', 'Ticket', 'Status', 'Comments'] as const;
export const PBC_TEAM_COLUMNS = ['Owner', 'Due date', 'Status', 'Comments'] as const;
export type TeamColumn = (typeof FINDING_TEAM_COLUMNS)[number];

export type CarriedValue = string | number | Date | null;
/** Header -> value of one row the team maintains. */
export type TeamValues = Partial<Record<TeamColumn, CarriedValue>>;

export function hasTeamValues(v: TeamValues | undefined): boolean {
  return !!v && Object.values(v).some((x) => x !== null && x !== undefined && x !== '');
}

/** A cell's value as the tracker keeps it. */
export function plainCellValue(value: ExcelJS.CellValue | undefined): CarriedValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return plainCellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : plainCellValue(value.text as ExcelJS.CellValue);
    if ('error' in value) return null;
  }
  return null;
}

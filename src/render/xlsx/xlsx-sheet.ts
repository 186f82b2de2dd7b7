// A streamed worksheet with a styled, filterable header row frozen with the first column, fixed column
// widths and wrapped long text. Rows are committed as they are added, so the writer never holds a sheet
// in memory. (exceljs's streaming writer has no Excel tables, worksheet.addTable being in-memory only:
// the header's filter and frozen panes stand in.)
import type ExcelJS from 'exceljs';
import { safeCellValue, type CellValue } from './xlsx-cell.ts';

export interface SheetColumn {
  header: string;
  width: number;
  /** Long text: wrapped, top-aligned. */
  wrap?: boolean;
  /** Dates ("yyyy-mm-dd") or times ("yyyy-mm-dd hh:mm", UTC). */
  date?: 'day' | 'time';
}

export type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;
/** The streaming worksheet also keeps data validations, written when the sheet is committed. */
export type Sheet = ExcelJS.Worksheet & { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } } as const;

export function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export function columnRange(column: number, fromRow: number, toRow: number): string {
  return `${columnLetter(column)}${fromRow}:${columnLetter(column)}${toRow}`;
}

const DATE_FORMATS = { day: 'yyyy-mm-dd', time: 'yyyy-mm-dd hh:mm' } as const;

function columnStyle(c: SheetColumn): Partial<ExcelJS.Style> | undefined {
  if (c.date) return { numFmt: DATE_FORMATS[c.date], alignment: { vertical: 'top' } };
  return c.wrap ? { alignment: { vertical: 'top', wrapText: true } } : undefined;
}

/** Styles a header row (white bold on dark blue, wrapped) and commits it. */
export function commitHeaderRow(row: ExcelJS.Row): void {
  row.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  row.fill = HEADER_FILL;
  row.alignment = { vertical: 'middle', wrapText: true };
  row.height = 30;
  row.commit();
}

export function addSheet(wb: Workbook, name: string, columns: SheetColumn[]): Sheet {
  const ws = <Sheet>wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  ws.columns = columns.map((c) => {
    const style = columnStyle(c);
    return { header: c.header, width: c.width, ...(style ? { style } : {}) };
  });
  ws.autoFilter = `A1:${columnLetter(columns.length)}1`;
  commitHeaderRow(ws.getRow(1));
  return ws;
}

let sinceYield = 0;
/**
 * Lets the zip compressor behind the streaming writer catch up: committed rows are only handed to it, and
 * without a pause they pile up in memory faster than they are compressed and written. Every 20 rows: at
 * 100,000 findings the stage then stays at its inputs' RSS (every 1,000 rows: +131 MB), at no cost in time.
 */
export async function letWriterDrain(every = 20): Promise<void> {
  if (++sinceYield < every) return;
  sinceYield = 0;
  await new Promise((resolve) => setImmediate(resolve));
}

/**
 * One style object per sheet, column and cell type, shared by every data cell there. exceljs gives each
 * new cell its own style object (a copy of its column's), and the writer remembers styles by object: a
 * fresh object per cell made it render and look up the same style XML for every cell (most of the XLSX
 * stage's time). The shared objects resolve to the same style ids, so the file is unchanged.
 */
const sharedStyles = new WeakMap<Sheet, Map<string, Partial<ExcelJS.Style>>>();

/** Appends and commits one row (streaming: it is written out and released). */
export function addRow(ws: Sheet, values: CellValue[]): void {
  // No per-row styles: each would be one more style object held by the writer.
  const row = ws.addRow(values.map(safeCellValue));
  let styles = sharedStyles.get(ws);
  if (!styles) sharedStyles.set(ws, (styles = new Map()));
  // Empty cells too: in a styled column they are written with their style.
  row.eachCell({ includeEmpty: true }, (cell, column) => {
    const key = `${column}:${cell.type}`;
    const shared = styles.get(key);
    if (shared) cell.style = shared;
    else styles.set(key, cell.style);
  });
  row.commit();
}

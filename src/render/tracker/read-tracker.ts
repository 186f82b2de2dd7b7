// Reads a tracker workbook (control-gaps.xlsx of an earlier run, or the team's own file named by the
// config's trackerFile) with exceljs's streaming reader: only the team columns and what a Resolved row
// needs are kept, so a 100k-finding workbook is read without holding it.
import { stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { InputError } from '../../util/input-error.ts';
import { FINDING_TEAM_COLUMNS, PBC_TEAM_COLUMNS, plainCellValue, type CarriedValue, type TeamValues } from './team-columns.ts';
import { DESCRIPTIVE_HEADERS, FINDING_ID, PBC_ID, RESOLVED_HEADERS, TRACKER_SHEETS, type DescriptiveHeader } from './tracker-sheets.ts';

export class TrackerFileError extends InputError {}

export interface TrackedRow {
  id: string;
  cells: Partial<Record<DescriptiveHeader, CarriedValue>>;
  team: TeamValues;
  /** Resolved rows: the run that fixed it, when, how. */
  resolved?: { run: string; at: CarriedValue; how: string };
}

export interface PreviousTracker {
  file: string;
  gaps: Map<string, TrackedRow>;
  resolved: Map<string, TrackedRow>;
  /** PBC request id -> the team's values. */
  pbc: Map<string, TeamValues>;
}

type SheetReader = ExcelJS.stream.xlsx.WorksheetReader & { name?: string };

function text(v: CarriedValue | undefined): string {
  if (v === null || v === undefined) return '';
  return v instanceof Date ? v.toISOString() : String(v).trim();
}

/** Row 1 is the header; every later row is handed over as header -> value. */
async function readRows(ws: SheetReader, file: string, key: string, onRow: (values: Map<string, CarriedValue>, rowNumber: number) => void): Promise<void> {
  let headers: string[] | undefined;
  for await (const row of ws) {
    const values = (row.values as ExcelJS.CellValue[]).map(plainCellValue);
    if (!headers) {
      headers = values.map((v) => text(v));
      if (!headers.includes(key)) throw new TrackerFileError({ file, field: `${ws.name}!1`, message: `the header row has no "${key}" column: a tracker sheet is matched to the run by it` });
      continue;
    }
    onRow(new Map(headers.map((h, i) => [h, values[i] ?? null] as const).filter(([h]) => h)), row.number);
  }
}

function teamOf(values: Map<string, CarriedValue>, columns: readonly string[]): TeamValues {
  const team: TeamValues = {};
  for (const c of columns) if (values.has(c)) team[c as keyof TeamValues] = values.get(c) ?? null;
  return team;
}

/** `namedBy` says where the file was named (e.g. the config's trackerFile), appended to any problem. */
export async function readTracker(file: string, namedBy?: string): Promise<PreviousTracker> {
  try {
    return await readTrackerFile(file);
  } catch (err) {
    if (!namedBy || !(err instanceof TrackerFileError)) throw err;
    throw new TrackerFileError(err.problems.map((p) => ({ ...p, message: `${p.message} (the file is named by ${namedBy})` })));
  }
}

async function readTrackerFile(file: string): Promise<PreviousTracker> {
  // exceljs's reader never settles when its file cannot be opened: find that out first.
  const isFile = await stat(file).then(
    (s) => s.isFile(),
    (err: Error) => {
      throw new TrackerFileError({ file, message: `cannot read the tracker workbook (${err.message})` });
    },
  );
  if (!isFile) throw new TrackerFileError({ file, message: 'not a file: the tracker is an .xlsx workbook such as a package\'s control-gaps.xlsx' });
  const tracker: PreviousTracker = { file, gaps: new Map(), resolved: new Map(), pbc: new Map() };
  const keyed = (sheet: string, target: Map<string, unknown>, key: string) => (values: Map<string, CarriedValue>, n: number) => {
    const id = text(values.get(key));
    if (!id) return; // a blank row the team left
    if (target.has(id)) throw new TrackerFileError({ file, field: `${sheet}!${n}`, message: `"${id}" appears twice in the "${key}" column` });
    return id;
  };
  let sawGaps = false;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
    for await (const sheet of reader) {
      const ws = sheet as SheetReader;
      if (ws.name === TRACKER_SHEETS.gaps || ws.name === TRACKER_SHEETS.resolved) {
        const target = ws.name === TRACKER_SHEETS.gaps ? tracker.gaps : tracker.resolved;
        const idOf = keyed(ws.name, target, FINDING_ID);
        sawGaps ||= ws.name === TRACKER_SHEETS.gaps;
        await readRows(ws, file, FINDING_ID, (values, n) => {
          const id = idOf(values, n);
          if (!id) return;
          const cells: TrackedRow['cells'] = {};
          for (const h of DESCRIPTIVE_HEADERS) if (values.has(h)) cells[h] = values.get(h) ?? null;
          const row: TrackedRow = { id, cells, team: teamOf(values, FINDING_TEAM_COLUMNS) };
          if (target === tracker.resolved) row.resolved = { run: text(values.get(RESOLVED_HEADERS.run)), at: values.get(RESOLVED_HEADERS.at) ?? null, how: text(values.get(RESOLVED_HEADERS.how)) };
          target.set(id, row);
        });
      } else if (ws.name === TRACKER_SHEETS.pbc) {
        const idOf = keyed(ws.name, tracker.pbc, PBC_ID);
        await readRows(ws, file, PBC_ID, (values, n) => {
          const id = idOf(values, n);
          if (id) tracker.pbc.set(id, teamOf(values, PBC_TEAM_COLUMNS));
        });
      }
    }
  } catch (err) {
    if (err instanceof TrackerFileError) throw err;
    throw new TrackerFileError({ file, message: `cannot read the tracker workbook (${(err as Error).message}); it must be an .xlsx file such as a package's control-gaps.xlsx` });
  }
  if (!sawGaps) throw new TrackerFileError({ file, field: TRACKER_SHEETS.gaps, message: `no "${TRACKER_SHEETS.gaps}" sheet: the tracker's findings are read from it` });
  return tracker;
}

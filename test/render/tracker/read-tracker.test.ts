// Reading a tracker workbook back: columns found by header wherever the team moved them, values reduced
// to text, numbers and dates; a bad file is an input error naming the file and the field (exit 2).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRunInputs } from '../../../src/run/load-run-inputs.ts';
import { readTracker, TrackerFileError } from '../../../src/render/tracker/read-tracker.ts';
import { InputError } from '../../../src/util/input-error.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'proofline-read-tracker-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function workbook(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('readTracker', () => {
  it('finds the key and team columns by header, in any order, and keeps plain values', async () => {
    const due = new Date('2027-01-31T00:00:00Z');
    const file = await workbook('team.xlsx', {
      Notes: [['anything'], ['at all']],
      Gaps: [
        ['Owner', 'Extra column', 'Finding id', 'Due date', 'Ticket', 'Control'],
        ['Ana', 'x', 'c1:1:r:a', due, { text: 'SEC-1', hyperlink: 'https://t.example/SEC-1' }, 'c1'],
        [null, null, null, null, null, null], // a blank row the team left
        [{ richText: [{ text: 'Bo' }, { text: 'b' }] }, null, 'c1:1:r:b', null, { formula: '1+1', result: 2 }, 'c1'],
      ],
      Resolved: [
        ['Finding id', 'Owner', 'Resolved by run', 'Resolved at (UTC)', 'Resolution'],
        ['c2:1:r:z', 'Cy', 'run-0', due, 'Passes in this run'],
      ],
      PBC: [
        ['Request id', 'Owner', 'Due date'],
        ['soc2:CC1.1', 'HR', due],
      ],
    });
    const t = await readTracker(file);
    expect(t.gaps.get('c1:1:r:a')).toMatchObject({ team: { Owner: 'Ana', 'Due date': due, Ticket: 'SEC-1' }, cells: { Control: 'c1' } });
    expect(t.gaps.get('c1:1:r:b')!.team).toMatchObject({ Owner: 'Bob', Ticket: 2 });
    expect(t.gaps.size).toBe(2);
    expect(t.resolved.get('c2:1:r:z')).toMatchObject({ team: { Owner: 'Cy' }, resolved: { run: 'run-0', at: due, how: 'Passes in this run' } });
    expect(t.pbc.get('soc2:CC1.1')).toEqual({ Owner: 'HR', 'Due date': due });
  });

  it('rejects a file that is not a workbook, a workbook without Gaps, a Gaps sheet without finding ids and a repeated id, naming file and field', async () => {
    const notXlsx = join(dir, 'notes.xlsx');
    await writeFile(notXlsx, 'Owner,Due\n');
    await expect(readTracker(notXlsx)).rejects.toThrow(`${notXlsx}: cannot read the tracker workbook`);
    await expect(readTracker(join(dir, 'missing.xlsx'))).rejects.toBeInstanceOf(TrackerFileError);
    const noGaps = await workbook('no-gaps.xlsx', { Other: [['Finding id']] });
    await expect(readTracker(noGaps)).rejects.toThrow(`${noGaps}: field "Gaps": no "Gaps" sheet`);
    const noKey = await workbook('no-key.xlsx', { Gaps: [['Id', 'Owner'], ['a', 'b']] });
    await expect(readTracker(noKey)).rejects.toThrow(`${noKey}: field "Gaps!1": the header row has no "Finding id" column`);
    const twice = await workbook('twice.xlsx', { Gaps: [['Finding id', 'Owner'], ['a', 'x'], ['b', 'y'], ['a', 'z']] });
    await expect(readTracker(twice)).rejects.toThrow(`${twice}: field "Gaps!4": "a" appears twice in the "Finding id" column`);
  });

  it("a bad trackerFile stops the run's inputs with an input error that names the config field", async () => {
    const noKey = await workbook('config-named.xlsx', { Gaps: [['Owner']] });
    const err = await loadRunInputs({ trackerFile: noKey }, new Date()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems[0]).toMatchObject({ file: noKey, field: 'Gaps!1' });
    expect((err as Error).message).toContain('the config field "trackerFile"');
    const ok = await workbook('config-ok.xlsx', { Gaps: [['Finding id', 'Owner'], ['a', 'Ana']] });
    expect((await loadRunInputs({ trackerFile: ok }, new Date())).tracker!.gaps.get('a')!.team).toEqual({ Owner: 'Ana' });
  });
});

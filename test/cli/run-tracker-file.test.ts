// `proofline run` with the config's trackerFile: the team's workbook, kept outside the packages, carries
// its columns into the run's control-gaps.xlsx; a bad one stops the run before collection with exit 2,
// naming the file, the field and the config field, and nothing is written.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHEETS } from '../../src/render/xlsx/render-xlsx.ts';
import { runCliProcess } from '../helpers/cli-process.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'proofline-run-tracker-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

// A finding the sample fails (stable id: control, account, region, resource) and one it does not have.
const OPEN = 'iam-root-account-no-access-keys:111122223333:global:111122223333/root';
const GONE = 'iam-root-account-no-access-keys:999988887777:global:999988887777/root';

async function config(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
  const tracker = join(tmp, `${name}.xlsx`);
  await wb.xlsx.writeFile(tracker);
  const file = join(tmp, `${name}.yaml`);
  await writeFile(file, `organization: Tracker test\nframeworks: [gdpr, hipaa, soc2]\ntrackerFile: ${tracker}\n`);
  return file;
}

const run = (cfg: string, out: string) => runCliProcess(['run', '--source', 'samples/sample-account', '--config', cfg, '--out', out, '--evaluated-at', '2026-11-20T02:00:00Z'], { PROOFLINE_HOME: join(tmp, 'home'), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: '1' });

describe('proofline run with trackerFile', () => {
  it('carries the team columns by finding id and resolves what the run no longer finds', async () => {
    const cfg = await config('team', { Gaps: [['Finding id', 'Owner', 'Ticket'], [OPEN, 'Root owner', 'SEC-7'], [GONE, 'Other team', 'SEC-8']] });
    const out = join(tmp, 'out');
    const r = await run(cfg, out);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const pkg = (await readdir(out)).find((n) => !n.endsWith('.zip'))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, pkg, 'control-gaps.xlsx'));
    const cell = (sheet: string, findingId: string, header: string) => {
      const ws = wb.getWorksheet(sheet)!;
      const col = (ws.getRow(1).values as string[]).indexOf(header);
      let value: unknown;
      ws.eachRow((row) => {
        if (row.getCell(1).value === findingId) value = row.getCell(col).value;
      });
      return value;
    };
    expect(cell(SHEETS.gaps, OPEN, 'Owner')).toBe('Root owner');
    expect(cell(SHEETS.gaps, OPEN, 'Ticket')).toBe('SEC-7');
    expect(cell(SHEETS.resolved, GONE, 'Owner')).toBe('Other team');
    expect(cell(SHEETS.resolved, GONE, 'Resolution')).toMatch(/^No longer found/);
  }, 120_000);

  it('refuses a tracker without a Finding id column: exit 2, file, field and config field named, no package', async () => {
    const cfg = await config('bad', { Gaps: [['Id', 'Owner'], [OPEN, 'x']] });
    const out = join(tmp, 'out-bad');
    const r = await run(cfg, out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(tmp, 'bad.xlsx')}: field "Gaps!1": the header row has no "Finding id" column`);
    expect(r.stderr).toContain('the config field "trackerFile"');
    expect(await readdir(out).catch(() => [])).toEqual([]);
  }, 120_000);
});

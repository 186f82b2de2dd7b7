// What is inside the package, checked against results.json: the XLSX read back with exceljs, the OSCAL
// document validated against NIST's schema, manifest entries.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAMEWORK_IDS } from '../../src/catalog/catalog-schema.ts';
import { requirementsSheetName, SHEETS } from '../../src/render/xlsx/render-xlsx.ts';
import type { RunResults } from '../../src/results/run-results.ts';
import { samplePackage, type BuiltPackage } from './package-fixture.ts';

// ajv-formats is CommonJS with a default export: unwrap it the same way under tsc and tsx.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;
const SCHEMA = fileURLToPath(new URL('../fixtures/oscal/oscal_assessment-results_schema-1.0.6.json', import.meta.url));

let pkg: BuiltPackage;
let results: RunResults;
beforeAll(async () => {
  pkg = await samplePackage();
  results = JSON.parse(await readFile(join(pkg.dir, 'results.json'), 'utf8')) as RunResults;
});
afterAll(() => pkg?.cleanup());

/** Data rows (below the header) that have any value. */
function dataRows(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) rows.push(row);
  });
  return rows;
}

describe('control-gaps.xlsx', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(pkg.dir, 'control-gaps.xlsx'));
  });

  it('has every sheet, each with a frozen, filterable header', () => {
    const frameworks = results.run.frameworks.length ? results.run.frameworks : [...FRAMEWORK_IDS];
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEETS.summary, SHEETS.gaps, SHEETS.controls, SHEETS.crosswalk, ...frameworks.map(requirementsSheetName), SHEETS.findings, SHEETS.evidence]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.getRow(1).font?.bold).toBe(true);
    }
  });

  it('row counts match results.json', () => {
    const sheet = (name: string) => wb.getWorksheet(name)!;
    expect(dataRows(sheet(SHEETS.summary))).toHaveLength(results.run.frameworks.length);
    expect(dataRows(sheet(SHEETS.controls))).toHaveLength(results.controls.length);
    expect(dataRows(sheet(SHEETS.crosswalk))).toHaveLength(results.controls.length);
    expect(dataRows(sheet(SHEETS.findings))).toHaveLength(results.findings.length);
    expect(dataRows(sheet(SHEETS.evidence))).toHaveLength(results.evidence.length);
    for (const fw of results.run.frameworks) expect(dataRows(sheet(requirementsSheetName(fw)))).toHaveLength(results.requirements[fw]!.length);
    // Gaps: every failing or unknown finding, plus each unknown control that produced no finding at all.
    const gapFindings = results.findings.filter((f) => f.status === 'fail' || f.status === 'unknown').length;
    const silentUnknown = results.controls.filter((c) => c.status === 'unknown' && c.counts.fail + c.counts.unknown === 0).length;
    expect(dataRows(sheet(SHEETS.gaps))).toHaveLength(gapFindings + silentUnknown);
    expect(gapFindings).toBeGreaterThan(0);
  });

  it('Gaps has empty Owner / Due date / Ticket / Status columns with data validation', () => {
    const ws = wb.getWorksheet(SHEETS.gaps)!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    const cols = ['Owner', 'Due date', 'Ticket', 'Status'].map((h) => header.indexOf(h) + 1);
    expect(cols.every((c) => c > 0)).toBe(true);
    for (const row of dataRows(ws)) for (const c of cols) expect(row.getCell(c).value).toBeNull();
    const [owner, due, ticket, status] = cols.map((c) => ws.getCell(2, c).dataValidation);
    expect(owner).toMatchObject({ type: 'textLength' });
    expect(due).toMatchObject({ type: 'date' });
    expect(ticket).toMatchObject({ type: 'textLength' });
    expect(status).toMatchObject({ type: 'list', formulae: ['"Open,In progress,Risk accepted,Resolved"'] });
  });

  it('Evidence lists every record with its SHA-256', () => {
    const ws = wb.getWorksheet(SHEETS.evidence)!;
    const shaCol = (ws.getRow(1).values as string[]).indexOf('SHA-256');
    const digests = new Set(dataRows(ws).map((r) => r.getCell(shaCol).value));
    for (const e of results.evidence) expect(digests.has(e.sha256)).toBe(true);
  });
});

describe('oscal/assessment-results.json', () => {
  it('is valid against NIST OSCAL 1.0.6 assessment-results schema', async () => {
    // The NIST schema is draft-07, which Ajv's default class (not Ajv2019/2020) implements.
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(SCHEMA, 'utf8')));
    const doc = JSON.parse(await readFile(join(pkg.dir, 'oscal/assessment-results.json'), 'utf8'));
    const ok = validate(doc);
    expect(validate.errors?.slice(0, 5) ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The validator is real: a finding with a status OSCAL does not know is rejected.
    doc['assessment-results'].results[0].findings[0].target.status.state = 'met';
    expect(validate(doc)).toBe(false);
  });

  it('has an observation per evidence record, findings per requirement and risks for failing controls', async () => {
    const doc = JSON.parse(await readFile(join(pkg.dir, 'oscal/assessment-results.json'), 'utf8'));
    const result = doc['assessment-results'].results[0];
    expect(doc['assessment-results'].metadata['oscal-version']).toBe('1.0.6');
    expect(result.observations).toHaveLength(results.evidence.length);
    expect(result.observations.map((o: { collected: string }) => o.collected).sort()).toEqual(results.evidence.map((e) => e.collectedAt).sort());
    const failing = results.controls.filter((c) => c.status === 'fail').length;
    expect(result.risks?.length ?? 0).toBe(failing);
    const states = result.findings.map((f: { target: { status: { state: string } } }) => f.target.status.state);
    expect(new Set(states)).toEqual(new Set(['satisfied', 'not-satisfied'].filter((s) => states.includes(s))));
    // Fail closed: an unknown requirement is never satisfied.
    for (const fw of results.run.frameworks) {
      for (const r of results.requirements[fw]!.filter((x) => x.status === 'unknown' || x.status === 'not_met')) {
        const f = result.findings.find((x: { props: { name: string; value: string }[] }) => x.props.some((p) => p.name === 'requirement-id' && p.value === r.id) && x.props.some((p) => p.name === 'framework' && p.value === fw));
        expect(f.target.status.state).toBe('not-satisfied');
      }
    }
  });
});

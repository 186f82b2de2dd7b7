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
import { FRAMEWORK_SHORT } from '../../src/render/view-model/labels.ts';
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

  it('has every sheet, each with a frozen first column and a frozen, filterable header', () => {
    const frameworks = results.run.frameworks.length ? results.run.frameworks : [...FRAMEWORK_IDS];
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEETS.summary, SHEETS.gaps, SHEETS.resolved, SHEETS.pbc, SHEETS.controls, SHEETS.crosswalk, ...frameworks.map(requirementsSheetName), SHEETS.findings, SHEETS.evidence]);
    for (const ws of wb.worksheets.filter((w) => w.name !== SHEETS.summary)) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.getRow(1).font?.bold).toBe(true);
    }
  });

  it('Summary starts with the run provenance, then the counts per framework', () => {
    const ws = wb.getWorksheet(SHEETS.summary)!;
    const label = (name: string) => {
      let value: unknown;
      ws.eachRow((row) => {
        if (row.getCell(1).value === name) value = row.getCell(2).value;
      });
      return value;
    };
    expect(ws.getCell('A1').value).toBe('Organization');
    expect(label('Organization')).toBe(results.run.organization);
    expect(label('Run id')).toBe(results.run.id);
    expect(label('Evaluated at (UTC)')).toBe(results.run.evaluatedAt);
    expect(label('Evidence source')).toContain(results.run.source.location!);
    expect(label('Scope')).toContain(results.run.scope.accounts[0]);
    expect(label('Tool')).toBe(`${results.run.tool.name} ${results.run.tool.version}`);
    expect(label('Catalog digest (SHA-256)')).toBe(results.run.catalogDigest);
    expect(label('Signer')).toContain('certificate SHA-256');
    expect(label('Team columns carried from')).toMatch(/^nothing/);
    // The counts table: its header carries the filter, one row per framework below it.
    const header = Number(ws.autoFilter!.toString().match(/^A(\d+):/)![1]);
    expect(ws.getRow(header).getCell(1).value).toBe('Framework');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1 });
    const frameworkRows: unknown[] = [];
    ws.eachRow((row, n) => {
      if (n > header) frameworkRows.push(row.getCell(1).value);
    });
    expect(frameworkRows).toHaveLength(results.run.frameworks.length);
  });

  it('row counts match results.json', () => {
    const sheet = (name: string) => wb.getWorksheet(name)!;
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

  it('Gaps is keyed by finding id, the team columns (empty, validated) first after the resource', () => {
    const ws = wb.getWorksheet(SHEETS.gaps)!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 14)).toEqual(['Finding id', 'Control', 'Title', 'Severity', 'Result', 'Account', 'Region', 'Resource type', 'Resource', 'Owner', 'Due date', 'Ticket', 'Status', 'Comments']);
    expect(header).toEqual(expect.arrayContaining(['First seen', 'Days open', ...results.run.frameworks.map((fw) => `${FRAMEWORK_SHORT[fw]} requirements`)]));
    const cols = ['Owner', 'Due date', 'Ticket', 'Status', 'Comments'].map((h) => header.indexOf(h) + 1);
    for (const row of dataRows(ws)) for (const c of cols) expect(row.getCell(c).value).toBeNull();
    const [owner, due, ticket, status, comments] = cols.map((c) => ws.getCell(2, c).dataValidation);
    expect(owner).toMatchObject({ type: 'textLength' });
    expect(due).toMatchObject({ type: 'date' });
    expect(ticket).toMatchObject({ type: 'textLength' });
    expect(status).toMatchObject({ type: 'list', formulae: ['"Open,In progress,Risk accepted,Resolved"'] });
    expect(comments).toMatchObject({ type: 'textLength' });
    // Each open finding's row: its results.json id, title, requirement references; no history: first seen = this run.
    const byId = new Map(dataRows(ws).map((r) => [r.getCell(1).value, r]));
    const failing = results.findings.find((f) => f.status === 'fail')!;
    const row = byId.get(failing.id)!;
    const control = results.controls.find((c) => c.id === failing.controlId)!;
    expect(row.getCell(header.indexOf('Title') + 1).value).toBe(control.title);
    expect((row.getCell(header.indexOf('First seen') + 1).value as Date).toISOString()).toBe(new Date(results.run.startedAt).toISOString());
    expect(row.getCell(header.indexOf('Days open') + 1).value).toBe(0);
    const gdpr = control.mappings.filter((m) => m.framework === 'gdpr').map((m) => m.requirement);
    for (const req of gdpr) expect(String(row.getCell(header.indexOf('GDPR requirements') + 1).value)).toContain(req);
    // Long text wraps.
    expect(row.getCell(header.indexOf('Reason') + 1).alignment?.wrapText).toBe(true);
  });

  it('PBC lists every manual requirement and inherited one without provider documents; Resolved is empty on a first run', () => {
    const ws = wb.getWorksheet(SHEETS.pbc)!;
    const expected = results.run.frameworks.flatMap((fw) => results.requirements[fw]!.filter((r) => r.status === 'manual' || r.status === 'inherited_no_evidence').map((r) => `${fw}:${r.id}`));
    expect(dataRows(ws).map((r) => r.getCell(1).value)).toEqual(expected);
    expect((ws.getRow(1).values as string[]).slice(1)).toEqual(['Request id', 'Requirement', 'Title', 'What to supply', 'Owner', 'Due date', 'Status', 'Comments']);
    expect(dataRows(wb.getWorksheet(SHEETS.resolved)!)).toHaveLength(0);
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

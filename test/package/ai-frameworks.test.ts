// The sample with all five frameworks selected: the AI frameworks appear in results.json, the PDF, the
// XLSX (own Requirements sheets and crosswalk columns) and valid OSCAL, and selecting them changes nothing
// in what the run concludes for GDPR, HIPAA and SOC 2.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAMEWORK_IDS } from '../../src/catalog/catalog-schema.ts';
import { FRAMEWORK_NAMES, FRAMEWORK_SHORT } from '../../src/render/view-model/labels.ts';
import { requirementsSheetName, SHEETS } from '../../src/render/xlsx/render-xlsx.ts';
import type { RunResults } from '../../src/results/run-results.ts';
import { asffFindings } from '../../src/render/exports/asff.ts';
import { sampleFrameworksPackage, sampleRun, type BuiltPackage } from './package-fixture.ts';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;
const SCHEMA = fileURLToPath(new URL('../fixtures/oscal/oscal_assessment-results_schema-1.0.6.json', import.meta.url));

let pkg: BuiltPackage;
let results: RunResults;
beforeAll(async () => {
  pkg = await sampleFrameworksPackage([...FRAMEWORK_IDS]);
  results = JSON.parse(await readFile(join(pkg.dir, 'results.json'), 'utf8')) as RunResults;
}, 240_000);
afterAll(() => pkg?.cleanup());

describe('a run with all five frameworks', () => {
  it('reports on every framework in results.json, AI-framework mappings included', () => {
    expect(Object.keys(results.requirements)).toEqual([...FRAMEWORK_IDS]);
    expect(results.requirements.iso42001).toHaveLength(38);
    const logging = results.controls.find((c) => c.id === 'bedrock-model-invocation-logging-enabled')!;
    expect(logging.mappings).toContainEqual(expect.objectContaining({ framework: 'euaiact', requirement: 'Art. 12(1)', strength: 'primary' }));
    const art12 = results.requirements.euaiact!.find((r) => r.id === 'Art. 12(1)')!;
    expect(art12.coverage).toBe('hybrid');
    expect(art12.controls.filter((c) => c.strength === 'primary').map((c) => c.id)).toContain('bedrock-model-invocation-logging-enabled');
    // Process obligations stay manual until attested evidence arrives, whatever their supporting controls show.
    expect(results.requirements.euaiact!.find((r) => r.id === 'Art. 9(1)')!.status).toBe('manual');
  });

  it('concludes the same for GDPR, HIPAA and SOC 2 as a run with the default frameworks', async () => {
    const { results: defaults } = await sampleRun();
    for (const fw of ['gdpr', 'hipaa', 'soc2'] as const) expect(results.requirements[fw], fw).toEqual(defaults.requirements[fw]);
    expect(Object.keys(defaults.requirements)).toEqual(['gdpr', 'hipaa', 'soc2']);
  }, 120_000);

  it('shows each framework in the PDF', () => {
    const text = execFileSync('pdftotext', [join(pkg.dir, 'report.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/\s+/g, ' ');
    for (const fw of FRAMEWORK_IDS) expect(text, fw).toContain(FRAMEWORK_NAMES[fw]);
    expect(text).toContain('Art. 12(1)');
    expect(text).toContain('A.6.2.8');
  });

  it('gives each framework a Requirements sheet and a crosswalk column in the XLSX', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(pkg.dir, 'control-gaps.xlsx'));
    for (const fw of FRAMEWORK_IDS) {
      const ws = wb.getWorksheet(requirementsSheetName(fw))!;
      expect(ws.rowCount - 1, fw).toBe(results.requirements[fw]!.length);
    }
    const crosswalk = wb.getWorksheet(SHEETS.crosswalk)!;
    const header = crosswalk.getRow(1).values as unknown[];
    expect(header.slice(1)).toEqual(['Control', 'Title', 'Automation', ...FRAMEWORK_IDS.map((fw) => FRAMEWORK_SHORT[fw])]);
    let logging: unknown[] = [];
    crosswalk.eachRow((row) => {
      if (row.getCell(1).value === 'bedrock-model-invocation-logging-enabled') logging = row.values as unknown[];
    });
    expect(logging.slice(4)).toEqual(['Art. 5(2) (supporting)', '164.312(b) (primary)', 'CC7.2 (primary)', 'Art. 12(1) (primary); Art. 72(2) (supporting)', 'A.6.2.8 (primary)']);
  });

  it('writes OSCAL assessment results that validate, with findings for the AI frameworks', async () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(SCHEMA, 'utf8')));
    const doc = JSON.parse(await readFile(join(pkg.dir, 'oscal/assessment-results.json'), 'utf8'));
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const frameworksOfFindings = new Set(doc['assessment-results'].results[0].findings.map((f: { props: { name: string; value: string }[] }) => f.props.find((p) => p.name === 'framework')!.value));
    expect(frameworksOfFindings).toEqual(new Set(FRAMEWORK_IDS));
  });

  it('names the AI frameworks in ASFF finding types, never leaving a type empty', () => {
    const findings = [...asffFindings(results)];
    for (const f of findings) for (const t of f.Types!) expect(typeof t === 'string' && t.length > 0, f.Id).toBe(true);
    const logging = findings.filter((f) => f.GeneratorId === 'proofline/lex-bot-conversation-logs-enabled');
    expect(logging.length).toBeGreaterThan(0);
    for (const f of logging) expect(f.Types).toContain('Software and Configuration Checks/Industry and Regulatory Standards/EU AI Act');
  });
});

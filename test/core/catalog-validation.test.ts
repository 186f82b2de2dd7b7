import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatalogError } from '../../src/catalog/catalog-error.ts';
import { loadCatalog, type LoadCatalogOptions } from '../../src/catalog/load-catalog.ts';

const FIXTURE = new URL('../fixtures/catalog-min/', import.meta.url).pathname;
const CONTROL = 'sagemaker/sagemaker-notebook-direct-internet-disabled.yaml';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'proofline-catalog-'));
  await cp(FIXTURE, dir, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function edit(file: string, fn: (text: string) => string): Promise<void> {
  const path = join(dir, file);
  await writeFile(path, fn(await readFile(path, 'utf8')));
}

const NOTEBOOK_RULE = new Map([['sagemaker-notebook-direct-internet-disabled', ['sagemaker.ListNotebookInstances', 'sagemaker.DescribeNotebookInstance']]]);

async function problemsOf(options: LoadCatalogOptions = {}): Promise<string[]> {
  try {
    await loadCatalog(dir, options);
  } catch (err) {
    expect(err).toBeInstanceOf(CatalogError);
    return (err as CatalogError).problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);
  }
  return [];
}

describe('catalog validation', () => {
  it('loads the valid fixture with a digest and no problems', async () => {
    const catalog = await loadCatalog(dir, { ruleEvidence: NOTEBOOK_RULE, producibleKeys: ['sagemaker.ListNotebookInstances', 'sagemaker.DescribeNotebookInstance'] });
    expect(catalog.controls.find((c) => c.id === 'sagemaker-notebook-direct-internet-disabled')?.evidence).toEqual(['sagemaker.ListNotebookInstances', 'sagemaker.DescribeNotebookInstance']);
    expect(catalog.controls.map((c) => c.id)).toEqual(['access-reviews-performed', 'sagemaker-notebook-direct-internet-disabled']);
    expect(catalog.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(catalog.warnings).toEqual([]);
  });

  it('names the file and field of a control with a bad severity', async () => {
    await edit(CONTROL, (t) => t.replace('severity: high', 'severity: urgent'));
    const problems = await problemsOf();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^sagemaker\/sagemaker-notebook-direct-internet-disabled\.yaml: severity: /);
  });

  it('names the field of a missing rationale', async () => {
    await edit(CONTROL, (t) => t.replace(/^rationale:.*$/m, ''));
    expect(await problemsOf()).toEqual([expect.stringMatching(/sagemaker-notebook-direct-internet-disabled\.yaml: rationale: /)]);
  });

  it('rejects a mapping to a requirement id the framework does not have', async () => {
    await edit(CONTROL, (t) => t.replace('{ framework: hipaa, requirement: R-AUTO', '{ framework: hipaa, requirement: 164.308(a)(4)(ii)(A)'));
    expect(await problemsOf()).toEqual([expect.stringContaining('mappings.0.requirement: "164.308(a)(4)(ii)(A)" is not a requirement of hipaa')]);
  });

  it('requires a strength on every mapping and provider evidence on every inherited requirement', async () => {
    await edit(CONTROL, (t) => t.replace('requirement: R-AUTO, strength: primary,', 'requirement: R-AUTO,'));
    await edit('frameworks/soc2.yaml', (t) => t.replace(', providerEvidence: ["AWS SOC 2 Type II report"]', ''));
    expect(await problemsOf()).toEqual(
      expect.arrayContaining([expect.stringMatching(/frameworks\/soc2\.yaml: requirements\.2\.providerEvidence: .*provider evidence/), expect.stringMatching(/sagemaker-notebook-direct-internet-disabled\.yaml: mappings\.0\.strength: /)]),
    );
  });

  it('rejects provider evidence on a requirement that is not inherited', async () => {
    await edit('frameworks/gdpr.yaml', (t) => t.replace('coverage: automated }', 'coverage: automated, providerEvidence: ["AWS BAA"] }'));
    expect(await problemsOf()).toEqual(expect.arrayContaining([expect.stringMatching(/frameworks\/gdpr\.yaml: requirements\.0\.providerEvidence: only an inherited requirement/)]));
  });

  it('rejects an unknown practice, a duplicate control id and a file name that does not match the id', async () => {
    await edit(CONTROL, (t) => t.replace('practices: [P01]', 'practices: [P99]'));
    await cp(join(dir, CONTROL), join(dir, 'sagemaker/copy.yaml'));
    const problems = await problemsOf();
    expect(problems).toContainEqual(expect.stringContaining('practices.0: unknown practice "P99"'));
    expect(problems).toContainEqual(expect.stringContaining('sagemaker/copy.yaml: id: control id "sagemaker-notebook-direct-internet-disabled" must match its file name'));
  });

  it('rejects an automated control without an evaluator, and an evaluator without a control', async () => {
    const problems = await problemsOf({ ruleEvidence: new Map([['some-other-rule', ['sagemaker.ListNotebookInstances']]]) });
    expect(problems).toContainEqual(expect.stringContaining('has no evaluator'));
    expect(problems).toContainEqual(expect.stringContaining('src/evaluate/rules/some-other-rule.ts: controlId: evaluator "some-other-rule" has no automated control'));
  });

  it('rejects evidence keys a rule reads that no collector produces, naming the rule file', async () => {
    expect(await problemsOf({ ruleEvidence: NOTEBOOK_RULE, producibleKeys: ['sagemaker.ListNotebookInstances'] })).toEqual([
      'src/evaluate/rules/sagemaker-notebook-direct-internet-disabled.ts: evidence.1: no collector produces "sagemaker.DescribeNotebookInstance"',
    ]);
  });

  it('rejects evidence keys in a control file: the rule declares them, once', async () => {
    await edit('sagemaker/sagemaker-notebook-direct-internet-disabled.yaml', (t) => `${t}evidence:\n- sagemaker.ListNotebookInstances\n`);
    expect(await problemsOf()).toEqual([expect.stringContaining('sagemaker/sagemaker-notebook-direct-internet-disabled.yaml: evidence: evidence keys are declared by the rule')]);
  });

  it('requires a reason for non-automated coverage and reports invalid YAML with its file', async () => {
    await edit('frameworks/soc2.yaml', (t) => t.replace(', reason: AWS data centres.', ''));
    await writeFile(join(dir, 'sagemaker/broken.yaml'), 'id: [unclosed');
    const problems = await problemsOf();
    expect(problems).toContainEqual(expect.stringContaining('frameworks/soc2.yaml: requirements.2.reason: coverage "inherited" needs a one-line reason'));
    expect(problems).toContainEqual(expect.stringContaining('sagemaker/broken.yaml: (root): not valid YAML'));
  });

  it('warns (without failing the load) when an automated requirement has no automated control', async () => {
    await edit(CONTROL, (t) => t.replace(/ {2}- \{ framework: gdpr.*\n/, ''));
    const catalog = await loadCatalog(dir);
    expect(catalog.warnings.map((w) => `${w.file}: ${w.message}`)).toEqual(['frameworks/gdpr.yaml: "R-AUTO" is marked automated but no automated control maps to it as primary']);
  });

  it('warns when an automated or hybrid requirement has only supporting automated mappings: nothing could decide its automated part', async () => {
    await edit(CONTROL, (t) => t.replace('{ framework: gdpr, requirement: R-AUTO, strength: primary', '{ framework: gdpr, requirement: R-AUTO, strength: supporting'));
    await edit('frameworks/hipaa.yaml', (t) => t.replace('{ id: R-AUTO, title: Checked automatically, coverage: automated }', '{ id: R-AUTO, title: Checked automatically, coverage: hybrid, reason: Configuration and a procedure. }'));
    const catalog = await loadCatalog(dir);
    expect(catalog.warnings.map((w) => `${w.file}: ${w.message}`)).toEqual(['frameworks/gdpr.yaml: "R-AUTO" is marked automated but no automated control maps to it as primary']);
  });
});

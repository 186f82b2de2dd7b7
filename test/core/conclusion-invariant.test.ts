// The invariant of issue 10 over real runs: for every requirement, met implies every primary control
// passed (or was attested, or found nothing to check) and every manual or hybrid part has current
// attested evidence; no mapped control fails, is unknown, is manual without evidence or expired; a manual
// requirement never reads not_applicable. Checked over the sample run (mostly failing: its recorded AWS
// is deliberately non-compliant) and over a variant where most automated controls pass, at several
// evaluation dates.
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshotSource } from '../../src/collect/source.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import type { ProoflineConfig } from '../../src/config/config-schema.ts';
import type { EvidenceRecord } from '../../src/collect/evidence-record.ts';
import type { ControlResult } from '../../src/evaluate/control-status.ts';
import { evaluateControls } from '../../src/evaluate/evaluate-controls.ts';
import { loadProjectCatalog, type ProjectCatalog } from '../../src/evaluate/load-project-catalog.ts';
import { loadManualEvidence } from '../../src/manual-evidence/load-manual-evidence.ts';
import type { ManualEvidenceEntry } from '../../src/manual-evidence/manual-evidence-entry.ts';
import { FRAMEWORK_IDS } from '../../src/catalog/catalog-schema.ts';
import { mapRequirements, type RequirementResults } from '../../src/map/map-requirements.ts';
import { conclusionViolations } from '../../src/results/conclusion-invariant.ts';
import { runEvidenceInMemory } from '../../src/run/run-evidence-in-memory.ts';

const SAMPLE = 'samples/sample-account';
const MANUAL = 'samples/manual-evidence';
const DATES = ['2026-08-15', '2026-11-01', '2026-11-14', '2026-11-20', '2027-03-02', '2027-06-01'].map((d) => new Date(`${d}T02:00:00Z`));

let project: ProjectCatalog;
let config: ProoflineConfig;
let records: EvidenceRecord[];

beforeAll(async () => {
  project = await loadProjectCatalog();
  config = await loadConfig('samples/sample-account.config.yaml');
  const run = await runEvidenceInMemory({ ...project, source: await snapshotSource(SAMPLE), config, evaluatedAt: DATES[3], manualEvidence: (await loadManualEvidence(MANUAL, DATES[3], project.catalog)).map((m) => m.entry) });
  records = run.records;
});

function evaluate(at: Date): ControlResult[] {
  const params = { now: at, allowedRegions: config.allowedRegions, accessKeyMaxAgeDays: config.accessKeyMaxAgeDays, logRetentionMinDays: config.logRetentionMinDays };
  return evaluateControls(project.catalog.controls, project.rules, records, { accounts: ['111122223333'], regions: ['eu-west-1', 'us-east-1'] }, params).controls;
}

/**
 * The variant: a controlled transformation of the sample's evaluation. Every failing automated control
 * passes instead, except every fifth (by id), which keeps failing; unknown controls stay unknown. Every
 * manual control is attested except every fourth; every manual or hybrid requirement gets a current
 * attestation except every third; the AWS SOC 2 report is attached, the BAA is not.
 */
function variant(results: readonly ControlResult[], sample: readonly ManualEvidenceEntry[], at: Date): { controls: ControlResult[]; evidence: ManualEvidenceEntry[] } {
  const failing = results.filter((c) => c.status === 'fail').map((c) => c.controlId).sort();
  const stillFailing = new Set(failing.filter((_, i) => i % 5 === 0));
  const controls = results.map((c) => (c.status === 'fail' && !stillFailing.has(c.controlId) ? { ...c, status: 'pass' as const } : c));
  const file = (id: string, over: Partial<ManualEvidenceEntry>): ManualEvidenceEntry => ({ id, title: id, file: `manual/${id}`, sha256: '0'.repeat(64), attestedBy: 'Compliance lead', attestedOn: '2026-06-01', renewBy: '2027-12-31', status: at.toISOString() < '2028-01-01' ? 'current' : 'expired', requirements: [], controls: [], providerEvidence: [], ...over });
  const manualControls = project.catalog.controls.filter((c) => c.automation === 'manual').map((c) => c.id);
  const toAttest = Object.entries(project.catalog.frameworks).flatMap(([fw, f]) => f.requirements.filter((r) => r.coverage === 'manual' || r.coverage === 'hybrid').map((r) => ({ framework: fw as 'gdpr', requirement: r.id })));
  return {
    controls,
    evidence: [
      ...sample,
      file('manual-controls', { controls: manualControls.filter((_, i) => i % 4 !== 0) }),
      file('policies-and-records', { requirements: toAttest.filter((_, i) => i % 3 !== 0) }),
      file('aws-soc2-report', { providerEvidence: ['AWS SOC 2 Type II report'] }),
    ],
  };
}

function statusOf(requirements: RequirementResults, fw: keyof RequirementResults, id: string): string {
  return requirements[fw]!.find((r) => r.id === id)!.status;
}

describe('conclusions never say more than their evidence', () => {
  it('holds over the sample run at every evaluation date, and the sample Nessus scan never makes its requirements met', async () => {
    for (const at of DATES) {
      const evidence = (await loadManualEvidence(MANUAL, at, project.catalog)).map((m) => m.entry);
      const requirements = mapRequirements(project.catalog, evaluate(at), FRAMEWORK_IDS, evidence);
      expect([at.toISOString(), conclusionViolations(requirements, evidence)]).toEqual([at.toISOString(), []]);
      const scan = evidence.find((e) => e.scan)!;
      for (const r of scan.requirements) expect([at.toISOString(), r.requirement, statusOf(requirements, r.framework, r.requirement)]).not.toContain('met');
      expect(statusOf(requirements, 'soc2', 'CC3.2')).not.toBe('met');
    }
  });

  it('holds over a variant where most automated controls pass (and that variant does reach met)', async () => {
    let met = 0;
    for (const at of DATES) {
      const sample = (await loadManualEvidence(MANUAL, at, project.catalog)).map((m) => m.entry);
      const evaluated = evaluate(at);
      const v = variant(evaluated, sample, at);
      const passing = v.controls.filter((c) => c.status === 'pass').length;
      expect(passing).toBeGreaterThan(v.controls.filter((c) => c.status === 'fail').length * 3);
      const requirements = mapRequirements(project.catalog, v.controls, FRAMEWORK_IDS, v.evidence);
      expect([at.toISOString(), conclusionViolations(requirements, v.evidence)]).toEqual([at.toISOString(), []]);
      expect(statusOf(requirements, 'soc2', 'CC3.2')).toBe('not_met');
      const all = Object.values(requirements).flat();
      met += all.filter((r) => r.status === 'met').length;
      // A manual or hybrid requirement left unattested stays manual (or worse), whatever its controls show.
      expect(all.filter((r) => (r.coverage === 'manual' || r.coverage === 'hybrid') && r.status === 'not_applicable')).toEqual([]);
      // Only the SOC 2 report is attached: HIPAA's inherited requirements also rely on the BAA.
      expect(requirements.hipaa!.filter((r) => r.coverage === 'inherited').every((r) => r.status === 'inherited_no_evidence')).toBe(true);
      expect(requirements.soc2!.filter((r) => r.coverage === 'inherited').every((r) => r.status === 'inherited')).toBe(true);
    }
    expect(met).toBeGreaterThan(DATES.length * 5);
  });

  it('the check itself catches a status beyond its evidence', async () => {
    const at = DATES[3];
    const sample = (await loadManualEvidence(MANUAL, at, project.catalog)).map((m) => m.entry);
    const v = variant(evaluate(at), sample, at);
    const requirements = mapRequirements(project.catalog, v.controls, FRAMEWORK_IDS, v.evidence);
    const met = Object.values(requirements).flat().find((r) => r.status === 'met' && r.controls.length > 1)!;
    expect(met).toBeDefined();
    met.controls[met.controls.length - 1] = { ...met.controls[met.controls.length - 1], status: 'fail' };
    const manual = Object.values(requirements).flat().find((r) => r.coverage === 'manual')!;
    manual.status = 'not_applicable';
    const violations = conclusionViolations(requirements, v.evidence);
    expect(violations).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`${met.id.replace(/[()]/g, '\\$&')}: met but mapped control .* is fail`)), expect.stringMatching(/never not applicable/)]));
  });
});

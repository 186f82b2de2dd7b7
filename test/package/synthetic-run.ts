// A synthetic run of any size (results + evidence records), for package tests and the memory bench.
// Deterministic: the same options give the same results.
import { DEFAULT_FRAMEWORKS, SEVERITIES, type FrameworkId } from '../../src/catalog/catalog-schema.ts';
import { sealRecord, type EvidenceRecord } from '../../src/collect/evidence-record.ts';
import { controlStatus, countFindings } from '../../src/evaluate/control-status.ts';
import type { Finding, FindingStatus } from '../../src/evaluate/finding.ts';
import type { RequirementResult, RequirementResults } from '../../src/map/map-requirements.ts';
import { REQUIREMENT_STATUSES, rollUpRequirement } from '../../src/map/requirement-status.ts';
import { evidenceEntry } from '../../src/results/build-results.ts';
import { RESULTS_SCHEMA, RESULTS_SCHEMA_VERSION, type ControlEntry, type RunResults } from '../../src/results/run-results.ts';
import { DEFAULT_PARAMETERS, EMPTY_SCOPE } from '../helpers/run-fixtures.ts';

export interface SyntheticOptions {
  findings: number;
  controls?: number;
  evidence?: number;
  accounts?: number;
}

const REGIONS = ['eu-west-1', 'us-east-1', 'eu-central-1'];
const STATUSES: FindingStatus[] = ['fail', 'pass', 'unknown', 'pass', 'not_applicable', 'fail', 'pass'];

export function syntheticRun(opts: SyntheticOptions): { results: RunResults; records: EvidenceRecord[] } {
  const nControls = opts.controls ?? 12;
  const nEvidence = opts.evidence ?? 40;
  const accounts = Array.from({ length: opts.accounts ?? 2 }, (_, i) => String(111122223333 + i * 1111));
  const at = '2026-11-20T02:00:00.000Z';
  const records: EvidenceRecord[] = [];
  for (let i = 0; i < nEvidence; i++) {
    const account = accounts[i % accounts.length];
    const region = REGIONS[i % REGIONS.length];
    const failed = i % 9 === 4;
    records.push(
      sealRecord({
        id: `${account}/${region}/sagemaker/ListNotebookInstances/${String(i).padStart(16, '0')}`,
        key: 'sagemaker.ListNotebookInstances',
        service: 'sagemaker',
        operation: 'ListNotebookInstances',
        account,
        region,
        input: { NextToken: i ? `page-${i}` : undefined },
        collectedAt: at,
        requestId: `req-${i}`,
        outcome: failed ? 'error' : 'ok',
        ...(failed ? { error: { name: 'AccessDeniedException', code: 'AccessDeniedException', httpStatus: 400, message: 'User is not authorized to perform: sagemaker:ListNotebookInstances' } } : { response: { NotebookInstances: [{ NotebookInstanceName: `nb-${i}` }] } }),
      }),
    );
  }
  const findings: Finding[] = [];
  for (let i = 0; i < opts.findings; i++) {
    const c = i % nControls;
    const account = accounts[i % accounts.length];
    const region = REGIONS[i % REGIONS.length];
    // Control 0 has only failures, control 1 only unknowns, the last one no findings at all.
    if (c === nControls - 1 && nControls > 2) continue;
    const status: FindingStatus = c === 0 ? 'fail' : c === 1 ? 'unknown' : STATUSES[(i + c) % STATUSES.length];
    const name = `notebook-${String(i).padStart(6, '0')}${i % 50 === 0 ? '-with-a-rather-long-name-that-must-wrap-inside-its-table-cell-cleanly' : ''}`;
    findings.push({
      id: `control-${c}:${account}:${region}:${name}`,
      controlId: `control-${c}`,
      status,
      resource: { type: 'AWS::SageMaker::NotebookInstance', id: name, arn: `arn:aws:sagemaker:${region}:${account}:notebook-instance/${name}` },
      account,
      region,
      reason: status === 'fail' ? 'DirectInternetAccess is Enabled: the notebook can reach the internet without the VPC controls.' : status === 'unknown' ? 'The DescribeNotebookInstance call failed (AccessDeniedException).' : 'DirectInternetAccess is Disabled.',
      evidence: [records[i % records.length].id],
    });
  }
  const controls: ControlEntry[] = Array.from({ length: nControls }, (_, c) => {
    const own = findings.filter((f) => f.controlId === `control-${c}`);
    const counts = countFindings(own);
    const manual = c === nControls - 2;
    return {
      id: `control-${c}`,
      title: `Synthetic control ${c}: SageMaker notebooks have direct internet access disabled`,
      severity: SEVERITIES[c % SEVERITIES.length],
      automation: manual ? 'manual' : 'automated',
      services: ['sagemaker'],
      practices: ['P01'],
      check: 'Every notebook instance has DirectInternetAccess set to Disabled.',
      rationale: 'Direct internet access bypasses VPC egress controls and can exfiltrate training data.',
      remediation: 'aws sagemaker update-notebook-instance --notebook-instance-name <name> --direct-internet-access Disabled  # requires stopping the notebook first',
      status: manual ? 'manual' : controlStatus(counts),
      counts,
      mappings: [
        { framework: 'gdpr', requirement: 'Art. 32(1)', strength: 'primary', justification: 'synthetic' },
        { framework: 'hipaa', requirement: `164.312(${'abcde'[c % 5]})(1)`, strength: 'primary', justification: 'synthetic' },
        { framework: 'soc2', requirement: `CC6.${(c % 8) + 1}`, strength: c % 3 === 0 ? 'supporting' : 'primary', justification: 'synthetic' },
      ],
    };
  });
  const requirements = {} as RequirementResults;
  for (const fw of DEFAULT_FRAMEWORKS) {
    const ids = [...new Set(controls.flatMap((c) => c.mappings.filter((m) => m.framework === fw).map((m) => m.requirement)))];
    const reqs: RequirementResult[] = ids.map((id) => {
      const mapped = controls.filter((c) => c.mappings.some((m) => m.framework === fw && m.requirement === id));
      const linked = mapped.map((c) => ({ id: c.id, status: c.status, strength: c.mappings.find((m) => m.framework === fw && m.requirement === id)!.strength, justification: 'synthetic' }));
      const rolled = rollUpRequirement({ coverage: 'automated', controls: linked, attestation: 'none' });
      return { id, title: `Requirement ${id} (synthetic)`, coverage: 'automated', ...rolled, controls: linked };
    });
    reqs.push({ id: `${fw.toUpperCase()}-MANUAL`, title: 'Policies are documented and reviewed', coverage: 'manual', status: 'manual', reason: 'Needs attested evidence.', primaryPassed: 0, primaryTotal: 0, controls: [] });
    reqs.push({ id: `${fw.toUpperCase()}-PHYS`, title: 'Physical safeguards of the data centers', coverage: 'inherited', status: 'inherited_no_evidence', reason: 'Inherited — provider evidence not attached: AWS SOC 2 Type II report.', primaryPassed: 0, primaryTotal: 0, controls: [], providerEvidence: [{ name: 'AWS SOC 2 Type II report', attached: false }] });
    requirements[fw] = reqs;
  }
  const reqCounts = {} as Partial<Record<FrameworkId, Record<(typeof REQUIREMENT_STATUSES)[number], number>>>;
  for (const fw of DEFAULT_FRAMEWORKS) {
    reqCounts[fw] = Object.fromEntries(REQUIREMENT_STATUSES.map((s) => [s, 0])) as never;
    for (const r of requirements[fw] ?? []) reqCounts[fw]![r.status]++;
  }
  const controlCounts = { pass: 0, fail: 0, unknown: 0, not_applicable: 0, manual: 0, attested: 0, expired: 0 };
  for (const c of controls) controlCounts[c.status]++;
  const evidence = records.map(evidenceEntry);
  const results: RunResults = {
    schema: RESULTS_SCHEMA,
    schemaVersion: RESULTS_SCHEMA_VERSION,
    run: {
      id: '4f6d1c2e-0000-4000-8000-000000000001',
      startedAt: at,
      finishedAt: '2026-11-20T02:03:10.000Z',
      evaluatedAt: at,
      tool: { name: 'proofline', version: '0.1.0' },
      organization: 'Acme Health AI (synthetic)',
      source: { kind: 'simulated', location: 'synthetic' },
      scope: { accounts, regions: REGIONS },
      regionSelection: { method: 'simulated', evidence: [] },
      parameters: DEFAULT_PARAMETERS,
      collectionWindow: { from: at, to: at },
      frameworks: [...DEFAULT_FRAMEWORKS],
      catalogDigest: 'a'.repeat(64),
    },
    summary: {
      findings: countFindings(findings),
      controls: controlCounts,
      requirements: reqCounts,
      evidence: { records: evidence.length, ok: evidence.filter((e) => e.outcome === 'ok').length, notConfigured: 0, errors: evidence.filter((e) => e.outcome === 'error').length },
    },
    scope: EMPTY_SCOPE,
    controls,
    findings,
    requirements,
    evidence,
  };
  return { results, records };
}

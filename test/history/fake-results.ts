// Small, hand-made RunResults for history, diff and period tests.
import type { RunResults } from '../../src/results/run-results.ts';
import type { ControlStatus } from '../../src/evaluate/control-status.ts';
import type { RequirementStatus } from '../../src/map/requirement-status.ts';
import type { Finding, FindingStatus } from '../../src/evaluate/finding.ts';
import { DEFAULT_PARAMETERS, EMPTY_SCOPE } from '../helpers/run-fixtures.ts';

export function fakeResults(id: string, startedAt: string, findings: { control: string; resource: string; status: FindingStatus }[], evidence: { key: string; outcome: 'ok' | 'error' }[] = []): RunResults {
  const fs: Finding[] = findings.map((f) => ({ id: `${f.control}:111122223333:eu-west-1:${f.resource}`, controlId: f.control, status: f.status, resource: { type: 'AWS::Test::Thing', id: f.resource }, account: '111122223333', region: 'eu-west-1', reason: f.status, evidence: [] }));
  const controlIds = [...new Set(findings.map((f) => f.control))].sort();
  const controls = controlIds.map((cid) => {
    const mine = fs.filter((f) => f.controlId === cid);
    const counts = { pass: 0, fail: 0, unknown: 0, not_applicable: 0 };
    for (const f of mine) counts[f.status]++;
    const status = counts.fail ? 'fail' : counts.unknown ? 'unknown' : counts.pass ? 'pass' : 'not_applicable';
    return { id: cid, title: cid, severity: 'high' as const, automation: 'automated' as const, services: ['test'], practices: ['P01'], check: '', rationale: '', remediation: '', status: status as ControlStatus, counts, mappings: [{ framework: 'soc2' as const, requirement: 'CC6.1', strength: 'primary' as const, justification: '' }] };
  });
  const reqStatus: RequirementStatus = controls.some((c) => c.status === 'fail') ? 'not_met' : controls.some((c) => c.status === 'unknown') ? 'unknown' : 'met';
  return {
    schema: 'proofline-results',
    schemaVersion: 2,
    run: { id, startedAt, finishedAt: startedAt, evaluatedAt: startedAt, tool: { name: 'proofline', version: 'test' }, organization: 'Test', source: { kind: 'simulated' }, scope: { accounts: ['111122223333'], regions: ['eu-west-1'] } as never, regionSelection: { method: 'simulated', evidence: [] }, parameters: DEFAULT_PARAMETERS, frameworks: ['soc2'], catalogDigest: 'x' },
    summary: { findings: { pass: 0, fail: 0, unknown: 0, not_applicable: 0 }, controls: {} as never, requirements: {} as never, evidence: { records: 0, ok: 0, notConfigured: 0, errors: 0 } },
    scope: EMPTY_SCOPE,
    controls,
    findings: fs,
    requirements: { gdpr: [], hipaa: [], soc2: [{ id: 'CC6.1', title: 'Logical access', coverage: 'automated', status: reqStatus, reason: '', primaryPassed: controls.filter((c) => c.status === 'pass').length, primaryTotal: controls.length, controls: controls.map((c) => ({ id: c.id, status: c.status, strength: 'primary' as const, justification: '' })) }] },
    evidence: evidence.map((e, i) => ({ id: `e${i}`, key: e.key, account: '111122223333', region: 'eu-west-1', outcome: e.outcome, collectedAt: startedAt, sha256: 'x', file: 'f' })),
  };
}

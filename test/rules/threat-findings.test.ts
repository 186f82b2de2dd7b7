import { describe, expect, it } from 'vitest';
import { GUARDDUTY_UNTRIAGED_HIGH_CRITERIA, INSPECTOR_OPEN_SERIOUS_FINDINGS } from '../../src/collect/call-inputs.ts';
import { rule as triaged } from '../../src/evaluate/rules/guardduty-high-severity-findings-triaged.ts';
import { rule as remediated } from '../../src/evaluate/rules/inspector-critical-and-high-vulnerabilities-remediated.ts';
import { rule as scanning } from '../../src/evaluate/rules/inspector-scanning-enabled-for-model-compute.ts';
import { failed, ok, runRule, statuses, TEST_ACCOUNT, TEST_TIME } from '../helpers/evidence.ts';

const ago = (days: number) => new Date(new Date(TEST_TIME).getTime() - days * 86_400_000).toISOString();

describe('guardduty-high-severity-findings-triaged', () => {
  const DET = 'd1';
  const listInput = { DetectorId: DET, FindingCriteria: GUARDDUTY_UNTRIAGED_HIGH_CRITERIA };
  const detectors = (...ids: string[]) => ok('guardduty.ListDetectors', { DetectorIds: ids });
  const listed = (...ids: string[]) => ok('guardduty.ListFindings', { FindingIds: ids }, { input: listInput });
  const details = (ids: string[], ...f: { Id: string; days: number }[]) =>
    ok('guardduty.GetFindings', { Findings: f.map((x) => ({ Id: x.Id, Type: 'Recon:EC2/PortProbeUnprotectedPort', Severity: 8, CreatedAt: ago(x.days), Resource: { ResourceType: 'Instance' } })) }, { input: { DetectorId: DET, FindingIds: ids } });

  it('passes with no unarchived high finding or only recent ones, fails one older than 7 days', () => {
    expect(statuses(runRule(triaged, [detectors(DET), listed()]))).toEqual(['pass']);
    expect(statuses(runRule(triaged, [detectors(DET), listed('a', 'b'), details(['a', 'b'], { Id: 'a', days: 1 }, { Id: 'b', days: 7 })]))).toEqual(['pass']);
    const f = runRule(triaged, [detectors(DET), listed('a', 'b'), details(['a', 'b'], { Id: 'a', days: 1 }, { Id: 'b', days: 8 })]);
    expect(statuses(f)).toEqual(['fail']);
    expect(f[0]!.reason).toContain('first seen 8 days ago');
  });

  it('is unknown when the list fails, details are missing or lack the date; fails anyway when a known finding is overdue', () => {
    expect(statuses(runRule(triaged, [detectors(DET), failed('guardduty.ListFindings', { input: listInput })]))).toEqual(['unknown']);
    expect(statuses(runRule(triaged, [detectors(DET), listed('a')]))).toEqual(['unknown']);
    expect(statuses(runRule(triaged, [detectors(DET), listed('a'), failed('guardduty.GetFindings', { input: { DetectorId: DET, FindingIds: ['a'] } })]))).toEqual(['unknown']);
    expect(statuses(runRule(triaged, [detectors(DET), listed('a'), ok('guardduty.GetFindings', { Findings: [{ Id: 'a', Type: 't', Severity: 8 }] }, { input: { DetectorId: DET, FindingIds: ['a'] } })]))).toEqual(['unknown']);
    expect(statuses(runRule(triaged, [detectors(DET), listed('a', 'b'), details(['a'], { Id: 'a', days: 30 })]))).toEqual(['fail']);
    expect(statuses(runRule(triaged, [detectors(DET), ok('guardduty.ListFindings', {}, { input: listInput })]))).toEqual(['unknown']);
  });

  it('is not_applicable without a detector and unknown when detectors cannot be listed', () => {
    expect(statuses(runRule(triaged, [detectors()]))).toEqual(['not_applicable']);
    expect(statuses(runRule(triaged, [failed('guardduty.ListDetectors')]))).toEqual(['unknown']);
  });
});

const STATUS_INPUT = { accountIds: [TEST_ACCOUNT] };
const accountStatus = (ec2: string, ecr: string, lambda: string) =>
  ok('inspector2.BatchGetAccountStatus', { accounts: [{ accountId: TEST_ACCOUNT, state: { status: 'ENABLED' }, resourceState: { ec2: { status: ec2 }, ecr: { status: ecr }, lambda: { status: lambda } } }], failedAccounts: [] }, { input: STATUS_INPUT });

describe('inspector-scanning-enabled-for-model-compute', () => {
  it('passes when EC2, ECR and Lambda scanning are all ENABLED and fails naming the ones that are not', () => {
    expect(statuses(runRule(scanning, [accountStatus('ENABLED', 'ENABLED', 'ENABLED')]))).toEqual(['pass']);
    const f = runRule(scanning, [accountStatus('ENABLED', 'DISABLED', 'SUSPENDED')]);
    expect(statuses(f)).toEqual(['fail']);
    expect(f[0]!.reason).toContain('ECR container images, Lambda functions');
  });
  it('is unknown on a failed call, a failed account or a missing status', () => {
    expect(statuses(runRule(scanning, [failed('inspector2.BatchGetAccountStatus', { input: STATUS_INPUT })]))).toEqual(['unknown']);
    expect(statuses(runRule(scanning, [ok('inspector2.BatchGetAccountStatus', { accounts: [], failedAccounts: [{ accountId: TEST_ACCOUNT, errorCode: 'ACCESS_DENIED', errorMessage: 'denied' }] }, { input: STATUS_INPUT })]))).toEqual(['unknown']);
    expect(statuses(runRule(scanning, [ok('inspector2.BatchGetAccountStatus', { accounts: [{ accountId: TEST_ACCOUNT, resourceState: { ec2: { status: 'ENABLED' }, ecr: {} } }] }, { input: STATUS_INPUT })]))).toEqual(['unknown']);
  });
});

describe('inspector-critical-and-high-vulnerabilities-remediated', () => {
  const LIST_INPUT = { filterCriteria: INSPECTOR_OPEN_SERIOUS_FINDINGS };
  const f = (severity: string, days: number, id = 'i-1') => ({ findingArn: `arn:f/${id}/${severity}/${days}`, severity, firstObservedAt: ago(days), resources: [{ type: 'AWS_EC2_INSTANCE', id }], packageVulnerabilityDetails: { vulnerabilityId: 'CVE-2026-1' } });
  const findings = (...items: unknown[]) => ok('inspector2.ListFindings', { findings: items }, { input: LIST_INPUT });

  it('fails each resource with a Critical open > 15 days or a High open > 30 days, passes otherwise', () => {
    const r = runRule(remediated, [accountStatus('ENABLED', 'ENABLED', 'ENABLED'), findings(f('CRITICAL', 16, 'i-1'), f('HIGH', 31, 'i-2'), f('HIGH', 30, 'i-3'), f('CRITICAL', 15, 'i-4'))]);
    expect(r.map((x) => [x.resource.id, x.status])).toEqual([['i-1', 'fail'], ['i-2', 'fail']]);
    expect(statuses(runRule(remediated, [accountStatus('ENABLED', 'DISABLED', 'DISABLED'), findings(f('HIGH', 30), f('CRITICAL', 15))]))).toEqual(['pass']);
  });

  it('is unknown where Inspector scans nothing, the list failed or a finding lacks its date', () => {
    expect(statuses(runRule(remediated, [accountStatus('DISABLED', 'DISABLED', 'DISABLED'), findings()]))).toEqual(['unknown']);
    expect(statuses(runRule(remediated, [findings()]))).toEqual(['unknown']);
    expect(statuses(runRule(remediated, [accountStatus('ENABLED', 'ENABLED', 'ENABLED'), failed('inspector2.ListFindings', { input: LIST_INPUT })]))).toEqual(['unknown']);
    expect(statuses(runRule(remediated, [accountStatus('ENABLED', 'ENABLED', 'ENABLED'), findings({ severity: 'CRITICAL', resources: [{ type: 'AWS_EC2_INSTANCE', id: 'i-1' }] })]))).toEqual(['unknown']);
  });
});

// Amazon Inspector in the sample account: eu-west-1 scans EC2, ECR and Lambda, with one High finding on an
// inference image still inside its 30-day period; us-east-1 scans EC2 only, and the prototype GPU
// instance there has had a Critical finding open for 40 days.
import type { BatchGetAccountStatusCommandOutput, Finding, ListFindingsCommandOutput } from '@aws-sdk/client-inspector2';
import { type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { ACCOUNT, arn, daysBefore } from './account.ts';

type Status = 'ENABLED' | 'DISABLED';
const SCANNING: Record<string, { ec2: Status; ecr: Status; lambda: Status }> = {
  'eu-west-1': { ec2: 'ENABLED', ecr: 'ENABLED', lambda: 'ENABLED' },
  'us-east-1': { ec2: 'ENABLED', ecr: 'DISABLED', lambda: 'DISABLED' },
};

function finding(region: string, o: { id: string; severity: 'CRITICAL' | 'HIGH'; cve: string; title: string; days: number; resource: { type: string; id: string } }): Finding {
  return {
    findingArn: arn('inspector2', region, `finding/${o.id}`),
    awsAccountId: ACCOUNT,
    type: 'PACKAGE_VULNERABILITY',
    description: o.title,
    title: `${o.cve} - ${o.title}`,
    severity: o.severity,
    status: 'ACTIVE',
    firstObservedAt: daysBefore(o.days),
    lastObservedAt: daysBefore(1),
    updatedAt: daysBefore(1),
    fixAvailable: 'YES',
    remediation: { recommendation: { text: 'Update the affected package.' } },
    resources: [{ type: o.resource.type as 'AWS_EC2_INSTANCE', id: o.resource.id, region }],
    packageVulnerabilityDetails: { vulnerabilityId: o.cve, source: 'NVD', vulnerablePackages: [] },
  };
}

const FINDINGS: Record<string, Finding[]> = {
  'eu-west-1': [
    finding('eu-west-1', { id: '0a1b2c3d4e5f60718293a4b5c6d7e8f9', severity: 'HIGH', cve: 'CVE-2026-21001', title: 'python: path traversal in tarfile', days: 10, resource: { type: 'AWS_ECR_CONTAINER_IMAGE', id: `arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/clinical-ner-inference/sha256:5d41402abc4b2a76b9719d911017c592` } }),
  ],
  'us-east-1': [
    finding('us-east-1', { id: '1b2c3d4e5f60718293a4b5c6d7e8f90a', severity: 'CRITICAL', cve: 'CVE-2026-10077', title: 'openssh: remote code execution', days: 40, resource: { type: 'AWS_EC2_INSTANCE', id: 'i-0a9b8c7d6e5f40021' } }),
    finding('us-east-1', { id: '2c3d4e5f60718293a4b5c6d7e8f90a1b', severity: 'HIGH', cve: 'CVE-2026-11410', title: 'torch: unsafe deserialization in torch.load', days: 12, resource: { type: 'AWS_EC2_INSTANCE', id: 'i-0a9b8c7d6e5f40021' } }),
  ],
};

export function register(sim: SimulatedAws): void {
  sim.on<BatchGetAccountStatusCommandOutput>('inspector2.BatchGetAccountStatus', (_input, t) => {
    const s = SCANNING[t.region] ?? { ec2: 'DISABLED', ecr: 'DISABLED', lambda: 'DISABLED' };
    const on = (status: Status) => ({ status, errorCode: undefined, errorMessage: undefined });
    return {
      accounts: [{ accountId: ACCOUNT, state: on('ENABLED'), resourceState: { ec2: on(s.ec2), ecr: on(s.ecr), lambda: on(s.lambda), lambdaCode: on('DISABLED') } }],
      failedAccounts: [],
    };
  });
  sim.on<ListFindingsCommandOutput>('inspector2.ListFindings', (_input, t) => ({ findings: FINDINGS[t.region] ?? [] }));
}

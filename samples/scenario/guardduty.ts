// GuardDuty in the sample account: a detector with S3 protection in eu-west-1, whose one unarchived High
// finding is two days old; in us-east-1 a detector suspended months ago, whose High findings from before
// were never archived.
import type { Finding, GetDetectorCommandOutput, GetFindingsCommandOutput, ListDetectorsCommandOutput, ListFindingsCommandOutput } from '@aws-sdk/client-guardduty';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { ACCOUNT, daysBefore } from './account.ts';

const DETECTORS: Record<string, { id: string; status: 'ENABLED' | 'DISABLED' }> = {
  'eu-west-1': { id: '6ac8f1e2b3d44f5a9e0c1d2b3a4f5e6d', status: 'ENABLED' },
  'us-east-1': { id: '9bd7e2f3c4a55e6b0f1d2e3c4b5a6f7e', status: 'DISABLED' },
};

function finding(region: string, id: string, type: string, severity: number, createdDays: number, resourceType: string): Finding {
  return {
    Id: id,
    Arn: `arn:aws:guardduty:${region}:${ACCOUNT}:detector/${DETECTORS[region]!.id}/finding/${id}`,
    AccountId: ACCOUNT,
    Region: region,
    Partition: 'aws',
    SchemaVersion: '2.0',
    Type: type,
    Severity: severity,
    Title: type,
    CreatedAt: daysBefore(createdDays).toISOString(),
    UpdatedAt: daysBefore(Math.max(0, createdDays - 1)).toISOString(),
    Resource: { ResourceType: resourceType },
    Service: { Archived: false, Count: 3, ServiceName: 'guardduty' },
  };
}

const FINDINGS: Record<string, Finding[]> = {
  'eu-west-1': [finding('eu-west-1', 'f2a4c6e8b0d21357', 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS', 8, 2, 'AccessKey')],
  'us-east-1': [
    finding('us-east-1', 'a1c3e5f7092b4d6f', 'CryptoCurrency:EC2/BitcoinTool.B!DNS', 8, 160, 'Instance'),
    finding('us-east-1', 'b2d4f6a8103c5e7a', 'Recon:IAMUser/MaliciousIPCaller.Custom', 7, 150, 'AccessKey'),
  ],
};

export function register(sim: SimulatedAws): void {
  sim.on<ListDetectorsCommandOutput>('guardduty.ListDetectors', (_input, t) => ({ DetectorIds: DETECTORS[t.region] ? [DETECTORS[t.region]!.id] : [] }));
  const unknownDetector = () => simError('BadRequestException', 400, 'The request is rejected because the input detectorId is not owned by the current account.');
  sim.on<GetDetectorCommandOutput>('guardduty.GetDetector', (input, t) => {
    const d = DETECTORS[t.region];
    if (!d || input.DetectorId !== d.id) return unknownDetector();
    const on = (Name: any) => ({ Name, Status: 'ENABLED' as const, UpdatedAt: daysBefore(200) });
    return {
      CreatedAt: daysBefore(400).toISOString(),
      UpdatedAt: daysBefore(d.status === 'ENABLED' ? 200 : 140).toISOString(),
      FindingPublishingFrequency: 'FIFTEEN_MINUTES',
      ServiceRole: 'arn:aws:iam::111122223333:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty',
      Status: d.status,
      Features:
        d.status === 'ENABLED'
          ? [on('CLOUD_TRAIL'), on('DNS_LOGS'), on('FLOW_LOGS'), on('S3_DATA_EVENTS'), { Name: 'EBS_MALWARE_PROTECTION', Status: 'DISABLED', UpdatedAt: daysBefore(200) }]
          : [on('CLOUD_TRAIL'), on('DNS_LOGS'), on('FLOW_LOGS')],
      Tags: {},
    };
  });
  // The collector asks only for unarchived findings of severity 7 and above; every sample finding is one.
  sim.on<ListFindingsCommandOutput>('guardduty.ListFindings', (input, t) => {
    const d = DETECTORS[t.region];
    if (!d || input.DetectorId !== d.id) return unknownDetector();
    return { FindingIds: (FINDINGS[t.region] ?? []).map((f) => f.Id!) };
  });
  sim.on<GetFindingsCommandOutput>('guardduty.GetFindings', (input, t) => {
    const d = DETECTORS[t.region];
    if (!d || input.DetectorId !== d.id) return unknownDetector();
    return { Findings: (FINDINGS[t.region] ?? []).filter((f) => (input.FindingIds as string[]).includes(f.Id!)) };
  });
}

// GuardDuty in the sample account: a detector with S3 protection in eu-west-1; none in us-east-1.
import type { GetDetectorCommandOutput, ListDetectorsCommandOutput } from '@aws-sdk/client-guardduty';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { daysBefore } from './account.ts';

const DETECTOR = { region: 'eu-west-1', id: '6ac8f1e2b3d44f5a9e0c1d2b3a4f5e6d' } as const;

export function register(sim: SimulatedAws): void {
  sim.on<ListDetectorsCommandOutput>('guardduty.ListDetectors', (_input, t) => ({ DetectorIds: t.region === DETECTOR.region ? [DETECTOR.id] : [] }));
  sim.on<GetDetectorCommandOutput>('guardduty.GetDetector', (input, t) => {
    if (t.region !== DETECTOR.region || input.DetectorId !== DETECTOR.id) return simError('BadRequestException', 400, 'The request is rejected because the input detectorId is not owned by the current account.');
    const on = (Name: any) => ({ Name, Status: 'ENABLED' as const, UpdatedAt: daysBefore(200) });
    return {
      CreatedAt: daysBefore(400).toISOString(),
      UpdatedAt: daysBefore(200).toISOString(),
      FindingPublishingFrequency: 'FIFTEEN_MINUTES',
      ServiceRole: 'arn:aws:iam::111122223333:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty',
      Status: 'ENABLED',
      Features: [on('CLOUD_TRAIL'), on('DNS_LOGS'), on('FLOW_LOGS'), on('S3_DATA_EVENTS'), { Name: 'EBS_MALWARE_PROTECTION', Status: 'DISABLED', UpdatedAt: daysBefore(200) }],
      Tags: {},
    };
  });
}

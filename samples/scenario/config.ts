// AWS Config in the sample account: eu-west-1 records everything (global types included) and delivers
// to the audit bucket; us-east-1 has a recorder for two resource types that was stopped, and no channel.
import type { DescribeConfigurationRecordersCommandOutput, DescribeConfigurationRecorderStatusCommandOutput, DescribeDeliveryChannelsCommandOutput } from '@aws-sdk/client-config-service';
import type { SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { ACCOUNT, arn, BUCKETS, daysBefore, RECORDED_AT } from './account.ts';

const ROLE = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`;

export function register(sim: SimulatedAws): void {
  sim.on<DescribeConfigurationRecordersCommandOutput>('config-service.DescribeConfigurationRecorders', (_input, t) => ({
    ConfigurationRecorders: [
      t.region === 'eu-west-1'
        ? {
            arn: arn('config', t.region, 'configuration-recorder/default/kq3xbwz8ayb5f2r1'),
            name: 'default',
            roleARN: ROLE,
            recordingGroup: { allSupported: true, includeGlobalResourceTypes: true, resourceTypes: [], exclusionByResourceTypes: { resourceTypes: [] }, recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' } },
            recordingMode: { recordingFrequency: 'CONTINUOUS', recordingModeOverrides: [] },
            recordingScope: 'PAID',
          }
        : {
            arn: arn('config', t.region, 'configuration-recorder/default/p1m4c7zx0r2n8s3e'),
            name: 'default',
            roleARN: ROLE,
            recordingGroup: { allSupported: false, includeGlobalResourceTypes: false, resourceTypes: ['AWS::EC2::Instance', 'AWS::S3::Bucket'], exclusionByResourceTypes: { resourceTypes: [] }, recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' } },
            recordingMode: { recordingFrequency: 'DAILY', recordingModeOverrides: [] },
            recordingScope: 'PAID',
          },
    ],
  }));
  sim.on<DescribeConfigurationRecorderStatusCommandOutput>('config-service.DescribeConfigurationRecorderStatus', (_input, t) => ({
    ConfigurationRecordersStatus: [
      t.region === 'eu-west-1'
        ? { name: 'default', recording: true, lastStatus: 'Success', lastStartTime: daysBefore(300), lastStatusChangeTime: new Date(RECORDED_AT.getTime() - 600_000) }
        : { name: 'default', recording: false, lastStatus: 'Success', lastStartTime: daysBefore(500), lastStopTime: daysBefore(240), lastStatusChangeTime: daysBefore(240) },
    ],
  }));
  sim.on<DescribeDeliveryChannelsCommandOutput>('config-service.DescribeDeliveryChannels', (_input, t) => ({
    DeliveryChannels: t.region === 'eu-west-1' ? [{ name: 'default', s3BucketName: BUCKETS.auditLogs.name, s3KeyPrefix: 'config', configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' } }] : [],
  }));
}

// Amazon Comprehend in the sample account: a hardened entity-detection job on clinical notes and an
// ad-hoc classification job with no VPC and no keys.
import type { ListDocumentClassificationJobsCommandOutput, ListEntitiesDetectionJobsCommandOutput } from '@aws-sdk/client-comprehend';
import type { SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { arn, BUCKETS, daysBefore, keyArn, KEYS, NETWORK, roleArn, ROLES } from './account.ts';

const ML_KEY = keyArn(KEYS.mlData.region, KEYS.mlData.id);

export function register(sim: SimulatedAws): void {
  sim.on<ListEntitiesDetectionJobsCommandOutput>('comprehend.ListEntitiesDetectionJobs', (_input, t) => ({
    EntitiesDetectionJobPropertiesList:
      t.region === 'eu-west-1'
        ? [
            {
              JobId: '8c4f1e2a9b7d3c6e5f0a1b2c3d4e5f60',
              JobArn: arn('comprehend', t.region, 'entities-detection-job/8c4f1e2a9b7d3c6e5f0a1b2c3d4e5f60'),
              JobName: 'clinical-notes-entities-2026-11',
              JobStatus: 'COMPLETED',
              SubmitTime: daysBefore(8),
              EndTime: daysBefore(8),
              LanguageCode: 'en',
              InputDataConfig: { S3Uri: `s3://${BUCKETS.trainingData.name}/notes/2026-11/`, InputFormat: 'ONE_DOC_PER_FILE' },
              OutputDataConfig: { S3Uri: `s3://${BUCKETS.trainingData.name}/comprehend-output/entities/`, KmsKeyId: ML_KEY },
              DataAccessRoleArn: roleArn(ROLES.sagemakerExecution),
              VolumeKmsKeyId: ML_KEY,
              VpcConfig: { Subnets: [...NETWORK['eu-west-1'].privateSubnets], SecurityGroupIds: [NETWORK['eu-west-1'].sgRestricted] },
            },
          ]
        : [],
  }));
  sim.on<ListDocumentClassificationJobsCommandOutput>('comprehend.ListDocumentClassificationJobs', (_input, t) => ({
    DocumentClassificationJobPropertiesList:
      t.region === 'us-east-1'
        ? [
            {
              JobId: '3b9e7d5c1a2f4e6d8c0b9a7f5e3d1c2b',
              JobArn: arn('comprehend', t.region, 'document-classification-job/3b9e7d5c1a2f4e6d8c0b9a7f5e3d1c2b'),
              JobName: 'support-ticket-routing-test',
              JobStatus: 'COMPLETED',
              SubmitTime: daysBefore(22),
              EndTime: daysBefore(22),
              DocumentClassifierArn: arn('comprehend', t.region, 'document-classifier/support-ticket-routing/version/v1'),
              InputDataConfig: { S3Uri: `s3://${BUCKETS.publicDemo.name}/tickets/`, InputFormat: 'ONE_DOC_PER_LINE' },
              OutputDataConfig: { S3Uri: `s3://${BUCKETS.publicDemo.name}/comprehend-output/` },
              DataAccessRoleArn: roleArn(ROLES.sagemakerLegacyAdmin),
            },
          ]
        : [],
  }));
}

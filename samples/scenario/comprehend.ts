// Amazon Comprehend in the sample account: a hardened entity-detection job on clinical notes and an
// ad-hoc classification job with no VPC and no keys; a custom medication recognizer trained with customer
// keys (eu-west-1) and a ticket classifier trained without (us-east-1).
import type {
  ListDocumentClassificationJobsCommandOutput,
  ListDocumentClassifiersCommandOutput,
  ListEntitiesDetectionJobsCommandOutput,
  ListEntityRecognizersCommandOutput,
} from '@aws-sdk/client-comprehend';
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

  sim.on<ListEntityRecognizersCommandOutput>('comprehend.ListEntityRecognizers', (_input, t) => ({
    EntityRecognizerPropertiesList:
      t.region === 'eu-west-1'
        ? [
            {
              EntityRecognizerArn: arn('comprehend', t.region, 'entity-recognizer/medication-recognizer/version/v3'),
              VersionName: 'v3',
              LanguageCode: 'en',
              Status: 'TRAINED',
              SubmitTime: daysBefore(45),
              EndTime: daysBefore(45),
              InputDataConfig: { DataFormat: 'COMPREHEND_CSV', EntityTypes: [{ Type: 'MEDICATION' }, { Type: 'DOSAGE' }], Documents: { S3Uri: `s3://${BUCKETS.trainingData.name}/comprehend/medication/docs/` }, Annotations: { S3Uri: `s3://${BUCKETS.trainingData.name}/comprehend/medication/annotations.csv` } },
              DataAccessRoleArn: roleArn(ROLES.sagemakerExecution),
              VolumeKmsKeyId: ML_KEY,
              ModelKmsKeyId: ML_KEY,
              VpcConfig: { Subnets: [...NETWORK['eu-west-1'].privateSubnets], SecurityGroupIds: [NETWORK['eu-west-1'].sgRestricted] },
            },
          ]
        : [],
  }));
  sim.on<ListDocumentClassifiersCommandOutput>('comprehend.ListDocumentClassifiers', (_input, t) => ({
    DocumentClassifierPropertiesList:
      t.region === 'us-east-1'
        ? [
            {
              DocumentClassifierArn: arn('comprehend', t.region, 'document-classifier/support-ticket-routing/version/v1'),
              VersionName: 'v1',
              LanguageCode: 'en',
              Status: 'TRAINED',
              Mode: 'MULTI_CLASS',
              SubmitTime: daysBefore(60),
              EndTime: daysBefore(60),
              InputDataConfig: { DataFormat: 'COMPREHEND_CSV', S3Uri: `s3://${BUCKETS.publicDemo.name}/tickets/training.csv` },
              OutputDataConfig: { S3Uri: `s3://${BUCKETS.publicDemo.name}/classifier-output/` },
              DataAccessRoleArn: roleArn(ROLES.sagemakerLegacyAdmin),
            },
          ]
        : [],
  }));
}

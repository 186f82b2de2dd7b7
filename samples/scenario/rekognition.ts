// Amazon Rekognition in the sample account: two stream processors watching clinic entrances (one with
// a customer key), a Custom Labels project for wound-photo classification in eu-west-1, and an IAM
// policy that denies Custom Labels reads in us-east-1 (so that region's evidence is unknown).
import type { DescribeProjectVersionsCommandOutput, DescribeProjectsCommandOutput, DescribeStreamProcessorCommandOutput, ListStreamProcessorsCommandOutput } from '@aws-sdk/client-rekognition';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { ACCOUNT, arn, BUCKETS, daysBefore, keyArn, KEYS, roleArn, ROLES } from './account.ts';

const PROCESSORS = [
  { name: 'clinic-entrance-eu', region: 'eu-west-1', kmsKey: keyArn(KEYS.mlData.region, KEYS.mlData.id) as string | undefined },
  { name: 'lobby-occupancy-us', region: 'us-east-1', kmsKey: undefined },
];
const PROJECT = 'wound-photo-classifier';
const projectArn = (region: string) => arn('rekognition', region, `project/${PROJECT}/1698765432100`);
const VERSIONS = [
  { name: 'wound-photo-classifier.2026-09-01', stamp: '1725148800000', kmsKey: keyArn(KEYS.mlData.region, KEYS.mlData.id) as string | undefined },
  { name: 'wound-photo-classifier.2026-06-12', stamp: '1718150400000', kmsKey: undefined },
];

export function register(sim: SimulatedAws): void {
  sim.on<ListStreamProcessorsCommandOutput>('rekognition.ListStreamProcessors', (_input, t) => ({
    StreamProcessors: PROCESSORS.filter((p) => p.region === t.region).map((p) => ({ Name: p.name, Status: 'RUNNING' })),
  }));
  sim.on<DescribeStreamProcessorCommandOutput>('rekognition.DescribeStreamProcessor', (input, t) => {
    const p = PROCESSORS.find((x) => x.name === input.Name && x.region === t.region);
    if (!p) return simError('ResourceNotFoundException', 400, `Stream processor ${input.Name} not found`);
    return {
      Name: p.name,
      StreamProcessorArn: arn('rekognition', t.region, `streamprocessor/${p.name}`),
      Status: 'RUNNING',
      CreationTimestamp: daysBefore(150),
      LastUpdateTimestamp: daysBefore(20),
      Input: { KinesisVideoStream: { Arn: arn('kinesisvideo', t.region, `stream/${p.name}/1690000000000`) } },
      Output: { S3Destination: { Bucket: BUCKETS.auditLogs.name, KeyPrefix: `rekognition/${p.name}/` } },
      RoleArn: roleArn(ROLES.sagemakerExecution),
      Settings: { ConnectedHome: { Labels: ['PERSON'], MinConfidence: 80 } },
      NotificationChannel: { SNSTopicArn: arn('sns', t.region, 'rekognition-events') },
      KmsKeyId: p.kmsKey,
      DataSharingPreference: { OptIn: false },
    };
  });

  sim.on<DescribeProjectsCommandOutput>('rekognition.DescribeProjects', (_input, t) => {
    if (t.region === 'us-east-1') {
      return simError('AccessDeniedException', 400, `User: arn:aws:sts::${ACCOUNT}:assumed-role/ProoflineAudit/proofline is not authorized to perform: rekognition:DescribeProjects with an explicit deny in a service control policy`);
    }
    return { ProjectDescriptions: [{ ProjectArn: projectArn(t.region), CreationTimestamp: daysBefore(400), Status: 'CREATED', Feature: 'CUSTOM_LABELS', AutoUpdate: 'DISABLED' }] };
  });
  sim.on<DescribeProjectVersionsCommandOutput>('rekognition.DescribeProjectVersions', (input, t) => {
    if (input.ProjectArn !== projectArn(t.region)) return simError('ResourceNotFoundException', 400, `Project ${input.ProjectArn} not found`);
    return {
      ProjectVersionDescriptions: VERSIONS.map((v) => ({
        ProjectVersionArn: arn('rekognition', t.region, `project/${PROJECT}/version/${v.name}/${v.stamp}`),
        CreationTimestamp: new Date(Number(v.stamp)),
        Status: 'TRAINING_COMPLETED',
        OutputConfig: { S3Bucket: BUCKETS.modelArtifacts.name, S3KeyPrefix: `rekognition/${PROJECT}/` },
        KmsKeyId: v.kmsKey,
        Feature: 'CUSTOM_LABELS',
      })),
    };
  });
}

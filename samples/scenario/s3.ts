// S3 in the sample account: the buckets of account.ts plus the eu-west-1 server access log bucket, each
// with the settings its comment in account.ts describes, and the account-level public access block
// (s3-control) only half enabled. Bucket calls arrive at the global target, as the collector makes them.
import type {
  GetBucketEncryptionCommandOutput,
  GetBucketLifecycleConfigurationCommandOutput,
  GetBucketLoggingCommandOutput,
  GetBucketPolicyCommandOutput,
  GetBucketPolicyStatusCommandOutput,
  GetBucketTaggingCommandOutput,
  GetBucketVersioningCommandOutput,
  GetObjectLockConfigurationCommandOutput,
  GetPublicAccessBlockCommandOutput,
  ListBucketsCommandOutput,
  LifecycleRule,
  ServerSideEncryptionByDefault,
} from '@aws-sdk/client-s3';
import type { GetPublicAccessBlockCommandOutput as AccountPublicAccessBlockOutput } from '@aws-sdk/client-s3-control';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { ACCOUNT, arn, BUCKETS, daysBefore, keyArn, KEYS } from './account.ts';

const ACCESS_LOGS_EU = { name: 'acme-health-s3-access-logs-eu', region: 'eu-west-1' };

interface SampleBucket {
  name: string;
  region: string;
  publicAccessBlock: boolean;
  encryption?: ServerSideEncryptionByDefault;
  /** Extra policy statements besides the TLS-only deny. */
  statements: unknown[];
  tlsOnly: boolean;
  isPublic: boolean;
  versioning?: 'Enabled' | 'Suspended';
  accessLogsTo?: string;
  lifecycle?: LifecycleRule[];
  objectLock?: { Mode: 'COMPLIANCE' | 'GOVERNANCE'; Days: number };
  tags?: Record<string, string>;
}

const logDelivery = (bucket: string, service: string) => ({
  Sid: `Allow${service.split('.')[0]}Delivery`,
  Effect: 'Allow',
  Principal: { Service: service },
  Action: 's3:PutObject',
  Resource: `arn:aws:s3:::${bucket}/*`,
  Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
});
const cmk = (k: { region: string; id: string }): ServerSideEncryptionByDefault => ({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn(k.region, k.id) });
const expireAfter = (days: number): LifecycleRule[] => [{ ID: `expire-after-${days}-days`, Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Days: days }, NoncurrentVersionExpiration: { NoncurrentDays: 90 } }];

const SAMPLE_BUCKETS: SampleBucket[] = [
  { ...BUCKETS.trainingData, publicAccessBlock: true, encryption: cmk(KEYS.mlData), statements: [], tlsOnly: true, isPublic: false, versioning: 'Enabled', accessLogsTo: ACCESS_LOGS_EU.name, lifecycle: expireAfter(1095), tags: { DataClassification: 'phi', Owner: 'ml-platform' } },
  { ...BUCKETS.modelArtifacts, publicAccessBlock: true, encryption: { SSEAlgorithm: 'AES256' }, statements: [], tlsOnly: true, isPublic: false, versioning: 'Enabled', accessLogsTo: ACCESS_LOGS_EU.name, lifecycle: [{ ID: 'archive-old-artifacts', Status: 'Enabled', Filter: { Prefix: '' }, Transitions: [{ Days: 90, StorageClass: 'GLACIER_IR' }] }], tags: { DataClassification: 'confidential' } },
  {
    ...BUCKETS.auditLogs,
    publicAccessBlock: true,
    encryption: cmk(KEYS.logs),
    statements: [logDelivery(BUCKETS.auditLogs.name, 'cloudtrail.amazonaws.com')],
    tlsOnly: true,
    isPublic: false,
    versioning: 'Enabled',
    lifecycle: [{ ID: 'archive-then-expire', Status: 'Enabled', Filter: { Prefix: 'AWSLogs/' }, Transitions: [{ Days: 90, StorageClass: 'GLACIER' }], Expiration: { Days: 2555 } }],
    objectLock: { Mode: 'COMPLIANCE', Days: 365 },
    tags: { DataClassification: 'logs' },
  },
  {
    ...BUCKETS.bedrockLogs,
    publicAccessBlock: true,
    encryption: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: arn('kms', KEYS.mlData.region, 'alias/acme-ml-data') },
    statements: [logDelivery(BUCKETS.bedrockLogs.name, 'bedrock.amazonaws.com')],
    tlsOnly: true,
    isPublic: false,
    versioning: 'Enabled',
    lifecycle: expireAfter(365),
  },
  {
    ...BUCKETS.publicDemo,
    publicAccessBlock: false,
    statements: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKETS.publicDemo.name}/*` }],
    tlsOnly: false,
    isPublic: true,
  },
  { ...ACCESS_LOGS_EU, publicAccessBlock: true, encryption: { SSEAlgorithm: 'AES256' }, statements: [logDelivery(ACCESS_LOGS_EU.name, 'logging.s3.amazonaws.com')], tlsOnly: true, isPublic: false, versioning: 'Suspended', lifecycle: expireAfter(400), tags: { DataClassification: 'logs' } },
];

const tlsDeny = (bucket: string) => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

function withBucket<T>(input: { Bucket?: string }, answer: (b: SampleBucket) => T) {
  const b = SAMPLE_BUCKETS.find((x) => x.name === input.Bucket);
  return b ? answer(b) : simError('NoSuchBucket', 404, 'The specified bucket does not exist');
}

export function register(sim: SimulatedAws): void {
  sim.on<ListBucketsCommandOutput>('s3.ListBuckets', () => ({
    Buckets: SAMPLE_BUCKETS.map((b, i) => ({ Name: b.name, CreationDate: daysBefore(800 - i * 90), BucketRegion: b.region, BucketArn: `arn:aws:s3:::${b.name}` })),
    Owner: { DisplayName: 'aws-root', ID: '6d1b7c3f0e4a5b2c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c' },
  }));
  sim.on<GetPublicAccessBlockCommandOutput>('s3.GetPublicAccessBlock', (input) =>
    withBucket(input, (b) =>
      b.publicAccessBlock
        ? { PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }
        : simError('NoSuchPublicAccessBlockConfiguration', 404, 'The public access block configuration was not found'),
    ),
  );
  sim.on<GetBucketEncryptionCommandOutput>('s3.GetBucketEncryption', (input) =>
    withBucket(input, (b) =>
      b.encryption
        ? { ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: b.encryption, BucketKeyEnabled: b.encryption.SSEAlgorithm === 'aws:kms' }] } }
        : simError('ServerSideEncryptionConfigurationNotFoundError', 404, 'The server side encryption configuration was not found'),
    ),
  );
  sim.on<GetBucketPolicyCommandOutput>('s3.GetBucketPolicy', (input) =>
    withBucket(input, (b) => {
      const statements = [...(b.tlsOnly ? [tlsDeny(b.name)] : []), ...b.statements];
      return statements.length ? { Policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) } : simError('NoSuchBucketPolicy', 404, 'The bucket policy does not exist');
    }),
  );
  sim.on<GetBucketPolicyStatusCommandOutput>('s3.GetBucketPolicyStatus', (input) =>
    withBucket(input, (b) => (b.tlsOnly || b.statements.length ? { PolicyStatus: { IsPublic: b.isPublic } } : simError('NoSuchBucketPolicy', 404, 'The bucket policy does not exist'))),
  );
  sim.on<GetBucketVersioningCommandOutput>('s3.GetBucketVersioning', (input) => withBucket(input, (b) => (b.versioning ? { Status: b.versioning, MFADelete: 'Disabled' } : {})));
  sim.on<GetBucketLoggingCommandOutput>('s3.GetBucketLogging', (input) =>
    withBucket(input, (b) => (b.accessLogsTo ? { LoggingEnabled: { TargetBucket: b.accessLogsTo, TargetPrefix: `s3-access/${b.name}/` } } : {})),
  );
  sim.on<GetBucketLifecycleConfigurationCommandOutput>('s3.GetBucketLifecycleConfiguration', (input) =>
    withBucket(input, (b) => (b.lifecycle ? { Rules: b.lifecycle, TransitionDefaultMinimumObjectSize: 'all_storage_classes_128K' } : simError('NoSuchLifecycleConfiguration', 404, 'The lifecycle configuration does not exist'))),
  );
  sim.on<GetObjectLockConfigurationCommandOutput>('s3.GetObjectLockConfiguration', (input) =>
    withBucket(input, (b) =>
      b.objectLock
        ? { ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: b.objectLock } } }
        : simError('ObjectLockConfigurationNotFoundError', 404, 'Object Lock configuration does not exist for this bucket'),
    ),
  );
  sim.on<GetBucketTaggingCommandOutput>('s3.GetBucketTagging', (input) =>
    withBucket(input, (b) => (b.tags ? { TagSet: Object.entries(b.tags).map(([Key, Value]) => ({ Key, Value })) } : simError('NoSuchTagSet', 404, 'The TagSet does not exist'))),
  );
  // Account level: ACLs are blocked, but bucket policies may still make buckets public.
  sim.on<AccountPublicAccessBlockOutput>('s3-control.GetPublicAccessBlock', () => ({
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false },
  }));
}

// S3 in a synthetic account: buckets listed once per account, each with its settings. Buckets that
// lack a setting answer with the same "not configured" errors AWS gives.
import type {
  GetBucketEncryptionCommandOutput,
  GetBucketLifecycleConfigurationCommandOutput,
  GetBucketLocationCommandOutput,
  GetBucketLoggingCommandOutput,
  GetBucketPolicyCommandOutput,
  GetBucketPolicyStatusCommandOutput,
  GetBucketTaggingCommandOutput,
  GetBucketVersioningCommandOutput,
  GetObjectLockConfigurationCommandOutput,
  GetPublicAccessBlockCommandOutput,
  ListBucketsCommandOutput,
} from '@aws-sdk/client-s3';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { SYNTHETIC_REGIONS, draw, failing, type AccountPlan } from './plan.ts';
import { createdAt, names, pageOf, resourceIndex } from './synthetic-names.ts';

export function registerS3(sim: SimulatedAws, plan: AccountPlan): void {
  const home = (bucket: string) => SYNTHETIC_REGIONS[Math.floor(draw(bucket, 'region') * SYNTHETIC_REGIONS.length)][0];
  const withBucket = <T>(input: Record<string, unknown>, answer: (bucket: string) => T) => {
    const b = input.Bucket;
    return resourceIndex(plan, 'buckets', 'global', b) === undefined ? simError('NoSuchBucket', 404, 'The specified bucket does not exist') : answer(b as string);
  };

  sim.on<ListBucketsCommandOutput>('s3.ListBuckets', (input) => {
    const { page, next } = pageOf(names(plan, 'buckets', 'global'), input, { tokenIn: 'ContinuationToken', sizeField: 'MaxBuckets', max: 10_000 });
    return { Buckets: page.map((b) => ({ Name: b, CreationDate: createdAt(b), BucketRegion: home(b) })), Owner: { ID: 'synthetic-owner' }, ContinuationToken: next };
  });
  sim.on<GetBucketLocationCommandOutput>('s3.GetBucketLocation', (input) => withBucket(input, (b) => ({ LocationConstraint: home(b) === 'us-east-1' ? undefined : (home(b) as never) })));
  sim.on<GetBucketEncryptionCommandOutput>('s3.GetBucketEncryption', (input) =>
    withBucket(input, (b) =>
      failing(b, 'encryption', 0.1)
        ? simError('ServerSideEncryptionConfigurationNotFoundError', 404, 'The server side encryption configuration was not found')
        : { ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: failing(b, 'cmk', 0.4) ? { SSEAlgorithm: 'AES256' } : { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: `arn:aws:kms:${home(b)}:${plan.account}:key/key-${home(b)}-000000` }, BucketKeyEnabled: true }] } },
    ),
  );
  sim.on<GetPublicAccessBlockCommandOutput>('s3.GetPublicAccessBlock', (input) =>
    withBucket(input, (b) =>
      failing(b, 'pab', 0.15)
        ? simError('NoSuchPublicAccessBlockConfiguration', 404, 'The public access block configuration was not found')
        : { PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: !failing(b, 'restrict', 0.1) } },
    ),
  );
  sim.on<GetBucketVersioningCommandOutput>('s3.GetBucketVersioning', (input) => withBucket(input, (b) => (failing(b, 'versioning', 0.3) ? {} : { Status: 'Enabled' as const })));
  sim.on<GetBucketPolicyCommandOutput>('s3.GetBucketPolicy', (input) =>
    withBucket(input, (b) => {
      if (failing(b, 'policy', 0.35)) return simError('NoSuchBucketPolicy', 404, 'The bucket policy does not exist');
      const statement = [{ Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${b}`, `arn:aws:s3:::${b}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }];
      return { Policy: JSON.stringify({ Version: '2012-10-17', Statement: statement }) };
    }),
  );
  sim.on<GetBucketPolicyStatusCommandOutput>('s3.GetBucketPolicyStatus', (input) => withBucket(input, (b) => ({ PolicyStatus: { IsPublic: failing(b, 'public', 0.03) } })));
  sim.on<GetBucketTaggingCommandOutput>('s3.GetBucketTagging', (input) => withBucket(input, (b) => ({ TagSet: [{ Key: 'data-classification', Value: failing(b, 'phi', 0.3) ? 'phi' : 'internal' }] })));
  sim.on<GetBucketLoggingCommandOutput>('s3.GetBucketLogging', (input) => withBucket(input, (b) => (failing(b, 'logging', 0.4) ? {} : { LoggingEnabled: { TargetBucket: 'bucket-global-000000', TargetPrefix: `${b}/` } })));
  sim.on<GetBucketLifecycleConfigurationCommandOutput>('s3.GetBucketLifecycleConfiguration', (input) =>
    withBucket(input, (b) =>
      failing(b, 'lifecycle', 0.45)
        ? simError('NoSuchLifecycleConfiguration', 404, 'The lifecycle configuration does not exist')
        : { Rules: [{ ID: 'expire-old', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Days: 365 } }] },
    ),
  );
  sim.on<GetObjectLockConfigurationCommandOutput>('s3.GetObjectLockConfiguration', (input) =>
    withBucket(input, (b) =>
      failing(b, 'objectlock', 0.9)
        ? simError('ObjectLockConfigurationNotFoundError', 404, 'Object Lock configuration does not exist for this bucket')
        : { ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 365 } } } },
    ),
  );
}

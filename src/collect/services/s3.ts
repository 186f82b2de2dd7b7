// S3 bucket settings (global target: one client, bucket calls follow region redirects on live runs).
// ListBuckets carries each bucket's region; GetBucketLocation is asked only where it does not.
// Rules report each bucket's findings in the bucket's own region.
import type { S3Client } from '@aws-sdk/client-s3';
import { allPages, type Collector } from '../collector.ts';
import type { KnownEvidenceKey } from '../evidence-shapes.ts';

/** The bucket settings read, by the evidence key each call produces. */
const BUCKET_SETTING_KEYS = [
  's3.GetPublicAccessBlock',
  's3.GetBucketEncryption',
  's3.GetBucketPolicy',
  's3.GetBucketPolicyStatus',
  's3.GetBucketVersioning',
  's3.GetBucketLogging',
  's3.GetBucketLifecycleConfiguration',
  's3.GetObjectLockConfiguration',
  's3.GetBucketTagging',
] as const satisfies readonly KnownEvidenceKey[];

/** One read-only call per bucket setting (the record type makes it one call per key above, no more, no fewer). */
async function bucketSettingCalls(): Promise<Record<(typeof BUCKET_SETTING_KEYS)[number], (client: S3Client, Bucket: string) => Promise<unknown>>> {
  const s3 = await import('@aws-sdk/client-s3');
  return {
    's3.GetPublicAccessBlock': (c, Bucket) => c.send(new s3.GetPublicAccessBlockCommand({ Bucket })),
    's3.GetBucketEncryption': (c, Bucket) => c.send(new s3.GetBucketEncryptionCommand({ Bucket })),
    's3.GetBucketPolicy': (c, Bucket) => c.send(new s3.GetBucketPolicyCommand({ Bucket })),
    's3.GetBucketPolicyStatus': (c, Bucket) => c.send(new s3.GetBucketPolicyStatusCommand({ Bucket })),
    's3.GetBucketVersioning': (c, Bucket) => c.send(new s3.GetBucketVersioningCommand({ Bucket })),
    's3.GetBucketLogging': (c, Bucket) => c.send(new s3.GetBucketLoggingCommand({ Bucket })),
    's3.GetBucketLifecycleConfiguration': (c, Bucket) => c.send(new s3.GetBucketLifecycleConfigurationCommand({ Bucket })),
    's3.GetObjectLockConfiguration': (c, Bucket) => c.send(new s3.GetObjectLockConfigurationCommand({ Bucket })),
    's3.GetBucketTagging': (c, Bucket) => c.send(new s3.GetBucketTaggingCommand({ Bucket })),
  };
}

const buckets: Collector = {
  name: 's3.buckets',
  service: 's3',
  scope: 'global',
  produces: ['s3.ListBuckets', 's3.GetBucketLocation', ...BUCKET_SETTING_KEYS],
  async collect(ctx) {
    const { GetBucketLocationCommand, paginateListBuckets } = await import('@aws-sdk/client-s3');
    const client = await ctx.client('s3');
    const settings = Object.values(await bucketSettingCalls());
    const pages = await allPages(paginateListBuckets({ client, pageSize: 1000 }, {}));
    const listed = pages.flatMap((p) => p.Buckets ?? []);
    const calls = listed.flatMap((b) => [
      ...(b.BucketRegion ? [] : [() => client.send(new GetBucketLocationCommand({ Bucket: b.Name! }))]),
      ...settings.map((get) => () => get(client, b.Name!)),
    ]);
    await ctx.forEach(calls, (call) => call());
  },
};

export const collectors: Collector[] = [buckets];

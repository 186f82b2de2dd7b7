// S3 bucket settings (global target: one client, bucket calls follow region redirects on live runs).
// ListBuckets carries each bucket's region; GetBucketLocation is asked only where it does not.
// Rules report each bucket's findings in the bucket's own region.
import {
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
  type S3Client,
} from '@aws-sdk/client-s3';
import { allPages, type Collector } from '../collector.ts';
import type { KnownEvidenceKey } from '../evidence-shapes.ts';

/** One read-only call per bucket setting, keyed by the evidence key it produces. */
const BUCKET_SETTINGS: Partial<Record<KnownEvidenceKey, (client: S3Client, Bucket: string) => Promise<unknown>>> = {
  's3.GetPublicAccessBlock': (c, Bucket) => c.send(new GetPublicAccessBlockCommand({ Bucket })),
  's3.GetBucketEncryption': (c, Bucket) => c.send(new GetBucketEncryptionCommand({ Bucket })),
  's3.GetBucketPolicy': (c, Bucket) => c.send(new GetBucketPolicyCommand({ Bucket })),
  's3.GetBucketPolicyStatus': (c, Bucket) => c.send(new GetBucketPolicyStatusCommand({ Bucket })),
  's3.GetBucketVersioning': (c, Bucket) => c.send(new GetBucketVersioningCommand({ Bucket })),
  's3.GetBucketLogging': (c, Bucket) => c.send(new GetBucketLoggingCommand({ Bucket })),
  's3.GetBucketLifecycleConfiguration': (c, Bucket) => c.send(new GetBucketLifecycleConfigurationCommand({ Bucket })),
  's3.GetObjectLockConfiguration': (c, Bucket) => c.send(new GetObjectLockConfigurationCommand({ Bucket })),
  's3.GetBucketTagging': (c, Bucket) => c.send(new GetBucketTaggingCommand({ Bucket })),
};

const buckets: Collector = {
  name: 's3.buckets',
  service: 's3',
  scope: 'global',
  produces: ['s3.ListBuckets', 's3.GetBucketLocation', ...(Object.keys(BUCKET_SETTINGS) as KnownEvidenceKey[])],
  async collect(ctx) {
    const client = ctx.client('s3');
    const pages = await allPages(paginateListBuckets({ client, pageSize: 1000 }, {}));
    const listed = pages.flatMap((p) => p.Buckets ?? []);
    const calls = listed.flatMap((b) => [
      ...(b.BucketRegion ? [] : [() => client.send(new GetBucketLocationCommand({ Bucket: b.Name! }))]),
      ...Object.values(BUCKET_SETTINGS).map((get) => () => get!(client, b.Name!)),
    ]);
    await ctx.forEach(calls, (call) => call());
  },
};

export const collectors: Collector[] = [buckets];

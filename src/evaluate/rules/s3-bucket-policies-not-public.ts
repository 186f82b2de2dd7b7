// S3's own policy analysis (GetBucketPolicyStatus) must not find a bucket policy that makes the bucket
// public. A bucket without a policy (NoSuchBucketPolicy) grants nothing through a policy: pass.
import { judgeBucketSetting } from '../aws/s3-buckets.ts';
import { fail, pass, unknown } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 's3-bucket-policies-not-public',
  evidence: ['s3.ListBuckets', 's3.GetBucketPolicyStatus', 's3.GetBucketLocation', 's3.GetBucketLogging', 's3.GetBucketPolicy', 's3.GetBucketTagging'],
  evaluate: (ctx) =>
    judgeBucketSetting(ctx, 's3.GetBucketPolicyStatus', {}, (b) => ({
      ok: (r) => {
        const isPublic = r?.PolicyStatus?.IsPublic;
        if (isPublic === undefined) return unknown(`GetBucketPolicyStatus did not report IsPublic for ${b.name}.`);
        return isPublic ? fail(`The policy of bucket ${b.name} grants public access.`) : pass(`The policy of bucket ${b.name} is not public.`);
      },
      notConfigured: () => pass(`Bucket ${b.name} has no bucket policy, so no policy makes it public.`),
    })),
});

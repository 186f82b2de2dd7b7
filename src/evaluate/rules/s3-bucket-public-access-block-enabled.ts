// Every bucket blocks public access with all four public access block settings. No configuration at
// all (NoSuchPublicAccessBlockConfiguration) is a fail; the account-level block is its own control.
import { judgeBucketSetting } from '../aws/s3-buckets.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

const SETTINGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

export const rule = defineRule({
  controlId: 's3-bucket-public-access-block-enabled',
  evidence: ['s3.ListBuckets', 's3.GetPublicAccessBlock', 's3.GetBucketLocation', 's3.GetBucketLogging', 's3.GetBucketPolicy', 's3.GetBucketTagging'],
  evaluate: (ctx) =>
    judgeBucketSetting(ctx, 's3.GetPublicAccessBlock', {}, (b) => ({
      ok: (r) => {
        const off = SETTINGS.filter((s) => r?.PublicAccessBlockConfiguration?.[s] !== true);
        return off.length ? fail(`Bucket ${b.name} does not set ${off.join(', ')}.`) : pass(`Bucket ${b.name} blocks all public access.`);
      },
      notConfigured: () => fail(`Bucket ${b.name} has no public access block configuration.`),
    })),
});

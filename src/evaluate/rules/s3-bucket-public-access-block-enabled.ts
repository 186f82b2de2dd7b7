// Every bucket blocks public access with all four public access block settings. No configuration at
// all (NoSuchPublicAccessBlockConfiguration) is a fail; the account-level block is its own control.
import { judgeBucketSetting } from '../aws/s3-buckets.ts';
import { fail, pass } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

const SETTINGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

export const rule: Rule = {
  controlId: 's3-bucket-public-access-block-enabled',
  evaluate: (ctx) =>
    judgeBucketSetting(ctx, 's3.GetPublicAccessBlock', {}, (b) => ({
      ok: (r) => {
        const off = SETTINGS.filter((s) => r?.PublicAccessBlockConfiguration?.[s] !== true);
        return off.length ? fail(`Bucket ${b.name} does not set ${off.join(', ')}.`) : pass(`Bucket ${b.name} blocks all public access.`);
      },
      notConfigured: () => fail(`Bucket ${b.name} has no public access block configuration.`),
    })),
};

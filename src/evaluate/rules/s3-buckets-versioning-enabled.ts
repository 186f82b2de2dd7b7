// Every bucket keeps object versions, so overwritten or deleted training data, model artifacts and
// logs can be recovered. Never enabled (no Status) or Suspended is a fail.
import { judgeBucketSetting } from '../aws/s3-buckets.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 's3-buckets-versioning-enabled',
  evidence: ['s3.ListBuckets', 's3.GetBucketVersioning', 's3.GetBucketLocation', 's3.GetBucketLogging', 's3.GetBucketPolicy', 's3.GetBucketTagging'],
  evaluate: (ctx) =>
    judgeBucketSetting(ctx, 's3.GetBucketVersioning', {}, (b) => ({
      ok: (r) => (r?.Status === 'Enabled' ? pass(`Versioning is enabled on ${b.name}.`) : fail(`Versioning is ${r?.Status ?? 'not enabled'} on ${b.name}.`)),
    })),
});

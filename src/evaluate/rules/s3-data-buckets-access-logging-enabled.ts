// Data buckets record server access logs to another bucket, so reads of training data and model
// artifacts can be investigated. Log buckets are not applicable (logging a log bucket loops).
import { judgeBucketSetting } from '../aws/s3-buckets.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 's3-data-buckets-access-logging-enabled',
  evidence: ['s3.ListBuckets', 's3.GetBucketLogging', 's3.GetBucketPolicy', 's3.GetBucketTagging', 's3.GetBucketLocation'],
  evaluate: (ctx) =>
    judgeBucketSetting(ctx, 's3.GetBucketLogging', { only: 'data' }, (b) => ({
      ok: (r) => {
        const t = r?.LoggingEnabled;
        return t?.TargetBucket ? pass(`${b.name} logs access to s3://${t.TargetBucket}/${t.TargetPrefix ?? ''}.`) : fail(`Server access logging is off for data bucket ${b.name}.`);
      },
    })),
});

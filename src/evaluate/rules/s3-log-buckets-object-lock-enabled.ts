// Log buckets have S3 Object Lock enabled with a default retention, so audit logs cannot be deleted or
// overwritten during the retention period, even by administrators (compliance mode) or most (governance).
import { judgeBucketSetting } from '../aws/s3-buckets.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 's3-log-buckets-object-lock-enabled',
  evidence: ['s3.ListBuckets', 's3.GetObjectLockConfiguration', 's3.GetBucketLogging', 's3.GetBucketPolicy', 's3.GetBucketTagging', 's3.GetBucketLocation'],
  evaluate: (ctx) =>
    judgeBucketSetting(ctx, 's3.GetObjectLockConfiguration', { only: 'logs' }, (b) => ({
      ok: (r) => {
        const c = r?.ObjectLockConfiguration;
        const d = c?.Rule?.DefaultRetention;
        if (c?.ObjectLockEnabled !== 'Enabled') return fail(`Object Lock is not enabled on log bucket ${b.name} (${b.roleReason}).`);
        if (!d?.Mode) return fail(`Object Lock is enabled on log bucket ${b.name} but without a default retention: objects are not locked unless each writer asks.`);
        return pass(`Log bucket ${b.name} locks objects in ${d.Mode} mode for ${d.Days ? `${d.Days} days` : `${d.Years} years`} by default.`);
      },
      notConfigured: () => fail(`Log bucket ${b.name} (${b.roleReason}) has no Object Lock configuration: its logs can be deleted or overwritten.`),
    })),
});

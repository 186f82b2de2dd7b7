// Every bucket has at least one enabled lifecycle rule that expires or transitions objects (current or
// noncurrent versions), so data is not kept forever by default. No configuration is a fail.
import { judgeBucketSetting } from '../aws/s3-buckets.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

const RETENTION_ACTIONS = ['Expiration', 'Transitions', 'NoncurrentVersionExpiration', 'NoncurrentVersionTransitions'] as const;

export const rule = defineRule({
  controlId: 's3-buckets-lifecycle-configured',
  evidence: ['s3.ListBuckets', 's3.GetBucketLifecycleConfiguration', 's3.GetBucketLocation', 's3.GetBucketLogging', 's3.GetBucketPolicy', 's3.GetBucketTagging'],
  evaluate: (ctx) =>
    judgeBucketSetting(ctx, 's3.GetBucketLifecycleConfiguration', {}, (b) => ({
      ok: (r) => {
        const rules = (r?.Rules ?? []).filter((x) => x.Status === 'Enabled' && RETENTION_ACTIONS.some((a) => {
          const action = x[a];
          return action !== undefined && !(Array.isArray(action) && action.length === 0);
        }));
        return rules.length
          ? pass(`${b.name} has ${rules.length} enabled lifecycle rule(s) that expire or transition objects: ${rules.map((x) => x.ID ?? '(unnamed)').join(', ')}.`)
          : fail(`${b.name} has no enabled lifecycle rule that expires or transitions objects.`);
      },
      notConfigured: () => fail(`${b.name} has no lifecycle configuration: objects are kept indefinitely.`),
    })),
});

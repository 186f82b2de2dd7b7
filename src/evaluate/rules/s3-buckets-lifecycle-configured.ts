// Every bucket has at least one enabled lifecycle rule that expires or transitions objects (current or
// noncurrent versions), so data is not kept forever by default. No configuration is a fail.
import { judgeBucketSetting } from '../aws/s3-buckets.ts';
import { fail, pass } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

const RETENTION_ACTIONS = ['Expiration', 'Transitions', 'NoncurrentVersionExpiration', 'NoncurrentVersionTransitions'];

export const rule: Rule = {
  controlId: 's3-buckets-lifecycle-configured',
  evaluate: (ctx) =>
    judgeBucketSetting(ctx, 's3.GetBucketLifecycleConfiguration', {}, (b) => ({
      ok: (r) => {
        const rules = (r?.Rules ?? []).filter((x: any) => x.Status === 'Enabled' && RETENTION_ACTIONS.some((a) => x[a] !== undefined && !(Array.isArray(x[a]) && x[a].length === 0)));
        return rules.length
          ? pass(`${b.name} has ${rules.length} enabled lifecycle rule(s) that expire or transition objects: ${rules.map((x: any) => x.ID ?? '(unnamed)').join(', ')}.`)
          : fail(`${b.name} has no enabled lifecycle rule that expires or transitions objects.`);
      },
      notConfigured: () => fail(`${b.name} has no lifecycle configuration: objects are kept indefinitely.`),
    })),
};

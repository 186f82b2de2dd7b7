// Every bucket has an enabled lifecycle rule that deletes current objects (Expiration after a number of
// days or at a date). On a bucket that keeps versions (versioning Enabled or Suspended) expiring a current
// object only adds a delete marker, so an enabled rule must also expire noncurrent versions. Transitions
// move data to cheaper storage and never delete it: transition-only rules fail. No configuration fails.
import type { LifecycleRule } from '@aws-sdk/client-s3';
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import type { Jsonified } from '../../collect/jsonified.ts';
import { bucketCall, forEachBucket } from '../aws/s3-buckets.ts';
import type { CallState } from '../evidence-view.ts';
import { fail, judgeCall, pass, unknown, type Verdict } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

type Entry = Jsonified<LifecycleRule>;

const names = (rules: Entry[]) => rules.map((r) => r.ID ?? '(unnamed)').join(', ');

function judgeRules(bucket: string, rules: Entry[], versioning: CallState<EvidenceResponse<'s3.GetBucketVersioning'>>): Verdict {
  const enabled = rules.filter((r) => r.Status === 'Enabled');
  const expiring = enabled.filter((r) => r.Expiration?.Days !== undefined || r.Expiration?.Date !== undefined);
  if (!expiring.length) {
    const moving = enabled.filter((r) => (r.Transitions?.length ?? 0) > 0 || (r.NoncurrentVersionTransitions?.length ?? 0) > 0);
    return fail(
      moving.length
        ? `${bucket} only transitions objects to other storage classes (${names(moving)}): nothing is ever deleted.`
        : `${bucket} has no enabled lifecycle rule that expires current objects.`,
    );
  }
  if (versioning.state !== 'ok') return unknown(`${bucket} expires objects (${names(expiring)}), but whether it keeps object versions could not be read: ${versioning.error}`);
  const status = versioning.responses[0]?.Status;
  if (status !== 'Enabled' && status !== 'Suspended') return pass(`${bucket} expires objects with enabled lifecycle rule(s) ${names(expiring)}.`);
  const noncurrent = enabled.filter((r) => r.NoncurrentVersionExpiration?.NoncurrentDays !== undefined);
  return noncurrent.length
    ? pass(`${bucket} expires objects (${names(expiring)}) and their noncurrent versions (${names(noncurrent)}).`)
    : fail(`${bucket} keeps object versions (versioning ${status}) and no enabled rule expires noncurrent versions: expired objects stay as noncurrent versions forever.`);
}

export const rule = defineRule({
  controlId: 's3-buckets-lifecycle-configured',
  evidence: ['s3.ListBuckets', 's3.GetBucketLifecycleConfiguration', 's3.GetBucketVersioning', 's3.GetBucketLocation', 's3.GetBucketLogging', 's3.GetBucketPolicy', 's3.GetBucketTagging'],
  evaluate: (ctx) =>
    forEachBucket(ctx, {}, (b) => {
      const versioning = bucketCall(ctx, 's3.GetBucketVersioning', b);
      return judgeCall(
        ctx,
        b.where,
        b.resource,
        bucketCall(ctx, 's3.GetBucketLifecycleConfiguration', b),
        {
          ok: (r) => judgeRules(b.name, r.Rules ?? [], versioning),
          notConfigured: () => fail(`${b.name} has no lifecycle configuration: objects are kept indefinitely.`),
        },
        [...b.records, ...versioning.records],
      );
    }),
});

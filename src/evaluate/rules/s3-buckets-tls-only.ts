// Every bucket's policy denies requests that do not use TLS: a Deny for all principals on object
// reads and writes when aws:SecureTransport is "false". No bucket policy at all is a fail.
import { judgeBucketSetting } from '../aws/s3-buckets.ts';
import { conditionValues, coversAction, parsePolicy, principals } from '../aws/policy-document.ts';
import { fail, pass, unknown, type Verdict } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

function judgePolicy(bucket: string, policy: unknown): Verdict {
  try {
    const denies = parsePolicy(policy).some(
      (s) =>
        s.effect === 'Deny' &&
        principals(s, 'AWS').includes('*') &&
        coversAction(s, 's3:GetObject') &&
        coversAction(s, 's3:PutObject') &&
        conditionValues(s, 'Bool', 'aws:SecureTransport').some((v) => v.toLowerCase() === 'false'),
    );
    return denies ? pass(`The policy of ${bucket} denies every request made without TLS.`) : fail(`The policy of ${bucket} has no Deny for aws:SecureTransport "false": plain-HTTP requests are not refused.`);
  } catch (err) {
    return unknown(`The policy of ${bucket} could not be parsed: ${(err as Error).message}`);
  }
}

export const rule = defineRule({
  controlId: 's3-buckets-tls-only',
  evidence: ['s3.ListBuckets', 's3.GetBucketPolicy', 's3.GetBucketLocation', 's3.GetBucketLogging', 's3.GetBucketTagging'],
  evaluate: (ctx) =>
    judgeBucketSetting(ctx, 's3.GetBucketPolicy', {}, (b) => ({
      ok: (r) => judgePolicy(b.name, r?.Policy),
      notConfigured: () => fail(`Bucket ${b.name} has no bucket policy, so nothing refuses plain-HTTP requests.`),
    })),
});

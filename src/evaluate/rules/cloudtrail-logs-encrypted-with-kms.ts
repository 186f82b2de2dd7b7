import { forEachHomeTrail, trailResource } from '../aws/cloudtrail-trails.ts';
import { fail, pass, judged } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'cloudtrail-logs-encrypted-with-kms',
  evidence: ['cloudtrail.DescribeTrails'],
  evaluate: (ctx) =>
    forEachHomeTrail(ctx, (t, where, records) => {
      const v = t.KmsKeyId
        ? pass(`Log files are encrypted with KMS key ${t.KmsKeyId}.`)
        : fail(`Log files in bucket ${t.S3BucketName ?? '(unknown)'} are only encrypted with S3-managed keys: anyone who can read the bucket can read the audit trail.`);
      return judged(ctx, where, trailResource(t), v, records);
    }),
});

// Every bucket reports a default encryption rule (SSE-S3, SSE-KMS or DSSE-KMS): new objects are encrypted
// at rest. Which key, and who controls it, is s3-data-buckets-encrypted-with-customer-key's question.
import { judgeBucketSetting } from '../aws/s3-buckets.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

const ALGORITHMS: Record<string, string> = { AES256: 'SSE-S3 (AES256)', 'aws:kms': 'SSE-KMS', 'aws:kms:dsse': 'DSSE-KMS' };

export const rule = defineRule({
  controlId: 's3-buckets-default-encryption-enabled',
  evidence: ['s3.ListBuckets', 's3.GetBucketEncryption', 's3.GetBucketLogging', 's3.GetBucketPolicy', 's3.GetBucketTagging', 's3.GetBucketLocation'],
  evaluate: (ctx) =>
    judgeBucketSetting(ctx, 's3.GetBucketEncryption', {}, (b) => ({
      ok: (r) => {
        const algorithm = r.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm;
        if (!algorithm) return fail(`${b.name} reports no default encryption algorithm.`);
        const name = ALGORITHMS[algorithm];
        return name ? pass(`${b.name} encrypts new objects at rest with ${name}.`) : fail(`${b.name} reports an unrecognised default encryption algorithm "${algorithm}".`);
      },
      notConfigured: () => fail(`${b.name} has no default encryption configuration: new objects are not shown to be encrypted at rest.`),
    })),
});

// Data buckets encrypt new objects by default with a customer-managed KMS key (SSE-KMS or DSSE-KMS), so
// the organization controls who can decrypt and can revoke access. SSE-S3 (AES256), the AWS managed
// aws/s3 key and no encryption configuration fail. The bucket's key is resolved through the KMS
// evidence of its region (judgeCustomerManagedKey). Encryption at rest itself is
// s3-buckets-default-encryption-enabled's question.
import { judgeCustomerManagedKey } from '../kms-key.ts';
import { judgeBucketSetting } from '../aws/s3-buckets.ts';
import { fail } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 's3-data-buckets-encrypted-with-customer-key',
  evidence: ['s3.ListBuckets', 's3.GetBucketEncryption', 'kms.ListAliases', 'kms.DescribeKey', 's3.GetBucketLogging', 's3.GetBucketPolicy', 's3.GetBucketTagging', 's3.GetBucketLocation'],
  evaluate: (ctx) =>
    judgeBucketSetting(ctx, 's3.GetBucketEncryption', { only: 'data' }, (b) => ({
      ok: (r) => {
        const d = r.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault;
        if (!d?.SSEAlgorithm) return fail(`${b.name} has no default encryption rule.`);
        if (d.SSEAlgorithm === 'AES256') return fail(`Data bucket ${b.name} uses SSE-S3 (AES256) with an S3-owned key, not a customer-managed KMS key.`);
        if (!d.KMSMasterKeyID) return fail(`${b.name} uses ${d.SSEAlgorithm} with the AWS managed aws/s3 key (no key id set).`);
        return judgeCustomerManagedKey(ctx, b.where, d.KMSMasterKeyID, `Data bucket ${b.name}`);
      },
      notConfigured: () => fail(`Data bucket ${b.name} has no default encryption configuration.`),
    })),
});

// The key EBS uses by default in each region (GetEbsDefaultKmsKeyId) is customer-managed. AWS reports
// alias/aws/ebs when none was chosen: that AWS managed key fails, as does any key KMS shows as AWS managed.
// Whether EBS encrypts by default at all is ebs-default-encryption-enabled's question.
import { judgeCustomerManagedKey } from '../kms-key.ts';
import { accountResource, judgeCall, targets, unknown } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'ebs-default-kms-key-customer-managed',
  evidence: ['ec2.GetEbsDefaultKmsKeyId', 'kms.ListAliases', 'kms.DescribeKey'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').map((where) =>
      judgeCall(ctx, where, accountResource(where), ctx.evidence.call('ec2.GetEbsDefaultKmsKeyId', where), {
        ok: (r) => (r.KmsKeyId ? judgeCustomerManagedKey(ctx, where, r.KmsKeyId, 'EBS default encryption') : unknown('GetEbsDefaultKmsKeyId answered without a KmsKeyId.')),
      }),
    ),
});

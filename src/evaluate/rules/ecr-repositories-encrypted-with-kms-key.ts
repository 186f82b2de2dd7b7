// Repositories must encrypt images with a customer-managed KMS key. AES256 (ECR's default) and KMS
// without a named key (the AWS managed aws/ecr key) leave key control with AWS.
import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { judgeEachRepository } from '../resources/compute.ts';
import { fail, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'ecr-repositories-encrypted-with-kms-key',
  evidence: ['ecr.DescribeRepositories', ...KEY_EVIDENCE],
  evaluate: (ctx) =>
    judgeEachRepository(ctx, (r, at) => {
      const what = `Repository ${r.repositoryName}`;
      const config = required(r, 'encryptionConfiguration', what);
      const type = required(config, 'encryptionType', `The encryption configuration of ${r.repositoryName}`);
      if (type === 'AES256') return fail(`${what} is encrypted with ECR's AES-256 default (an AWS-owned key), not a customer-managed key.`);
      return customerKeyVerdict(ctx, at, config.kmsKey, what);
    }),
});

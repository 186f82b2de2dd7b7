import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { eachDomain } from '../resources/sagemaker.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'sagemaker-studio-domain-encrypted-with-kms-key',
  evidence: ['sagemaker.ListDomains', 'sagemaker.DescribeDomain', ...KEY_EVIDENCE],
  evaluate: (ctx) => eachDomain(ctx, (d, at) => customerKeyVerdict(ctx, at, d.KmsKeyId, 'The domain\'s shared EFS home directories')),
});

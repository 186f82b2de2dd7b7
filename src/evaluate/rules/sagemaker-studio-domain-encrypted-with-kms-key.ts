import { customerKeyVerdict } from '../kms-key.ts';
import { eachDomain } from '../resources/sagemaker.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'sagemaker-studio-domain-encrypted-with-kms-key',
  evidence: ['sagemaker.ListDomains', 'sagemaker.DescribeDomain'],
  evaluate: (ctx) => eachDomain(ctx, (d) => customerKeyVerdict(d.KmsKeyId, 'The domain\'s shared EFS home directories')),
});

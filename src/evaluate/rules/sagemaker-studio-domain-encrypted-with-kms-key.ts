import { customerKeyVerdict } from '../kms-key.ts';
import { eachDomain } from '../resources/sagemaker.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'sagemaker-studio-domain-encrypted-with-kms-key',
  evaluate: (ctx) => eachDomain(ctx, (d) => customerKeyVerdict(d.KmsKeyId, 'The domain\'s shared EFS home directories')),
};

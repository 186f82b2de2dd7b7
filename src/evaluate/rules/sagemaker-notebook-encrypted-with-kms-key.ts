import { customerKeyVerdict } from '../kms-key.ts';
import { eachNotebook } from '../resources/sagemaker.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'sagemaker-notebook-encrypted-with-kms-key',
  evaluate: (ctx) => eachNotebook(ctx, (d) => customerKeyVerdict(d.KmsKeyId, 'The notebook storage volume')),
};

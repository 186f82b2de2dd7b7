import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { eachNotebook } from '../resources/sagemaker.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'sagemaker-notebook-encrypted-with-kms-key',
  evidence: ['sagemaker.ListNotebookInstances', 'sagemaker.DescribeNotebookInstance', ...KEY_EVIDENCE],
  evaluate: (ctx) => eachNotebook(ctx, (d, at) => customerKeyVerdict(ctx, at, d.KmsKeyId, 'The notebook storage volume')),
});

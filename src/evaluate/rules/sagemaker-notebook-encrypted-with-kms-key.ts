import { customerKeyVerdict } from '../kms-key.ts';
import { eachNotebook } from '../resources/sagemaker.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'sagemaker-notebook-encrypted-with-kms-key',
  evidence: ['sagemaker.ListNotebookInstances', 'sagemaker.DescribeNotebookInstance'],
  evaluate: (ctx) => eachNotebook(ctx, (d) => customerKeyVerdict(d.KmsKeyId, 'The notebook storage volume')),
});

import { eachNotebook } from '../resources/sagemaker.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'sagemaker-notebook-in-vpc-subnet',
  evidence: ['sagemaker.ListNotebookInstances', 'sagemaker.DescribeNotebookInstance'],
  evaluate: (ctx) =>
    eachNotebook(ctx, (d) =>
      d.SubnetId
        ? pass(`The notebook is attached to subnet ${d.SubnetId} with security groups ${(d.SecurityGroups ?? []).join(', ') || '(none)'}.`)
        : fail('The notebook has no VPC subnet: it runs on SageMaker-managed networking outside the customer VPC.'),
    ),
});

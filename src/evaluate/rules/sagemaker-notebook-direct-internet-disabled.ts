import { eachNotebook } from '../resources/sagemaker.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'sagemaker-notebook-direct-internet-disabled',
  evidence: ['sagemaker.ListNotebookInstances', 'sagemaker.DescribeNotebookInstance'],
  evaluate: (ctx) =>
    eachNotebook(ctx, (d) =>
      d.DirectInternetAccess === 'Disabled'
        ? pass(`Direct internet access is disabled; traffic goes through subnet ${d.SubnetId ?? '(none)'}.`)
        : fail(`Direct internet access is ${d.DirectInternetAccess ?? 'Enabled (default)'}: the notebook can reach and be reached from the internet outside the VPC's controls.`),
    ),
});

import { eachNotebook } from '../resources/sagemaker.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'sagemaker-notebook-root-access-disabled',
  evidence: ['sagemaker.ListNotebookInstances', 'sagemaker.DescribeNotebookInstance'],
  evaluate: (ctx) =>
    eachNotebook(ctx, (d) =>
      d.RootAccess === 'Disabled'
        ? pass('Root access is disabled for notebook users.')
        : fail(`Root access is ${d.RootAccess ?? 'Enabled (default)'}: any notebook user can change the instance's software and security settings.`),
    ),
});

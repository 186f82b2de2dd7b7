import { fail, forEachListed, judgeCall, pass } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'sagemaker-notebook-direct-internet-disabled',
  evaluate: (ctx) =>
    forEachListed(
      ctx,
      { key: 'sagemaker.ListNotebookInstances', scope: 'regional', items: (r) => r.NotebookInstances, noun: 'SageMaker notebook instances' },
      (nb: { NotebookInstanceName: string; NotebookInstanceArn: string }, where, listRecords) =>
        judgeCall(
          ctx,
          where,
          { type: 'AWS::SageMaker::NotebookInstance', id: nb.NotebookInstanceName, arn: nb.NotebookInstanceArn },
          ctx.evidence.call('sagemaker.DescribeNotebookInstance', where, { NotebookInstanceName: nb.NotebookInstanceName }),
          {
            ok: (d) =>
              d.DirectInternetAccess === 'Disabled'
                ? pass(`Direct internet access is disabled; traffic goes through subnet ${d.SubnetId ?? '(none)'}.`)
                : fail(`Direct internet access is ${d.DirectInternetAccess ?? 'Enabled (default)'}: the notebook can reach and be reached from the internet outside the VPC's controls.`),
          },
          listRecords,
        ),
    ),
};

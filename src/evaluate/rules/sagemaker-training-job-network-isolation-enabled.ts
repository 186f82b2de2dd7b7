import { eachRecentTrainingJob } from '../resources/sagemaker.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'sagemaker-training-job-network-isolation-enabled',
  evidence: ['sagemaker.ListTrainingJobs', 'sagemaker.DescribeTrainingJob'],
  evaluate: (ctx) =>
    eachRecentTrainingJob(ctx, (d) =>
      d.EnableNetworkIsolation === true
        ? pass('Network isolation is enabled: the training container cannot make outbound network calls.')
        : fail('Network isolation is not enabled: the training container can send data to, or fetch code from, any reachable host.'),
    ),
});

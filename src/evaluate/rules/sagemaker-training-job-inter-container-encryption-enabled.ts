import { eachRecentTrainingJob } from '../resources/sagemaker.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'sagemaker-training-job-inter-container-encryption-enabled',
  evidence: ['sagemaker.ListTrainingJobs', 'sagemaker.DescribeTrainingJob'],
  evaluate: (ctx) =>
    eachRecentTrainingJob(ctx, (d) =>
      d.EnableInterContainerTrafficEncryption === true
        ? pass('Traffic between training containers is encrypted.')
        : fail(`Inter-container traffic encryption is off: traffic between the job's ${d.ResourceConfig?.InstanceCount ?? 'training'} instance(s) travels unencrypted.`),
    ),
});

import { eachRecentTrainingJob, vpcSummary } from '../resources/sagemaker.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'sagemaker-training-job-in-vpc',
  evidence: ['sagemaker.ListTrainingJobs', 'sagemaker.DescribeTrainingJob'],
  evaluate: (ctx) =>
    eachRecentTrainingJob(ctx, (d) => {
      const vpc = vpcSummary(d.VpcConfig);
      return vpc ? pass(`The training job runs in the customer VPC (${vpc}).`) : fail('The training job has no VPC configuration: it runs on SageMaker-managed networking.');
    }),
});

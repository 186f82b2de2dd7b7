import { eachRecentTrainingJob, vpcSummary } from '../resources/sagemaker.ts';
import { fail, pass } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'sagemaker-training-job-in-vpc',
  evaluate: (ctx) =>
    eachRecentTrainingJob(ctx, (d) => {
      const vpc = vpcSummary(d.VpcConfig);
      return vpc ? pass(`The training job runs in the customer VPC (${vpc}).`) : fail('The training job has no VPC configuration: it runs on SageMaker-managed networking.');
    }),
};

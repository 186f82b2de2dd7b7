import { eachModel, vpcSummary } from '../resources/sagemaker.ts';
import { fail, pass } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'sagemaker-model-in-vpc',
  evaluate: (ctx) =>
    eachModel(ctx, (d) => {
      const vpc = vpcSummary(d.VpcConfig);
      return vpc ? pass(`The model's containers run in the customer VPC (${vpc}).`) : fail('The model has no VPC configuration: its containers run on SageMaker-managed networking.');
    }),
};

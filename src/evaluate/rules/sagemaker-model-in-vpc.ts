import { eachModel, vpcSummary } from '../resources/sagemaker.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'sagemaker-model-in-vpc',
  evidence: ['sagemaker.ListModels', 'sagemaker.DescribeModel'],
  evaluate: (ctx) =>
    eachModel(ctx, (d) => {
      const vpc = vpcSummary(d.VpcConfig);
      return vpc ? pass(`The model's containers run in the customer VPC (${vpc}).`) : fail('The model has no VPC configuration: its containers run on SageMaker-managed networking.');
    }),
});

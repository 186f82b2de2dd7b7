import { eachCustomizationJob } from '../resources/bedrock.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'bedrock-customization-job-in-vpc',
  evidence: ['bedrock.ListModelCustomizationJobs', 'bedrock.GetModelCustomizationJob'],
  evaluate: (ctx) =>
    eachCustomizationJob(ctx, (d) =>
      d.vpcConfig?.subnetIds?.length
        ? pass(`The job reached its training data through the customer VPC (subnets ${d.vpcConfig.subnetIds.join(', ')}; security groups ${(d.vpcConfig.securityGroupIds ?? []).join(', ')}).`)
        : fail('The customization job had no VPC configuration: training data was read over AWS-managed networking rather than through the customer VPC.'),
    ),
});

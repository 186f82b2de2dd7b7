import { eachAnalysisJob } from '../resources/comprehend.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'comprehend-analysis-job-in-vpc',
  evidence: ['comprehend.ListEntitiesDetectionJobs', 'comprehend.ListDocumentClassificationJobs'],
  evaluate: (ctx) =>
    eachAnalysisJob(ctx, (j) =>
      j.VpcConfig?.Subnets?.length
        ? pass(`The job read and wrote its data through the customer VPC (subnets ${j.VpcConfig.Subnets.join(', ')}).`)
        : fail('The job had no VPC configuration: Comprehend reached the input and output buckets over AWS-managed networking.'),
    ),
});

import { customerKeyVerdict } from '../kms-key.ts';
import { eachRecentTrainingJob } from '../resources/sagemaker.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'sagemaker-training-job-volume-encrypted-with-kms-key',
  evidence: ['sagemaker.ListTrainingJobs', 'sagemaker.DescribeTrainingJob'],
  evaluate: (ctx) => eachRecentTrainingJob(ctx, (d) => customerKeyVerdict(d.ResourceConfig?.VolumeKmsKeyId, 'The training instances\' storage volume')),
});

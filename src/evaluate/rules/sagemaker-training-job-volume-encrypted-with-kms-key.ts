import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { eachRecentTrainingJob } from '../resources/sagemaker.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'sagemaker-training-job-volume-encrypted-with-kms-key',
  evidence: ['sagemaker.ListTrainingJobs', 'sagemaker.DescribeTrainingJob', ...KEY_EVIDENCE],
  evaluate: (ctx) => eachRecentTrainingJob(ctx, (d, at) => customerKeyVerdict(ctx, at, d.ResourceConfig?.VolumeKmsKeyId, 'The training instances\' storage volume')),
});

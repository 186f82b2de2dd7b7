import { customerKeyVerdict } from '../kms-key.ts';
import { eachRecentTrainingJob } from '../resources/sagemaker.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'sagemaker-training-job-volume-encrypted-with-kms-key',
  evaluate: (ctx) => eachRecentTrainingJob(ctx, (d) => customerKeyVerdict(d.ResourceConfig?.VolumeKmsKeyId, 'The training instances\' storage volume')),
};

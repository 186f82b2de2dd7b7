import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { eachRecentTrainingJob } from '../resources/sagemaker.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'sagemaker-training-job-output-encrypted-with-kms-key',
  evidence: ['sagemaker.ListTrainingJobs', 'sagemaker.DescribeTrainingJob', ...KEY_EVIDENCE],
  evaluate: (ctx) => eachRecentTrainingJob(ctx, (d, at) => customerKeyVerdict(ctx, at, d.OutputDataConfig?.KmsKeyId, `The model artifacts written to ${d.OutputDataConfig?.S3OutputPath ?? 'S3'}`)),
});

import { customerKeyVerdict } from '../kms-key.ts';
import { eachRecentTrainingJob } from '../resources/sagemaker.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'sagemaker-training-job-output-encrypted-with-kms-key',
  evaluate: (ctx) => eachRecentTrainingJob(ctx, (d) => customerKeyVerdict(d.OutputDataConfig?.KmsKeyId, `The model artifacts written to ${d.OutputDataConfig?.S3OutputPath ?? 'S3'}`)),
};

import { eachAnalysisJob } from '../resources/comprehend.ts';
import { allCustomerKeys, customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'comprehend-analysis-job-encrypted-with-kms-key',
  evidence: ['comprehend.ListEntitiesDetectionJobs', 'comprehend.ListDocumentClassificationJobs', ...KEY_EVIDENCE],
  evaluate: (ctx) =>
    eachAnalysisJob(ctx, (j, at) =>
      allCustomerKeys([
        customerKeyVerdict(ctx, at, j.VolumeKmsKeyId, 'The processing volume'),
        customerKeyVerdict(ctx, at, j.OutputDataConfig?.KmsKeyId, `The results in ${j.OutputDataConfig?.S3Uri ?? 'S3'}`),
      ]),
    ),
});

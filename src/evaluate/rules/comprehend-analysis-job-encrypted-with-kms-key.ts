import { eachAnalysisJob } from '../resources/comprehend.ts';
import { customerKeyVerdict } from '../kms-key.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'comprehend-analysis-job-encrypted-with-kms-key',
  evidence: ['comprehend.ListEntitiesDetectionJobs', 'comprehend.ListDocumentClassificationJobs'],
  evaluate: (ctx) =>
    eachAnalysisJob(ctx, (j) => {
      const volume = customerKeyVerdict(j.VolumeKmsKeyId, 'The processing volume');
      const output = customerKeyVerdict(j.OutputDataConfig?.KmsKeyId, `The results in ${j.OutputDataConfig?.S3Uri ?? 'S3'}`);
      const reason = `${volume.reason} ${output.reason}`;
      return volume.status === 'pass' && output.status === 'pass' ? pass(reason) : fail(reason);
    }),
});

import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { eachEndpointConfig } from '../resources/sagemaker.ts';
import { notApplicable, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'sagemaker-endpoint-data-capture-encrypted-with-kms-key',
  evidence: ['sagemaker.ListEndpointConfigs', 'sagemaker.DescribeEndpointConfig', ...KEY_EVIDENCE],
  evaluate: (ctx) =>
    eachEndpointConfig(ctx, (d, at) =>
      !d.DataCaptureConfig || required(d.DataCaptureConfig, 'EnableCapture', 'The data capture configuration') === false
        ? notApplicable('Data capture is not enabled: no request or response payloads are stored.')
        : customerKeyVerdict(ctx, at, d.DataCaptureConfig.KmsKeyId, `Captured inference payloads in ${d.DataCaptureConfig.DestinationS3Uri ?? 'S3'}`),
    ),
});

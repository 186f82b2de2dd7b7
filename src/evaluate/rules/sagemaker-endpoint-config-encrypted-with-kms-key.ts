import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { eachEndpointConfig } from '../resources/sagemaker.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'sagemaker-endpoint-config-encrypted-with-kms-key',
  evidence: ['sagemaker.ListEndpointConfigs', 'sagemaker.DescribeEndpointConfig', ...KEY_EVIDENCE],
  evaluate: (ctx) => eachEndpointConfig(ctx, (d, at) => customerKeyVerdict(ctx, at, d.KmsKeyId, 'The storage attached to the endpoint\'s hosting instances')),
});

import { customerKeyVerdict } from '../kms-key.ts';
import { eachEndpointConfig } from '../resources/sagemaker.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'sagemaker-endpoint-config-encrypted-with-kms-key',
  evidence: ['sagemaker.ListEndpointConfigs', 'sagemaker.DescribeEndpointConfig'],
  evaluate: (ctx) => eachEndpointConfig(ctx, (d) => customerKeyVerdict(d.KmsKeyId, 'The storage attached to the endpoint\'s hosting instances')),
});

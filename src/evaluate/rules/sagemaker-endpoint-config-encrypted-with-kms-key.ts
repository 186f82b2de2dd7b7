import { customerKeyVerdict } from '../kms-key.ts';
import { eachEndpointConfig } from '../resources/sagemaker.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'sagemaker-endpoint-config-encrypted-with-kms-key',
  evaluate: (ctx) => eachEndpointConfig(ctx, (d) => customerKeyVerdict(d.KmsKeyId, 'The storage attached to the endpoint\'s hosting instances')),
};

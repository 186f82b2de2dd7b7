import { eachModel } from '../resources/sagemaker.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'sagemaker-model-network-isolation-enabled',
  evidence: ['sagemaker.ListModels', 'sagemaker.DescribeModel'],
  evaluate: (ctx) =>
    eachModel(ctx, (d) =>
      d.EnableNetworkIsolation === true
        ? pass('Network isolation is enabled: the inference container cannot make outbound network calls.')
        : fail('Network isolation is not enabled: the inference container can send request data to any reachable host.'),
    ),
});

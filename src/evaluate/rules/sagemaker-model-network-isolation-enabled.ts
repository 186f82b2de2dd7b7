import { eachModel } from '../resources/sagemaker.ts';
import { fail, pass } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'sagemaker-model-network-isolation-enabled',
  evaluate: (ctx) =>
    eachModel(ctx, (d) =>
      d.EnableNetworkIsolation === true
        ? pass('Network isolation is enabled: the inference container cannot make outbound network calls.')
        : fail('Network isolation is not enabled: the inference container can send request data to any reachable host.'),
    ),
};

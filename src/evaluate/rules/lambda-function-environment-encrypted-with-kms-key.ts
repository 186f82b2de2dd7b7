// Functions with environment variables (configuration, often endpoints and credentials of model
// services) must encrypt them with a customer-managed key: without KMSKeyArn Lambda uses its AWS
// managed key. Functions without environment variables have nothing this setting protects.
import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { judgeEachFunction } from '../resources/compute.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'lambda-function-environment-encrypted-with-kms-key',
  evidence: ['lambda.ListFunctions', ...KEY_EVIDENCE],
  evaluate: (ctx) =>
    judgeEachFunction(
      ctx,
      (f, at) => customerKeyVerdict(ctx, at, f.KMSKeyArn, `The environment of function ${f.FunctionName}`),
      (f) => Object.keys(f.Environment?.Variables ?? {}).length > 0,
      'Lambda functions with environment variables',
    ),
});

import { accountResource, fail, judgeCall, pass, required, targets } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'bedrock-model-invocation-logging-enabled',
  evidence: ['bedrock.GetModelInvocationLoggingConfiguration'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').map((at) =>
      judgeCall(ctx, at, accountResource(at), ctx.evidence.call('bedrock.GetModelInvocationLoggingConfiguration', at), {
        ok: (r) => {
          const c = r.loggingConfig;
          const destinations = [c?.s3Config?.bucketName && `s3://${c.s3Config.bucketName}/${c.s3Config.keyPrefix ?? ''}`, c?.cloudWatchConfig?.logGroupName && `log group ${c.cloudWatchConfig.logGroupName}`].filter(Boolean);
          if (!destinations.length) return fail('Model invocation logging is not configured in this region: prompts and responses sent to Bedrock models are not recorded.');
          if (required(c, 'textDataDeliveryEnabled', 'The logging configuration') === false) return fail(`Invocation logging goes to ${destinations.join(' and ')} but text data delivery is off, so prompts and completions are not recorded.`);
          return pass(`Model invocations are logged to ${destinations.join(' and ')}.`);
        },
      }),
    ),
});

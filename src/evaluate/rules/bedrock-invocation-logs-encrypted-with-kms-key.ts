import { bucketEncryption, combine, logGroupEncryption, type DestinationVerdict } from '../resources/log-destinations.ts';
import { accountResource, targets } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'bedrock-invocation-logs-encrypted-with-kms-key',
  evaluate: (ctx) =>
    targets(ctx, 'regional').map((at) => {
      const resource = accountResource(at);
      const call = ctx.evidence.call('bedrock.GetModelInvocationLoggingConfiguration', at);
      if (call.state !== 'ok') return ctx.finding('unknown', at, resource, call.error, call.records);
      const c = call.responses[0]?.loggingConfig;
      const destinations: DestinationVerdict[] = [];
      if (c?.s3Config?.bucketName) destinations.push(bucketEncryption(ctx, at.account, c.s3Config.bucketName));
      if (c?.cloudWatchConfig?.logGroupName) destinations.push(logGroupEncryption(ctx, at, c.cloudWatchConfig.logGroupName));
      const large = c?.cloudWatchConfig?.largeDataDeliveryS3Config?.bucketName;
      if (large && large !== c?.s3Config?.bucketName) destinations.push(bucketEncryption(ctx, at.account, large));
      if (!destinations.length) return ctx.finding('not_applicable', at, resource, 'Invocation logging is not configured here, so there is no log destination to protect (see bedrock-model-invocation-logging-enabled).', call.records);
      const v = combine(destinations);
      return ctx.finding(v.status, at, resource, `Invocation log destinations: ${v.reason}.`, [...call.records, ...v.records]);
    }),
};

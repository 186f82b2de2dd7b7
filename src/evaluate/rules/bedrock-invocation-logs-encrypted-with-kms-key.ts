import { bucketEncryption, logGroupEncryption, logGroupName, type DestinationVerdict } from '../resources/log-destinations.ts';
import type { Finding } from '../finding.ts';
import { accountResource, targets } from '../rule-helpers.ts';
import { KEY_EVIDENCE } from '../kms-key.ts';
import { defineRule } from '../rule.ts';

/** One finding per destination, so the report names the bucket or log group that is not protected. */
export const rule = defineRule({
  controlId: 'bedrock-invocation-logs-encrypted-with-kms-key',
  evidence: ['bedrock.GetModelInvocationLoggingConfiguration', 's3.GetBucketEncryption', 'cloudwatch-logs.DescribeLogGroups', ...KEY_EVIDENCE],
  evaluate: (ctx) =>
    targets(ctx, 'regional').flatMap((at): Finding[] => {
      const call = ctx.evidence.call('bedrock.GetModelInvocationLoggingConfiguration', at);
      if (call.state !== 'ok') return [ctx.finding('unknown', at, accountResource(at), call.error, call.records)];
      const c = call.responses[0]?.loggingConfig;
      const buckets = [...new Set([c?.s3Config?.bucketName, c?.cloudWatchConfig?.largeDataDeliveryS3Config?.bucketName].filter((b): b is string => !!b))];
      const destinations: { type: string; id: string; role: string; verdict: DestinationVerdict }[] = buckets.map((b) => ({
        type: 'AWS::S3::Bucket',
        id: b,
        role: b === c?.s3Config?.bucketName ? 'invocation log bucket' : 'large-payload bucket of the CloudWatch destination',
        verdict: bucketEncryption(ctx, at.account, b),
      }));
      const group = c?.cloudWatchConfig?.logGroupName;
      if (group) destinations.push({ type: 'AWS::Logs::LogGroup', id: logGroupName(group), role: 'invocation log group', verdict: logGroupEncryption(ctx, at, group) });
      if (!destinations.length) {
        return [ctx.finding('not_applicable', at, accountResource(at), 'Invocation logging is not configured here, so there is no log destination to protect (see bedrock-model-invocation-logging-enabled).', call.records)];
      }
      return destinations.map((d) => ctx.finding(d.verdict.status, at, { type: d.type, id: d.id }, `Bedrock ${d.role}: ${d.verdict.reason}.`, [...call.records, ...d.verdict.records]));
    }),
});

import { fail, forEachListed, pass, required, judged } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'cloudwatch-log-groups-encrypted-with-kms',
  evidence: ['cloudwatch-logs.DescribeLogGroups'],
  evaluate: (ctx) =>
    forEachListed(ctx, { key: 'cloudwatch-logs.DescribeLogGroups', scope: 'regional', items: (r) => r.logGroups, noun: 'CloudWatch log groups' }, (g, where, records) => {
      const v = g.kmsKeyId ? pass(`Encrypted with KMS key ${g.kmsKeyId}.`) : fail('Encrypted only with CloudWatch Logs service-owned keys: access to the logs cannot be restricted or revoked through a key policy.');
      return judged(ctx, where, { type: 'AWS::Logs::LogGroup', id: required(g, 'logGroupName', 'A log group'), arn: g.logGroupArn ?? g.arn }, v, records);
    }),
});

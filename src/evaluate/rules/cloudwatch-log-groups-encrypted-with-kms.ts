import { fail, forEachListed, pass } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'cloudwatch-log-groups-encrypted-with-kms',
  evaluate: (ctx) =>
    forEachListed(ctx, { key: 'cloudwatch-logs.DescribeLogGroups', scope: 'regional', items: (r) => r.logGroups, noun: 'CloudWatch log groups' }, (g: any, where, records) => {
      const v = g.kmsKeyId ? pass(`Encrypted with KMS key ${g.kmsKeyId}.`) : fail('Encrypted only with CloudWatch Logs service-owned keys: access to the logs cannot be restricted or revoked through a key policy.');
      return ctx.finding(v.status, where, { type: 'AWS::Logs::LogGroup', id: g.logGroupName, arn: g.logGroupArn ?? g.arn }, v.reason, records);
    }),
};

import { fail, forEachListed, pass, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

// No retention setting means "never expire", which meets any minimum.
export const rule = defineRule({
  controlId: 'cloudwatch-log-groups-retention-meets-minimum',
  evidence: ['cloudwatch-logs.DescribeLogGroups'],
  evaluate: (ctx) =>
    forEachListed(ctx, { key: 'cloudwatch-logs.DescribeLogGroups', scope: 'regional', items: (r) => r.logGroups, noun: 'CloudWatch log groups' }, (g, where, records) => {
      const min = ctx.params.logRetentionMinDays;
      const days = g.retentionInDays;
      const v =
        days === undefined || days === null
          ? pass(`Events never expire (no retention set); the minimum is ${min} days.`)
          : days >= min
            ? pass(`Retention is ${days} days (minimum ${min}).`)
            : fail(`Retention is ${days} days, below the required ${min}: events are deleted before the audit period ends.`);
      return ctx.finding(v.status, where, { type: 'AWS::Logs::LogGroup', id: required(g, 'logGroupName', 'A log group'), arn: g.logGroupArn ?? g.arn }, v.reason, records);
    }),
});

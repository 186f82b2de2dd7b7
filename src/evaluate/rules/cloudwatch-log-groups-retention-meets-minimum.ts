import { fail, forEachListed, pass } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

// No retention setting means "never expire", which meets any minimum.
export const rule: Rule = {
  controlId: 'cloudwatch-log-groups-retention-meets-minimum',
  evaluate: (ctx) =>
    forEachListed(ctx, { key: 'cloudwatch-logs.DescribeLogGroups', scope: 'regional', items: (r) => r.logGroups, noun: 'CloudWatch log groups' }, (g: any, where, records) => {
      const min = ctx.params.logRetentionMinDays;
      const days: number | undefined = g.retentionInDays;
      const v =
        days === undefined || days === null
          ? pass(`Events never expire (no retention set); the minimum is ${min} days.`)
          : days >= min
            ? pass(`Retention is ${days} days (minimum ${min}).`)
            : fail(`Retention is ${days} days, below the required ${min}: events are deleted before the audit period ends.`);
      return ctx.finding(v.status, where, { type: 'AWS::Logs::LogGroup', id: g.logGroupName, arn: g.logGroupArn ?? g.arn }, v.reason, records);
    }),
};

import { fail, forEachListed, pass, required, type Verdict, judged } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

// No retention setting means "never expire", which meets any minimum. AWS says so by leaving the field
// out, so the absence is read as "never" only in an answer that is otherwise whole (it states the
// group's creation time), not in a truncated or stripped one.
export const rule = defineRule({
  controlId: 'cloudwatch-log-groups-retention-meets-minimum',
  evidence: ['cloudwatch-logs.DescribeLogGroups'],
  documentedAbsences: ['retentionInDays'],
  evaluate: (ctx) =>
    forEachListed(ctx, { key: 'cloudwatch-logs.DescribeLogGroups', scope: 'regional', items: (r) => r.logGroups, noun: 'CloudWatch log groups' }, (g, where, records) => {
      const min = ctx.params.logRetentionMinDays;
      const days = g.retentionInDays;
      let v: Verdict;
      if (days === undefined || days === null) {
        required(g, 'creationTime', `Log group ${g.logGroupName}`);
        v = pass(`Events never expire (no retention set); the minimum is ${min} days.`);
      } else {
        v = days >= min ? pass(`Retention is ${days} days (minimum ${min}).`) : fail(`Retention is ${days} days, below the required ${min}: events are deleted before the audit period ends.`);
      }
      return judged(ctx, where, { type: 'AWS::Logs::LogGroup', id: required(g, 'logGroupName', 'A log group'), arn: g.logGroupArn ?? g.arn }, v, records);
    }),
});

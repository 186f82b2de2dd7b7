import { forEachHomeTrail, trailResource } from '../aws/cloudtrail-trails.ts';
import { listAt, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

// The security events responders must hear about without reading logs (after the CIS AWS Foundations
// monitoring section). A category counts when a metric filter on the trail's log group matches it AND
// an enabled CloudWatch alarm with an action watches the filter's metric.
const CATEGORIES: { name: string; tokens: RegExp }[] = [
  { name: 'root user activity', tokens: /Root/ },
  { name: 'console sign-in failures', tokens: /ConsoleLogin/ },
  { name: 'unauthorized API calls', tokens: /UnauthorizedOperation|AccessDenied/ },
  { name: 'CloudTrail configuration changes', tokens: /StopLogging|DeleteTrail|UpdateTrail/ },
  { name: 'IAM policy changes', tokens: /PutRolePolicy|AttachRolePolicy|PutUserPolicy|CreatePolicyVersion/ },
  { name: 'KMS key disabling or scheduled deletion', tokens: /DisableKey|ScheduleKeyDeletion/ },
];

function logGroupOf(arn: string): { region: string; name: string } | undefined {
  const m = /^arn:[^:]+:logs:([^:]+):[^:]*:log-group:([^:]+)/.exec(arn);
  return m ? { region: m[1]!, name: m[2]! } : undefined;
}

export const rule = defineRule({
  controlId: 'cloudtrail-security-event-alarms-configured',
  evidence: ['cloudtrail.DescribeTrails', 'cloudwatch-logs.DescribeMetricFilters', 'cloudwatch.DescribeAlarms'],
  evaluate: (ctx) =>
    forEachHomeTrail(
      ctx,
      (t, where, trailRecords) => {
        const group = logGroupOf(t.CloudWatchLogsLogGroupArn!);
        if (!group) return ctx.finding('unknown', where, trailResource(t), `Cannot parse the log group ARN ${t.CloudWatchLogsLogGroupArn}.`, trailRecords);
        const at = { account: where.account, region: group.region };
        const filters = listAt(ctx, 'cloudwatch-logs.DescribeMetricFilters', at, (r) => r.metricFilters);
        const alarms = listAt(ctx, 'cloudwatch.DescribeAlarms', at, (r) => r.MetricAlarms);
        const records = [...trailRecords, ...filters.records, ...alarms.records];
        if (!filters.ok || !alarms.ok) return ctx.finding('unknown', where, trailResource(t), `Cannot read metric filters or alarms: ${!filters.ok ? filters.error : ''}${!alarms.ok ? ` ${alarms.error}` : ''}`.trim(), records);
        const alerted = (metric: { metricName?: string; metricNamespace?: string }) =>
          alarms.items.some((a) => a.MetricName === metric.metricName && a.Namespace === metric.metricNamespace && required(a, 'ActionsEnabled', `Alarm ${a.AlarmName}`) && required(a, 'AlarmActions', `Alarm ${a.AlarmName}`).length > 0);
        const onGroup = filters.items.filter((f) => f.logGroupName === group.name);
        const missing = CATEGORIES.filter((c) => !onGroup.some((f) => c.tokens.test(f.filterPattern ?? '') && (f.metricTransformations ?? []).some(alerted)));
        return missing.length === 0
          ? ctx.finding('pass', where, trailResource(t), `Log group ${group.name} has alarmed metric filters for ${CATEGORIES.map((c) => c.name).join(', ')}.`, records)
          : ctx.finding('fail', where, trailResource(t), `Log group ${group.name} has no metric filter with an alarm that notifies someone for: ${missing.map((c) => c.name).join(', ')}.`, records);
      },
      { noun: 'CloudTrail trails homed in this region that deliver to CloudWatch Logs', keep: (t) => Boolean(t.CloudWatchLogsLogGroupArn) },
    ),
});
